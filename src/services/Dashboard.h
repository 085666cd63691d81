#pragma once
// The overview's figures (Tổng quan): this year's targets against the actual figures of the register, and
// the deadlines that have passed or come soon. Every figure carries the rows behind it (who was admitted,
// who was rated how, which village cells lack a cell committee, which secretaries were trained), so the
// window can open the list behind a number, and the tests can recount the number from its rows.
//
// Targets come from the targets table (Services::targets) of the term containing the year; the cell
// secretaries' training has no stored target: domain.md's "every secretary trained every year" makes
// every secretary in office the target.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// One row of the list behind a figure.
struct DashboardRow {
  std::string code;                ///< member, candidate or cell code
  std::string name;                ///< full name or cell name
  std::string cellCode, cellName;  ///< the cell it belongs to (for a cell: itself)
  std::optional<core::Date> date;  ///< the day that matters (decision, training, due day)
  std::string detail;              ///< Vietnamese: the level, "chưa có chi ủy", the course...
  bool counts = false;             ///< true when the row counts towards the figure (good or better, has a
                                   ///< committee, trained, admitted)
};

/// How a figure stands against its target.
enum class FigureStatus {
  NoTarget,  ///< no target applies (or none to compare for this user)
  Met,       ///< the target is reached
  OnTrack,   ///< not reached yet, but the period is still running (admissions: at least the share of
             ///< the target matching the share of the year gone)
  Behind     ///< not reached and the period is over (admissions: behind the year's pace)
};

/// One figure of the overview.
struct DashboardFigure {
  std::string key;       ///< admissions | members_good | cells_good | village_committee | secretaries_trained
  int year = 0;          ///< the year it is about (the rating year for members_good and cells_good)
  int actual = 0;        ///< the number counted: rows with counts = true
  int base = 0;          ///< shares: the rows (whole); admissions: 0
  int pending = 0;       ///< admissions: decided but the ceremony not yet held (counted in actual, not yet
                         ///< members: why the admissions report, which counts members, shows fewer)
  bool isShare = false;  ///< actual / base is the figure (a percentage)
  std::optional<int64_t> percent;                ///< shares: actual / base in tenths of a percent
  std::optional<int64_t> target;                 ///< admissions: a count; shares: tenths of a percent
  std::optional<int64_t> progress;               ///< the figure against its target, tenths of a percent
  FigureStatus status = FigureStatus::NoTarget;  ///< see FigureStatus
  std::string period;                            ///< the term or period of the target ("2025-2030"), if any
  std::vector<DashboardRow> rows;                ///< the list behind the figure (rows that count last)
};

/// A deadline on the overview, from the admission work or the discipline work.
struct DashboardDeadline {
  std::string area;      ///< admission | discipline
  std::string kind;      ///< the kind of services::deadlines or disciplineDeadlines
  std::string label;     ///< its Vietnamese label
  DashboardRow subject;  ///< the candidate, member or cell; date = the due day
  int overdueDays = 0;   ///< > 0: overdue by so many calendar days; <= 0: due in -overdueDays days
};

/// Everything the overview shows besides the register's summary.
struct Dashboard {
  core::Date asOf;                         ///< the day
  int year = 0;                            ///< asOf's year
  std::optional<int> ratingYear;           ///< the last completed rating year, if any
  std::vector<DashboardFigure> figures;    ///< in the order of the key list above
  std::vector<DashboardDeadline> overdue;  ///< overdue, the longest overdue first
  std::vector<DashboardDeadline> soon;     ///< due within soonDays, the nearest first
  int soonDays = 0;                        ///< the window of `soon`
  bool disciplineShown = false;            ///< false: the user may not read the discipline deadlines
};

/// The overview on `asOf` with deadlines due within `soonDays` calendar days. Needs ReadRegister. A
/// secretary's figures and lists cover their own cell only, compared with no committee-wide target.
/// - admissions: decided from 1 January to asOf (admissionProgress's count) against ket_nap_nam;
/// - members_good / cells_good: the last rating year up to asOf's year whose round is locked, or that has
///   ratings and no round (imported); every stored rating of it (ratingSummary's count), good or better
///   (HTXSNV, HTTNV) against dang_vien_tot / to_chuc_tot of the term containing that year;
/// - village_committee: village cells existing on asOf with a cell committee open on it against
///   chi_bo_ban_co_chi_uy of the term containing the year (OnTrack until the term's last year is over);
/// - secretaries_trained: secretaries in office on asOf in cells existing on it, with a training recorded
///   for the year, against all of them;
/// - deadlines: services::deadlines and, when the user may read them, disciplineDeadlines.
Dashboard dashboard(Services& s, const Actor& actor, const core::Date& asOf, int soonDays = 30);

/// The Vietnamese title of a figure key ("Kết nạp đảng viên").
std::string figureTitle(const std::string& key);

}  // namespace dangbo::services
