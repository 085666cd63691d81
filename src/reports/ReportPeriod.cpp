#include "reports/ReportPeriod.h"

#include <algorithm>

#include "services/Services.h"

namespace dangbo::reports {

core::Date defaultPeriodStart(services::Services& s, const std::string& name, const core::Date& today) {
  int first = today.year();
  if (name == "congress") {
    // The term of the targets that holds today (the later one when two meet in a year), from its first year.
    int best = 0;
    for (const auto& t : s.targets())
      if (t.fromYear <= today.year() && today.year() <= t.toYear) best = std::max(best, t.fromYear);
    if (best > 0) first = best;
  }
  return *core::Date::make(first, 1, 1);
}

}  // namespace dangbo::reports
