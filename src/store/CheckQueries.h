#pragma once
// The SQL behind the age check of `check`: candidates' birth dates and vote days.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "store/Database.h"

namespace dangbo::store {

/// A candidate's age facts.
struct CandidateAge {
  std::string code, name, status;
  std::optional<std::string> birthDate;  ///< storage form (partial dates allowed)
  std::optional<core::Date> cellVoteOn;
  /// The province's approval of a candidate over the maximum age (its number), empty when none was given.
  std::string provincialApprovalNo;
};

/// The candidates still in the pipeline or admitted (not withdrawn or rejected).
std::vector<CandidateAge> candidateAges(Database& db);

}  // namespace dangbo::store
