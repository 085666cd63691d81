#include "store/CellWorkRepository.h"

#include <unordered_map>

#include "store/Sql.h"

namespace dangbo::store {

namespace {
constexpr const char* kMeetingColumns =
    "id, cell_id, held_on, kind, topic, starts_at, ends_at, chair_id, minutes_by, resolution, grade, place";
constexpr const char* kPaymentColumns =
    "id, member_id, month, amount_vnd, paid_on, channel, receipt, cell_id";

std::string meetingSelect(const char* where) {
  return std::string("SELECT ") + kMeetingColumns + " FROM meetings " + where;
}

MeetingRow readMeeting(SQLite::Statement& q) {
  MeetingRow m;
  m.id = q.getColumn(0).getInt64();
  m.cellId = q.getColumn(1).getInt64();
  m.heldOn = sql::requiredDate(q.getColumn(2));
  m.kind = q.getColumn(3).getString();
  m.topic = q.getColumn(4).getString();
  m.startsAt = q.getColumn(5).getString();
  m.endsAt = q.getColumn(6).getString();
  m.chairId = sql::optId(q.getColumn(7));
  m.minutesBy = sql::optId(q.getColumn(8));
  m.resolution = q.getColumn(9).getString();
  m.grade = q.getColumn(10).getString();
  m.place = q.getColumn(11).getString();
  return m;
}

PaymentRow readPayment(SQLite::Statement& q) {
  PaymentRow p;
  p.id = q.getColumn(0).getInt64();
  p.memberId = q.getColumn(1).getInt64();
  p.month = core::YearMonth::parse(q.getColumn(2).getString()).value_or(core::YearMonth{});
  p.amount = q.getColumn(3).getInt64();
  p.paidOn = sql::requiredDate(q.getColumn(4));
  p.channel = q.getColumn(5).getString();
  p.receipt = q.getColumn(6).getString();
  p.cellId = q.getColumn(7).getInt64();
  return p;
}

core::DuesBasis readBasis(SQLite::Statement& q, int i) {
  core::DuesBasis b;
  b.from = core::YearMonth::parse(q.getColumn(i).getString()).value_or(core::YearMonth{});
  b.category = q.getColumn(i + 1).getString();
  if (!q.getColumn(i + 2).isNull()) b.baseVnd = q.getColumn(i + 2).getInt64();
  b.relief = q.getColumn(i + 3).getString();
  b.decision = q.getColumn(i + 4).getString();
  return b;
}
}  // namespace

struct CellWorkRepository::Statements {
  SQLite::Statement meeting, insertMeeting, updateMeeting, attendance, deleteAttendance, insertAttendance,
      leave, saveLeave, bases, saveBasis, payment, savePayment, saveRemittance;
  explicit Statements(SQLite::Database& db)
      : meeting(db, meetingSelect("WHERE cell_id = ? AND held_on = ? AND kind = ?")),
        insertMeeting(
            db,
            "INSERT INTO meetings (cell_id, held_on, kind, topic, starts_at, ends_at, chair_id, minutes_by, "
            "resolution, grade, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        updateMeeting(
            db,
            "UPDATE meetings SET cell_id = ?, held_on = ?, kind = ?, topic = ?, starts_at = ?, ends_at = ?, "
            "chair_id = ?, minutes_by = ?, resolution = ?, grade = ?, place = ? WHERE id = ?"),
        attendance(
            db,
            "SELECT meeting_id, member_id, status, reason FROM meeting_attendance WHERE meeting_id = ? "
            "ORDER BY member_id"),
        deleteAttendance(db, "DELETE FROM meeting_attendance WHERE meeting_id = ?"),
        insertAttendance(
            db, "INSERT INTO meeting_attendance (meeting_id, member_id, status, reason) VALUES (?, ?, ?, ?)"),
        leave(db,
              "SELECT id, member_id, from_on, to_on, reason, decision FROM activity_leaves WHERE member_id = "
              "? AND "
              "from_on = ?"),
        saveLeave(db,
                  "INSERT INTO activity_leaves (member_id, from_on, to_on, reason, decision) VALUES (?, ?, "
                  "?, ?, ?) "
                  "ON CONFLICT (member_id, from_on) DO UPDATE SET to_on = excluded.to_on, reason = "
                  "excluded.reason, "
                  "decision = excluded.decision"),
        bases(db,
              "SELECT from_month, category, base_vnd, relief, decision FROM dues_bases WHERE member_id = ? "
              "ORDER BY "
              "from_month"),
        saveBasis(
            db,
            "INSERT INTO dues_bases (member_id, from_month, category, base_vnd, relief, decision) VALUES (?, "
            "?, "
            "?, ?, ?, ?) ON CONFLICT (member_id, from_month) DO UPDATE SET category = excluded.category, "
            "base_vnd = excluded.base_vnd, relief = excluded.relief, decision = excluded.decision"),
        payment(db, std::string("SELECT ") + kPaymentColumns +
                        " FROM dues_payments WHERE member_id = ? AND month = ?"),
        savePayment(
            db,
            "INSERT INTO dues_payments (member_id, month, amount_vnd, paid_on, channel, receipt, cell_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id, month) DO UPDATE SET amount_vnd = "
            "excluded.amount_vnd, paid_on = excluded.paid_on, channel = excluded.channel, receipt = "
            "excluded.receipt, cell_id = excluded.cell_id"),
        saveRemittance(
            db,
            "INSERT INTO dues_remittances (cell_id, month, amount_vnd, sent_on) VALUES (?, ?, ?, ?) ON "
            "CONFLICT (cell_id, month) DO UPDATE SET amount_vnd = excluded.amount_vnd, sent_on = "
            "excluded.sent_on") {}
};

CellWorkRepository::CellWorkRepository(Database& db) : db_(db), st_(std::make_unique<Statements>(db.db())) {}
CellWorkRepository::~CellWorkRepository() = default;

std::optional<MeetingRow> CellWorkRepository::meeting(core::Id cellId, const core::Date& on,
                                                      const std::string& kind) {
  auto& q = st_->meeting;
  q.reset();
  q.bind(1, static_cast<int64_t>(cellId));
  q.bind(2, on.iso());
  q.bind(3, kind);
  if (!q.executeStep()) return std::nullopt;
  return readMeeting(q);
}

core::Id CellWorkRepository::saveMeeting(const MeetingRow& m) {
  auto& q = m.id ? st_->updateMeeting : st_->insertMeeting;
  q.reset();
  q.bind(1, static_cast<int64_t>(m.cellId));
  q.bind(2, m.heldOn.iso());
  q.bind(3, m.kind);
  q.bind(4, m.topic);
  q.bind(5, m.startsAt);
  q.bind(6, m.endsAt);
  sql::bind(q, 7, m.chairId);
  sql::bind(q, 8, m.minutesBy);
  q.bind(9, m.resolution);
  q.bind(10, m.grade);
  q.bind(11, m.place);
  if (m.id) q.bind(12, static_cast<int64_t>(m.id));
  q.exec();
  return m.id ? m.id : db_.db().getLastInsertRowid();
}

std::vector<AttendanceRow> CellWorkRepository::attendance(core::Id meetingId) {
  auto& q = st_->attendance;
  q.reset();
  q.bind(1, static_cast<int64_t>(meetingId));
  std::vector<AttendanceRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

void CellWorkRepository::replaceAttendance(core::Id meetingId, const std::vector<AttendanceRow>& rows) {
  st_->deleteAttendance.reset();
  st_->deleteAttendance.bind(1, static_cast<int64_t>(meetingId));
  st_->deleteAttendance.exec();
  auto& q = st_->insertAttendance;
  for (const auto& r : rows) {
    q.reset();
    q.bind(1, static_cast<int64_t>(meetingId));
    q.bind(2, static_cast<int64_t>(r.memberId));
    q.bind(3, r.status);
    q.bind(4, r.reason);
    q.exec();
  }
}

std::vector<MeetingRow> CellWorkRepository::meetingsBetween(const core::Date& from, const core::Date& to,
                                                            std::optional<core::Id> cellId) {
  SQLite::Statement q(db_.db(),
                      meetingSelect("WHERE held_on BETWEEN ? AND ? AND (?3 IS NULL OR cell_id = ?3) "
                                    "ORDER BY cell_id, held_on, kind"));
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  sql::bind(q, 3, cellId);
  std::vector<MeetingRow> out;
  while (q.executeStep()) out.push_back(readMeeting(q));
  return out;
}

std::vector<AttendanceRow> CellWorkRepository::attendanceBetween(const core::Date& from, const core::Date& to,
                                                                 std::optional<core::Id> cellId) {
  SQLite::Statement q(
      db_.db(),
      "SELECT a.meeting_id, a.member_id, a.status, a.reason FROM meeting_attendance a JOIN meetings m "
      "ON m.id = a.meeting_id WHERE m.held_on BETWEEN ? AND ? AND (?3 IS NULL OR m.cell_id = ?3)");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  sql::bind(q, 3, cellId);
  std::vector<AttendanceRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

std::optional<LeaveRow> CellWorkRepository::leave(core::Id memberId, const core::Date& from) {
  auto& q = st_->leave;
  q.reset();
  q.bind(1, static_cast<int64_t>(memberId));
  q.bind(2, from.iso());
  if (!q.executeStep()) return std::nullopt;
  return LeaveRow{q.getColumn(0).getInt64(),         q.getColumn(1).getInt64(),
                  sql::requiredDate(q.getColumn(2)), sql::requiredDate(q.getColumn(3)),
                  q.getColumn(4).getString(),        q.getColumn(5).getString()};
}

void CellWorkRepository::saveLeave(const LeaveRow& l) {
  auto& q = st_->saveLeave;
  q.reset();
  q.bind(1, static_cast<int64_t>(l.memberId));
  q.bind(2, l.from.iso());
  q.bind(3, l.to.iso());
  q.bind(4, l.reason);
  q.bind(5, l.decision);
  q.exec();
}

std::vector<LeaveRow> CellWorkRepository::leaves() {
  SQLite::Statement q(
      db_.db(),
      "SELECT id, member_id, from_on, to_on, reason, decision FROM activity_leaves ORDER BY member_id, "
      "from_on");
  std::vector<LeaveRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), sql::requiredDate(q.getColumn(2)),
                   sql::requiredDate(q.getColumn(3)), q.getColumn(4).getString(),
                   q.getColumn(5).getString()});
  return out;
}

std::vector<core::DuesBasis> CellWorkRepository::bases(core::Id memberId) {
  auto& q = st_->bases;
  q.reset();
  q.bind(1, static_cast<int64_t>(memberId));
  std::vector<core::DuesBasis> out;
  while (q.executeStep()) out.push_back(readBasis(q, 0));
  return out;
}

void CellWorkRepository::saveBasis(core::Id memberId, const core::DuesBasis& b) {
  auto& q = st_->saveBasis;
  q.reset();
  q.bind(1, static_cast<int64_t>(memberId));
  q.bind(2, b.from.iso());
  q.bind(3, b.category);
  if (b.baseVnd)
    q.bind(4, *b.baseVnd);
  else
    q.bind(4);
  q.bind(5, b.relief);
  q.bind(6, b.decision);
  q.exec();
}

std::vector<BasisRow> CellWorkRepository::allBases() {
  SQLite::Statement q(
      db_.db(),
      "SELECT member_id, from_month, category, base_vnd, relief, decision FROM dues_bases ORDER BY "
      "member_id, from_month");
  std::vector<BasisRow> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), readBasis(q, 1)});
  return out;
}

std::optional<PaymentRow> CellWorkRepository::payment(core::Id memberId, const core::YearMonth& month) {
  auto& q = st_->payment;
  q.reset();
  q.bind(1, static_cast<int64_t>(memberId));
  q.bind(2, month.iso());
  if (!q.executeStep()) return std::nullopt;
  return readPayment(q);
}

void CellWorkRepository::savePayment(const PaymentRow& p) {
  auto& q = st_->savePayment;
  q.reset();
  q.bind(1, static_cast<int64_t>(p.memberId));
  q.bind(2, p.month.iso());
  q.bind(3, p.amount);
  q.bind(4, p.paidOn.iso());
  q.bind(5, p.channel);
  q.bind(6, p.receipt);
  q.bind(7, static_cast<int64_t>(p.cellId));
  q.exec();
}

std::vector<PaymentRow> CellWorkRepository::paymentsFor(const core::YearMonth& from,
                                                        const core::YearMonth& to,
                                                        std::optional<core::Id> cellId) {
  SQLite::Statement q(db_.db(), cellId
                                    ? std::string("SELECT ") + kPaymentColumns +
                                          " FROM dues_payments WHERE cell_id = ?3 AND month BETWEEN ?1 AND ?2"
                                    : std::string("SELECT ") + kPaymentColumns +
                                          " FROM dues_payments WHERE month BETWEEN ? AND ?");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  if (cellId) q.bind(3, static_cast<int64_t>(*cellId));
  std::vector<PaymentRow> out;
  while (q.executeStep()) out.push_back(readPayment(q));
  return out;
}

std::vector<PaymentRow> CellWorkRepository::paymentsOfPeriod(const core::YearMonth& from,
                                                             const core::YearMonth& to,
                                                             std::optional<core::Id> cellId) {
  // With a cell, its index (cell_id, month) finds the rows; without, one pass over the table.
  // The figures only: the channel and the receipt are not read (two texts a row, 2 million rows a province).
  SQLite::Statement q(db_.db(),
                      std::string("SELECT id, member_id, month, amount_vnd, paid_on, '', '', cell_id") +
                          " FROM dues_payments WHERE " + (cellId ? "cell_id = ?5 AND " : "") +
                          "(month BETWEEN ?1 AND ?2 OR (month < ?1 AND paid_on BETWEEN ?3 AND ?4))");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  q.bind(3, from.first().iso());
  q.bind(4, to.last().iso());
  if (cellId) q.bind(5, static_cast<int64_t>(*cellId));
  std::vector<PaymentRow> out;
  while (q.executeStep()) out.push_back(readPayment(q));
  return out;
}

namespace {
// The number of `n` digits at p (-1 when one is not a digit).
int digitsAt(const char* p, int n) {
  int v = 0;
  for (int k = 0; k < n; ++k) {
    if (p[k] < '0' || p[k] > '9') return -1;
    v = v * 10 + (p[k] - '0');
  }
  return v;
}
// The month of a stored "YYYY-MM" or "YYYY-MM-DD" column (none: another form).
std::optional<core::YearMonth> monthOf(const SQLite::Column& c) {
  const char* p = c.getText();
  if (c.getBytes() < 7 || p[4] != '-') return std::nullopt;
  const int y = digitsAt(p, 4), m = digitsAt(p + 5, 2);
  if (y < 0 || m < 1 || m > 12) return std::nullopt;
  return core::YearMonth{y, m};
}
}  // namespace

PaymentFigures CellWorkRepository::paymentFigures(const core::YearMonth& from, const core::YearMonth& to,
                                                  const core::Date& asOf) {
  // One pass over the rows (the months' payments and the arrears paid in their days), summed here: a GROUP BY
  // would sort a million rows in a temporary tree.
  const std::string paidBy = asOf.iso(), dayFrom = from.first().iso(),
                    dayTo = std::min(asOf, to.last()).iso();
  SQLite::Statement q(
      db_.db(),
      "SELECT member_id, cell_id, month, paid_on, amount_vnd FROM dues_payments WHERE month <= ?2 "
      "AND (month >= ?1 OR paid_on BETWEEN ?3 AND ?4)");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  q.bind(3, dayFrom);
  q.bind(4, dayTo);
  PaymentFigures out;
  // By cell and month of the payment day (cell id * 2^16 + the month's index): one hash lookup a row.
  std::unordered_map<int64_t, int64_t> collected;
  while (q.executeStep()) {
    const SQLite::Column paidOn = q.getColumn(3);
    const std::string_view day(paidOn.getText(), static_cast<size_t>(paidOn.getBytes()));
    const int64_t amount = q.getColumn(4).getInt64();
    const auto month = monthOf(q.getColumn(2));
    if (month && *month >= from && day <= paidBy)
      out.paid.push_back({q.getColumn(0).getInt64(), *month, amount});
    if (day >= dayFrom && day <= dayTo)
      if (auto paidIn = monthOf(paidOn))
        collected[q.getColumn(1).getInt64() * 65536 + paidIn->index()] += amount;
  }
  out.collected.reserve(collected.size());
  for (const auto& [key, amount] : collected) {
    const int index = static_cast<int>(key % 65536);
    out.collected.push_back({key / 65536, {index / 12, index % 12 + 1}, amount});
  }
  return out;
}

void CellWorkRepository::saveRemittance(const RemittanceRow& r) {
  auto& q = st_->saveRemittance;
  q.reset();
  q.bind(1, static_cast<int64_t>(r.cellId));
  q.bind(2, r.month.iso());
  q.bind(3, r.amount);
  q.bind(4, r.sentOn.iso());
  q.exec();
}

std::vector<RemittanceRow> CellWorkRepository::remittancesFor(const core::YearMonth& from,
                                                              const core::YearMonth& to) {
  SQLite::Statement q(
      db_.db(),
      "SELECT cell_id, month, amount_vnd, sent_on FROM dues_remittances WHERE month BETWEEN ? AND ?");
  q.bind(1, from.iso());
  q.bind(2, to.iso());
  std::vector<RemittanceRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(),
                   core::YearMonth::parse(q.getColumn(1).getString()).value_or(core::YearMonth{}),
                   q.getColumn(2).getInt64(), sql::requiredDate(q.getColumn(3))});
  return out;
}

std::vector<PaymentRow> CellWorkRepository::paymentsOf(core::Id memberId) {
  SQLite::Statement q(db_.db(), std::string("SELECT ") + kPaymentColumns +
                                    " FROM dues_payments WHERE member_id = ? ORDER BY month");
  q.bind(1, static_cast<int64_t>(memberId));
  std::vector<PaymentRow> out;
  while (q.executeStep()) out.push_back(readPayment(q));
  return out;
}

namespace {
// DELETE with two keys: an id and a text (a day or a month).
void deleteWhere(SQLite::Database& db, const char* sqlText, core::Id id, const std::string& key) {
  SQLite::Statement q(db, sqlText);
  q.bind(1, static_cast<int64_t>(id));
  if (!key.empty()) q.bind(2, key);
  q.exec();
}
}  // namespace

void CellWorkRepository::deleteMeeting(core::Id meetingId) {
  deleteWhere(db_.db(), "DELETE FROM meeting_attendance WHERE meeting_id = ?", meetingId, "");
  deleteWhere(db_.db(), "DELETE FROM meetings WHERE id = ?", meetingId, "");
}

void CellWorkRepository::deleteLeave(core::Id memberId, const core::Date& from) {
  deleteWhere(db_.db(), "DELETE FROM activity_leaves WHERE member_id = ? AND from_on = ?", memberId,
              from.iso());
}

void CellWorkRepository::deleteBasis(core::Id memberId, const core::YearMonth& from) {
  deleteWhere(db_.db(), "DELETE FROM dues_bases WHERE member_id = ? AND from_month = ?", memberId,
              from.iso());
}

void CellWorkRepository::deletePayment(core::Id memberId, const core::YearMonth& month) {
  deleteWhere(db_.db(), "DELETE FROM dues_payments WHERE member_id = ? AND month = ?", memberId, month.iso());
}

void CellWorkRepository::deleteRemittance(core::Id cellId, const core::YearMonth& month) {
  deleteWhere(db_.db(), "DELETE FROM dues_remittances WHERE cell_id = ? AND month = ?", cellId, month.iso());
}

std::vector<core::Id> CellWorkRepository::membersWithRemoval() {
  SQLite::Statement q(db_.db(), "SELECT DISTINCT member_id FROM removals");
  std::vector<core::Id> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::optional<core::YearMonth> CellWorkRepository::firstDuesMonth() {
  SQLite::Statement q(
      db_.db(),
      "SELECT min(m) FROM (SELECT min(from_month) AS m FROM dues_bases UNION ALL SELECT min(month) "
      "FROM dues_payments)");
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return core::YearMonth::parse(q.getColumn(0).getString());
}

}  // namespace dangbo::store
