// Party age (tuổi đảng): counted from the first admission, less every interruption (the time between a
// removal or expulsion and the re-admission, or any other gap the office records). The one definition used by
// badges, the dues exemption at 50 years, the member form and every report.
#pragma once

#include <optional>
#include <vector>

#include "core/Date.h"

namespace dangbo::core {

/// A time outside the party: from `from` (the day the membership ended) to `to` (the day it began again;
/// none while it has not).
struct PartyAgeGap {
  Date from;
  std::optional<Date> to;
};

/// The day on which party age reaches `years` full years: the first admission plus `years`, moved later by
/// the length of every gap that began before it; none while an open gap holds it back.
std::optional<Date> dayPartyAgeReaches(Date firstAdmitted, std::vector<PartyAgeGap> gaps, int years);

/// Full years of party age on `day` (0 before the first admission's first anniversary or before it).
int partyYearsOn(Date firstAdmitted, const std::vector<PartyAgeGap>& gaps, Date day);

}  // namespace dangbo::core
