// The commune's month of cell work at a glance (the window's commune overview): per cell, the meetings held
// in the month and the month's dues, read through the same functions as the reports (meetingsBetween,
// duesSummary), so the overview and the reports show the same figures.
#include <map>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/CellWork.h"
#include "services/Services.h"

namespace dangbo::services {

std::vector<CellMonthLine> communeMonth(Services& s, const Actor& actor, const core::YearMonth& month,
                                        const core::Date& asOf) {
  // The summary refuses a secretary (the commune's figures are the office's).
  const DuesSummary sum = duesSummary(s, actor, month.year, asOf);
  std::map<std::string, CellMonthLine> byCode;
  const core::Date first = month.first(), last = month.last();
  for (const auto& o : s.organizations(actor)) {
    if ((o.founded && *o.founded > last) || (o.ceased && *o.ceased <= first)) continue;
    auto& line = byCode[o.code];
    line.code = o.code;
    line.name = o.name;
  }
  for (const auto& c : sum.cells) {
    auto it = c.months.find(month.month);
    if (it == c.months.end()) continue;
    auto& line = byCode[c.code];
    line.code = c.code;
    line.name = c.name;
    line.dues = it->second;
  }
  for (auto& v : meetingsBetween(s, actor, first, last)) {
    auto& line = byCode[v.cellCode];
    line.code = v.cellCode;
    line.name = v.cellName;
    line.meetings.push_back(std::move(v));
  }
  // Every organization that existed in the month, with its meetings and dues (none: an empty line).
  std::vector<CellMonthLine> out;
  for (auto& [code, line] : byCode) out.push_back(std::move(line));
  return out;
}

}  // namespace dangbo::services
