#pragma once
// The basic statistics templates 1-7 of Hướng dẫn 11-HD/BTCTW (../data/statistics_templates.md §2) for a
// year ending 31/12, from the dated register: each row with this year, the same day last year and the
// percent (this year × 100 / last year). Members present on a day are services::registerEntries' (the one
// definition); flows count the dated events of the year.
#include <string>
#include <vector>

#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {

class Services;

/// One template's rows: key, label, this year, last year.
struct StatisticsRow {
  std::string key;    ///< stable: "B.1", "nu", "age.18_30"
  std::string label;  ///< the criterion as the template words it
  int64_t current = 0;
  int64_t previous = 0;
  bool detail = false;  ///< "of whom": a subset of the row above
};

/// One template.
struct StatisticsTemplate {
  std::string code;   ///< "1-BTCTW"
  std::string title;  ///< "Thống kê tăng, giảm đảng viên năm 2026"
  std::vector<StatisticsRow> rows;
  /// The row with this key (throws std::out_of_range when none).
  const StatisticsRow& row(const std::string& key) const;
};

/// Templates 1 (increase and decrease), 2 (admissions), 3 (structure), 4 (ethnic groups and religions),
/// 5 (organizations by type), 6 (the annual rating), 7 (badges and transfers) for `year` and `year` - 1.
/// Needs ReadRegister; a secretary's figures are those of their cell.
std::vector<StatisticsTemplate> statisticsTemplates(Services& s, const Actor& actor, int year);

/// The templates as a report ("statistics"): one section and table per template.
ReportModel statisticsReport(Services& s, const Actor& actor, int year);

}  // namespace dangbo::services
