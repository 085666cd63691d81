#include "core/PartyAge.h"

#include <algorithm>

namespace dangbo::core {

std::optional<Date> dayPartyAgeReaches(Date firstAdmitted, std::vector<PartyAgeGap> gaps, int years) {
  std::sort(gaps.begin(), gaps.end(),
            [](const PartyAgeGap& a, const PartyAgeGap& b) { return a.from < b.from; });
  Date reached = firstAdmitted.addYears(years);
  for (const auto& g : gaps) {
    if (g.from < firstAdmitted) continue;  // a gap before the first admission is not one
    if (!(g.from < reached)) break;
    if (!g.to) return std::nullopt;
    if (*g.to > g.from) reached = reached.addDays(g.to->serial() - g.from.serial());
  }
  return reached;
}

int partyYearsOn(Date firstAdmitted, const std::vector<PartyAgeGap>& gaps, Date day) {
  if (day < firstAdmitted) return 0;
  // At most one year per calendar year: count up from a lower bound.
  int years = 0;
  for (int n = 1; n <= day.year() - firstAdmitted.year() + 1; ++n) {
    auto d = dayPartyAgeReaches(firstAdmitted, gaps, n);
    if (!d || *d > day) break;
    years = n;
  }
  return years;
}

}  // namespace dangbo::core
