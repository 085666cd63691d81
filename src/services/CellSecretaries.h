#pragma once
// The door of a cell secretary's period in office (spec/import.md bi_thu_chi_bo.csv): who was, or is, the
// secretary of a cell from a first day to a last one, past periods included. The import's bi_thu_chi_bo.csv
// and `dangbo-cli record add organization_event CODE action=secretary_period` write through it, with its
// scope (the office or an administrator), its checks and its audit row. (The window's organization action
// "leader" names today's leader and ends the previous one's period: services::setCellLeader.)
#include <optional>
#include <string>

#include "core/Date.h"

namespace dangbo::services {

class Services;
struct Actor;

/// What recording a period would do.
enum class PeriodChange {
  New,         ///< a new period
  EndChanged,  ///< the period stored (same cell, member and first day) gets another last day
  Unchanged    ///< the period is stored as given
};

/// Records that `memberCode` was the secretary of the cell `cellCode` from `from` to `to` (nullopt: still in
/// office), or sets the last day of that stored period. Office or administrator only. Refuses (in
/// Vietnamese): a day in the future, a last day before the first, a cell that did not exist over the period,
/// a member who was not an official member of the cell on the first day, and a period that overlaps another
/// secretary's period of the cell (a handover day shared by the two is not an overlap). One audit row
/// cell_leader.period with the old and new period; nothing when unchanged.
PeriodChange recordSecretaryPeriod(Services& s, const Actor& actor, const std::string& cellCode,
                                   const std::string& memberCode, const core::Date& from,
                                   const std::optional<core::Date>& to, const std::string& decisionNo);
/// What checkSecretaryPeriod found.
struct PeriodCheck {
  PeriodChange change = PeriodChange::New;
  std::optional<core::Date> storedTo;  ///< EndChanged: the last day stored (nullopt: still in office)
};
/// The checks of recordSecretaryPeriod alone (an import's plan): throws its refusal, writes nothing. `field`,
/// when given, names the argument refused (cell, member, from, to).
PeriodCheck checkSecretaryPeriod(Services& s, const Actor& actor, const std::string& cellCode,
                                 const std::string& memberCode, const core::Date& from,
                                 const std::optional<core::Date>& to, std::string* field = nullptr);

}  // namespace dangbo::services
