// The statistics templates printed (issue 19): the PDF, DOCX and HTML of the report "statistics" set the
// official grid of each template from the description the workbook also uses (StatisticsLayout): the
// title block, the header's merged cells, the row of column numbers, the rows numbered as the template
// numbers them with the figures of a planted register equal to those counted by hand, template 4 turned.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "DocumentFiles.h"
#include "StatisticsFixture.h"
#include "reports/ReportCatalog.h"

using namespace dangbo;
using test::admission::d;

namespace {

reports::FrozenReport statistics(test::FourMembers& p) {
  reports::ReportRequest q{"statistics", d(2025, 1, 1), d(2025, 12, 31), d(2025, 12, 31)};
  return reports::makeReport(*p.s, services::Actor::localOffice(), q);
}

size_t occurrences(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// The cell (<w:tc>...</w:tc>) of document.xml holding `text`; empty when none.
std::string cellWith(const std::string& xml, const std::string& text) {
  const size_t at = xml.find(">" + text + "</w:t>");
  if (at == std::string::npos) return {};
  const size_t open = xml.rfind("<w:tc>", at);
  return xml.substr(open, xml.find("</w:tc>", at) - open);
}

// The pages of a PDF's text laid out (pdftotext -layout), each line's runs of spaces squeezed.
std::vector<std::vector<std::string>> pageLines(const std::filesystem::path& pdf) {
  std::vector<std::vector<std::string>> pages(1);
  std::stringstream in(test::pdfText(pdf, true));
  for (std::string line; std::getline(in, line);) {
    for (size_t ff = line.find('\f'); ff != std::string::npos; ff = line.find('\f')) {
      pages.emplace_back();
      line.erase(ff, 1);
    }
    const std::string l = test::squeeze(line);
    if (!l.empty()) pages.back().push_back(l);
  }
  return pages;
}

bool hasLine(const std::vector<std::string>& lines, const std::string& line) {
  for (const auto& l : lines)
    if (l == line) return true;
  return false;
}

// A row of the grid: its number, criterion and figures on one line, or its criterion wrapped around the line
// of its number and figures.
bool hasRow(const std::vector<std::string>& lines, const std::string& number, const std::string& label,
            const std::string& figures) {
  if (hasLine(lines, number + " " + label + " " + figures)) return true;
  for (size_t i = 1; i + 1 < lines.size(); ++i)
    if (lines[i] == number + " " + figures && label == lines[i - 1] + " " + lines[i + 1]) return true;
  return false;
}

}  // namespace

TEST_CASE("statistics pdf: template 1's numbered rows hold the planted figures, template 4 is turned") {
  test::FourMembers p;
  const auto r = statistics(p);
  const auto file = p.dir / "bieu.pdf";
  reports::writeReportFile(file, r, "pdf");
  const auto pages = pageLines(file);
  REQUIRE(pages.size() >= 7);
  const auto& t1 = pages[0];
  // The title block, the title, the header and the row of column numbers.
  CHECK(hasLine(t1, "ĐẢNG BỘ TỈNH SƠN LA Biểu số 1-BTCTW"));
  CHECK(hasLine(t1, "ĐẢNG ỦY XÃ THỬ"));
  CHECK(hasLine(t1, "THỐNG KÊ TĂNG, GIẢM ĐẢNG VIÊN NĂM 2025"));
  CHECK(hasLine(t1, "Số lượng"));
  CHECK(hasLine(t1, "1 2 3 4 = 2 × 100 : 3"));  // (pdftotext gives the no-break spaces as spaces)
  // By hand: at 31/12/2023 N1 and N4; 2024: +N2 admitted; 2025: +N3 admitted, -N4 died.
  // (A long criterion wraps: its number and figures on the line of its middle.)
  CHECK(hasRow(t1, "A", "Tổng số đảng viên cuối kỳ trước chuyển sang", "3 2 150,0%"));
  CHECK(hasLine(t1, "B Đảng viên tăng trong kỳ 1 1 100,0%"));
  CHECK(hasLine(t1, "1 Kết nạp 1 1 100,0%"));
  CHECK(hasLine(t1, "C Đảng viên giảm trong kỳ 1 0 -"));
  CHECK(hasLine(t1, "1 Từ trần 1 0 -"));
  CHECK(hasLine(t1, "trong đó: đảng viên dự bị 0 0 -"));
  CHECK(hasRow(t1, "D", "Đảng viên trong danh sách cuối kỳ báo cáo", "3 3 100,0%"));
  // The signatures under the table.
  CHECK(hasLine(t1, "NGƯỜI LẬP BIỂU T/M BAN CHẤP HÀNH"));
  // Each template on its own pages; template 4 on a turned page, the others upright.
  const std::string info = (p.dir / "info.txt").string();
  REQUIRE(std::system(("pdfinfo -f 1 -l 99 '" + file.string() + "' > '" + info + "'").c_str()) == 0);
  const std::string sizes = test::readFile(info);
  int templatePage[8] = {};
  for (size_t i = 0; i < pages.size(); ++i)
    for (const auto& l : pages[i]) {
      static const std::regex number(".*Biểu số ([1-7])-BTCTW$");
      std::smatch m;
      if (std::regex_match(l, m, number)) templatePage[std::stoi(m[1].str())] = int(i) + 1;
    }
  for (int t = 1; t <= 7; ++t) {
    CAPTURE(t);
    REQUIRE(templatePage[t] > 0);
    if (t > 1) CHECK(templatePage[t] > templatePage[t - 1]);
    const std::regex size("Page +" + std::to_string(templatePage[t]) + " size: +([0-9.]+) x ([0-9.]+) pts");
    std::smatch m;
    REQUIRE(std::regex_search(sizes, m, size));
    const bool turned = std::stod(m[1].str()) > std::stod(m[2].str());
    CHECK(turned == (t == 4));
  }
  // Under the last template, once, the recipients of reports/statistics.txt.
  std::vector<std::string> afterLast;
  for (size_t i = size_t(templatePage[7] - 1); i < pages.size(); ++i)
    afterLast.insert(afterLast.end(), pages[i].begin(), pages[i].end());
  CHECK(hasLine(afterLast, "- Ban Tổ chức Tỉnh ủy (để báo cáo),"));
  CHECK(occurrences(test::pdfText(file), "Nơi nhận:") == 1);
  // Template 4: Thái, N1 and N3 (a woman) this year (2 of 3 members), N1 last year.
  CHECK(hasLine(pages[size_t(templatePage[4] - 1)], "3 Thái 2 1 66,7% 1 0 200,0%"));
}

TEST_CASE("statistics docx: merged header cells, the column numbers, italics and indents, a turned section") {
  test::FourMembers p;
  const auto r = statistics(p);
  const auto file = p.dir / "bieu.docx";
  reports::writeReportFile(file, r, "docx");
  const std::string xml = test::unzip(file).at("word/document.xml");
  // "Số lượng" over this year and last; TT, the criterion and the percent down two rows.
  CHECK(cellWith(xml, "Số\u00A0lượng").find("<w:gridSpan w:val=\"2\"/>") != std::string::npos);
  for (const std::string down : {"TT", "Tiêu\u00A0chí", "(%) Kỳ này so với cùng kỳ năm\u00A0trước"}) {
    CAPTURE(down);
    CHECK(cellWith(xml, down).find("<w:vMerge w:val=\"restart\"/>") != std::string::npos);
  }
  CHECK(cellWith(xml, "Kỳ này (năm\u00A02025)").find("vMerge") == std::string::npos);
  // Under each of the three: a continuation (7 templates; template 4 has no "Số lượng" but also three).
  // (A template's table longer than two pages is written in tables of a page, each repeating the header.)
  CHECK(occurrences(xml, "<w:vMerge/>") == (7 + occurrences(xml, "<w:pStyle w:val=\"PageTable\"/>")) * 3);
  // The row of column numbers, italic; "1" across TT and the criterion.
  const std::string four = cellWith(xml, "4\u00A0=\u00A02\u00A0×\u00A0100\u00A0:\u00A03");
  CHECK(four.find("<w:i/>") != std::string::npos);
  CHECK(xml.find("<w:gridSpan w:val=\"2\"/><w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle "
                 "w:val=\"TableHeader\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:i/>"
                 "<w:iCs/></w:rPr><w:t xml:space=\"preserve\">1</w:t>") != std::string::npos);
  CHECK(cellWith(xml, "7\u00A0=\u00A02\u00A0×\u00A0100\u00A0:\u00A05").find("<w:i/>") != std::string::npos);
  // The part rows bold, the details indented, "trong đó" indented further and italic.
  CHECK(cellWith(xml, "Đảng viên tăng trong kỳ").find("<w:b/>") != std::string::npos);
  CHECK(cellWith(xml, "Thái").find("<w:ind w:left=\"200\"/>") != std::string::npos);
  CHECK(cellWith(xml, "Kết nạp").find("<w:ind") == std::string::npos);
  const std::string ofWhom = cellWith(xml, "trong đó: đảng viên dự bị");
  CHECK(ofWhom.find("<w:ind w:left=\"400\"/>") != std::string::npos);
  CHECK(ofWhom.find("<w:i/>") != std::string::npos);
  // A section per template: the fourth turned, the others upright.
  CHECK(occurrences(xml, "<w:sectPr>") == 7);
  CHECK(occurrences(xml, "w:orient=\"landscape\"") == 1);
  const size_t turned = xml.find("w:orient=\"landscape\"");
  CHECK(xml.find("Biểu số 4-BTCTW") < turned);
  CHECK(xml.rfind("Biểu số 5-BTCTW", turned) == std::string::npos);
}

TEST_CASE("statistics html: the header's merged cells, the rows numbered") {
  test::FourMembers p;
  const auto r = statistics(p);
  std::ostringstream out;
  reports::writeReport(out, r, "html");
  const std::string html = out.str();
  CHECK(html.find("<th rowspan=\"2\">TT</th>") != std::string::npos);
  CHECK(html.find("<th colspan=\"2\">Số\u00A0lượng</th>") != std::string::npos);
  CHECK(html.find("<th colspan=\"2\"><i>1</i></th>") != std::string::npos);
  CHECK(html.find("<i>trong đó: đảng viên dự bị</i>") != std::string::npos);
  CHECK(html.find("<div style=\"page: turned\">") < html.find("Biểu số 4-BTCTW"));
}
