#pragma once
// Writes the tables of a Document as an Excel workbook with libxlsxwriter: one sheet per table (and per
// chart, as its table of figures with a column chart), the document's title and the table's caption on
// top, a bold header, counts as numbers, percentages as fractions with the format 0.0% (0.107 shown 10,7%),
// days (dd/mm/yyyy) as date cells and years as numbers. Each sheet is named for its table (unique, at most
// 31 characters, cut at a word), its header rows frozen and repeated on every printed page, printed on A4
// fitted to the page's width, landscape when the columns are wide, "Trang N/M" at the bottom.
#include <filesystem>

#include "core/Progress.h"
#include "reports/Document.h"

namespace dangbo::reports {

/// Writes the workbook. Throws std::runtime_error when it cannot be written.
void renderXlsx(const std::filesystem::path& out, const Document& doc, core::Progress* progress = nullptr);

}  // namespace dangbo::reports
