#pragma once
// The plain model of a report other than the congress report: its sentences, tables of figures and
// charts, built by the services of Reports.h from the dated history. reports/ReportDocument turns it
// into a printable document; reports/ReportArchive freezes it when it is published. Figures are exact
// integers (percentages in tenths of a percent), never floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"

namespace dangbo::services {

/// What a cell of a report table holds.
enum class FigureKind { Text, Count, Percent };

/// One cell of a report table.
struct Figure {
  FigureKind kind = FigureKind::Text;  ///< what `value` means
  std::string text;                    ///< Text: the text; figures are printed from `value`
  std::optional<int64_t> value;        ///< Count: the number; Percent: tenths (nullopt: "-")
  /// A text cell.
  static Figure label(std::string s) { return {FigureKind::Text, std::move(s), std::nullopt}; }
  /// A count.
  static Figure count(int64_t n) { return {FigureKind::Count, {}, n}; }
  /// A percentage in tenths; nullopt prints "-".
  static Figure percent(std::optional<int64_t> tenths) { return {FigureKind::Percent, {}, tenths}; }
  /// n / of as a percentage (exact, rounded half away from zero); "-" when of is 0.
  static Figure share(int64_t n, int64_t of);
};

/// How a row takes part in the table's totals.
enum class RowRole {
  Body,    ///< a part: summed into the next Total row
  Total,   ///< the sum of the Body rows since the previous Total row (or the table's start)
  Detail,  ///< "of whom ...": a subset, summed nowhere
};

/// A row of a report table: a stable key (for comparisons), then one figure per column.
struct ReportRow {
  std::string key;               ///< stable within the table ("ban", "total", "M000123")
  std::vector<Figure> cells;     ///< the first is usually the row's label
  RowRole role = RowRole::Body;  ///< how it sums
};

/// A table of a report.
struct ReportTable {
  std::string key;                   ///< stable within the report ("by_category")
  std::string caption;               ///< printed above it
  std::vector<std::string> columns;  ///< column headings
  std::vector<ReportRow> rows;       ///< in order
  bool sums = true;                  ///< its Total rows are sums of its Body rows (checkTotals applies)
};

/// A series of a chart.
struct ReportSeries {
  std::string name;                           ///< legend
  std::vector<std::optional<double>> values;  ///< one per category
};

/// A bar chart of a report.
struct ReportChart {
  std::string title;                          ///< above it
  std::string categoryLabel;                  ///< "Năm"
  std::string axisLabel;                      ///< the value axis
  std::vector<std::string> categories;        ///< along the bottom
  std::vector<ReportSeries> series;           ///< one or two
  std::string targetLabel;                    ///< empty: no target line
  std::vector<std::optional<double>> target;  ///< per category
  bool percent = false;                       ///< values are percentages
};

/// A section of a report: a heading, sentences, tables and charts in that order.
struct ReportSection {
  std::string heading;                  ///< empty: none
  std::vector<std::string> paragraphs;  ///< sentences already worded
  std::vector<ReportTable> tables;      ///< tables
  std::vector<ReportChart> charts;      ///< charts after the tables
};

/// A whole report.
struct ReportModel {
  std::string name;                     ///< the report's name on the command line ("members")
  std::string title;                    ///< its title ("Cơ cấu đội ngũ đảng viên")
  std::string committee;                ///< the committee's name
  core::Date from;                      ///< first day of the period (reports of a period)
  core::Date to;                        ///< last day of the period
  core::Date asOf;                      ///< the day standing figures are taken on
  bool hasPeriod = false;               ///< the period matters to this report (printed under the title)
  std::vector<ReportSection> sections;  ///< in order
  std::string handingOver;  ///< a handover record: the committee handing over (its signature block)
  std::string number;       ///< a form's own number when recorded ("120-QĐ/ĐU"; not kept when published)

  /// Every table, in order.
  std::vector<const ReportTable*> tables() const;
  /// The table with this key, or nullptr.
  const ReportTable* table(const std::string& key) const;
};

/// The problems of a table's totals: each Total row whose Count cells differ from the sum of the Body
/// rows before it ("by_age: total, column 2: 1.046 != 1.045"). Empty when every total cross-checks.
std::vector<std::string> checkTotals(const ReportTable& t);
/// checkTotals over every table of a report whose `sums` is set.
std::vector<std::string> checkTotals(const ReportModel& m);

class Services;
/// A new report of a period, without sections: its name, its title (an untranslated catalog entry,
/// translated here), the committee's name, the period (both days included) and the day of the standing
/// figures. The one start of every period report (ReportsPeriod, ReportsCellWork).
ReportModel periodReportModel(Services& s, const char* name, const char* title, const core::Date& from,
                              const core::Date& to, const core::Date& asOf);

}  // namespace dangbo::services
