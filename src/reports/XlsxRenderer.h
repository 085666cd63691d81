#pragma once
// Writes the tables of a Document as an Excel workbook with libxlsxwriter: one sheet per table (and per
// chart, as its table of figures with a column chart), the document's title and the table's caption on
// top, a bold header, counts as numbers and percentages as numbers with the format 0.0 (101.4).
#include <filesystem>

#include "reports/Document.h"

namespace dangbo::reports {

/// Writes the workbook. Throws std::runtime_error when it cannot be written.
void renderXlsx(const std::filesystem::path& out, const Document& doc);

}  // namespace dangbo::reports
