#pragma once
// The monthly work of a cell (spec/cell-work.md), as pure functions: the dues due for a member and month from
// the dated basis and the dated rules, what is still owed, the months that ground a removal, the attendance
// rate of a meeting, and the months and quarters without the meetings the rules ask for. One definition each,
// used by the services, `check`, the reports and the window.
#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/Date.h"
#include "core/Enums.h"
#include "core/Rules.h"

namespace dangbo::core {

/// A calendar month.
struct YearMonth {
  int year = 1970;
  int month = 1;  ///< 1..12
  /// Parses "YYYY-MM", "mm/yyyy" and "m/yyyy"; nullopt otherwise.
  static std::optional<YearMonth> parse(std::string_view s);
  /// The month of a date.
  static YearMonth of(const Date& d) { return {d.year(), d.month()}; }
  /// "2026-02" (storage).
  std::string iso() const;
  /// "02/2026".
  std::string vn() const;
  /// The first and the last day.
  Date first() const;
  Date last() const;
  /// The month n months later (n < 0: earlier).
  YearMonth plus(int n) const;
  /// Months since year 0 (for differences).
  int index() const { return year * 12 + month - 1; }
  /// The quarter, 1..4.
  int quarter() const { return (month - 1) / 3 + 1; }
  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
  friend bool operator==(const YearMonth&, const YearMonth&) = default;
};

namespace enums {
extern const EnumSet meetingKind;       ///< thuong_ky, chuyen_de, bat_thuong
extern const EnumSet meetingGrade;      ///< tot, kha, trung_binh, kem
extern const EnumSet attendanceStatus;  ///< co_mat, vang_co_ly_do, vang_khong_ly_do
extern const EnumSet duesCategory;      ///< bhxh, huu_tri, hoc_sinh, khac
extern const EnumSet duesRelief;        ///< mien, giam30, giam50, giam70
extern const EnumSet duesChannel;       ///< tien_mat, cong_dvc
}  // namespace enums

/// One row of a member's dated dues basis: it applies from `from` until the member's next row.
struct DuesBasis {
  YearMonth from;
  std::string category;            ///< bhxh | huu_tri | hoc_sinh | khac
  std::optional<int64_t> baseVnd;  ///< the monthly salary or pension (bhxh, huu_tri)
  std::string relief;              ///< "" | mien | giam30 | giam50 | giam70
  std::string decision;            ///< the decision of an exemption or reduction
};

/// The dues due for one month.
struct DuesDue {
  std::optional<int64_t> due;  ///< whole đồng; none: no basis, or a rule value the office has not entered
  bool exempt = false;         ///< exempt (basis Miễn, or party age): due is 0
  int reducedPercent = 0;      ///< 30, 50 or 70 when a reduction applied
  std::string missingRule;     ///< when due is none because of a rule value: its key
};

/// The rule keys of the dues computation.
namespace duesRule {
inline constexpr std::string_view kSalaryPercent = "dues.salary_percent";
inline constexpr std::string_view kPensionPercent = "dues.pension_percent";
inline constexpr std::string_view kStudentVnd = "dues.student_vnd";
inline constexpr std::string_view kOtherVnd = "dues.other_vnd";
inline constexpr std::string_view kExemptPartyYears = "dues.exempt_party_years";
inline constexpr std::string_view kRoundingVnd = "dues.rounding_vnd";
inline constexpr std::string_view kCellKeepsPercent = "dues.cell_keeps_percent";
inline constexpr std::string_view kCommuneKeepsPercent = "dues.commune_keeps_percent";
inline constexpr std::string_view kRemovalMonths = "removal.inactive_months";
inline constexpr std::string_view kRegularPerMonth = "meetings.regular_per_month";
inline constexpr std::string_view kThematicPerQuarter = "meetings.thematic_per_quarter";
inline constexpr std::string_view kGoodRatePercent = "meetings.good_rate_percent";
inline constexpr std::string_view kGoodMinMinutes = "meetings.good_min_minutes";
}  // namespace duesRule

/// The basis in force in `month` (the latest row from on or before it), or nullptr. `bases` sorted by `from`.
const DuesBasis* basisIn(std::span<const DuesBasis> bases, YearMonth month);

/// The dues due for `month` (spec/cell-work.md "Dues"): exempt when the basis says Miễn or when party age
/// (core/PartyAge, from `firstAdmitted`, no interruptions recorded yet) reaches dues.exempt_party_years on or
/// before the month's last day; else the category's rate or amount in force on the month's first day, less a
/// reduction for at most 12 months from its basis row, rounded half up to dues.rounding_vnd. `bases` sorted.
DuesDue duesDue(std::span<const DuesBasis> bases, YearMonth month, std::optional<Date> firstAdmitted,
                const RuleBook& rules);

/// `amount` times `percent` (a Decimal rule value such as "0.5") / 100, then less `reducedPercent`, rounded
/// half up to a multiple of `rounding` (1: whole đồng). None when `percent` is not a number.
std::optional<int64_t> percentOf(int64_t amount, std::string_view percent, int reducedPercent = 0,
                                 int64_t rounding = 1);

/// One month of a member's dues as judged on a day.
struct DuesMonthState {
  YearMonth month;
  DuesDue due;
  int64_t paid = 0;      ///< payments for the month made on or before the day
  int64_t owed = 0;      ///< due - paid when due is above paid; else 0
  bool onLeave = false;  ///< on temporary leave from party activity some day of the month
};

/// True when the month has ended on or before `asOf` (its last day is on or before it).
bool monthPast(YearMonth m, const Date& asOf);

/// The months of `year` that count toward dues_removal_ground on `asOf`: past, due above 0, still owed, and
/// not on temporary leave.
std::vector<YearMonth> duesGroundMonths(std::span<const DuesMonthState> months, int year, const Date& asOf);

/// The attendance rate in tenths of a percent: present / expected, one decimal; none when nobody was
/// expected.
std::optional<int64_t> attendanceRateTenths(int present, int expected);

/// Minutes from "hh:mm" to "hh:mm" (none when either is missing or unreadable, or the end is not after it).
std::optional<int> meetingMinutes(std::string_view startsAt, std::string_view endsAt);

/// A meeting as the findings see it.
struct MeetingSeen {
  Date on;
  std::string kind;  ///< thuong_ky | chuyen_de | bat_thuong
};

/// The past months (on `asOf`) with fewer regular meetings than meetings.regular_per_month, counted from the
/// month of the cell's first recorded meeting of any kind (no meeting recorded: none).
std::vector<YearMonth> monthsMissingMeeting(std::span<const MeetingSeen> meetings, const Date& asOf,
                                            const RuleBook& rules);
/// The past quarters (their first month) with fewer thematic meetings than meetings.thematic_per_quarter,
/// counted from the first whole quarter after the cell's first recorded meeting (or the quarter it opens).
std::vector<YearMonth> quartersMissingThematic(std::span<const MeetingSeen> meetings, const Date& asOf,
                                               const RuleBook& rules);

/// A member's recorded attendance at one meeting.
struct AttendanceSeen {
  Date on;
  std::string status;  ///< co_mat | vang_co_ly_do | vang_khong_ly_do
};
/// By calendar year, the distinct months with an unexcused absence.
std::map<int, std::vector<YearMonth>> unexcusedAbsenceMonths(std::span<const AttendanceSeen> seen);

}  // namespace dangbo::core
