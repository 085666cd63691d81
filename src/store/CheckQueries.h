#pragma once
// The SQL behind the rule checks of `check`: ratings against eligibility, quota and discipline, and
// candidates' ages.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "store/Database.h"

namespace dangbo::store {

/// A member's rating with what the rules need to judge it.
struct RatedMember {
  std::string code, name;
  int year = 0;
  std::string level;
  std::string cellCode;                   ///< the cell the member belonged to on 31 December of the year
  std::string status;                     ///< current status
  std::optional<core::Date> statusSince;  ///< when it began
  std::optional<core::Date> admittedOn;   ///< admission decision (none for a member who transferred in)
  bool disciplined = false;               ///< a disciplinary decision on the member dated in the year
};

/// A candidate's age facts.
struct CandidateAge {
  std::string code, name, status;
  std::optional<std::string> birthDate;  ///< storage form (partial dates allowed)
  std::optional<core::Date> cellVoteOn;
};

/// Every member rating, with the cell on 31 December and whether the member was disciplined that year.
std::vector<RatedMember> ratedMembers(Database& db);
/// The candidates still in the pipeline or admitted (not withdrawn or rejected).
std::vector<CandidateAge> candidateAges(Database& db);

}  // namespace dangbo::store
