#pragma once
// The official grid of the statistics templates 1-7 of Hướng dẫn 11-HD/BTCTW (report "statistics",
// ../data/statistics_templates.md §2), described once for every format: the Excel workbook
// (StatisticsXlsx) writes it cell by cell, statisticsDocument sets it as a printable Document for PDF, DOCX
// and HTML. A template: the issuer's block at the left and "Biểu số N-BTCTW" at the right, the title and the
// period, the unit; a header of merged cells (TT, the criterion, this year and the same day last year under
// one heading, the percent) and the row of column numbers (col. 4 = col. 2 × 100 : col. 3); the rows numbered
// as the template numbers them ("A", "I", "1"), their details indented, "trong đó" in italics; template 4
// wide (landscape), its women and its share in columns of their own; the signatures under the table.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "reports/Document.h"
#include "services/ReportModel.h"

namespace dangbo::reports {

/// A figure of the grid: a count, a percent (tenths; nullopt: "-", nothing to compare with), or nothing (a
/// heading's row).
struct StatisticsFigure {
  enum Kind { Blank, Count, Percent } kind = Blank;
  int64_t count = 0;
  std::optional<int64_t> tenths{};
};

/// A cell of the header: its first row (0 and 1: the headings, 2: the column numbers), its first column, the
/// rows and columns it covers.
struct StatisticsHeaderCell {
  std::string text;
  int row = 0, col = 0, rows = 1, cols = 1;
};

/// A row of the grid.
struct StatisticsLine {
  std::string number;                     ///< "A", "II", "1"; empty: none
  std::string text;                       ///< the criterion without its number
  bool part = false;                      ///< a part (A, B, I) or a total: bold
  bool detail = false;                    ///< a detail under its row: indented
  bool ofWhom = false;                    ///< "trong đó ...": indented further, italic
  bool heading = false;                   ///< a heading of the template the figures do not carry: no figures
  std::vector<StatisticsFigure> figures;  ///< columns 2 to the last (empty for a heading)
};

/// One template laid out.
struct StatisticsSheet {
  std::string code;    ///< "1-BTCTW"
  std::string origin;  ///< a former commune's copy (report --by-origin); empty: the committee's
  std::string title;   ///< "Thống kê tăng, giảm đảng viên năm 2025" (with " - origin" for a copy)
  bool wide = false;   ///< template 4: eight columns, printed landscape
  int columns = 5;     ///< the grid's columns
  std::string unit;    ///< "Đơn vị tính: người"
  std::vector<StatisticsHeaderCell> header;  ///< rows 0-2
  std::vector<StatisticsLine> lines;
  int issuerTo = 1;    ///< the issuer's block spans columns 0..issuerTo
  int numberFrom = 3;  ///< "Biểu số" and the unit span numberFrom..the last column
  int signFrom = 2;    ///< the committee's signature spans signFrom..the last column
};

/// The templates of a statistics model, in order (a former commune's copies after them).
std::vector<StatisticsSheet> statisticsSheets(const services::ReportModel& model);

/// "Biểu số 1-BTCTW".
std::string statisticsNumber(const StatisticsSheet& sheet);
/// The line under the title: the period and the same day last year.
std::string statisticsPeriod(const services::ReportModel& model);
/// The line over the committee's signature: "Phiêng Pằn, ngày .. tháng .. năm ....".
std::string statisticsPlaceDate(const core::CommitteeInfo& committee);

/// The statistics model as a printable document: each template on its own pages (template 4's turned),
/// laid out as statisticsSheets describes it; under the last, the recipients of the report's template
/// (reports/statistics.txt, the office's copy in `templateFolder` when present), else of the settings.
Document statisticsDocument(const services::ReportModel& model, const core::CommitteeInfo& committee,
                            const std::string& templateFolder = {});

}  // namespace dangbo::reports
