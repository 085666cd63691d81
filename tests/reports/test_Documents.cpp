#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "../TestUtil.h"
#include "DocumentFiles.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "reports/CongressReport.h"
#include "reports/DocxRenderer.h"
#include "reports/HtmlRenderer.h"
#include "reports/PdfRenderer.h"
#include "reports/ReportTemplate.h"
#include "reports/XlsxRenderer.h"
#include "services/CongressReport.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::pdfText;
using dangbo::test::readFile;
using dangbo::test::squeeze;
using dangbo::test::TempDir;
using dangbo::test::unzip;
using reports::Cell;

namespace {

core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}

const core::CommitteeInfo kCommittee{"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "Đảng bộ tỉnh Sơn La",
                                     "Đảng ủy xã Phiêng Pằn"};

bool vietnameseCatalog() {
  const char* msgid = "From {1} to {2}, {3}/{4} new members were admitted, reaching {5} of the target.";
  return std::string(core::tr(msgid)) != msgid;
}

services::RatingLevels levels(int a, int b, int c, int d) {
  services::RatingLevels r;
  r.htxsnv = a, r.httnv = b, r.htnv = c, r.khtnv = d, r.rated = a + b + c + d;
  r.goodOrBetterPercent = core::percentTenths(a + b, r.rated);
  return r;
}

// A congress figure set written by hand: 142 admitted against a target of 140.
services::CongressFigures figures() {
  services::CongressFigures f;
  f.committee = kCommittee.name;
  f.from = d(2020, 8, 1), f.to = d(2024, 12, 31), f.asOf = d(2024, 12, 31);
  auto& o = f.organizations;
  o.total = 58, o.grassroots = 5, o.subordinate = 53, o.villageCells = 45, o.villageCellsWithCommittee = 31;
  o.byCategory = {{"ban", 45},    {"truong", 8},  {"co_quan_dang", 1}, {"chinh_quyen", 1},
                  {"quan_su", 1}, {"cong_an", 1}, {"y_te", 1},         {"khac", 0}};
  o.subordinateByCategory = {{"ban", 45}, {"truong", 8}};
  auto& m = f.members;
  m.total = 1046, m.official = 990, m.probationary = 56, m.women = 312, m.ethnicMinority = 930, m.exempt = 41;
  m.byAgeGroup = {{"18-30", 180}, {"31-40", 260}, {"41-50", 240},
                  {"51-60", 190}, {"61-70", 120}, {"71+", 56}};
  auto& a = f.admissions;
  a.byYear = {{2020, 12}, {2021, 31}, {2022, 33}, {2023, 35}, {2024, 31}};
  a.total = 142, a.target = 140, a.targetSource = services::TargetSource::Term;
  for (const auto& [y, n] : a.byYear) a.yearTargets.emplace_back(y, std::optional<int64_t>(28));
  a.percentOfTarget = core::percentTenths(142, 140);
  // The terms' targets to_chuc_tot and dang_vien_tot: 90%.
  f.ratings = {{2021, levels(10, 40, 6, 2), levels(120, 800, 80, 10), 900, 900},
               {2022, levels(12, 41, 4, 1), levels(130, 810, 70, 6), 900, 900},
               {2023, levels(14, 40, 4, 0), levels(140, 820, 60, 4), 900, 900}};
  f.inspections = {58, 29};
  f.discipline.khienTrach = 6, f.discipline.canhCao = 2, f.discipline.khaiTru = 1, f.discipline.xoaTen = 9;
  services::CongressCommittee c;
  c.term = "2020-2025", c.members = 25, c.standing = 8, c.women = 5, c.ethnicMinority = 18,
  c.womenEthnicMinority = 3;
  c.age42OrUnder = 8, c.universityOrAbove = 24, c.postgraduate = 5, c.theoryIntermediateOrAbove = 25;
  c.theoryAdvanced = 7;
  c.womenPercent = core::percentTenths(5, 25), c.ethnicMinorityPercent = core::percentTenths(18, 25);
  c.womenEthnicMinorityPercent = core::percentTenths(3, 25),
  c.age42OrUnderPercent = core::percentTenths(8, 25);
  c.universityOrAbovePercent = core::percentTenths(24, 25),
  c.postgraduatePercent = core::percentTenths(5, 25);
  c.theoryIntermediateOrAbovePercent = core::percentTenths(25, 25),
  c.theoryAdvancedPercent = core::percentTenths(7, 25);
  f.committeeComposition = c;
  return f;
}

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

// Markup removed: tags become spaces; a few entities decoded.
std::string stripTags(std::string s, bool dropHead) {
  if (dropHead) {
    const auto b = s.find("<head>"), e = s.find("</head>");
    if (b != std::string::npos && e != std::string::npos) s.erase(b, e - b);
  }
  s = std::regex_replace(s, std::regex("<[^>]*>"), " ");
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&nbsp;", " "}}) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  }
  return s;
}

// Every figure in a text ("1.046", "101,4%", "142/140", "31/12/2024"), sorted.
std::vector<std::string> figuresIn(const std::string& text) {
  std::vector<std::string> out;
  static const std::regex number("[0-9]+(?:[.,/][0-9]+)*%?");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("document: the congress PDF is A4 text with the Vietnamese sentences and embedded fonts") {
  TempDir dir;
  const auto pdf = dir / "congress.pdf";
  reports::writeCongressDocument(pdf, figures(), kCommittee, "pdf");
  const std::string bytes = readFile(pdf);
  REQUIRE(bytes.size() > 1000);
  CHECK(bytes.rfind("%PDF", 0) == 0);
  CHECK(bytes.find("/FontFile") != std::string::npos);  // the font is embedded
  CHECK(bytes.find("595.27") != std::string::npos);     // A4 media box
  const std::string text = squeeze(pdfText(pdf));
  CHECK(text.find("ĐẢNG BỘ TỈNH SƠN LA") != std::string::npos);
  CHECK(text.find("ĐẢNG ỦY XÃ PHIÊNG PẰN") != std::string::npos);
  CHECK(text.find("142/140") != std::string::npos);
  if (vietnameseCatalog()) {
    CHECK(text.find("đạt 101,4% so với chỉ tiêu") != std::string::npos);
    CHECK(text.find("ĐẢNG CỘNG SẢN VIỆT NAM") != std::string::npos);
    CHECK(text.find("BÁO CÁO") != std::string::npos);
  } else {
    CHECK(text.find("reaching 101,4% of the target") != std::string::npos);
  }
  CHECK(text.find("1.046") != std::string::npos);
}

TEST_CASE("document: a long table spans pages with its header on each, page N of M on each") {
  reports::Document doc;
  doc.title = "Danh sách";
  doc.titleLine("DANH SÁCH ĐẢNG VIÊN");
  reports::Table t;
  t.caption = "Danh sách đảng viên theo chi bộ";
  t.header = {{Cell::textCell("STT"), Cell::textCell("Họ và tên"), Cell::textCell("Số thẻ đảng viên"),
               Cell::textCell("Tỷ lệ")}};
  t.align = {reports::Align::Center, reports::Align::Left, reports::Align::Right, reports::Align::Right};
  for (int i = 1; i <= 130; ++i)
    t.rows.push_back({{Cell::count(i), Cell::textCell("Lò Văn Người Thứ " + std::to_string(i)),
                       Cell::count(10000000 + i), Cell::share(i, 130)},
                      false});
  t.rows.push_back(
      {{Cell::textCell(""), Cell::textCell("Tổng số"), Cell::count(130), Cell::share(130, 130)}, true});
  doc.table(t);
  TempDir dir;
  reports::renderPdf(dir / "long.pdf", doc);
  const std::string text = pdfText(dir / "long.pdf", true);
  std::vector<std::string> pages;
  std::stringstream ss(text);
  for (std::string page; std::getline(ss, page, '\f');)
    if (!squeeze(page).empty()) pages.push_back(page);
  REQUIRE(pages.size() >= 3);
  CHECK(pages.size() <= 5);
  for (size_t i = 0; i < pages.size(); ++i) {
    CAPTURE(i);
    CHECK(occurrences(pages[i], "Họ và tên") == 1);  // the header, repeated once on every page
    CHECK(occurrences(pages[i], "Số thẻ đảng viên") == 1);
  }
  CHECK(occurrences(text, "Danh sách đảng viên theo chi bộ") == 1);  // the caption only once
  CHECK(text.find("Lò Văn Người Thứ 130") != std::string::npos);
  CHECK(text.find("10.000.130") != std::string::npos);
  // Page N of M: the last line of every page.
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string p = squeeze(pages[i]);
    const std::string footer =
        core::format(core::tr("Page {1} of {2}"), {std::to_string(i + 1), std::to_string(pages.size())});
    CHECK(p.substr(p.size() - footer.size()) == footer);
  }
}

TEST_CASE(
    "document: the congress DOCX is a zip with WordprocessingML, Vietnamese text and repeated headers") {
  TempDir dir;
  const auto docx = dir / "congress.docx";
  reports::writeCongressDocument(docx, figures(), kCommittee, "docx");
  CHECK(readFile(docx).rfind("PK", 0) == 0);
  const auto parts = unzip(docx);
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/_rels/document.xml.rels", "word/footer1.xml"})
    CHECK_MESSAGE(parts.count(name) == 1, name);
  const std::string& xml = parts.at("word/document.xml");
  CHECK(xml.find("<w:tblHeader/>") != std::string::npos);
  CHECK(xml.find("w:w=\"11906\" w:h=\"16838\"") != std::string::npos);  // A4
  CHECK(xml.find("w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\"") != std::string::npos);
  CHECK(parts.at("word/footer1.xml").find(" NUMPAGES ") != std::string::npos);  // page N of M
  CHECK(xml.find("ĐẢNG ỦY XÃ PHIÊNG PẰN") != std::string::npos);
  CHECK(xml.find("142/140") != std::string::npos);
  if (vietnameseCatalog()) CHECK(xml.find("đạt 101,4% so với chỉ tiêu") != std::string::npos);
  CHECK(parts.at("word/styles.xml").find("Times New Roman") != std::string::npos);
  CHECK(parts.at("word/styles.xml").find("<w:sz w:val=\"28\"/>") != std::string::npos);
  // Every part is well-formed enough to start with the XML declaration, and tags balance.
  for (const auto& [name, data] : parts) {
    CAPTURE(name);
    if (name.rfind("word/media/", 0) == 0) continue;  // the charts' pictures
    CHECK(data.rfind("<?xml", 0) == 0);
    CHECK(occurrences(data, "<w:tbl>") == occurrences(data, "</w:tbl>"));
    CHECK(occurrences(data, "<w:tr>") == occurrences(data, "</w:tr>"));
    CHECK(occurrences(data, "<w:p>") == occurrences(data, "</w:p>"));
  }
}

TEST_CASE("document: the congress XLSX has a sheet per table with numbers as numbers") {
  TempDir dir;
  const auto xlsx = dir / "congress.xlsx";
  reports::writeCongressDocument(xlsx, figures(), kCommittee, "xlsx");
  const auto parts = unzip(xlsx);
  REQUIRE(parts.count("xl/workbook.xml") == 1);
  REQUIRE(parts.count("xl/sharedStrings.xml") == 1);
  const auto doc = reports::congressDocument(figures(), kCommittee);
  const size_t sheets = doc.tables().size() + doc.charts().size();
  CHECK(sheets == 8);  // five tables, three charts (admissions, ratings, ages)
  CHECK(occurrences(parts.at("xl/workbook.xml"), "<sheet ") == sheets);
  const std::string& strings = parts.at("xl/sharedStrings.xml");
  CHECK(strings.find("Phiêng Pằn") != std::string::npos);
  // The admissions table: 142 admitted, 101.4 % of the target, as numbers.
  std::string all;
  for (const auto& [name, data] : parts)
    if (name.rfind("xl/worksheets/sheet", 0) == 0) all += data;
  CHECK(all.find("<v>142</v>") != std::string::npos);
  CHECK(all.find("<v>1.014</v>") != std::string::npos);  // 101,4% as a fraction with a percent format
  CHECK(all.find("<v>1046</v>") != std::string::npos);
  CHECK(parts.at("xl/styles.xml").find("formatCode=\"0.0%\"") != std::string::npos);
  CHECK(parts.count("xl/charts/chart1.xml") == 1);
}

TEST_CASE("document: the same figures in HTML, PDF and DOCX") {
  const auto doc = reports::congressDocument(figures(), kCommittee);
  std::ostringstream html;
  reports::renderHtml(html, doc, reports::HtmlOptions{false, {}});
  TempDir dir;
  reports::renderPdf(dir / "c.pdf", doc);
  reports::renderDocx(dir / "c.docx", doc);
  const auto htmlFigures = figuresIn(stripTags(html.str(), true));
  const auto docxFigures = figuresIn(stripTags(unzip(dir / "c.docx").at("word/document.xml"), false));
  const auto pdfFigures = figuresIn(pdfText(dir / "c.pdf"));
  REQUIRE(htmlFigures.size() > 100);
  // The Word document shows the charts as pictures (their figures are not repeated in a table of their own):
  // it holds the figures of the document without its charts.
  auto tablesOnly = doc;
  std::erase_if(tablesOnly.blocks,
                [](const reports::Block& b) { return std::holds_alternative<reports::Chart>(b); });
  std::ostringstream plain;
  reports::renderHtml(plain, tablesOnly);
  CHECK(figuresIn(stripTags(plain.str(), true)) == docxFigures);
  // The PDF draws the charts (axis ticks, one label per target level) and numbers its pages: every
  // figure of the tables and sentences appears in it as often as in the others, every chart figure at least
  // once.
  std::map<std::string, int> pdfCount, htmlCount, tableCount;
  for (const auto& x : pdfFigures) ++pdfCount[x];
  for (const auto& x : htmlFigures) ++htmlCount[x];
  for (const auto& x : figuresIn(stripTags(plain.str(), true))) ++tableCount[x];
  for (const auto& [x, n] : htmlCount) {
    CAPTURE(x);
    CHECK(pdfCount[x] >= std::min(n, std::max(1, tableCount[x])));
  }
  for (const char* x : {"142/140", "101,4%", "1.046", "990", "56", "29,8%", "96,0%", "31/12/2024"})
    CHECK(htmlCount.count(x) == 1);
}

TEST_CASE("document: the congress HTML comes from the same Document, with SVG charts") {
  std::ostringstream out;
  reports::writeCongressHtml(out, figures(), kCommittee);
  const std::string html = out.str();
  // Each chart an SVG picture in an <img> (LibreOffice shows an inline <svg>'s text as words of the page).
  CHECK(occurrences(html, "<svg ") == 0);
  const std::string uri = "<img src=\"data:image/svg+xml;base64,";
  CHECK(occurrences(html, uri) == 3);  // admissions, ratings, ages
  std::string svgs;
  for (size_t p = html.find(uri); p != std::string::npos; p = html.find(uri, p + 1)) {
    const size_t from = p + uri.size();
    const std::string b64 = html.substr(from, html.find('"', from) - from);
    uint32_t v = 0;
    int bits = 0;
    for (char ch : b64) {
      const auto d =
          std::string_view("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/").find(ch);
      if (d == std::string_view::npos) break;
      v = v << 6 | uint32_t(d);
      if ((bits += 6) >= 8) svgs += char((v >> (bits -= 8)) & 0xff);
    }
  }
  CHECK(occurrences(svgs, "<svg xmlns=") == 3);
  CHECK(occurrences(svgs, "</svg>") == 3);
  CHECK(svgs.find("stroke-dasharray") != std::string::npos);  // the target lines
  CHECK(svgs.find("Từ 18 - 30 tuổi") != std::string::npos);
  CHECK(html.find("<thead>") != std::string::npos);
  CHECK_THROWS_AS(reports::writeCongressDocument("/tmp/x.odt", figures(), kCommittee, "odt"),
                  std::invalid_argument);
}

// DANGBO_DOC_OUT=/tmp/congress.pdf: writes the demo commune's congress report as PDF, and .docx, .xlsx,
// .html next to it, for looking at.
TEST_CASE("document: the demo congress report written out (DANGBO_DOC_OUT)") {
  const char* out = std::getenv("DANGBO_DOC_OUT");
  if (!out) return;
  TempDir dir;
  services::DemoOptions o;
  o.seed = 1;
  o.today = d(2026, 11, 29);
  services::Services::createDemo(dir / "demo.db", o);
  auto s = services::Services::open(dir / "demo.db");
  const auto f = services::congressFigures(*s, services::Actor::localOffice(), d(2020, 8, 1), d(2025, 7, 31),
                                           d(2025, 7, 31));
  const std::filesystem::path pdf(out);
  reports::writeCongressDocument(pdf, f, s->committee(), "pdf");
  for (const char* format : {"docx", "xlsx", "html"}) {
    auto p = pdf;
    reports::writeCongressDocument(p.replace_extension(format), f, s->committee(), format);
  }
  CHECK(readFile(pdf).rfind("%PDF", 0) == 0);
}

// The office's copy of the congress template (FOLDER/mau-bao-cao/congress.txt) replaces the embedded one:
// one sentence changed there changes the PDF, the DOCX and the HTML.
TEST_CASE("document: the office's copy of the congress template changes every format") {
  TempDir dir;
  const std::string folder = (dir / "mau-bao-cao").string();
  const std::string copy = reports::officeTemplateCopy("congress", folder);
  CHECK(copy == (dir / "mau-bao-cao" / "congress.txt").string());
  std::string text = readFile(copy);
  CHECK(text == reports::defaultTemplate("congress"));
  const std::string sentence =
      "Thực hiện tốt việc kiểm điểm tự phê bình, phê bình và đánh giá, xếp loại chất lượng hằng năm.";
  const size_t at = text.find(sentence);
  REQUIRE(at != std::string::npos);
  const std::string mine = "Văn phòng Đảng ủy đã sửa câu này trong mẫu của mình.";
  text.replace(at, sentence.size(), mine);
  std::ofstream(copy, std::ios::binary) << text;
  CHECK(reports::officeTemplateCopy("congress", folder) == copy);  // an existing copy is kept
  CHECK(readFile(copy).find(mine) != std::string::npos);

  for (const std::string format : {"pdf", "docx", "html"}) {
    const auto out = dir / ("c." + format);
    const auto def = dir / ("default." + format);
    reports::writeCongressDocument(out, figures(), kCommittee, format, folder);
    reports::writeCongressDocument(def, figures(), kCommittee, format);
    std::string mineText, defaultText;
    if (format == "pdf") {
      mineText = squeeze(pdfText(out));
      defaultText = squeeze(pdfText(def));
    } else if (format == "docx") {
      mineText = squeeze(stripTags(unzip(out).at("word/document.xml"), false));
      defaultText = squeeze(stripTags(unzip(def).at("word/document.xml"), false));
    } else {
      mineText = readFile(out);
      defaultText = readFile(def);
    }
    INFO(format);
    CHECK(mineText.find(squeeze(mine)) != std::string::npos);
    CHECK(mineText.find("xếp loại chất lượng hằng năm.") == std::string::npos);
    CHECK(defaultText.find(squeeze(mine)) == std::string::npos);
    CHECK(defaultText.find("xếp loại chất lượng hằng năm.") != std::string::npos);
  }
}

TEST_CASE("document: a template with an unknown field is refused with its line and column") {
  TempDir dir;
  const std::string folder = (dir / "mau-bao-cao").string();
  const std::string copy = reports::officeTemplateCopy("congress", folder);
  std::string text = readFile(copy);
  // Line 3 of the copy names a field that does not exist.
  const size_t second = text.find('\n', text.find('\n') + 1);
  text.insert(second + 1, "Đã kết nạp {{admissions.totl}} đảng viên.\n");
  std::ofstream(copy, std::ios::binary) << text;
  try {
    reports::congressDocument(figures(), kCommittee, folder);
    FAIL("the template was accepted");
  } catch (const reports::TemplateError& e) {
    CHECK(e.line() == 3);
    CHECK(e.column() == 12);
    const std::string what = e.what();
    INFO(what);
    CHECK(what.find(copy) != std::string::npos);
    if (std::string(core::tr("there is no field \"{1}\".")) != "there is no field \"{1}\".")
      CHECK(what.find("dòng 3, cột 12: không có trường \"admissions.totl\".") != std::string::npos);
  }
  // Nothing is written when the template is refused.
  CHECK_THROWS_AS(reports::writeCongressDocument(dir / "c.pdf", figures(), kCommittee, "pdf", folder),
                  reports::TemplateError);
  CHECK(!std::filesystem::exists(dir / "c.pdf"));

  // Other refusals: a section not closed, a section closed by another name, an unknown table, directive.
  const auto schema = reports::congressFields(reports::sampleCongressFigures());
  reports::TemplateBlocks blocks;
  blocks.tables["members"] = {};
  auto refusedAt = [&](const std::string& t) {
    try {
      reports::ReportTemplate::parse("t.txt", t, schema, blocks);
    } catch (const reports::TemplateError& e) {
      return std::make_pair(e.line(), e.column());
    }
    return std::make_pair(0, 0);
  };
  CHECK(refusedAt("a\n{{#ratings}}\nNăm {{year}}\n") == std::make_pair(2, 1));
  CHECK(refusedAt("{{#ratings}}{{/founded.total}}") == std::make_pair(1, 13));
  CHECK(refusedAt("@table members\n@table thanh_vien\n") == std::make_pair(2, 8));
  CHECK(refusedAt("\n\n  @bang members\n") == std::make_pair(3, 3));
  CHECK(refusedAt("Năm {{year}}") == std::make_pair(1, 5));  // an item's field outside its list
  CHECK(refusedAt("{{#ratings}}Năm {{year}}, {{committee}}{{/ratings}} @table members") ==
        std::make_pair(0, 0));
}
