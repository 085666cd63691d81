#pragma once
// The domain rules the store's queries apply, each written once as an SQL condition and used by every query
// that counts by it (the congress report, the admissions report, the overview, the admission board).
#include <string>

namespace dangbo::store::rule {

/// "Admitted by this committee in a period": a member (table alias m) with no transfer-in date whose
/// admission decision (admitted_on) lies in [?1, ?2], whatever happened to them later.
inline const std::string kAdmittedHereBetween =
    "m.transferred_in_on IS NULL AND m.admitted_on BETWEEN ?1 AND ?2";

/// The cell a member (alias m) was admitted into: the first admission event's cell, else the current cell.
inline const std::string kAdmissionCell =
    "coalesce((SELECT e.to_cell FROM member_events e WHERE e.member_id = m.id AND e.kind = 'admitted' AND "
    "e.to_cell IS NOT NULL ORDER BY e.date, e.id LIMIT 1), m.cell_id)";

/// A candidate (alias c) decided in [?1, ?2] whose member file is not made yet (the ceremony is ahead).
inline const std::string kDecidedAwaitingCeremony =
    "c.status = 'in_progress' AND c.member_id IS NULL AND c.decision_on BETWEEN ?1 AND ?2";

}  // namespace dangbo::store::rule

namespace dangbo::store::rule {

/// "Present on a day" ?1 (store::presentOn, its C++ twin, held to the same answers by a test): a member
/// (alias m) who joined (admitted, or transferred in) on or before the day and whose status ending membership
/// did not begin on or before it. A status without its day (status_since) applies always.
inline const std::string kPresentOn =
    "coalesce(m.transferred_in_on, m.admitted_on) <= ?1 AND NOT (m.status IN ('transferred_out', 'deceased', "
    "'removed', 'expelled', 'left') AND coalesce(m.status_since <= ?1, 1))";

/// Exempt from party activity on the day ?1 (store::exemptOn): the status exempt, begun on or before the day
/// or without its day recorded.
inline const std::string kExemptOn = "m.status = 'exempt' AND coalesce(m.status_since <= ?1, 1)";

/// The cell a member (alias m) belonged to on the day the SQL expression `day` gives (store::cellOn, its C++
/// twin): the to_cell of the last change on or before the day, else the from_cell of the first later change,
/// else the current cell.
inline std::string cellOnDayOf(const std::string& day) {
  return "coalesce((SELECT e.to_cell FROM member_events e WHERE e.member_id = m.id AND e.to_cell IS NOT NULL "
         "AND e.date <= " +
         day + " ORDER BY e.date DESC, e.id DESC LIMIT 1), (SELECT e.from_cell FROM member_events e WHERE " +
         "e.member_id = m.id AND e.from_cell IS NOT NULL AND e.date > " + day +
         " ORDER BY e.date, e.id LIMIT 1), m.cell_id)";
}

/// The cell a member (alias m) belonged to on the day ?1: cellOnDayOf("?1").
inline const std::string kCellOnDay = cellOnDayOf("?1");

}  // namespace dangbo::store::rule
