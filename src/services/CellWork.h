#pragma once
// The monthly work of the cells (spec/cell-work.md) through one door per record: meetings with their
// attendance, temporary leaves, the dues basis, dues payments and what a cell sent up. The window, `import`,
// `record`, the demo and a change package all write through CellWorkDoor: the same scope (a secretary: their
// own cell), the same validation, one audit row per changed record with the old and new value of each field.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/CellWork.h"
#include "services/Actor.h"
#include "services/AuditText.h"
#include "services/MemberList.h"

namespace dangbo::services {

class Services;

/// One member's attendance as entered.
struct AttendanceInput {
  std::string memberCode;
  std::string status;  ///< co_mat | vang_co_ly_do | vang_khong_ly_do
  std::string reason;
};

/// A meeting as entered; the key is (cell, day, kind).
struct MeetingInput {
  std::string cellCode;
  core::Date heldOn;
  std::string kind = "thuong_ky";
  std::string topic, startsAt, endsAt;   ///< times "hh:mm", optional
  std::string chairCode, minutesByCode;  ///< member codes, optional
  std::string resolution;
  std::string grade;  ///< "" | tot | kha | trung_binh | kem
  /// The attendance; with `withAttendance` it replaces the stored list (members not listed: not recorded).
  std::vector<AttendanceInput> attendance;
  bool withAttendance = true;
  /// Where it was held; none keeps what is stored (a door that does not ask for it, such as the meetings
  /// page or sinh_hoat.csv, never clears it).
  std::optional<std::string> place;
};

/// A temporary leave from party activity (under 12 months); the key is (member, from).
struct LeaveInput {
  std::string memberCode;
  core::Date from, to;
  std::string reason, decision;
};

/// A member's dues basis from a month; the key is (member, month).
struct BasisInput {
  std::string memberCode;
  core::DuesBasis basis;
};

/// A dues payment for a month; the key is (member, month).
struct PaymentInput {
  std::string memberCode;
  core::YearMonth month;
  int64_t amount = 0;
  core::Date paidOn;
  std::string channel = "tien_mat";
  std::string receipt;
};

/// What a cell sent up for a month; the key is (cell, month).
struct RemittanceInput {
  std::string cellCode;
  core::YearMonth month;
  int64_t amount = 0;
  core::Date sentOn;
};

/// What a write did (or, in a dry run, would do).
struct DoorOutcome {
  bool isNew = false;                 ///< a record was added
  std::vector<ChangedField> changes;  ///< the fields changed (for a new record: its values)
  std::string record;                 ///< the audit record name, e.g. "meeting:CB07/2026-01-24/thuong_ky"
  bool changed() const { return isNew || !changes.empty(); }
};

/// The one door of the cell-work records. Each call checks the actor's scope, validates (throws
/// core::DataError naming the problem in Vietnamese, core::PermissionError), then, unless `dryRun`, writes
/// the record and its audit row. It opens no transaction: a single call is wrapped by the functions below, a
/// bulk caller (an import, a change package) calls it row after row inside its own transaction.
class CellWorkDoor {
 public:
  CellWorkDoor(Services& s, const Actor& actor, core::Date today = core::Date::today());
  ~CellWorkDoor();
  DoorOutcome saveMeeting(const MeetingInput& in, bool dryRun = false);
  /// Adds or changes the attendance rows of one meeting (the import's diem_danh.csv): `kind` empty means the
  /// cell's only meeting that day.
  DoorOutcome saveAttendance(const std::string& cellCode, const core::Date& on, const std::string& kind,
                             const std::vector<AttendanceInput>& rows, bool dryRun = false);
  DoorOutcome saveLeave(const LeaveInput& in, bool dryRun = false);
  DoorOutcome saveBasis(const BasisInput& in, bool dryRun = false);
  DoorOutcome savePayment(const PaymentInput& in, bool dryRun = false);
  DoorOutcome saveRemittance(const RemittanceInput& in, bool dryRun = false);
  /// Deletes a record entered by mistake (the audit row keeps its values); DataError when there is none.
  /// A meeting goes with its attendance; `kind` empty means the cell's only meeting that day.
  DoorOutcome deleteMeeting(const std::string& cellCode, const core::Date& on, const std::string& kind);
  /// Deletes one member's attendance row of a meeting.
  DoorOutcome deleteAttendance(const std::string& cellCode, const core::Date& on, const std::string& kind,
                               const std::string& memberCode);
  DoorOutcome deleteLeave(const std::string& memberCode, const core::Date& from);
  DoorOutcome deleteBasis(const std::string& memberCode, const core::YearMonth& from);
  DoorOutcome deletePayment(const std::string& memberCode, const core::YearMonth& month);
  DoorOutcome deleteRemittance(const std::string& cellCode, const core::YearMonth& month);

 private:
  struct Impl;
  std::unique_ptr<Impl> d_;
};

/// Single writes (the window, `record`): one transaction each.
DoorOutcome saveMeeting(Services& s, const Actor& actor, const MeetingInput& in);
DoorOutcome saveLeave(Services& s, const Actor& actor, const LeaveInput& in);
DoorOutcome saveDuesBasis(Services& s, const Actor& actor, const BasisInput& in);
DoorOutcome saveDuesPayment(Services& s, const Actor& actor, const PaymentInput& in);
DoorOutcome saveRemittance(Services& s, const Actor& actor, const RemittanceInput& in);
DoorOutcome saveAttendance(Services& s, const Actor& actor, const std::string& cellCode, const core::Date& on,
                           const std::string& kind, const std::vector<AttendanceInput>& rows);
/// Single deletes (the window, `record delete`): one transaction each, through the door.
DoorOutcome deleteMeeting(Services& s, const Actor& actor, const std::string& cellCode, const core::Date& on,
                          const std::string& kind);
DoorOutcome deleteAttendance(Services& s, const Actor& actor, const std::string& cellCode,
                             const core::Date& on, const std::string& kind, const std::string& memberCode);
DoorOutcome deleteLeave(Services& s, const Actor& actor, const std::string& memberCode,
                        const core::Date& from);
DoorOutcome deleteDuesBasis(Services& s, const Actor& actor, const std::string& memberCode,
                            const core::YearMonth& from);
DoorOutcome deleteDuesPayment(Services& s, const Actor& actor, const std::string& memberCode,
                              const core::YearMonth& month);
DoorOutcome deleteRemittance(Services& s, const Actor& actor, const std::string& cellCode,
                             const core::YearMonth& month);

/// A whole number of đồng as people write it: "25.000", "25000", "25 000" (none: not one).
std::optional<int64_t> amountVnd(std::string_view text);

/// A member's stored cell-work records (`record show`, the window), oldest first; a secretary only the
/// members of their cell.
std::vector<LeaveInput> leavesOf(Services& s, const Actor& actor, const std::string& memberCode);
std::vector<BasisInput> duesBasesOf(Services& s, const Actor& actor, const std::string& memberCode);
std::vector<PaymentInput> duesPaymentsOf(Services& s, const Actor& actor, const std::string& memberCode);
/// What a cell sent up for the months of a year, by month; a secretary only their own cell.
std::vector<RemittanceInput> remittancesOf(Services& s, const Actor& actor, const std::string& cellCode,
                                           int year);

/// A cell member as the meetings page lists them for a day.
struct CellMemberOnDay {
  std::string code, fullName;
  bool exempt = false;   ///< exempt from party activity that day
  bool onLeave = false;  ///< on temporary leave that day
};
/// The members of a cell on a day (the attendance list), in the register's name order.
std::vector<CellMemberOnDay> cellMembersOn(Services& s, const Actor& actor, const std::string& cellCode,
                                           const core::Date& on);

/// A meeting with its attendance counts.
struct MeetingView {
  std::string cellCode, cellName;
  core::Date heldOn;
  std::string kind, topic, startsAt, endsAt, grade, resolution;
  int present = 0, excused = 0, absent = 0;
  int expected = 0;                                   ///< cell members that day, less exempt and on leave
  std::optional<int64_t> rateTenths;                  ///< present / expected, tenths of a percent
  std::map<std::string, AttendanceInput> attendance;  ///< by member code
  std::string chairCode, minutesByCode;               ///< member codes ("" when not recorded)
  std::string place;                                  ///< where it was held ("" when not recorded)
};
/// The meetings held from..to, of one cell (code) or every cell the actor may read, by cell then day.
std::vector<MeetingView> meetingsBetween(Services& s, const Actor& actor, const core::Date& from,
                                         const core::Date& to, const std::string& cellCode = {});

/// One month of a member in the dues book.
struct DuesBookMonth {
  core::DuesDue due;
  std::optional<int64_t> base;  ///< the salary or pension of the basis in force
  int64_t paid = 0;             ///< paid for this month on or before as_of
  int64_t owed = 0;             ///< still unpaid for this month at as_of
  int64_t arrears = 0;          ///< collected in this month for earlier months
};
/// One member's line of the dues book.
struct DuesBookMember {
  std::string code, name;
  std::map<int, DuesBookMonth> months;  ///< by month 1..12, the months the member belonged to the cell
};
/// Part II of the book, or a cell's line of the commune summary: one month.
struct DuesMonthTotals {
  int members = 0, exempt = 0, unpaid = 0;
  int64_t due = 0;                      ///< sum of the known amounts due
  int64_t owed = 0;                     ///< of the amounts due for the month, what is still unpaid at as_of
  int64_t collected = 0;                ///< paid in this month (for it or earlier months)
  std::optional<int64_t> kept, toSend;  ///< none until the share is set
  int64_t sent = 0;
};
/// The dues book S01/ĐP of a cell for a year, up to as_of.
struct DuesBook {
  std::string cellCode, cellName;
  int year = 0;
  core::Date asOf;
  int lastMonth = 12;  ///< the months listed: 1..lastMonth
  std::vector<DuesBookMember> members;
  std::map<int, DuesMonthTotals> months;
};
/// The book of one cell; a secretary only their own.
DuesBook duesBook(Services& s, const Actor& actor, const std::string& cellCode, int year,
                  const core::Date& asOf);

/// The commune's summary S02/ĐP: each cell's months and the commune's.
struct DuesSummary {
  int year = 0;
  core::Date asOf;
  int lastMonth = 12;
  struct Cell {
    std::string code, name;
    std::map<int, DuesMonthTotals> months;
  };
  std::vector<Cell> cells;
  std::map<int, DuesMonthTotals> months;              ///< the commune's totals of the cells
  std::map<int, std::optional<int64_t>> communeKept;  ///< of what the cells sent, what the commune keeps
};
/// The summary over every cell (office, administrator, leadership).
DuesSummary duesSummary(Services& s, const Actor& actor, int year, const core::Date& asOf);

/// The commune's month at a glance: per cell, its meetings of the month and its dues for the month.
struct CellMonthLine {
  std::string code, name;
  std::vector<MeetingView> meetings;  ///< held in the month (none: a line in red)
  DuesMonthTotals dues;               ///< the month's dues (due, collected in it, owed at as_of)
};
/// Every cell that existed in the month (office, administrator, leadership; a secretary: refused), by code.
std::vector<CellMonthLine> communeMonth(Services& s, const Actor& actor, const core::YearMonth& month,
                                        const core::Date& asOf);

/// A member with a removal ground of a year.
struct RemovalGround {
  std::string memberCode, memberName, cellCode;
  int year = 0;
  std::vector<core::YearMonth> absenceMonths, duesMonths;
  bool proposed = false;  ///< a removal of the member is recorded
};
/// The members with an absence or dues removal ground in `year` on `asOf`.
std::vector<RemovalGround> removalGrounds(Services& s, const Actor& actor, int year, const core::Date& asOf);

/// The reports of the cells' work as report models (every format): the dues book S01/ĐP of a cell for a year
/// (`cellCode` set) or the commune summary S02/ĐP; the monthly meeting table of a period (one cell or all);
/// the removal-ground list of a year.
struct ReportModel;
ReportModel duesReport(Services& s, const Actor& actor, int year, const std::string& cellCode,
                       const core::Date& asOf);
ReportModel meetingsReport(Services& s, const Actor& actor, const core::Date& from, const core::Date& to,
                           const std::string& cellCode);
ReportModel removalGroundsReport(Services& s, const Actor& actor, int year, const core::Date& asOf);
/// The minutes sheet of a meeting (`key`: CELL/DAY[/KIND]) pre-filled with the cell, the day, the meeting as
/// recorded (if it is) and the attendance list of the cell's members that day; a secretary: their own cell.
ReportModel meetingMinutesReport(Services& s, const Actor& actor, const std::string& key);

/// The findings of spec/cell-work.md: meeting_missing, thematic_missing (subject: the cell),
/// absence_removal_ground, dues_arrears, dues_removal_ground, dues_basis_missing (subject: the member),
/// meeting_short (subject: the cell), each with its year and naming the months. A secretary: their cell.
std::vector<CheckFinding> checkCellWork(Services& s, const Actor& actor, const core::Date& asOf);

}  // namespace dangbo::services
