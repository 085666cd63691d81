#include "store/TransferBookRepository.h"

#include "store/Sql.h"

namespace dangbo::store {

namespace {

const char* kColumns =
    "SELECT t.id, t.direction, t.year, t.number, t.member_id, t.event_id, t.date, t.from_place, t.to_place, "
    "t.reason, t.dues_paid_to, t.other_number, m.code, m.full_name FROM transfer_letters t JOIN members m ON "
    "m.id = t.member_id ";

TransferLetterRow readRow(SQLite::Statement& q) {
  TransferLetterRow r;
  r.id = q.getColumn(0).getInt64();
  r.direction = q.getColumn(1).getString();
  r.year = q.getColumn(2).getInt();
  r.number = q.getColumn(3).getInt();
  r.memberId = q.getColumn(4).getInt64();
  r.eventId = q.getColumn(5).getInt64();
  r.date = sql::requiredDate(q.getColumn(6));
  r.fromPlace = q.getColumn(7).getString();
  r.toPlace = q.getColumn(8).getString();
  r.reason = q.getColumn(9).getString();
  if (!q.getColumn(10).isNull()) r.duesPaidTo = q.getColumn(10).getString();
  r.otherNumber = q.getColumn(11).getString();
  r.memberCode = q.getColumn(12).getString();
  r.memberName = q.getColumn(13).getString();
  return r;
}

}  // namespace

int TransferBookRepository::nextNumber(const std::string& direction, int year) {
  SQLite::Statement q(
      db_.db(), "SELECT coalesce(max(number), 0) + 1 FROM transfer_letters WHERE direction = ? AND year = ?");
  q.bind(1, direction);
  q.bind(2, year);
  q.executeStep();
  return q.getColumn(0).getInt();
}

std::optional<TransferLetterRow> TransferBookRepository::forEvent(const std::string& direction,
                                                                  core::Id eventId) {
  SQLite::Statement q(db_.db(), std::string(kColumns) + "WHERE t.direction = ? AND t.event_id = ?");
  q.bind(1, direction);
  q.bind(2, static_cast<int64_t>(eventId));
  if (!q.executeStep()) return std::nullopt;
  return readRow(q);
}

core::Id TransferBookRepository::insert(const TransferLetterRow& r) {
  SQLite::Statement q(
      db_.db(),
      "INSERT INTO transfer_letters (direction, year, number, member_id, event_id, date, "
      "from_place, to_place, reason, dues_paid_to, other_number) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  q.bind(1, r.direction);
  q.bind(2, r.year);
  q.bind(3, r.number);
  q.bind(4, static_cast<int64_t>(r.memberId));
  q.bind(5, static_cast<int64_t>(r.eventId));
  q.bind(6, r.date.iso());
  q.bind(7, r.fromPlace);
  q.bind(8, r.toPlace);
  q.bind(9, r.reason);
  if (r.duesPaidTo)
    q.bind(10, *r.duesPaidTo);
  else
    q.bind(10);
  q.bind(11, r.otherNumber);
  q.exec();
  return db_.db().getLastInsertRowid();
}

std::vector<TransferLetterRow> TransferBookRepository::ofYear(int year) {
  std::vector<TransferLetterRow> out;
  SQLite::Statement q(db_.db(),
                      std::string(kColumns) + "WHERE t.year = ? ORDER BY t.direction = 'received', t.number");
  q.bind(1, year);
  while (q.executeStep()) out.push_back(readRow(q));
  return out;
}

std::vector<TransferWithoutLetterRow> TransferBookRepository::withoutLetter(const core::Date& from,
                                                                            const core::Date& to) {
  std::vector<TransferWithoutLetterRow> out;
  SQLite::Statement q(
      db_.db(),
      "SELECT e.id, e.kind, e.date, CASE WHEN e.kind = 'transfer_in' AND e.place = '' THEN "
      "m.transferred_in_from "
      "ELSE e.place END, e.reason, m.code, m.full_name, m.status FROM member_events e JOIN members m ON m.id "
      "= "
      "e.member_id WHERE e.kind IN ('transfer_out', 'transfer_in') AND e.date BETWEEN ? AND ? AND NOT EXISTS "
      "(SELECT 1 FROM transfer_letters t WHERE t.event_id = e.id AND t.direction = CASE e.kind WHEN "
      "'transfer_out' THEN 'issued' ELSE 'received' END) AND NOT EXISTS (SELECT 1 FROM member_events l WHERE "
      "l.member_id = e.member_id AND l.kind = e.kind AND (l.date > e.date OR (l.date = e.date AND l.id > "
      "e.id))) ORDER BY e.date, m.code");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  while (q.executeStep()) {
    TransferWithoutLetterRow r;
    r.eventId = q.getColumn(0).getInt64();
    r.kind = q.getColumn(1).getString();
    r.date = sql::requiredDate(q.getColumn(2));
    r.place = q.getColumn(3).getString();
    r.reason = q.getColumn(4).getString();
    r.memberCode = q.getColumn(5).getString();
    r.memberName = q.getColumn(6).getString();
    r.memberStatus = q.getColumn(7).getString();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dangbo::store
