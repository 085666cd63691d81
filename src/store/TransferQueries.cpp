#include "store/TransferQueries.h"

#include "store/Sql.h"

namespace dangbo::store {

std::vector<PendingTransfer> pendingTransfers(Database& db) {
  std::vector<PendingTransfer> out;
  SQLite::Statement q(
      db.db(),
      "SELECT e.id, m.id, m.code, m.full_name, coalesce(e.from_cell, m.cell_id), e.date, e.place, "
      "e.decision_no FROM member_events e JOIN members m ON m.id = e.member_id "
      "WHERE m.status = 'transferred_out' AND e.kind = 'transfer_out' AND e.received_on IS NULL "
      "AND e.id = (SELECT x.id FROM member_events x WHERE x.member_id = m.id AND x.kind = "
      "'transfer_out' ORDER BY x.date DESC, x.id DESC LIMIT 1) ORDER BY e.date, m.code");
  while (q.executeStep()) {
    PendingTransfer t;
    t.eventId = q.getColumn(0).getInt64();
    t.memberId = q.getColumn(1).getInt64();
    t.code = q.getColumn(2).getString();
    t.fullName = q.getColumn(3).getString();
    t.cellId = q.getColumn(4).getInt64();
    auto on = sql::date(q.getColumn(5));
    if (!on) continue;  // an unreadable date is the integrity check's business
    t.on = *on;
    t.place = q.getColumn(6).getString();
    t.decisionNo = q.getColumn(7).getString();
    out.push_back(std::move(t));
  }
  return out;
}

void setTransferReceived(Database& db, core::Id eventId, const core::Date& on) {
  SQLite::Statement q(db.db(),
                      "UPDATE member_events SET received_on = ? WHERE id = ? AND kind = 'transfer_out'");
  q.bind(1, on.iso());
  q.bind(2, static_cast<int64_t>(eventId));
  q.exec();
}

void settleTransfersBefore(Database& db, const core::Date& cutoff, int lagDays) {
  SQLite::Statement q(db.db(),
                      "UPDATE member_events SET received_on = date(date, '+' || ? || ' days') WHERE kind = "
                      "'transfer_out' AND received_on IS NULL AND date < ?");
  q.bind(1, lagDays);
  q.bind(2, cutoff.iso());
  q.exec();
}

}  // namespace dangbo::store
