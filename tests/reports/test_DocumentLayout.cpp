// The layout of the printed documents: the register in landscape with no word broken and 20 members a
// page or more, Word documents whose elements follow the schema's order, spreadsheets with real dates
// and percentages, report CSVs that Excel opens.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "../TestUtil.h"
#include "DocumentFiles.h"
#include "ReportCalls.h"
#include "core/Csv.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "exchange/RegisterExport.h"
#include "reports/DocxRenderer.h"
#include "reports/PdfRenderer.h"
#include "reports/ReportCatalog.h"
#include "reports/TableLayout.h"
#include "reports/XlsxRenderer.h"
#include "services/Services.h"

using namespace dangbo;
using reports::Cell;
using test::TempDir;

namespace {

using test::reportcalls::day;
using test::reportcalls::demo;
using test::reportcalls::demoReport;
using test::reportcalls::reportOfCall;

// --- The schema order of WordprocessingML (ECMA-376 Part 1, wml.xsd) for every element the writer uses.
// Names joined by '|' share a place (a choice); a child not listed is an error.
const std::map<std::string, std::vector<std::string>>& schemaOrder() {
  static const std::map<std::string, std::vector<std::string>> order = {
      {"w:rPr",
       {"w:rStyle",
        "w:rFonts",
        "w:b",
        "w:bCs",
        "w:i",
        "w:iCs",
        "w:caps",
        "w:smallCaps",
        "w:strike",
        "w:dstrike",
        "w:outline",
        "w:shadow",
        "w:emboss",
        "w:imprint",
        "w:noProof",
        "w:snapToGrid",
        "w:vanish",
        "w:webHidden",
        "w:color",
        "w:spacing",
        "w:w",
        "w:kern",
        "w:position",
        "w:sz",
        "w:szCs",
        "w:highlight",
        "w:u",
        "w:effect",
        "w:bdr",
        "w:shd",
        "w:fitText",
        "w:vertAlign",
        "w:rtl",
        "w:cs",
        "w:em",
        "w:lang",
        "w:eastAsianLayout",
        "w:specVanish",
        "w:oMath"}},
      {"w:pPr",
       {"w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:framePr",
        "w:widowControl",
        "w:numPr",
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange"}},
      {"w:tblPr",
       {"w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
        "w:tblLayout", "w:tblCellMar", "w:tblLook"}},
      {"w:tblBorders", {"w:top", "w:left|w:start", "w:bottom", "w:right|w:end", "w:insideH", "w:insideV"}},
      {"w:tblCellMar", {"w:top", "w:left|w:start", "w:bottom", "w:right|w:end"}},
      {"w:tcPr",
       {"w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
        "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"}},
      {"w:trPr",
       {"w:cnfStyle|w:divId|w:gridBefore|w:gridAfter|w:wBefore|w:wAfter|w:cantSplit|w:trHeight|"
        "w:tblHeader|w:tblCellSpacing|w:jc|w:hidden"}},
      {"w:sectPr",
       {"w:headerReference|w:footerReference",
        "w:footnotePr",
        "w:endnotePr",
        "w:type",
        "w:pgSz",
        "w:pgMar",
        "w:paperSrc",
        "w:pgBorders",
        "w:lnNumType",
        "w:pgNumType",
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings"}},
      {"w:style", {"w:name",          "w:aliases",
                   "w:basedOn",       "w:next",
                   "w:link",          "w:autoRedefine",
                   "w:hidden",        "w:uiPriority",
                   "w:semiHidden",    "w:unhideWhenUsed",
                   "w:qFormat",       "w:locked",
                   "w:personal",      "w:personalCompose",
                   "w:personalReply", "w:rsid",
                   "w:pPr",           "w:rPr",
                   "w:tblPr",         "w:trPr",
                   "w:tcPr",          "w:tblStylePr"}},
      {"w:styles", {"w:docDefaults", "w:latentStyles", "w:style"}},
      {"w:docDefaults", {"w:rPrDefault", "w:pPrDefault"}},
      {"w:rPrDefault", {"w:rPr"}},
      {"w:pPrDefault", {"w:pPr"}},
      {"w:document", {"w:background", "w:body"}},
      {"w:body", {"w:p|w:tbl", "w:sectPr"}},
      {"w:ftr", {"w:p|w:tbl"}},
      {"w:tbl", {"w:tblPr", "w:tblGrid", "w:tr"}},
      {"w:tblGrid", {"w:gridCol"}},
      {"w:tr", {"w:tblPrEx", "w:trPr", "w:tc"}},
      {"w:tc", {"w:tcPr", "w:p|w:tbl"}},
      {"w:p", {"w:pPr", "w:r|w:hyperlink|w:fldSimple"}},
      {"w:r", {"w:rPr", "w:t|w:br|w:tab|w:fldChar|w:instrText|w:drawing"}},
      {"w:drawing", {"wp:inline|wp:anchor"}},
      {"wp:inline", {"wp:extent", "wp:effectExtent", "wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"}},
      {"a:graphic", {"a:graphicData"}},
      {"a:graphicData", {"pic:pic"}},
      {"pic:pic", {"pic:nvPicPr", "pic:blipFill", "pic:spPr"}},
      {"pic:nvPicPr", {"pic:cNvPr", "pic:cNvPicPr"}},
      {"pic:blipFill", {"a:blip", "a:srcRect", "a:tile|a:stretch"}},
      {"a:stretch", {"a:fillRect"}},
      {"pic:spPr", {"a:xfrm", "a:prstGeom"}},
      {"a:xfrm", {"a:off", "a:ext"}},
      {"a:prstGeom", {"a:avLst"}},
  };
  return order;
}

// The children written out of the schema's order, or not allowed where they are ("w:rPr: w:sz after w:u").
std::vector<std::string> orderErrors(const std::string& xml) {
  std::vector<std::string> errors;
  struct Open {
    std::string name;
    size_t place = 0;
  };
  std::vector<Open> stack;
  static const std::regex tag("<(/?)([A-Za-z][A-Za-z0-9:_.-]*)[^>]*?(/?)>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), tag); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[2].str();
    if ((*it)[1].length()) {
      if (!stack.empty()) stack.pop_back();
      continue;
    }
    if (!stack.empty()) {
      Open& parent = stack.back();
      auto rule = schemaOrder().find(parent.name);
      if (rule != schemaOrder().end()) {
        size_t place = rule->second.size();
        for (size_t i = 0; i < rule->second.size(); ++i)
          if (("|" + rule->second[i] + "|").find("|" + name + "|") != std::string::npos) place = i;
        if (place == rule->second.size())
          errors.push_back(parent.name + ": " + name + " is not allowed");
        else if (place < parent.place)
          errors.push_back(parent.name + ": " + name + " after " + rule->second[parent.place]);
        else
          parent.place = place;
      }
    }
    if (!(*it)[3].length()) stack.push_back({name, 0});
  }
  return errors;
}

// A document with every kind of block, and a register-like table of 14 narrow columns.
reports::Document everyBlock(bool landscape) {
  reports::Document doc;
  doc.title = "Kiểm tra";
  doc.landscape = landscape;
  doc.header = reports::DocumentHeader{"ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN", "Số ...-BC/ĐU",
                                       "ĐẢNG CỘNG SẢN VIỆT NAM", "Phiêng Pằn, ngày .. tháng .. năm ...."};
  doc.titleLine("BÁO CÁO");
  doc.titleLine("KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN ĐẢNG BỘ XÃ PHIÊNG PẰN", reports::TitleStyle::Subtitle);
  doc.heading("1. Đảng viên");
  doc.paragraph({{"Tổng số ", false}, {"1.046", true}, {" đảng viên.", false}});
  reports::Table t;
  t.caption = "Danh sách";
  std::vector<Cell> head;
  for (int c = 0; c < 14; ++c)
    head.push_back(Cell::textCell("Ngày vào Đảng; ngày chính thức " + std::to_string(c)));
  t.header.push_back(head);
  for (int r = 0; r < 30; ++r) {
    reports::TableRow row;
    row.cells.push_back(Cell::count(r + 1));
    for (int c = 1; c < 14; ++c) row.cells.push_back(Cell::textCell("07/08/2020; Khôn Hoàng Thị Quê quán"));
    t.rows.push_back(row);
  }
  doc.table(t);
  reports::Chart c;
  c.title = "Biểu đồ";
  c.categoryLabel = "Năm";
  c.axisLabel = "%";
  c.categories = {"2021", "2022"};
  c.series = {{"Tốt", {80.5, 90.1}}};
  c.percent = true;
  doc.chart(c);
  doc.pageBreak();
  doc.paragraph("Hết.");
  return doc;
}

}  // namespace

TEST_CASE("docx: every element the writer uses is in the schema's order (run properties: b, i, sz, u)") {
  // The checker finds the old fault: underline before size in a run's properties.
  const auto bad = orderErrors("<w:r><w:rPr><w:b/><w:u w:val=\"single\"/><w:sz w:val=\"30\"/></w:rPr></w:r>");
  REQUIRE(bad.size() == 1);
  CHECK(bad.front() == "w:rPr: w:sz after w:u");
  CHECK(orderErrors("<w:tcPr><w:vAlign/><w:tcW/></w:tcPr>").size() == 1);
  for (bool landscape : {false, true}) {
    const auto parts = reports::docxParts(everyBlock(landscape));
    for (const char* name : {"word/document.xml", "word/styles.xml", "word/footer1.xml"}) {
      CAPTURE(name);
      const auto errors = orderErrors(parts.at(name));
      for (const auto& e : errors) CAPTURE(e);
      CHECK(errors.empty());
      if (!errors.empty()) MESSAGE(errors.front());
    }
    // The party's name: bold, 15 pt, underlined, in that order.
    CHECK(parts.at("word/document.xml")
              .find("<w:rPr><w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>"
                    "<w:u w:val=\"single\"/></w:rPr>") != std::string::npos);
  }
}

TEST_CASE("docx: charts are pictures, each table written once, a landscape section for the register") {
  const auto doc = everyBlock(true);
  const auto parts = reports::docxParts(doc);
  const std::string& xml = parts.at("word/document.xml");
  // The chart: a PNG in the package, referenced once; its figures are not a second table.
  REQUIRE(parts.count("word/media/chart1.png") == 1);
  CHECK(parts.at("word/media/chart1.png").substr(1, 3) == "PNG");
  CHECK(parts.at("word/_rels/document.xml.rels").find("Target=\"media/chart1.png\"") != std::string::npos);
  CHECK(parts.at("[Content_Types].xml").find("Extension=\"png\"") != std::string::npos);
  CHECK(xml.find("r:embed=\"rIdChart1\"") != std::string::npos);
  size_t tables = 0;
  for (size_t p = xml.find("<w:tbl>"); p != std::string::npos; p = xml.find("<w:tbl>", p + 1)) ++tables;
  // The header block and the one table, its 30 rows of up to six lines written once, in tables of about a
  // page (test_DocxTablePieces), each under the header row.
  REQUIRE(tables >= 2);
  size_t rows = 0;
  for (size_t p = xml.find("<w:tr>"); p != std::string::npos; p = xml.find("<w:tr>", p + 1)) ++rows;
  CHECK(rows == 1 + 30 + (tables - 1));
  // Each table draws its own borders and names no table style: LibreOffice 7.4 merges a table style into
  // every cell as it reads the file (a quarter of its time on a register of 8.000 members).
  CHECK(xml.find("<w:tblStyle") == std::string::npos);
  size_t bordered = 0;
  for (size_t p = xml.find("<w:tblBorders>"); p != std::string::npos; p = xml.find("<w:tblBorders>", p + 1))
    ++bordered;
  CHECK(bordered == tables);
  // Landscape A4, and the 14 columns in the width of its text (297 - 30 - 15 mm), none narrower than a date.
  CHECK(xml.find("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>") != std::string::npos);
  static const std::regex col("<w:gridCol w:w=\"([0-9]+)\"/>");
  std::vector<int> widths;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), col); it != std::sregex_iterator(); ++it)
    widths.push_back(std::stoi((*it)[1].str()));
  REQUIRE(widths.size() == 2 + 14 * (tables - 1));
  for (size_t c = 16; c < widths.size(); ++c) CHECK(widths[c] == widths[2 + (c - 2) % 14]);
  widths.resize(16);
  int sum = 0;
  for (size_t c = 2; c < widths.size(); ++c) sum += widths[c];
  CHECK(sum == 16838 - 1701 - 851);
  // "07/08/2020;" at the table's size is about 48 points: every column holds it on one line.
  for (size_t c = 3; c < widths.size(); ++c) CHECK(widths[c] >= 700);
  // A title never leaves its last word alone: the last two words are joined by a no-break space.
  CHECK(xml.find("PHIÊNG\xC2\xA0PẰN") != std::string::npos);
  // Page N of M in the footer.
  CHECK(parts.at("word/footer1.xml").find("NUMPAGES") != std::string::npos);
}

TEST_CASE("layout: columns fit their longest word, the font shrinks before a word would break") {
  const auto measure = reports::pangoMeasure();
  reports::Table t;
  t.header = {{Cell::textCell("STT"), Cell::textCell("Họ và tên"), Cell::textCell("Quê quán")}};
  t.rows.push_back(
      {{Cell::count(1050), Cell::textCell("Hoàng Thị Phiêng"), Cell::textCell("Khôn Pằn")}, false});
  const auto wide = reports::planColumns(t, 400, 13, 7, 9, measure);
  CHECK(wide.size == 13);
  CHECK(wide.wordsFit);
  double sum = 0;
  for (double w : wide.widths) sum += w;
  CHECK(sum == doctest::Approx(400));
  CHECK(wide.widths[0] >= measure("1.050", false, 13).natural + 9);
  // Too narrow for the words at 13 pt: smaller type, every word still whole.
  const double words =
      measure("STT", true, 13).word + measure("Phiêng", false, 13).word + measure("Quê", true, 13).word;
  const auto narrow = reports::planColumns(t, words + 27 - 10, 13, 7, 9, measure);
  CHECK(narrow.size < 13);
  CHECK(narrow.wordsFit);
  CHECK(narrow.widths[1] >= measure("Phiêng", false, narrow.size).word + 9 - 1e-6);
}

TEST_CASE("register PDF: landscape A4, titled as a register, 20 members a page or more, no word broken") {
  const auto r = demoReport("register");
  const auto doc = reports::reportDocument(r);
  REQUIRE(doc.tables().size() == 1);
  const size_t members = doc.tables().front()->rows.size();
  REQUIRE(members > 500);
  TempDir dir;
  const auto pdf = dir / "register.pdf";
  reports::renderPdf(pdf, doc);
  // Landscape: the media box is 841.89 wide.
  CHECK(test::readFile(pdf).find("/MediaBox [ 0 0 841.889") != std::string::npos);
  const std::string text = test::pdfText(pdf);
  const std::string flat = test::squeeze(text);
  CHECK(flat.find(core::toUpper(core::tr("Member register"))) != std::string::npos);
  CHECK(flat.find(core::toUpper(core::tr("Report"))) == std::string::npos);
  CHECK(flat.find("-BC/") == std::string::npos);
  // Every word printed is a word of the document (none cut inside a syllable, "N-am", "1.05/0").
  std::set<std::string> words;
  auto addWords = [&](const std::string& s) {
    std::istringstream in(s);
    for (std::string w; in >> w;) words.insert(w);
  };
  for (const auto& h :
       {doc.header->superior, doc.header->executive, doc.header->party, doc.header->placeDate})
    addWords(h);
  addWords("*");
  for (const auto& b : doc.blocks) {
    if (const auto* t = std::get_if<reports::TitleLine>(&b)) addWords(t->text);
    if (const auto* p = std::get_if<reports::Paragraph>(&b)) addWords(p->text());
    if (const auto* t = std::get_if<reports::Table>(&b)) {
      for (const auto& row : t->header)
        for (const auto& c : row) addWords(c.text);
      for (const auto& row : t->rows)
        for (const auto& c : row.cells) addWords(c.text);
    }
  }
  std::vector<std::string> pages;
  {
    std::stringstream ss(text);
    for (std::string page; std::getline(ss, page, '\f');)
      if (!test::squeeze(page).empty()) pages.push_back(page);
  }
  REQUIRE(pages.size() > 10);
  for (size_t p = 1; p <= pages.size(); ++p)
    addWords(core::format(core::tr("Page {1} of {2}"), {std::to_string(p), std::to_string(pages.size())}));
  std::vector<std::string> strangers;
  {
    std::istringstream in(text);
    for (std::string w; in >> w;)
      if (!words.count(w)) strangers.push_back(w);
  }
  CHECK(strangers.empty());
  if (!strangers.empty()) MESSAGE("not a word of the register: " << strangers.front());
  // At least 20 members on every page but the last, the first too (its header block and title set as one
  // low band);
  // the heading row on each; "Trang N/M" at the bottom. A member's row is the number in the first column
  // (pdftotext -bbox: an integer word less than 35 mm from the page's left edge).
  std::string boxes;
  {
    const auto file = dir / "register.bbox";
    REQUIRE(std::system(
                ("pdftotext -enc UTF-8 -bbox '" + pdf.string() + "' '" + file.string() + "'").c_str()) == 0);
    boxes = test::readFile(file);
  }
  std::vector<size_t> rowsOnPage;
  static const std::regex word("<page |<word xMin=\"([0-9.]+)\"[^>]*>([^<]*)</word>");
  static const std::regex number("[0-9]{1,3}(?:\\.[0-9]{3})?");
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word); it != std::sregex_iterator(); ++it) {
    if (!(*it)[1].matched) {
      rowsOnPage.push_back(0);
      continue;
    }
    if (std::stod((*it)[1].str()) < 35 * 72 / 25.4 && std::regex_match((*it)[2].str(), number))
      ++rowsOnPage.back();
  }
  REQUIRE(rowsOnPage.size() == pages.size());
  size_t counted = 0;
  const std::string firstHeading = doc.tables().front()->header.front().at(1).text;
  const std::string firstWord = firstHeading.substr(0, firstHeading.find(' '));
  for (size_t p = 0; p < pages.size(); ++p) {
    CAPTURE(p);
    counted += rowsOnPage[p];
    if (p + 1 < pages.size()) CHECK(rowsOnPage[p] >= 20);
    // Every page of rows repeats the header; only the last page may hold the closing block alone.
    if (rowsOnPage[p] > 0 || p + 1 < pages.size()) CHECK(pages[p].find(firstWord) != std::string::npos);
    CHECK(test::squeeze(pages[p]).find(core::format(core::tr("Page {1} of {2}"),
                                                    {std::to_string(p + 1), std::to_string(pages.size())})) !=
          std::string::npos);
  }
  MESSAGE("register: " << members << " members on " << pages.size() << " pages, " << rowsOnPage.front()
                       << " on the first");
  CHECK(counted == members);
}

TEST_CASE("pdf: a table's total row never stands alone at the top of a page") {
  // Tables of growing length: whichever row falls at the page's end, the total goes with a body row.
  for (int n = 30; n <= 48; ++n) {
    CAPTURE(n);
    reports::Document doc;
    doc.titleLine("DANH SÁCH");
    reports::Table t;
    t.header = {{Cell::textCell("Chi bộ"), Cell::textCell("Số đảng viên")}};
    for (int i = 1; i <= n; ++i)
      t.rows.push_back({{Cell::textCell("Chi bộ thôn " + std::to_string(i)), Cell::count(i)}, false});
    t.rows.push_back({{Cell::textCell("Tổng cộng"), Cell::count(n * (n + 1) / 2)}, true});
    doc.table(t);
    TempDir dir;
    reports::renderPdf(dir / "t.pdf", doc);
    const std::string text = test::pdfText(dir / "t.pdf");
    std::stringstream ss(text);
    for (std::string page; std::getline(ss, page, '\f');) {
      if (page.find("Tổng cộng") == std::string::npos) continue;
      CHECK(page.find("Chi bộ thôn") != std::string::npos);
    }
  }
}

TEST_CASE("xlsx: every report of the demo has date cells for days and percent cells for percentages") {
  TempDir dir;
  const auto calls = reports::reportCalls();
  REQUIRE(calls.size() > reports::reportNames().size());
  for (const auto& call : calls) {
    CAPTURE(call);
    const auto r = reportOfCall(call);
    const auto doc = reports::reportDocument(r);
    const auto file = dir / (std::to_string(&call - calls.data()) + ".xlsx");
    reports::writeReportFile(file, r, "xlsx");
    const auto parts = test::unzip(file);
    // What the document holds: days (dd/mm/yyyy) and percentages, in its tables and its charts' tables.
    static const std::regex dayText("^[0-9]{2}/[0-9]{2}/[0-9]{4}$");
    size_t days = 0, percents = 0;
    auto countIn = [&](const reports::Table& t) {
      for (const auto& row : t.rows)
        for (const auto& c : row.cells) {
          if (c.kind == reports::CellKind::Percent) ++percents;
          if (c.kind == reports::CellKind::Text && std::regex_match(c.text, dayText)) ++days;
        }
    };
    for (const auto* t : doc.tables()) countIn(*t);
    for (const auto* c : doc.charts()) countIn(reports::chartTable(*c));
    // The styles: which cell formats are dates and which percentages.
    const std::string& styles = parts.at("xl/styles.xml");
    std::map<std::string, std::string> codes;
    static const std::regex numFmt("<numFmt numFmtId=\"([0-9]+)\" formatCode=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(styles.begin(), styles.end(), numFmt); it != std::sregex_iterator();
         ++it)
      codes[(*it)[1].str()] = (*it)[2].str();
    const size_t xfsAt = styles.find("<cellXfs");
    REQUIRE(xfsAt != std::string::npos);
    const std::string xfs = styles.substr(xfsAt, styles.find("</cellXfs>") - xfsAt);
    std::vector<std::string> formatOfStyle;
    static const std::regex xf("<xf numFmtId=\"([0-9]+)\"");
    for (auto it = std::sregex_iterator(xfs.begin(), xfs.end(), xf); it != std::sregex_iterator(); ++it)
      formatOfStyle.push_back(codes.count((*it)[1].str()) ? codes[(*it)[1].str()] : "");
    // The cells: numbers with a date or a percent format; no text that looks like a day or a percentage.
    std::vector<std::string> strings;
    if (parts.count("xl/sharedStrings.xml")) {
      const std::string& ss = parts.at("xl/sharedStrings.xml");
      static const std::regex si("<t[^>]*>([^<]*)</t>");
      for (auto it = std::sregex_iterator(ss.begin(), ss.end(), si); it != std::sregex_iterator(); ++it)
        strings.push_back((*it)[1].str());
    }
    size_t dateCells = 0, percentCells = 0;
    static const std::regex cell(
        "<c r=\"[A-Z]+[0-9]+\"(?: s=\"([0-9]+)\")?(?: t=\"([a-z]+)\")?>(?:<v>([^<]*)</v>)?");
    static const std::regex percentText("^-?[0-9]+(?:[.,][0-9]+)?%$");
    for (const auto& [part, data] : parts) {
      if (part.rfind("xl/worksheets/sheet", 0) != 0) continue;
      for (auto it = std::sregex_iterator(data.begin(), data.end(), cell); it != std::sregex_iterator();
           ++it) {
        const size_t style = (*it)[1].matched ? std::stoul((*it)[1].str()) : 0;
        const std::string fmt = style < formatOfStyle.size() ? formatOfStyle[style] : "";
        if ((*it)[2].str() == "s") {
          const std::string& s = strings.at(std::stoul((*it)[3].str()));
          CHECK_MESSAGE(!std::regex_match(s, dayText), s);
          CHECK_MESSAGE(!std::regex_match(s, percentText), s);
        } else if ((*it)[3].matched) {
          if (fmt == "dd/mm/yyyy") ++dateCells;
          if (fmt == "0.0%") {
            ++percentCells;
            // A fraction (10,7% is 0.107, not 10.7) equal to the tenths of the figure, with no rounding
            // noise.
            const double v = std::stod((*it)[3].str()) * 1000;
            CHECK(std::abs(v - std::round(v)) < 1e-6);
          }
        }
      }
    }
    CHECK(dateCells == days);
    // The statistics workbook lays out the official grid (test_StatisticsXlsx.cpp): its percent cells are its
    // own.
    if (r.name != "statistics") CHECK(percentCells == percents);
    // Sheet names: unique, within 31 characters, none cut inside a word of the caption.
    const std::string& wb = parts.at("xl/workbook.xml");
    static const std::regex sheet("<sheet name=\"([^\"]*)\"");
    std::set<std::string> names;
    for (auto it = std::sregex_iterator(wb.begin(), wb.end(), sheet); it != std::sregex_iterator(); ++it) {
      const std::string n = (*it)[1].str();
      CHECK(core::toUpper(n).size() > 0);
      CHECK(names.insert(core::toUpper(n)).second);
      size_t cps = 0;
      for (char ch : n) cps += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      CHECK(cps <= 31);
    }
    // Frozen header rows, fit to the page's width, header rows printed on every page.
    for (const auto& [part, data] : parts) {
      if (part.rfind("xl/worksheets/sheet", 0) != 0) continue;
      CAPTURE(part);
      CHECK(data.find("state=\"frozen\"") != std::string::npos);
      CHECK(data.find("fitToPage=\"1\"") != std::string::npos);  // fit to 1 page wide (the default width)
      CHECK(data.find("fitToHeight=\"0\"") != std::string::npos);
      CHECK(data.find("paperSize=\"9\"") != std::string::npos);
    }
    CHECK(wb.find("_xlnm.Print_Titles") != std::string::npos);
  }
}

TEST_CASE(
    "xlsx: the register is printed landscape, percentages of a table are fractions with a percent format") {
  TempDir dir;
  const auto r = demoReport("register");
  reports::writeReportFile(dir / "r.xlsx", r, "xlsx");
  const auto parts = test::unzip(dir / "r.xlsx");
  CHECK(parts.at("xl/worksheets/sheet1.xml").find("orientation=\"landscape\"") != std::string::npos);
  CHECK(parts.at("xl/workbook.xml").find("name=\"" + std::string(core::tr("Member register")) + "\"") !=
        std::string::npos);
}

TEST_CASE("csv: a report's CSV has a byte-order mark and a column per field, congress has one too") {
  for (const char* name : {"members", "register", "congress", "committee"}) {
    CAPTURE(name);
    const auto r = demoReport(name);
    std::ostringstream out;
    reports::writeReport(out, r, "csv");
    const std::string csv = out.str();
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    const auto doc = reports::reportDocument(r);
    const auto* first = doc.tables().front();
    // The first table's headings on a line of their own, in the language of the document.
    std::string heading;
    for (const auto& c : first->header.back())
      heading += (heading.empty() ? "" : ",") + core::csvField(c.text);
    if (first->header.size() == 1) CHECK(csv.find(heading) != std::string::npos);
    CHECK(csv.find("table,row,column,value") == std::string::npos);
  }
  // The register: one line per member after the headings.
  const auto r = demoReport("register");
  std::ostringstream out;
  reports::writeReport(out, r, "csv");
  size_t lines = 0;
  bool quoted = false;
  for (char c : out.str()) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) ++lines;
  }
  CHECK(lines == reports::reportDocument(r).tables().front()->rows.size() + 1);
}

TEST_CASE("export register: a sheet named for the register, Times New Roman, row heights, printed to fit") {
  TempDir dir;
  exchange::RegisterExportOptions opt;
  opt.asOf = day(2026, 11, 29);
  const auto file = dir / "so.xlsx";
  const int members = exchange::exportRegister(demo(), services::Actor::localOffice(), file, opt);
  REQUIRE(members > 500);
  const auto parts = test::unzip(file);
  const std::string& wb = parts.at("xl/workbook.xml");
  CHECK(wb.find("<sheet name=\"" + std::string(core::tr("Member register")) + "\"") != std::string::npos);
  CHECK(wb.find("_xlnm.Print_Titles") != std::string::npos);  // the heading row on every page
  const std::string& styles = parts.at("xl/styles.xml");
  CHECK(styles.find("<name val=\"Times New Roman\"/>") != std::string::npos);
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  CHECK(sheet.find("orientation=\"landscape\"") != std::string::npos);
  CHECK(sheet.find("fitToPage=\"1\"") != std::string::npos);  // all 14 columns on the page's width
  CHECK(sheet.find("fitToHeight=\"0\"") != std::string::npos);
  // Every member's row has a height for its wrapped cells.
  size_t tall = 0;
  for (size_t p = sheet.find("customHeight=\"1\""); p != std::string::npos;
       p = sheet.find("customHeight=\"1\"", p + 1))
    ++tall;
  CHECK(tall >= size_t(members));
}

TEST_CASE(
    "reports: one wording of the age bands, as ../shared/data/age_bands.csv, no negative days overdue") {
  if (std::string(core::tr("{1} to {2} years")) == "{1} to {2} years") return;  // the wording is Vietnamese
  // The bands of Biểu số 3-BTCTW as the data file words them.
  std::vector<std::string> expected;
  {
    std::istringstream csv(test::readFile(std::string(DANGBO_SHARED_DATA_DIR) + "/age_bands.csv"));
    for (std::string line; std::getline(csv, line);)
      if (line.rfind("btctw_2021_party_members,", 0) == 0) {
        const size_t a = line.find(',', line.find(',') + 1), b = line.find(',', a + 1);
        expected.push_back(line.substr(a + 1, b - a - 1));
      }
  }
  REQUIRE(expected.size() == 8);
  const auto members = reports::reportDocument(demoReport("members"));
  const auto* ages = members.tables().front();
  REQUIRE(ages->rows.size() >= expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CHECK(ages->rows[i].cells.front().text == expected[i]);
  // The congress report's own groups: the same words in its table and its chart.
  const auto congress = reports::reportDocument(demoReport("congress"));
  const std::string caption = core::tr("Members by age group");
  const reports::Table* table = nullptr;
  for (const auto* t : congress.tables())
    if (t->caption == caption) table = t;
  const reports::Chart* chart = nullptr;
  for (const auto* c : congress.charts())
    if (c->title == caption) chart = c;
  REQUIRE(table != nullptr);
  REQUIRE(chart != nullptr);
  REQUIRE(table->rows.size() >= chart->categories.size());
  for (size_t i = 0; i < chart->categories.size(); ++i) {
    CHECK(table->rows[i].cells.front().text == chart->categories[i]);
    const std::string& label = chart->categories[i];
    CHECK((label.rfind("Từ ", 0) == 0 || label.rfind("Trên ", 0) == 0));
    const std::string years = "tuổi";
    CHECK(label.size() > years.size());
    CHECK(label.substr(label.size() - years.size()) == years);
  }
  // Deadlines: the days overdue column never holds a negative number.
  const auto deadlines = reports::reportDocument(demoReport("deadlines"));
  const auto* list = deadlines.tables().back();
  size_t ahead = 0;
  for (const auto& row : list->rows) {
    const auto& days = row.cells.back();
    CHECK(days.text.find('-') == std::string::npos);
    if (days.kind == reports::CellKind::Text) ++ahead;
  }
  CHECK(ahead > 0);  // the demo has deadlines still ahead: "Còn N ngày"
}
