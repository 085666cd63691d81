#pragma once
// A change package's ratings written through the rating door of the ratings page
// (services::enterMemberRatings, rateOrganizations): the round open, the member present and eligible, the
// office's decision its own act, and the audit row rating.self / rating.propose / rating.decide the page
// writes for the same value.
#include <string>
#include <utility>
#include <vector>

#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// Writes the rating of `year` of the subject `subjectCode` (`subjectType` dang_vien | to_chuc) as a package
/// carries it: `columns` holds (column, new value) of self_level, proposed_level, level, score and
/// exception_reason, each entered as the page enters it (a score or an exception alone with `currentLevel`,
/// the level stored at the office, "" for none). Throws core::DataError with the page's words when the door
/// refuses; any other column is refused too.
void writePackageRating(Services& s, const Actor& actor, int year, const std::string& subjectType,
                        const std::string& subjectCode, const std::string& currentLevel,
                        const std::vector<std::pair<std::string, std::string>>& columns);

}  // namespace dangbo::services
