#include "reports/HtmlRenderer.h"
#include "reports/TableLayout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>

#include "core/I18n.h"
#include "core/Numbers.h"

namespace dangbo::reports {

std::string htmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // Control characters other than tab and newline are not allowed in XML 1.0 (nor useful in HTML).
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

namespace {

// The body text's line spacing is on its paragraphs, not on the body: LibreOffice gives a rule for the body
// to every paragraph, those of table cells too, and with cells in 1,35 spacing it never finished laying out a
// long table followed by a short one (the badge proposal with three recipients).
constexpr const char* kStyle = R"(@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; }
table.header { width: 100%; border-collapse: collapse; }
table.header td { vertical-align: top; text-align: center; font-size: 13pt; }
table.header td.left { width: 42%; }
.party { font-weight: bold; text-decoration: underline; }
.date { font-style: italic; }
h1 { font-size: 15pt; font-weight: bold; text-align: center; margin: 18pt 0 0; }
p.subtitle { font-weight: bold; text-align: center; text-indent: 0; margin: 0; }
p.note { font-style: italic; text-align: center; text-indent: 0; margin: 0 0 12pt; }
h2, h3 { font-size: 14pt; font-weight: bold; margin: 10pt 0 4pt; page-break-after: avoid; }
h3 { font-style: italic; }
p.body { line-height: 1.35; text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
th { text-align: center; }
table.data { width: 100%; border-collapse: collapse; font-size: 13pt; margin: 4pt 0 10pt; }
table.data caption { font-weight: bold; text-align: left; margin-bottom: 2pt; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 5pt; }
table.plain { width: 100%; border-collapse: collapse; margin: 12pt 0 0; }
table.plain td { vertical-align: top; padding: 0 5pt; }
table.plain tr.total td { font-weight: bold; }
table.data th { text-align: center; }
table.data td.r { text-align: right; }
table.data td.c { text-align: center; }
table.data tr.total td { font-weight: bold; }
figure.chart { margin: 6pt 0 12pt; page-break-inside: avoid; }
figure.chart figcaption { font-weight: bold; text-align: center; }
table.dense { table-layout: fixed; font-size: 7pt; line-height: 1.15; margin: 0; }
table.dense th, table.dense td { padding: 0 2pt; vertical-align: top; line-height: 1.15; }
td, th { margin-top: 0pt; margin-bottom: 0pt; }
)";

// A page break before the next block, written on that block: LibreOffice breaks before an element that asks
// for it in its style attribute, and reads no rule for a class such as div.pagebreak.
constexpr const char* kBreakBefore = " style=\"page-break-before: always\"";

// The text's width and height on an A4 page in the margins of kStyle (points), upright or landscape.
constexpr double kMm = 72 / 25.4, kMarginsW = 45 * kMm, kMarginsH = 40 * kMm, kA4Short = 210 * kMm,
                 kA4Long = 297 * kMm;
// A dense table's text (points) and each cell's padding and border.
constexpr double kDenseSize = 7, kDensePad = 4 + 0.75;
// A dense table's rows as LibreOffice sets them (the strictest of its readers): lines of 0.95 times the
// font's single spacing (1,15 of its size; 7,7 points measured), 1,5 points of padding above and below
// (cellpadding 2) and the border (2,9 measured); the part of a page the tables fill, and what opens the
// first page (letterhead, title, sentence).
constexpr double kDenseLine = 7.7, kDenseRowExtra = 3, kDenseFill = 0.97, kDenseOpening = 190;
// LibreOffice takes the columns' widths in whole pixels (of 0,75 point) and shares out the table's width in
// proportion: a column may be some tenths of a point narrower than planned, and a text that just fitted then
// takes one line more (the 100.000 members' HTML: a page of 22 members planned, LibreOffice's ran over by its
// last row). The page cut counts the lines in columns narrower by this much (points).
constexpr double kDenseSlack = 1.0;
// A table of figures (table.data): 13 points, its lines of 1,16 times that, cellpadding 4 (3 points) above
// and below and the border; its columns planned with 7 points of padding and border. A long one is cut into
// pages (tableRowPieces) whose first is given this part of a page: what stands above it is not reckoned.
constexpr double kDataSize = 13, kDataLine = 1.16 * kDataSize, kDataRowExtra = 7, kDataPad = 7;

// LibreOffice's HTML import (and the window's preview) reads no rule for a class and takes the cells'
// paragraphs for body text: a table's borders, widths and alignments are also written as attributes.
const char* alignClass(Align a) {
  switch (a) {
    case Align::Right:
      return " class=\"r\" align=\"right\"";
    case Align::Center:
      return " class=\"c\" align=\"center\"";
    default:
      return "";
  }
}

// The letterhead's cells (the size of a dense table's cells applies to every cell in LibreOffice).
constexpr const char* kHeaderCell = " align=\"center\" valign=\"top\" style=\"font-size: 13pt\"";

void header(std::ostream& out, const DocumentHeader& h) {
  out << "<table class=\"header\" width=\"100%\"><tr>\n<td class=\"left\"" << kHeaderCell << " width=\"42%\">"
      << htmlEscape(h.superior) << "<br>\n<b>" << htmlEscape(h.executive) << "</b><br>\n*<br>\n"
      << htmlEscape(h.number) << "</td>\n<td" << kHeaderCell << ">"
      << "<span class=\"party\">" << htmlEscape(h.party)
      << "</span><br>\n&nbsp;<br>\n&nbsp;<br>\n<span class=\"date\">" << htmlEscape(h.placeDate)
      << "</span></td>\n</tr></table>\n";
}

// The opening of a table: its caption, its columns' widths (a dense table's), its header rows.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// `cellSize`: a smaller text than the table's 13 points, on each cell (LibreOffice reads no size for one
// table), as "font-size: 11.5pt"; empty: none.
void tableHead(std::ostream& out, const Table& t, const std::vector<double>& widths, bool caption,
               const char* breakBefore, const std::string& cellSize = {}) {
  out << (t.borderless ? "<table class=\"plain\" width=\"100%\""
          : t.dense
              ? "<table class=\"data dense\" border=\"1\" cellspacing=\"0\" cellpadding=\"2\" width=\"100%\""
              : "<table class=\"data\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"")
      << breakBefore << ">\n";
  if (caption && !t.caption.empty()) out << "<caption>" << htmlEscape(t.caption) << "</caption>\n";
  if (!widths.empty()) {
    // In CSS pixels (LibreOffice reads "2.9%" as 2 pixels); the table's width shares them out in browsers.
    out << "<colgroup>";
    for (double w : widths) out << "<col width=\"" << std::lround(w * 96 / 72) << "\">";
    out << "</colgroup>\n";
  }
  if (!t.header.empty()) {
    out << "<thead>\n";
    for (const auto& row : t.header) {
      out << "<tr>";
      for (const auto& c : row) {
        if (c.rowSpan == 0) continue;  // under a cell merged with it
        out << "<th";
        if (!cellSize.empty()) out << " style=\"" << cellSize << "\"";
        if (c.span > 1) out << " colspan=\"" << c.span << "\"";
        if (c.rowSpan > 1) out << " rowspan=\"" << c.rowSpan << "\"";
        out << ">" << (c.italic ? "<i>" : "") << htmlEscape(c.text) << (c.italic ? "</i>" : "") << "</th>";
      }
      // The photo frame of a member's card: one cell beside every row.
      if (!t.photo.empty() && &row == &t.header.front())
        // (Its size on the cell itself: LibreOffice reads no rule for a class, and took td.photo's height
        // for every cell of every table, which it then never finished laying out.)
        out << "<td class=\"photo\" align=\"center\" style=\"width: 3cm; height: 4cm\" rowspan=\""
            << t.header.size() + t.rows.size() << "\">" << htmlEscape(t.photo) << "</td>";
      out << "</tr>\n";
    }
    out << "</thead>\n";
  }
}

// One row of a table's body (a total row's bold also in its cells, for LibreOffice).
void bodyRow(std::ostream& out, const Table& t, const TableRow& row, const std::string& cellSize = {}) {
  out << (row.total ? "<tr class=\"total\">" : "<tr>");
  const char* bold = row.total ? "<b>" : "";
  const char* unbold = row.total ? "</b>" : "";
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const Cell& c = row.cells[i];
    out << "<td" << alignClass(t.alignOf(i));
    if (c.indent > 0 || !cellSize.empty()) {
      out << " style=\"";
      if (c.indent > 0) out << "padding-left: " << 10 * c.indent << "pt" << (cellSize.empty() ? "" : "; ");
      out << cellSize << "\"";
    }
    const bool b = !row.total && c.bold;
    out << ">" << bold << (b ? "<b>" : "") << (c.italic ? "<i>" : "") << htmlEscape(c.text)
        << (c.italic ? "</i>" : "") << (b ? "</b>" : "") << unbold << "</td>";
  }
  out << "</tr>\n";
}

const char* bodyStart(const Table& t) {
  return t.dense ? "<tbody valign=\"top\">\n" : "<tbody>\n";
}
constexpr const char* kBodyEnd = "</tbody>\n</table>\n";

// `fill`: what is taken of the page being filled, reckoned from each block's lines as the page's styles set
// them (a long table's first piece fills what is left of its page).
void table(std::ostream& out, const Table& t, bool landscape, const char* breakBefore, PageFill& fill) {
  static const MeasureText measure = pangoMeasure();
  const double width = (landscape ? kA4Long : kA4Short) - kMarginsW,
               height = (landscape ? kA4Short : kA4Long) - kMarginsH;
  if (!t.dense || t.rowCount() == 0) {
    // A table of figures: its columns sized from their text as in the PDF (LibreOffice shares a table's
    // width out evenly, wrapping short labels), in 13 points with cellpadding 4.
    std::vector<double> widths;
    double size = kDataSize;
    if (!t.borderless && !t.rows.empty()) {
      const ColumnPlan plan = planColumns(t, width, kDataSize, 9, kDataPad, measure);
      widths = plan.widths;
      size = plan.size;
    }
    // The columns' widths were planned for a smaller text where the longest words did not fit in 13 points.
    const std::string cellSize = size < kDataSize ? "font-size: " + num(size) + "pt" : "";
    if (t.borderless || t.rowSource || widths.empty()) {
      tableHead(out, t, widths, true, breakBefore, cellSize);
      out << bodyStart(t);
      t.forEachRow([&](const TableRow& row) { bodyRow(out, t, row, cellSize); });
      out << kBodyEnd;
      fill.add(kDataLine * double(t.rowCount() + t.header.size()));
      return;
    }
    // A long table as tables of about a page under the same header rows, the next starting a new page (the
    // badge proposal's 28.691 rows in one table had not opened in LibreOffice after 20 minutes).
    std::vector<double> textWidths;
    for (double w : widths) textWidths.push_back(std::max(1.0, w - kDataPad));
    PageCutter cut(t, std::move(textWidths), size, kDataLine * size / kDataSize, kDataRowExtra,
                   fill.firstRoom(), fill.room, measure);
    cut.setEmptyCellHeight(kDataLine);
    cut.setWidthSlack(kDenseSlack);
    for (const auto& [from, to] : fill.tablePieces(t, cut)) {
      tableHead(out, t, widths, from == 0, from == 0 ? breakBefore : kBreakBefore, cellSize);
      out << bodyStart(t);
      for (size_t r = from; r < to; ++r) bodyRow(out, t, t.rows[r], cellSize);
      out << kBodyEnd;
    }
    return;
  }
  // A dense table (the register): fixed columns sized from their text, one table a page under its own
  // header row (LibreOffice lays out one table of 5.000 rows in minutes, tables of a page in seconds).
  // The columns are sized from a sample of rows spread over the table (a row source's read apart, a few
  // thousand of them), then the rows are read once and written a page at a time (a row source is never held
  // whole); a row with a word wider than its column widens the columns of its page.
  DenseColumns columns(
      planDenseColumns(t, width, kDenseSize, kDensePad, measure, false,
                       denseRowsLines(kDenseFill * height, kDenseLine, kDenseRowExtra), true),
      kDensePad, measure);
  const double room = kDenseFill * height;
  PageCutter cut(t, columns.textWidths(), kDenseSize, kDenseLine, kDenseRowExtra, room - kDenseOpening, room,
                 measure);
  cut.setWidthSlack(kDenseSlack);
  bool first = true;
  DensePager pages(
      std::move(columns), std::move(cut),
      [&](const std::vector<TableRow>& rows, const DenseColumns& in) {
        tableHead(out, t, in.widths(), first, first ? breakBefore : kBreakBefore);
        first = false;
        out << bodyStart(t);
        for (const auto& row : rows) bodyRow(out, t, row);
        out << kBodyEnd;
      },
      kDenseRowsAPage);
  t.forEachRow([&](const TableRow& row) { pages.add(row); });
  pages.finish();
  fill.lastPageUnreckoned();
}

std::string base64(std::string_view bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    uint32_t v = 0;
    for (size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (size_t k = 0; k < 4; ++k) out += k <= n ? digits[(v >> (18 - 6 * k)) & 63] : '=';
  }
  return out;
}

// The chart as an SVG picture, with the geometry of the PDF's chart, in an <img> (a data: address):
// LibreOffice draws an SVG picture but shows an inline <svg>'s text as words of the page.
void svgChart(std::ostream& page, const Chart& c, const char* breakBefore) {
  std::ostringstream out;
  const double width = 640, height = 300, left = 60, right = c.targetLabel.empty() ? 20 : 48, top = 16,
               bottom = 64;
  const double plotW = width - left - right, plotH = height - top - bottom;
  const ChartAxis axis = chartAxis(c);
  auto y = [&](double v) { return top + plotH * (1.0 - v / axis.max); };
  const char* fills[] = {"#3c5a8c", "#c8a050"};
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width << " " << height << "\" width=\""
      << width << "\" height=\"" << height << "\" "
      << "font-family=\"Times New Roman, Liberation Serif, serif\" font-size=\"13\">\n";
  for (double v = 0; v <= axis.max + 1e-9; v += axis.step) {
    out << "<line x1=\"" << left << "\" x2=\"" << left + plotW << "\" y1=\"" << num(y(v)) << "\" y2=\""
        << num(y(v)) << "\" stroke=\"#ccc\"/>"
        << "<text x=\"" << left - 6 << "\" y=\"" << num(y(v) + 4) << "\" text-anchor=\"end\">"
        << htmlEscape(c.tick(v)) << "</text>\n";
  }
  out << "<text transform=\"translate(14," << num(top + plotH / 2)
      << ") rotate(-90)\" text-anchor=\"middle\">" << htmlEscape(c.axisLabel) << "</text>\n";
  const size_t n = c.categories.size();
  const double slot = n ? plotW / double(n) : plotW;
  const size_t k = c.series.empty() ? 1 : c.series.size();
  const double barW = slot * 0.7 / double(k);
  for (size_t i = 0; i < n; ++i) {
    const double x0 = left + slot * double(i) + slot * 0.15;
    for (size_t s = 0; s < c.series.size(); ++s) {
      const auto& v = i < c.series[s].values.size() ? c.series[s].values[i] : std::nullopt;
      if (!v) continue;
      const double x = x0 + barW * double(s);
      out << "<rect x=\"" << num(x) << "\" y=\"" << num(y(*v)) << "\" width=\"" << num(barW - 2)
          << "\" height=\"" << num(top + plotH - y(*v)) << "\" fill=\"" << fills[s % 2] << "\"/>"
          << "<text x=\"" << num(x + (barW - 2) / 2) << "\" y=\"" << num(y(*v) - 3)
          << "\" text-anchor=\"middle\" font-size=\"11\">" << htmlEscape(c.format(*v)) << "</text>\n";
    }
    out << "<text x=\"" << num(left + slot * (double(i) + 0.5)) << "\" y=\"" << num(top + plotH + 16)
        << "\" text-anchor=\"middle\">" << htmlEscape(c.categories[i]) << "</text>\n";
    if (!c.targetLabel.empty() && i < c.target.size() && c.target[i])
      out << "<line x1=\"" << num(left + slot * double(i)) << "\" x2=\"" << num(left + slot * double(i + 1))
          << "\" y1=\"" << num(y(*c.target[i])) << "\" y2=\"" << num(y(*c.target[i]))
          << "\" stroke=\"#b01010\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n";
  }
  // The target's value at the end of its line.
  if (!c.targetLabel.empty() && n > 0 && n <= c.target.size() && c.target[n - 1])
    out << "<text x=\"" << num(left + plotW + 4) << "\" y=\"" << num(y(*c.target[n - 1]) + 4)
        << "\" fill=\"#b01010\" font-weight=\"bold\" font-size=\"11\">"
        << htmlEscape(c.format(*c.target[n - 1])) << "</text>\n";
  out << "<line x1=\"" << left << "\" x2=\"" << left << "\" y1=\"" << top << "\" y2=\"" << top + plotH
      << "\" stroke=\"#000\"/><line x1=\"" << left << "\" x2=\"" << left + plotW << "\" y1=\"" << top + plotH
      << "\" y2=\"" << top + plotH << "\" stroke=\"#000\"/>\n";
  // Legend.
  double lx = left;
  const double ly = height - 18;
  for (size_t s = 0; s < c.series.size(); ++s) {
    out << "<rect x=\"" << num(lx) << "\" y=\"" << num(ly - 10) << "\" width=\"12\" height=\"12\" fill=\""
        << fills[s % 2] << "\"/><text x=\"" << num(lx + 16) << "\" y=\"" << num(ly) << "\">"
        << htmlEscape(c.series[s].name) << "</text>\n";
    lx += 40 + 7.0 * double(c.series[s].name.size()) * 0.8;
  }
  if (!c.targetLabel.empty())
    out << "<line x1=\"" << num(lx) << "\" x2=\"" << num(lx + 24) << "\" y1=\"" << num(ly - 4) << "\" y2=\""
        << num(ly - 4) << "\" stroke=\"#b01010\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/><text x=\""
        << num(lx + 28) << "\" y=\"" << num(ly) << "\">" << htmlEscape(c.targetLabel) << "</text>\n";
  out << "</svg>\n";
  // 600 by 281 pixels: within the text's width of an upright page.
  page << "<figure class=\"chart\"" << breakBefore << ">\n<figcaption>" << htmlEscape(c.title)
       << "</figcaption>\n<img src=\"data:image/svg+xml;base64," << base64(out.str())
       << "\" width=\"600\" height=\"" << std::lround(600 * height / width) << "\" alt=\""
       << htmlEscape(c.title) << "\">\n</figure>\n";
}

}  // namespace

void renderHtml(std::ostream& out, const Document& doc, const HtmlOptions& options) {
  out << "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << htmlEscape(doc.title) << "</title>\n<style>\n"
      << kStyle << (doc.landscape ? "@page { size: A4 landscape; }\n" : "")
      << "@page turned { size: A4 landscape; }\n";
  // A dense table's size also for every cell: LibreOffice reads rules for a tag but not for a tag in a class
  // (the other tables' cells have their own rules, which browsers prefer; in LibreOffice 13 points). Its
  // lines in LibreOffice: 0.95 of the font's single spacing (LibreOffice reads 1.15 as 1.15 times the font's
  // own spacing; at exactly 1 it did not finish laying out the register).
  bool dense = false;
  for (const auto* t : doc.tables()) dense = dense || t->dense;
  out << (dense ? "td, th { font-size: 7pt; line-height: 0.95; vertical-align: top; }\n"
                : "td, th { font-size: 13pt; }\n");
  out << "</style>\n</head>\n<body>\n";
  if (doc.header) header(out, *doc.header);
  const double width = (doc.landscape ? kA4Long : kA4Short) - kMarginsW;
  // What is taken of the page being filled, reckoned from each block's lines as the page's styles set them.
  PageFill fill{kDenseFill * ((doc.landscape ? kA4Short : kA4Long) - kMarginsH), doc.header ? 100.0 : 0.0};
  static const MeasureText measure = pangoMeasure();
  // A text block: `size` points in lines of `spacing` times it, in the page's width, with its margins.
  const auto text = [&](const std::string& s, bool bold, double size, double spacing, double margins) {
    fill.text(s, bold, size, spacing, width, margins, measure);
  };
  bool breakNext = false;
  bool turned = false;  // in a division of turned pages
  const auto brk = [&breakNext]() {
    const char* b = breakNext ? kBreakBefore : "";
    breakNext = false;
    return b;
  };
  for (const auto& block : doc.blocks) {
    if (const auto* t = std::get_if<TitleLine>(&block)) {
      text(t->text, t->style != TitleStyle::Note, t->style == TitleStyle::Title ? 15 : 14, 1.16,
           t->style == TitleStyle::Title  ? 18
           : t->style == TitleStyle::Note ? 12
                                          : 0);
      switch (t->style) {
        case TitleStyle::Title:
          out << "<h1" << brk() << ">" << htmlEscape(t->text) << "</h1>\n";
          break;
        case TitleStyle::Subtitle:
          out << "<p class=\"subtitle\"" << brk() << ">" << htmlEscape(t->text) << "</p>\n";
          break;
        case TitleStyle::Note:
          out << "<p class=\"note\"" << brk() << ">" << htmlEscape(t->text) << "</p>\n";
          break;
      }
    } else if (const auto* h = std::get_if<Heading>(&block)) {
      text(h->text, true, 14, 1.16, 14);
      const char* tag = h->level <= 1 ? "h2" : "h3";
      out << "<" << tag << brk() << ">" << htmlEscape(h->text) << "</" << tag << ">\n";
    } else if (const auto* p = std::get_if<Paragraph>(&block)) {
      std::string all = "\u00a0\u00a0\u00a0\u00a0\u00a0";  // (its first line's indent)
      for (const auto& r : p->runs) all += r.text;
      text(all, false, 14, 1.35, 6);
      out << "<p class=\"body\"" << brk() << ">";
      for (const auto& r : p->runs) {
        if (r.bold)
          out << "<b>" << htmlEscape(r.text) << "</b>";
        else
          out << htmlEscape(r.text);
      }
      out << "</p>\n";
    } else if (const auto* tb = std::get_if<Table>(&block)) {
      if (!tb->caption.empty()) text(tb->caption, true, 13, 1.16, 6);
      table(out, *tb, doc.landscape, brk(), fill);
      fill.add(14);  // the table's margins
      if (tb->omittedRows > 0)
        out << "<p class=\"note\"><i>"
            << htmlEscape(core::format(
                   core::tr("{1} more rows are not shown in the preview; the saved file holds every row."),
                   {core::formatCountVn(int64_t(tb->omittedRows))}))
            << "</i></p>\n";
    } else if (const auto* c = std::get_if<Chart>(&block)) {
      const std::string image = options.chartImage ? options.chartImage(*c) : std::string();
      if (!image.empty())
        out << "<p align=\"center\"" << brk() << "><img src=\"" << htmlEscape(image) << "\" alt=\""
            << htmlEscape(c->title) << "\"></p>\n";
      else if (options.svgCharts)
        svgChart(out, *c, brk());
      else
        table(out, chartTable(*c), doc.landscape, brk(), fill);
      fill.add(240);
    } else if (const auto* pb = std::get_if<PageBreak>(&block)) {
      breakNext = true;
      fill.above = 0;
      // Pages turned from here (a browser's print; named pages): the blocks after it in a division of its
      // own.
      if (pb->landscape && *pb->landscape != turned) {
        if (turned) out << "</div>\n";
        if (*pb->landscape) out << "<div style=\"page: turned\">\n";
        turned = *pb->landscape;
      }
    }
  }
  if (turned) out << "</div>\n";
  out << "</body>\n</html>\n";
}

}  // namespace dangbo::reports
