#pragma once
// The statistics templates 1-7 of Hướng dẫn 11-HD/BTCTW (report "statistics") as an Excel workbook laid out
// like the official templates (../data/statistics_templates.md §2): one sheet per template, named for it;
// the issuer's block at the left and "Biểu số N-BTCTW" at the right, the title and the period centred, the
// unit; a header of merged cells (TT, the criterion, this year and the same day last year under one heading,
// the percent), the row of column numbers (col. 4 = col. 2 × 100 / col. 3), the rows numbered as the
// template numbers them ("A", "1", "a"), their details indented, the figures as numbers and the percent as
// a formula of the two columns in the format 0.0%; template 4 with its women and its share in columns of
// their own. Header rows frozen and repeated on every printed page, A4 fitted to the page's width
// (landscape when wide), "Trang N/M" at the bottom, and the signatures under the table.
#include <filesystem>

#include "core/Records.h"
#include "services/ReportModel.h"

namespace dangbo::reports {

/// True for a model the statistics workbook lays out (the report "statistics").
bool isStatisticsModel(const services::ReportModel& model);

/// Writes the workbook of a statistics model. Throws std::runtime_error when it cannot be written.
void renderStatisticsXlsx(const std::filesystem::path& out, const services::ReportModel& model,
                          const core::CommitteeInfo& committee);

}  // namespace dangbo::reports
