#pragma once
// Writes a Document as a PDF with cairo and pango, in the party document format of design.md: A4,
// margins top 20, bottom 20, left 30, right 15 mm, Times New Roman (Liberation Serif on Debian) with
// the fonts embedded; landscape for a landscape document; table columns sized so no word breaks
// (TableLayout); table headers repeated on every page a table spans, a total row kept with the row
// before it; "Trang N/M" centred at the bottom of every page of a longer document; charts drawn as
// vector graphics.
#include <filesystem>
#include <ostream>

#include "core/Progress.h"
#include "reports/Document.h"

namespace dangbo::reports {

/// How the PDF is set.
struct PdfOptions {
  double bodySize = 14;     ///< paragraphs, headings, header block (points)
  double tableSize = 13;    ///< tables and charts (points)
  bool pageNumbers = true;  ///< "Trang N/M" at the bottom of every page (documents of two pages or more)
  core::Progress* progress = nullptr;  ///< told of the table rows laid out and drawn; may cancel
  /// Where a long list's lines wait between the count of the pages and their drawing (a scratch file without
  /// a name: 385 MB for a million members); renderPdf to a file puts it in that file's folder. Empty: the
  /// system's temporary folder.
  std::filesystem::path spoolFolder{};
};

/// Writes the document to a PDF file. Throws std::runtime_error when the file cannot be written.
void renderPdf(const std::filesystem::path& out, const Document& doc, const PdfOptions& options = {});
/// Writes the document as PDF bytes to a stream (e.g. standard output).
void renderPdf(std::ostream& out, const Document& doc, const PdfOptions& options = {});
/// Draws one chart alone as a PNG picture (as it is drawn in the PDF, `scale` pixels per point).
void renderChartPng(std::ostream& out, const Chart& chart, double scale = 1.0);

}  // namespace dangbo::reports
