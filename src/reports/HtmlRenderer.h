#pragma once
// Writes a Document as a printable HTML page (UTF-8, lang="vi", A4 margins of the party document format,
// Times New Roman): the in-window preview and the `--format html` output.
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "reports/Document.h"

namespace dangbo::reports {

/// How the HTML is written.
struct HtmlOptions {
  /// Charts as inline SVG (browsers); false: as a table of figures (wxHtmlWindow draws no SVG).
  bool svgCharts = true;
  /// When set, each chart is an <img> with the address it returns (the window registers a PNG picture
  /// drawn by renderChartPng and gives its address); an empty address falls back to svgCharts.
  std::function<std::string(const Chart&)> chartImage;
};

/// Writes the whole document as one HTML page.
void renderHtml(std::ostream& out, const Document& doc, const HtmlOptions& options = {});

/// Escapes &, <, > and " for HTML text and attributes.
std::string htmlEscape(std::string_view s);

}  // namespace dangbo::reports
