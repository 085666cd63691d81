#include "reports/HtmlRenderer.h"
#include "reports/TableLayout.h"

#include <cstdio>
#include <string>

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

constexpr const char* kStyle = R"(@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.35; }
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
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
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
div.pagebreak { page-break-after: always; }
table.dense { table-layout: fixed; font-size: 7pt; line-height: 1.15; margin: 0; }
table.dense th, table.dense td { padding: 0 2pt; vertical-align: top; }
)";

// The text's width and height on a page in the margins of kStyle (points).
constexpr double kTextW = (210 - 45) * 72 / 25.4, kTextH = (297 - 40) * 72 / 25.4;
// A dense table's text (points) and each cell's padding and border.
constexpr double kDenseSize = 7, kDensePad = 4 + 0.75;

const char* alignClass(Align a) {
  switch (a) {
    case Align::Right:
      return " class=\"r\"";
    case Align::Center:
      return " class=\"c\"";
    default:
      return "";
  }
}

void header(std::ostream& out, const DocumentHeader& h) {
  out << "<table class=\"header\"><tr>\n<td class=\"left\">" << htmlEscape(h.superior) << "<br>\n<b>"
      << htmlEscape(h.executive) << "</b><br>\n*<br>\n"
      << htmlEscape(h.number) << "</td>\n<td>"
      << "<span class=\"party\">" << htmlEscape(h.party)
      << "</span><br>\n&nbsp;<br>\n&nbsp;<br>\n<span class=\"date\">" << htmlEscape(h.placeDate)
      << "</span></td>\n</tr></table>\n";
}

// The opening of a table: its caption, its columns' widths (a dense table's), its header rows.
void tableHead(std::ostream& out, const Table& t, const std::vector<double>& widths, bool caption) {
  out << (t.borderless ? "<table class=\"plain\">\n"
          : t.dense    ? "<table class=\"data dense\">\n"
                       : "<table class=\"data\">\n");
  if (caption && !t.caption.empty()) out << "<caption>" << htmlEscape(t.caption) << "</caption>\n";
  if (!widths.empty()) {
    double all = 0;
    for (double w : widths) all += w;
    out << "<colgroup>";
    char buf[32];
    for (double w : widths) {
      std::snprintf(buf, sizeof buf, "%.1f", 100 * w / all);
      out << "<col width=\"" << buf << "%\">";
    }
    out << "</colgroup>\n";
  }
  if (!t.header.empty()) {
    out << "<thead>\n";
    for (const auto& row : t.header) {
      out << "<tr>";
      for (const auto& c : row) {
        out << "<th";
        if (c.span > 1) out << " colspan=\"" << c.span << "\"";
        out << ">" << htmlEscape(c.text) << "</th>";
      }
      out << "</tr>\n";
    }
    out << "</thead>\n";
  }
}

// One row of a table's body.
void bodyRow(std::ostream& out, const Table& t, const TableRow& row) {
  out << (row.total ? "<tr class=\"total\">" : "<tr>");
  for (size_t i = 0; i < row.cells.size(); ++i)
    out << "<td" << alignClass(t.alignOf(i)) << ">" << htmlEscape(row.cells[i].text) << "</td>";
  out << "</tr>\n";
}

constexpr const char* kBodyEnd = "</tbody>\n</table>\n";

void table(std::ostream& out, const Table& t, bool landscape) {
  if (!t.dense || t.rowCount() == 0) {
    tableHead(out, t, {}, true);
    out << "<tbody>\n";
    t.forEachRow([&](const TableRow& row) { bodyRow(out, t, row); });
    out << kBodyEnd;
    return;
  }
  // A dense table (the register): fixed columns sized from their text, one table a page under its own
  // header row (LibreOffice lays out one table of 5.000 rows in minutes, tables of a page in seconds).
  // The rows are read twice, to size the columns and to write them page by page (a row source is never
  // held whole).
  static const MeasureText measure = pangoMeasure();
  const double width = landscape ? kTextH : kTextW, height = landscape ? kTextW : kTextH;
  const ColumnPlan plan = planDenseColumns(t, width, kDenseSize, kDensePad, measure);
  PageCutter cut = densePageCutter(t, plan.widths, kDensePad, kDenseSize, height);
  bool first = true;
  t.forEachRow([&](const TableRow& row) {
    if (first) {
      tableHead(out, t, plan.widths, true);
      out << "<tbody>\n";
      first = false;
    }
    if (cut.add(row)) {
      out << kBodyEnd << "<div class=\"pagebreak\"></div>\n";
      tableHead(out, t, plan.widths, false);
      out << "<tbody>\n";
    }
    bodyRow(out, t, row);
  });
  if (!first) out << kBodyEnd;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The chart as inline SVG, with the geometry of the PDF's chart.
void svgChart(std::ostream& out, const Chart& c) {
  const double width = 640, height = 300, left = 60, right = c.targetLabel.empty() ? 20 : 48, top = 16,
               bottom = 64;
  const double plotW = width - left - right, plotH = height - top - bottom;
  const ChartAxis axis = chartAxis(c);
  auto y = [&](double v) { return top + plotH * (1.0 - v / axis.max); };
  const char* fills[] = {"#3c5a8c", "#c8a050"};
  out << "<figure class=\"chart\">\n<figcaption>" << htmlEscape(c.title) << "</figcaption>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width << " " << height
      << "\" width=\"100%\" "
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
  out << "</svg>\n</figure>\n";
}

}  // namespace

void renderHtml(std::ostream& out, const Document& doc, const HtmlOptions& options) {
  out << "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << htmlEscape(doc.title) << "</title>\n<style>\n"
      << kStyle << (doc.landscape ? "@page { size: A4 landscape; }\n" : "");
  // A dense table's size also for every cell: LibreOffice reads rules for a tag but not for a tag in a class
  // (the other tables' cells have their own rules, which browsers prefer).
  for (const auto* t : doc.tables())
    if (t->dense) {
      out << "td, th { font-size: 7pt; line-height: 1.15; vertical-align: top; }\n";
      break;
    }
  out << "</style>\n</head>\n<body>\n";
  if (doc.header) header(out, *doc.header);
  for (const auto& block : doc.blocks) {
    if (const auto* t = std::get_if<TitleLine>(&block)) {
      switch (t->style) {
        case TitleStyle::Title:
          out << "<h1>" << htmlEscape(t->text) << "</h1>\n";
          break;
        case TitleStyle::Subtitle:
          out << "<p class=\"subtitle\">" << htmlEscape(t->text) << "</p>\n";
          break;
        case TitleStyle::Note:
          out << "<p class=\"note\">" << htmlEscape(t->text) << "</p>\n";
          break;
      }
    } else if (const auto* h = std::get_if<Heading>(&block)) {
      const char* tag = h->level <= 1 ? "h2" : "h3";
      out << "<" << tag << ">" << htmlEscape(h->text) << "</" << tag << ">\n";
    } else if (const auto* p = std::get_if<Paragraph>(&block)) {
      out << "<p>";
      for (const auto& r : p->runs) {
        if (r.bold)
          out << "<b>" << htmlEscape(r.text) << "</b>";
        else
          out << htmlEscape(r.text);
      }
      out << "</p>\n";
    } else if (const auto* tb = std::get_if<Table>(&block)) {
      table(out, *tb, doc.landscape);
    } else if (const auto* c = std::get_if<Chart>(&block)) {
      const std::string image = options.chartImage ? options.chartImage(*c) : std::string();
      if (!image.empty())
        out << "<p align=\"center\"><img src=\"" << htmlEscape(image) << "\" alt=\"" << htmlEscape(c->title)
            << "\"></p>\n";
      else if (options.svgCharts)
        svgChart(out, *c);
      else
        table(out, chartTable(*c), doc.landscape);
    } else if (std::holds_alternative<PageBreak>(block)) {
      out << "<div class=\"pagebreak\"></div>\n";
    }
  }
  out << "</body>\n</html>\n";
}

}  // namespace dangbo::reports
