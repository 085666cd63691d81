#include "reports/DocxRenderer.h"
#include "core/I18n.h"
#include "reports/HtmlRenderer.h"
#include "reports/PdfRenderer.h"
#include "reports/TableLayout.h"

#include <unistd.h>
#include <zip.h>

#include <cstdlib>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace dangbo::reports {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
// A4 and the margins of the party document format, in twentieths of a point (1 mm = 56.7).
constexpr int kPageW = 11906, kPageH = 16838, kTop = 1134, kBottom = 1134, kLeft = 1701, kRight = 851;
// The table text's size (13 pt) and the smallest it is made so that the longest words fit their columns.
constexpr double kTableSize = 13, kMinTableSize = 7;
constexpr int kCellMargin = 85;  // left and right, twips
// A dense table (the register): 7 pt, single lines, narrow cell margins.
constexpr double kDenseSize = 7;
constexpr int kDenseCellMargin = 45;
// A chart picture: as drawn by renderChartPng, in points, and its resolution (pixels per point).
constexpr double kChartW = 595.2756 - 45 * 72.0 / 25.4 + 16, kChartH = 290, kChartScale = 2.5;

/// Text escaped for XML: the same escaping as HTML's.
std::string xml(std::string_view s) {
  return htmlEscape(s);
}

// Run properties.
struct RunStyle {
  bool bold = false;
  bool italic = false;
  bool underline = false;
  int halfPoints = 0;  // 0: the style's size
};

std::string run(const std::string& text, const RunStyle& st = {}) {
  std::string r = "<w:r>";
  if (st.bold || st.italic || st.underline || st.halfPoints) {
    r += "<w:rPr>";
    // In the order of ECMA-376 CT_RPr: b, bCs, i, iCs, ..., sz, szCs, ..., u.
    if (st.bold) r += "<w:b/><w:bCs/>";
    if (st.italic) r += "<w:i/><w:iCs/>";
    if (st.halfPoints)
      r += "<w:sz w:val=\"" + std::to_string(st.halfPoints) + "\"/><w:szCs w:val=\"" +
           std::to_string(st.halfPoints) + "\"/>";
    if (st.underline) r += "<w:u w:val=\"single\"/>";
    r += "</w:rPr>";
  }
  return r + "<w:t xml:space=\"preserve\">" + xml(text) + "</w:t></w:r>";
}

// A paragraph in a named style with an optional alignment ("center", "right", "left").
std::string para(const std::string& style, const std::string& runs, const std::string& jc = "") {
  std::string p = "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>";
  if (!jc.empty()) p += "<w:jc w:val=\"" + jc + "\"/>";
  return p + "</w:pPr>" + runs + "</w:p>";
}

const char* jcOf(Align a) {
  switch (a) {
    case Align::Right:
      return "right";
    case Align::Center:
      return "center";
    default:
      return "left";
  }
}

void headerBlock(std::ostream& out, const DocumentHeader& h, int textW) {
  const int leftW = textW * 44 / 100, rightW = textW - leftW;
  out << "<w:tbl><w:tblPr><w:tblW w:w=\"" << textW << "\" w:type=\"dxa\"/><w:tblBorders>"
      << "<w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
      << "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
      << "</w:tblPr><w:tblGrid><w:gridCol w:w=\"" << leftW << "\"/><w:gridCol w:w=\"" << rightW
      << "\"/></w:tblGrid><w:tr>";
  out << "<w:tc><w:tcPr><w:tcW w:w=\"" << leftW << "\" w:type=\"dxa\"/></w:tcPr>"
      << para("HeaderBlock", run(h.superior))
      << para("HeaderBlock", run(h.executive, {true, false, false, 0})) << para("HeaderBlock", run("*"))
      << (h.number.empty() ? "" : para("HeaderBlock", run(h.number))) << "</w:tc>";
  out << "<w:tc><w:tcPr><w:tcW w:w=\"" << rightW << "\" w:type=\"dxa\"/></w:tcPr>"
      << para("HeaderBlock", run(h.party, {true, false, true, 30})) << para("HeaderBlock", "")
      << para("HeaderBlock", "") << para("HeaderBlock", run(h.placeDate, {false, true, false, 0}))
      << "</w:tc>";
  out << "</w:tr></w:tbl>" << para("Normal", "");
}

// Column widths (twips) and the text size (half points) from the texts' widths in Times New Roman: every
// column as wide as its longest word, so Word never breaks a word inside a syllable.
struct DocxColumns {
  std::vector<int> widths;
  int halfPoints = 26;
  int margin = kCellMargin;
  ColumnPlan plan;  ///< the widths in points
  double pad = 0;   ///< the cells' margins and border, points
};

// The columns' widths in twips from widths in points (the first takes what the rounding leaves).
std::vector<int> twips(const std::vector<double>& points, int textW) {
  std::vector<int> out;
  int used = 0;
  for (size_t c = 1; c < points.size(); ++c) {
    out.push_back(int(points[c] * 20));
    used += out.back();
  }
  if (!points.empty()) out.insert(out.begin(), textW - used);
  return out;
}

DocxColumns columnWidths(const Table& t, int textW, int pageH) {
  static const MeasureText measure = pangoMeasure();
  DocxColumns out;
  out.margin = t.dense ? kDenseCellMargin : kCellMargin;
  out.pad = (2 * out.margin + 20) / 20.0;
  // A dense table is sized from a sample of its rows (then widened for a wider word as it is written).
  out.plan = t.dense ? planDenseColumns(t, textW / 20.0, kDenseSize, out.pad, measure, false,
                                        densePageLines(kDenseSize, pageH / 20.0), true)
                     : planColumns(t, textW / 20.0, kTableSize, kMinTableSize, out.pad, measure);
  out.halfPoints = int(std::lround(out.plan.size * 2));
  out.widths = twips(out.plan.widths, textW);
  return out;
}

std::string cellXml(const Cell& cell, int width, const std::string& jc, bool bold, bool header,
                    int halfPoints, bool dense) {
  std::string x = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (cell.span > 1) x += "<w:gridSpan w:val=\"" + std::to_string(cell.span) + "\"/>";
  // A header cell merged with the one under it, and the place under it.
  if (header && cell.rowSpan > 1) x += "<w:vMerge w:val=\"restart\"/>";
  if (header && cell.rowSpan == 0) x += "<w:vMerge/>";
  // A dense table's cells say only what their style does not (the register has 300.000 of them).
  if (!dense) x += "<w:vAlign w:val=\"center\"/>";
  x += "</w:tcPr>";
  RunStyle st;
  st.bold = (bold && !(header && dense)) || cell.bold;
  st.italic = cell.italic;
  if (halfPoints != (dense ? int(kDenseSize * 2) : 26)) st.halfPoints = halfPoints;
  const std::string style =
      header ? (dense ? "TableHeaderDense" : "TableHeader") : (dense ? "TableDense" : "TableText");
  const std::string runs = cell.text.empty() || (header && cell.rowSpan == 0) ? "" : run(cell.text, st);
  if (cell.indent > 0)  // (pPr in the order of CT_PPr: pStyle, ..., ind, ..., jc)
    x += "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/><w:ind w:left=\"" +
         std::to_string(200 * cell.indent) + "\"/><w:jc w:val=\"" + jc + "\"/></w:pPr>" + runs + "</w:p>";
  else
    x += para(style, runs, dense && jc == "left" ? "" : jc);
  return x + "</w:tc>";
}

// The photo frame of a member's card: 3 cm wide, one cell merged down every row of the table.
constexpr int kPhotoW = 1701;
std::string photoCell(const Table& t, bool first) {
  std::string x = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(kPhotoW) + "\" w:type=\"dxa\"/>";
  x += first ? "<w:vMerge w:val=\"restart\"/><w:vAlign w:val=\"center\"/></w:tcPr>" +
                   para("TableText", run(t.photo), "center")
             : "<w:vMerge/></w:tcPr>" + para("TableText", "");
  return x + "</w:tc>";
}

// The table's properties and grid, and its header rows.
void tableStart(std::ostream& out, const Table& t, const DocxColumns& plan, int textW) {
  const auto& widths = plan.widths;
  // No table style: the borders are the table's own (a style reference made LibreOffice 7.4's Word import
  // merge the style into every cell, a quarter of its time on the register).
  out << "<w:tbl><w:tblPr><w:tblW w:w=\"" << textW << "\" w:type=\"dxa\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    out << "<w:" << side
        << (t.borderless ? " w:val=\"nil\"/>"
                         : " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
  out << "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"" << plan.margin
      << "\" w:type=\"dxa\"/><w:right w:w=\"" << plan.margin
      << "\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int w : widths) out << "<w:gridCol w:w=\"" << w << "\"/>";
  if (!t.photo.empty()) out << "<w:gridCol w:w=\"" << kPhotoW << "\"/>";
  out << "</w:tblGrid>";
  for (const auto& row : t.header) {
    out << "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    size_t c = 0;
    for (const auto& cell : row) {
      int w = 0;
      for (size_t k = 0; k < size_t(cell.span) && c + k < widths.size(); ++k) w += widths[c + k];
      out << cellXml(cell, w, "center", true, true, plan.halfPoints, t.dense);
      c += size_t(cell.span);
    }
    if (!t.photo.empty()) out << photoCell(t, &row == &t.header.front());
    out << "</w:tr>";
  }
}

// Row `r` (from 0) of the table's body.
void tableRow(std::ostream& out, const Table& t, const DocxColumns& plan, const TableRow& row, size_t r) {
  const auto& widths = plan.widths;
  out << "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
  for (size_t c = 0; c < widths.size(); ++c) {
    const Cell empty;
    out << cellXml(c < row.cells.size() ? row.cells[c] : empty, widths[c], jcOf(t.alignOf(c)), row.total,
                   false, plan.halfPoints, t.dense);
  }
  if (!t.photo.empty()) out << photoCell(t, t.header.empty() && r == 0);
  out << "</w:tr>";
}

// A page's text area is filled to this part by a table's pieces (Pango's measures and LibreOffice's layout
// differ a little: a piece that overflowed would leave a page of one row after it).
constexpr double kPieceFill = 0.96;
// A line of Times New Roman (Liberation Serif) in single spacing is this many times its size; a table text
// paragraph has a point before and after it and the row a border of about a point.
constexpr double kSingleLine = 1.16, kTableRowExtra = 3;

// The rows of a table that is not dense (its rows held in `t.rows`) cut into pieces of about a page
// (tableRowPieces: the badge proposal's 28.691 rows in one table did not open in LibreOffice in ten minutes).
// The page plan of the register (PageCutter): each row as high as its cell of the most lines in its column;
// the first piece fills what `fill` reckons is left of its page (PageFill::tablePieces).
std::vector<std::pair<size_t, size_t>> tablePieces(const Table& t, const DocxColumns& plan, PageFill& fill) {
  static const MeasureText measure = pangoMeasure();
  std::vector<double> textWidths;
  // (A column is sized to its text's width and its width in twips cut down: a point more, so that a text
  // that fits its column in LibreOffice is not reckoned as two lines.)
  for (int w : plan.widths) textWidths.push_back(std::max(1.0, w / 20.0 - plan.pad + 1));
  const double size = plan.halfPoints / 2.0;
  PageCutter cut(t, std::move(textWidths), size, kSingleLine * size, kTableRowExtra, fill.firstRoom(),
                 fill.room, measure);
  // An empty cell's line is as high as its style's text (13 points) where the table's text is smaller.
  cut.setEmptyCellHeight(kSingleLine * std::max(size, kTableSize));
  return fill.tablePieces(t, cut);
}

void table(std::ostream& out, const Table& t, int textW, int pageH, PageFill& fill) {
  DocxColumns plan = columnWidths(t, t.photo.empty() ? textW : textW - kPhotoW, pageH);
  if (!t.caption.empty()) out << para("Caption", run(keepLastWordsTogether(t.caption)));
  // The closing block stands apart from the last paragraph, as in the PDF.
  if (t.borderless && t.caption.empty()) out << para("AfterTable", "");
  if (t.dense && t.rowCount() > 0) {
    // One table a page, each under its own header rows (LibreOffice lays out one table of 5.000 rows in more
    // than ten minutes, tables of a page in seconds); a paragraph of a point starts each next page. The rows
    // are written as they are read once (those of a row source are never held whole), cut into pages as
    // densePageRows does; a row with a word wider than its column widens the columns of its page.
    static const MeasureText measure = pangoMeasure();
    std::vector<double> widths;
    for (int w : plan.widths) widths.push_back(w / 20.0);
    PageCutter cut = densePageCutter(t, widths, plan.margin / 10.0, plan.halfPoints / 2.0, pageH / 20.0);
    size_t r = 0;
    DensePager pages(
        DenseColumns(plan.plan, plan.pad, measure), std::move(cut),
        [&](const std::vector<TableRow>& rows, const DenseColumns& in) {
          plan.widths = twips(in.widths(), t.photo.empty() ? textW : textW - kPhotoW);
          if (r > 0) out << "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"PageTable\"/></w:pPr></w:p>";
          tableStart(out, t, plan, textW);
          for (const auto& row : rows) tableRow(out, t, plan, row, r++);
        },
        kDenseRowsAPage);
    t.forEachRow([&](const TableRow& row) { pages.add(row); });
    pages.finish();
    out << "</w:tbl>";
    fill.lastPageUnreckoned();
  } else if (!t.photo.empty()) {
    tableStart(out, t, plan, textW);
    for (size_t r = 0; r < t.rows.size(); ++r) tableRow(out, t, plan, t.rows[r], r);
    out << "</w:tbl>";
    fill.lastPageUnreckoned();
  } else {
    // A long table as tables of about a page, each under the same header rows in the same columns, the next
    // starting a new page.
    for (const auto& [from, to] : tablePieces(t, plan, fill)) {
      if (from > 0) out << "<w:p><w:pPr><w:pStyle w:val=\"PageTable\"/></w:pPr></w:p>";
      tableStart(out, t, plan, textW);
      for (size_t r = from; r < to; ++r) tableRow(out, t, plan, t.rows[r], r);
      out << "</w:tbl>";
    }
  }
  // Word needs a paragraph between two tables; it also gives the space after one.
  out << para("AfterTable", "");
}

// A chart as an inline picture (chartN.png, relationship rIdChartN), centred, with its title as a caption.
void chartPicture(std::ostream& out, size_t n, int textW) {
  constexpr long kEmuPerPoint = 12700;
  double w = kChartW, h = kChartH;
  if (w * 20 > textW) {
    h = h * (textW / 20.0) / w;
    w = textW / 20.0;
  }
  const std::string id = std::to_string(n), cx = std::to_string(long(w * kEmuPerPoint)),
                    cy = std::to_string(long(h * kEmuPerPoint));
  out << "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>"
      << "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"" << cx << "\" cy=\""
      << cy << "\"/><wp:docPr id=\"" << id << "\" name=\"chart" << id << "\"/>"
      << "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
      << "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
      << "<pic:pic "
         "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr "
         "id=\""
      << id << "\" name=\"chart" << id
      << ".png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdChart" << id
      << "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
      << "<a:ext cx=\"" << cx << "\" cy=\"" << cy
      << "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
      << "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
}

int textWidth(bool landscape) {
  return (landscape ? kPageH : kPageW) - kLeft - kRight;
}

// The properties of a section: the footer, A4 upright or turned, the margins.
std::string sectionXml(bool landscape) {
  std::ostringstream out;
  out << "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>";
  if (landscape)
    out << "<w:pgSz w:w=\"" << kPageH << "\" w:h=\"" << kPageW << "\" w:orient=\"landscape\"/>";
  else
    out << "<w:pgSz w:w=\"" << kPageW << "\" w:h=\"" << kPageH << "\"/>";
  out << "<w:pgMar w:top=\"" << kTop << "\" w:right=\"" << kRight << "\" w:bottom=\"" << kBottom
      << "\" w:left=\"" << kLeft << "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
  return out.str();
}

}  // namespace

void writeDocxDocument(std::ostream& out, const Document& doc) {
  bool landscape = doc.landscape;  // the section's pages
  int textW = textWidth(landscape);
  out << kXmlDecl << "<w:document xmlns:w=\"" << kW << "\" xmlns:r=\"" << kR
      << "\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>";
  auto pageHeight = [&] { return (landscape ? kPageW : kPageH) - kTop - kBottom; };
  // The height of the page taken so far, reckoned from each block's lines (where a long table's first piece
  // ends).
  PageFill fill{kPieceFill * pageHeight() / 20.0, 0};
  static const MeasureText measure = pangoMeasure();
  auto text = [&](const std::string& s, bool bold, double size, double before, double after) {
    fill.text(s, bold, size, kSingleLine * 1.2, textW / 20.0, before + after, measure);  // (lines of 1,2)
  };
  if (doc.header) {
    headerBlock(out, *doc.header, textW);
    fill.above += 100;  // four lines of 14 points and a paragraph
  }
  size_t charts = 0;
  for (const auto& block : doc.blocks) {
    if (const auto* t = std::get_if<TitleLine>(&block)) {
      const char* style = t->style == TitleStyle::Title      ? "Title"
                          : t->style == TitleStyle::Subtitle ? "Subtitle"
                                                             : "Note";
      out << para(style, run(keepLastWordsTogether(t->text)));
      text(t->text, true, t->style == TitleStyle::Title ? 15 : 14, t->style == TitleStyle::Title ? 12 : 0,
           t->style == TitleStyle::Note ? 12 : 0);
    } else if (const auto* h = std::get_if<Heading>(&block)) {
      out << para(h->level <= 1 ? "Heading1" : "Heading2", run(h->text));
      text(h->text, true, 14, 6, 3);
    } else if (const auto* p = std::get_if<Paragraph>(&block)) {
      std::string runs, all;
      for (const auto& r : p->runs) {
        runs += run(r.text, {r.bold, false, false, 0});
        all += r.text;
      }
      out << para("Normal", runs);
      text("\u00a0\u00a0\u00a0\u00a0" + all, false, 14, 0, 6);  // (its first line's indent)
    } else if (const auto* tb = std::get_if<Table>(&block)) {
      if (!tb->caption.empty()) text(tb->caption, true, 13, 6, 3);
      table(out, *tb, textW, pageHeight(), fill);
      fill.above += 15;  // the paragraph after it
    } else if (std::holds_alternative<Chart>(block)) {
      chartPicture(out, ++charts, textW);
      fill.above += kChartH + 12;
      if (fill.above > fill.room) fill.above = kChartH + 12;
    } else if (const auto* pb = std::get_if<PageBreak>(&block)) {
      if (pb->landscape) {
        // A new section (it starts on a new page): the pages so far keep their orientation, those after
        // it are turned or upright.
        out << "<w:p><w:pPr>" << sectionXml(landscape) << "</w:pPr></w:p>";
        landscape = *pb->landscape;
        textW = textWidth(landscape);
        fill.room = kPieceFill * pageHeight() / 20.0;
      } else {
        out << "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
      }
      fill.above = 0;
    }
  }
  out << sectionXml(landscape) << "</w:body></w:document>";
}

namespace {

std::string documentXml(const Document& doc) {
  std::ostringstream out;
  writeDocxDocument(out, doc);
  return out.str();
}

std::string style(const std::string& id, const std::string& name, const std::string& pPr,
                  const std::string& rPr) {
  return "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + id + "\"><w:name w:val=\"" +
         name + "\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>" + pPr + "</w:pPr><w:rPr>" + rPr +
         "</w:rPr></w:style>";
}

std::string stylesXml() {
  std::string s = kXmlDecl;
  s += std::string("<w:styles xmlns:w=\"") + kW + "\">";
  s +=
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
      "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
      "<w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" "
      "w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>";
  s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
       "w:val=\"Normal\"/><w:qFormat/>"
       "<w:pPr><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr></w:style>";
  const std::string noIndent = "<w:ind w:firstLine=\"0\"/>";
  s += style(
      "Title", "Title",
      "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
      "<w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>");
  s += style("Subtitle", "Subtitle",
             "<w:keepNext/><w:spacing w:after=\"0\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
             "<w:b/><w:bCs/>");
  s += style("Note", "Note", "<w:spacing w:after=\"240\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
             "<w:i/><w:iCs/>");
  s += style("Heading1", "heading 1",
             "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/><w:outlineLvl w:val=\"0\"/>",
             "<w:b/><w:bCs/>");
  s += style("Heading2", "heading 2",
             "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/>",
             "<w:b/><w:bCs/><w:i/><w:iCs/>");
  s += style(
      "Caption", "Table caption",
      "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
      "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>");
  const std::string cell =
      "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>" + noIndent;
  s += style("TableText", "Table text", cell, "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>");
  s += style("TableHeader", "Table header", "<w:keepNext/>" + cell + "<w:jc w:val=\"center\"/>",
             "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>");
  const std::string dense =
      "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>" + noIndent;
  s += style("TableDense", "Table text dense", dense + "<w:jc w:val=\"left\"/>",
             "<w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/>");
  s += style("TableHeaderDense", "Table header dense", "<w:keepNext/>" + dense + "<w:jc w:val=\"center\"/>",
             "<w:b/><w:bCs/><w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/>");
  // Before each page's table of a dense table: a new page, a line of a point.
  s += style(
      "PageTable", "Page table",
      "<w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>" +
          noIndent,
      "<w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/>");
  s += style("AfterTable", "After table",
             "<w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>" + noIndent,
             "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  s += style(
      "HeaderBlock", "Header block",
      "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
      "");
  s += style(
      "Figure", "Figure",
      "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
      "");
  s += style("Footer", "footer", "<w:spacing w:after=\"0\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
             "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>");
  s += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table "
       "Grid\"/><w:tblPr><w:tblBorders>"
       "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
       "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
       "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
       "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
       "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
       "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
       "</w:tblBorders></w:tblPr></w:style>";
  return s + "</w:styles>";
}

// "Trang N/M": the translated text around the PAGE and NUMPAGES fields.
std::string footerXml() {
  auto field = [](const char* name) {
    return std::string(
               "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> ") +
           name +
           " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  };
  const std::string text = core::tr("Page {1} of {2}");
  std::string runs;
  size_t from = 0;
  while (from < text.size()) {
    const size_t at = text.find('{', from);
    if (at == std::string::npos || at + 2 >= text.size() || text[at + 2] != '}') {
      runs += run(text.substr(from));
      break;
    }
    if (at > from) runs += run(text.substr(from, at - from));
    runs += field(text[at + 1] == '1' ? "PAGE" : "NUMPAGES");
    from = at + 3;
  }
  return std::string(kXmlDecl) + "<w:ftr xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR +
         "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>" + runs + "</w:p></w:ftr>";
}

}  // namespace

namespace {
// Every part of the package but word/document.xml.
std::map<std::string, std::string> docxFrame(const Document& doc) {
  std::map<std::string, std::string> parts;
  parts["[Content_Types].xml"] =
      std::string(kXmlDecl) +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Default Extension=\"png\" ContentType=\"image/png\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      "<Override PartName=\"/word/footer1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" "
      "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";
  parts["_rels/.rels"] =
      std::string(kXmlDecl) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"word/document.xml\"/>"
      "<Relationship Id=\"rId2\" "
      "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
      "core-properties\" Target=\"docProps/core.xml\"/></Relationships>";
  std::string rels = std::string(kXmlDecl) +
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rIdStyles\" "
                     "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                     "styles\" Target=\"styles.xml\"/>"
                     "<Relationship Id=\"rIdFooter\" "
                     "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                     "footer\" Target=\"footer1.xml\"/>";
  // Every chart as a PNG picture drawn as in the PDF.
  size_t n = 0;
  for (const Chart* c : doc.charts()) {
    const std::string id = std::to_string(++n);
    std::ostringstream png;
    renderChartPng(png, *c, kChartScale);
    parts["word/media/chart" + id + ".png"] = png.str();
    rels += "<Relationship Id=\"rIdChart" + id +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
            "Target=\"media/chart" +
            id + ".png\"/>";
  }
  parts["word/_rels/document.xml.rels"] = rels + "</Relationships>";
  parts["docProps/core.xml"] =
      std::string(kXmlDecl) +
      "<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
      xml(doc.title) + "</dc:title><dc:creator>dangbo</dc:creator></cp:coreProperties>";
  parts["word/styles.xml"] = stylesXml();
  parts["word/footer1.xml"] = footerXml();
  return parts;
}
}  // namespace

std::map<std::string, std::string> docxParts(const Document& doc) {
  auto parts = docxFrame(doc);
  parts["word/document.xml"] = documentXml(doc);
  return parts;
}

void writeZip(const std::filesystem::path& out, const std::map<std::string, std::string>& parts,
              const std::string& first, const std::map<std::string, std::filesystem::path>& files) {
  int error = 0;
  zip_t* z = zip_open(out.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!z) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string msg = zip_error_strerror(&e);
    zip_error_fini(&e);
    throw std::runtime_error("cannot write " + out.string() + ": " + msg);
  }
  auto add = [&](const std::string& name) {
    zip_source_t* src = nullptr;
    if (auto it = parts.find(name); it != parts.end())
      src = zip_source_buffer(z, it->second.data(), it->second.size(), 0);
    else
      src = zip_source_file(z, files.at(name).c_str(), 0, -1);  // read while the zip is closed
    if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (src) zip_source_free(src);
      const std::string msg = zip_strerror(z);
      zip_discard(z);
      throw std::runtime_error("cannot write " + out.string() + ": " + msg);
    }
  };
  std::set<std::string> names;
  for (const auto& part : parts) names.insert(part.first);
  for (const auto& part : files) names.insert(part.first);
  if (names.count(first)) add(first);
  for (const auto& name : names)
    if (name != first) add(name);
  if (zip_close(z) < 0) {
    const std::string msg = zip_strerror(z);
    zip_discard(z);
    throw std::runtime_error("cannot write " + out.string() + ": " + msg);
  }
}

void renderDocx(const std::filesystem::path& out, const Document& doc) {
  bool streamed = false;
  for (const auto* t : doc.tables()) streamed = streamed || bool(t->rowSource);
  if (!streamed) {
    writeZip(out, docxParts(doc));
    return;
  }
  // A table reading its rows as they are written (the register of a province): word/document.xml goes to a
  // private temporary file beside `out` (0600, removed after) a row at a time, and libzip compresses it from
  // there, so that neither the rows nor the document are held in memory.
  std::string name = out.string() + ".document-XXXXXX";
  const int fd = mkstemp(name.data());
  if (fd < 0) throw std::runtime_error("cannot write " + out.string() + ": no temporary file");
  ::close(fd);
  const std::filesystem::path body = name;
  try {
    {
      std::ofstream xmlOut(body, std::ios::binary | std::ios::trunc);
      writeDocxDocument(xmlOut, doc);
      xmlOut.close();
      if (!xmlOut) throw std::runtime_error("cannot write " + out.string() + ": " + body.string());
    }
    writeZip(out, docxFrame(doc), "[Content_Types].xml", {{"word/document.xml", body}});
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(body, ec);
    throw;
  }
  std::error_code ec;
  std::filesystem::remove(body, ec);
}

}  // namespace dangbo::reports
