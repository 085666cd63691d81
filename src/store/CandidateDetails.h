#pragma once
// Writes a candidate's personal details corrected after the listing (services::correctCandidate): the name
// (with its search key), the birth date, the occupation. The stages, the listing day and the CCCD are
// written by AdmissionRepository::updateCandidate.
#include "core/Records.h"

namespace dangbo::store {

class Database;

/// Updates full_name, search_key, birth_date and occupation of the candidate `c.id`.
void updateCandidateDetails(Database& db, const core::Candidate& c);

}  // namespace dangbo::store
