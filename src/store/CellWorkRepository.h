#pragma once
// The monthly work of the cells (migration 0014): meetings and their attendance, temporary leaves, the
// members' dated dues basis, dues payments and what each cell sent up. Statements are prepared once per
// repository, so a bulk caller (an import, a change package) reuses them row after row.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/CellWork.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// A stored meeting.
struct MeetingRow {
  core::Id id = 0;
  core::Id cellId = 0;
  core::Date heldOn;
  std::string kind;  ///< thuong_ky | chuyen_de | bat_thuong
  std::string topic, startsAt, endsAt;
  std::optional<core::Id> chairId, minutesBy;
  std::string resolution;
  std::string grade;  ///< "" | tot | kha | trung_binh | kem
  std::string place;  ///< where it was held ("" when not recorded)
};

/// One member's attendance at a meeting.
struct AttendanceRow {
  core::Id meetingId = 0;
  core::Id memberId = 0;
  std::string status;  ///< co_mat | vang_co_ly_do | vang_khong_ly_do
  std::string reason;
};

/// A temporary leave from party activity.
struct LeaveRow {
  core::Id id = 0;
  core::Id memberId = 0;
  core::Date from, to;
  std::string reason, decision;
};

/// A member's dues basis row.
struct BasisRow {
  core::Id memberId = 0;
  core::DuesBasis basis;
};

/// A dues payment.
struct PaymentRow {
  core::Id id = 0;
  core::Id memberId = 0;
  core::YearMonth month;
  int64_t amount = 0;
  core::Date paidOn;
  std::string channel;  ///< tien_mat | cong_dvc
  std::string receipt;
  core::Id cellId = 0;  ///< the cell that collected it
};

/// What a cell sent up for a month.
struct RemittanceRow {
  core::Id cellId = 0;
  core::YearMonth month;
  int64_t amount = 0;
  core::Date sentOn;
};

/// What was paid for one member and month (a payment's figures only).
struct PaidMonth {
  core::Id memberId = 0;
  core::YearMonth month;
  int64_t amount = 0;
};

/// What one cell collected in one month (by the payment days), whatever months it was for.
struct CollectedMonth {
  core::Id cellId = 0;
  core::YearMonth month;  ///< the month of the payment days
  int64_t amount = 0;
};

/// What the commune's dues summary reads of the payments.
struct PaymentFigures {
  std::vector<PaidMonth> paid;            ///< one per member and month paid
  std::vector<CollectedMonth> collected;  ///< one per cell and month of payment
};

/// Reads and writes the cell-work tables.
class CellWorkRepository {
 public:
  explicit CellWorkRepository(Database& db);
  ~CellWorkRepository();

  /// The meeting of a cell on a day of a kind.
  std::optional<MeetingRow> meeting(core::Id cellId, const core::Date& on, const std::string& kind);
  /// Inserts (id 0) or updates a meeting; returns its id.
  core::Id saveMeeting(const MeetingRow& m);
  /// The attendance of a meeting, by member id.
  std::vector<AttendanceRow> attendance(core::Id meetingId);
  /// Replaces the attendance of a meeting.
  void replaceAttendance(core::Id meetingId, const std::vector<AttendanceRow>& rows);
  /// Meetings held between two days (inclusive), of one cell or all, by cell then day.
  std::vector<MeetingRow> meetingsBetween(const core::Date& from, const core::Date& to,
                                          std::optional<core::Id> cellId = std::nullopt);
  /// The attendance of the meetings held between two days.
  std::vector<AttendanceRow> attendanceBetween(const core::Date& from, const core::Date& to,
                                               std::optional<core::Id> cellId = std::nullopt);

  /// The leave of a member starting on a day.
  std::optional<LeaveRow> leave(core::Id memberId, const core::Date& from);
  /// Inserts or updates a leave (by member and first day).
  void saveLeave(const LeaveRow& l);
  /// Every leave, by member then first day.
  std::vector<LeaveRow> leaves();

  /// Every basis row of a member, oldest first.
  std::vector<core::DuesBasis> bases(core::Id memberId);
  /// Inserts or replaces a basis row (by member and first month).
  void saveBasis(core::Id memberId, const core::DuesBasis& b);
  /// Every basis row, by member then month.
  std::vector<BasisRow> allBases();

  /// The payment of a member for a month.
  std::optional<PaymentRow> payment(core::Id memberId, const core::YearMonth& month);
  /// Inserts (id 0) or updates a payment.
  void savePayment(const PaymentRow& p);
  /// The payments for the months from..to (inclusive), of the members of a cell (the collecting cell) or all.
  std::vector<PaymentRow> paymentsFor(const core::YearMonth& from, const core::YearMonth& to,
                                      std::optional<core::Id> cellId = std::nullopt);

  /// The payments for the months from..to, and those paid from..to's days for earlier months (arrears), of a
  /// cell (the collecting cell) or all. Their figures only: channel and receipt are left empty.
  std::vector<PaymentRow> paymentsOfPeriod(const core::YearMonth& from, const core::YearMonth& to,
                                           std::optional<core::Id> cellId = std::nullopt);
  /// The figures of the commune's dues summary for the months from..to (a province's year is a million
  /// payments: one pass, the figures only): what each member paid for each month on or before `asOf`, and
  /// what each cell collected in each month on the days from from's first to to's last (and to `asOf`) for
  /// the months up to `to` (arrears included, payments ahead not).
  PaymentFigures paymentFigures(const core::YearMonth& from, const core::YearMonth& to,
                                const core::Date& asOf);
  /// Inserts or replaces what a cell sent up for a month.
  void saveRemittance(const RemittanceRow& r);
  /// What the cells sent up for the months from..to.
  std::vector<RemittanceRow> remittancesFor(const core::YearMonth& from, const core::YearMonth& to);
  /// Every payment of a member, by month.
  std::vector<PaymentRow> paymentsOf(core::Id memberId);
  /// Deletes a meeting (its attendance goes with it), a leave, a basis row, a payment, a remittance.
  void deleteMeeting(core::Id meetingId);
  void deleteLeave(core::Id memberId, const core::Date& from);
  void deleteBasis(core::Id memberId, const core::YearMonth& from);
  void deletePayment(core::Id memberId, const core::YearMonth& month);
  void deleteRemittance(core::Id cellId, const core::YearMonth& month);
  /// The members with a removal recorded (proposed or decided).
  std::vector<core::Id> membersWithRemoval();
  /// The first month with a dues basis or payment recorded in the register (none: no dues recorded).
  std::optional<core::YearMonth> firstDuesMonth();

 private:
  struct Statements;
  Database& db_;
  std::unique_ptr<Statements> st_;
};

}  // namespace dangbo::store
