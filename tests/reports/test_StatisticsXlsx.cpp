// The statistics templates in Excel laid out like the official ones (issue 19): read back from the sheets'
// XML: a sheet per template with its name, the merged header cells, the row of column numbers, the rows
// numbered as the template numbers them, the figures of a planted register as numbers equal to those
// counted by hand, the percent in the format 0.0%, the header frozen, the print setup.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <tuple>

#include "../services/AdmissionTestData.h"
#include "DocumentFiles.h"
#include "StatisticsFixture.h"
#include "reports/ReportCatalog.h"
#include "services/Register.h"

using namespace dangbo;
using services::Actor;
using test::admission::d;

namespace {

std::string unescape(std::string s) {
  for (const auto& [from, to] : std::map<std::string, std::string>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }
  return s;
}

// The text between <tag ...> and </tag> from `from`; npos when none.
std::string inner(const std::string& xml, const std::string& tag, size_t from = 0) {
  const size_t open = xml.find("<" + tag, from);
  if (open == std::string::npos) return {};
  const size_t start = xml.find('>', open);
  if (xml[start - 1] == '/') return {};
  const size_t end = xml.find("</" + tag + ">", start);
  return xml.substr(start + 1, end - start - 1);
}

// An attribute of the element starting at `from`.
std::string attr(const std::string& xml, size_t from, const std::string& name) {
  const size_t close = xml.find('>', from);
  const size_t at = xml.find(" " + name + "=\"", from);
  if (at == std::string::npos || at > close) return {};
  const size_t start = at + name.size() + 3;
  return xml.substr(start, xml.find('"', start) - start);
}

struct XCell {
  std::string type, style, value;
};

// A sheet read back: its cells by name ("C11"), the shared strings resolved.
struct XSheet {
  std::string xml;
  std::map<std::string, XCell> cells;

  XSheet(const std::string& sheetXml, const std::string& sharedXml) : xml(sheetXml) {
    std::vector<std::string> shared;
    for (size_t at = sharedXml.find("<si>"); at != std::string::npos; at = sharedXml.find("<si>", at + 1)) {
      const std::string si = inner(sharedXml, "si", at);
      std::string text;
      for (size_t t = si.find("<t"); t != std::string::npos; t = si.find("<t", t + 1))
        if (si.compare(t, 3, "<t>") == 0 || si.compare(t, 3, "<t ") == 0) text += inner(si, "t", t);
      shared.push_back(unescape(text));
    }
    for (size_t at = xml.find("<c r=\""); at != std::string::npos; at = xml.find("<c r=\"", at + 1)) {
      XCell c{attr(xml, at, "t"), attr(xml, at, "s"), ""};
      const size_t close = xml.find('>', at);
      if (xml[close - 1] != '/') {
        const std::string body = xml.substr(close + 1, xml.find("</c>", close) - close - 1);
        c.value = inner(body, "v");
        if (c.type == "s") c.value = shared.at(std::stoul(c.value));
        if (c.type == "str" || c.type == "inlineStr") c.value = unescape(c.value);
      }
      cells[attr(xml, at, "r")] = c;
    }
  }
  std::string text(const std::string& ref) const {
    auto it = cells.find(ref);
    return it == cells.end() ? std::string() : it->second.value;
  }
  // The number of a numeric cell (no type); fails on text.
  double number(const std::string& ref) const {
    auto it = cells.find(ref);
    REQUIRE_MESSAGE(it != cells.end(), ref);
    REQUIRE_MESSAGE((it->second.type.empty() || it->second.type == "n"), ref << " is not a number");
    return std::stod(it->second.value);
  }
  // The Excel row (from 1) whose column `col` reads `text`; 0 when none.
  int rowOf(const std::string& col, const std::string& text) const {
    for (const auto& [ref, c] : cells)
      if (ref.rfind(col, 0) == 0 && std::isdigit(static_cast<unsigned char>(ref[col.size()])) &&
          c.value == text)
        return std::stoi(ref.substr(col.size()));
    return 0;
  }
  bool merged(const std::string& range) const {
    return xml.find("<mergeCell ref=\"" + range + "\"/>") != std::string::npos;
  }
};

// The number format (its code) of a cell style index, from styles.xml.
std::string formatCode(const std::string& styles, const std::string& style) {
  const std::string xfs = inner(styles, "cellXfs");
  size_t at = xfs.find("<xf ");
  for (int i = 0; i < std::stoi(style.empty() ? "0" : style) && at != std::string::npos; ++i)
    at = xfs.find("<xf ", at + 1);
  REQUIRE(at != std::string::npos);
  const std::string id = attr(xfs, at, "numFmtId");
  for (size_t f = styles.find("<numFmt "); f != std::string::npos; f = styles.find("<numFmt ", f + 1))
    if (attr(styles, f, "numFmtId") == id) return unescape(attr(styles, f, "formatCode"));
  return id == "0" ? "General" : "builtin " + id;
}

}  // namespace

TEST_CASE("statistics xlsx: the official layout, the planted figures as numbers, the percent as 0.0%") {
  test::FourMembers p;
  reports::ReportRequest q{"statistics", d(2025, 1, 1), d(2025, 12, 31), d(2025, 12, 31)};
  const auto r = reports::makeReport(*p.s, Actor::localOffice(), q);
  const auto file = p.dir / "bieu.xlsx";
  reports::writeReportFile(file, r, "xlsx");
  const auto parts = test::unzip(file);
  const std::string& styles = parts.at("xl/styles.xml");
  const std::string& shared = parts.at("xl/sharedStrings.xml");

  // A sheet per template, named for it.
  const std::string& book = parts.at("xl/workbook.xml");
  for (const char* name :
       {"1. Tăng, giảm đảng viên", "2. Đảng viên mới kết nạp", "3. Đội ngũ đảng viên", "4. Dân tộc, tôn giáo",
        "5. Loại hình cơ sở", "6. Xếp loại chất lượng", "7. Nghiệp vụ đảng viên"})
    CHECK_MESSAGE(book.find("name=\"" + std::string(name) + "\"") != std::string::npos, name);
  CHECK(parts.count("xl/worksheets/sheet7.xml") == 1);
  CHECK(parts.count("xl/worksheets/sheet8.xml") == 0);

  SUBCASE("template 1") {
    const XSheet t1(parts.at("xl/worksheets/sheet1.xml"), shared);
    // The title block.
    CHECK(t1.text("A1") == "ĐẢNG BỘ TỈNH SƠN LA");
    CHECK(t1.text("A2") == "ĐẢNG ỦY XÃ THỬ");
    CHECK(t1.text("D1") == "Biểu số 1-BTCTW");
    CHECK(t1.text("A5") == "THỐNG KÊ TĂNG, GIẢM ĐẢNG VIÊN NĂM 2025");
    CHECK(t1.text("A6").find("01/01/2025") != std::string::npos);
    CHECK(t1.text("D7") == "Đơn vị tính: người");
    // The header: TT, the criterion and the percent over two rows; this year and last under "Số lượng".
    for (const char* range : {"A8:A9", "B8:B9", "C8:D8", "E8:E9", "A10:B10"})
      CHECK_MESSAGE(t1.merged(range), range);
    for (const auto& [ref, text] : std::map<std::string, std::string>{{"C8", "Số lượng"},
                                                                      {"C9", "Kỳ này (năm 2025)"},
                                                                      {"D9", "Cùng kỳ năm trước (năm 2024)"},
                                                                      {"A10", "1"},
                                                                      {"C10", "2"},
                                                                      {"D10", "3"}})
      CHECK_MESSAGE(t1.text(ref) == text, ref);
    // Frozen under the column numbers; A4 portrait, one page wide; the header repeated.
    CHECK(t1.xml.find("ySplit=\"10\"") != std::string::npos);
    CHECK(t1.xml.find("state=\"frozen\"") != std::string::npos);
    CHECK(t1.xml.find("paperSize=\"9\"") != std::string::npos);
    CHECK(t1.xml.find("fitToHeight=\"0\"") != std::string::npos);
    CHECK(t1.xml.find("orientation=\"landscape\"") == std::string::npos);
    CHECK(parts.at("xl/workbook.xml").find("'1. Tăng, giảm đảng viên'!$8:$10") != std::string::npos);

    // By hand: at 31/12/2023 N1 and N4; 2024: +N2 admitted; 2025: +N3 admitted, -N4 died.
    const int a = t1.rowOf("A", "A");
    REQUIRE(a == 11);
    CHECK(t1.text("B11") == "Tổng số đảng viên cuối kỳ trước chuyển sang");
    CHECK(t1.number("C11") == 3);
    CHECK(t1.number("D11") == 2);
    CHECK(t1.number("E11") == doctest::Approx(1.5));
    CHECK(formatCode(styles, t1.cells.at("E11").style) == "0.0%");
    CHECK(formatCode(styles, t1.cells.at("C11").style) == "#,##0");
    const int admitted = t1.rowOf("B", "Kết nạp");
    REQUIRE(admitted > a);
    CHECK(t1.text("A" + std::to_string(admitted)) == "1");
    CHECK(t1.number("C" + std::to_string(admitted)) == 1);
    CHECK(t1.number("D" + std::to_string(admitted)) == 1);
    const std::string died = std::to_string(t1.rowOf("B", "Từ trần"));
    CHECK(t1.number("C" + died) == 1);
    CHECK(t1.number("D" + died) == 0);
    CHECK(t1.text("E" + died) == "-");  // nothing last year: no percent
    const std::string end = std::to_string(t1.rowOf("A", "D"));
    CHECK(t1.number("C" + end) == 3);
    CHECK(t1.number("D" + end) == 3);
    CHECK(t1.number("E" + end) == doctest::Approx(1.0));
  }

  SUBCASE("template 3: the analysis under its headings") {
    const XSheet t3(parts.at("xl/worksheets/sheet3.xml"), shared);
    const int analysis = t3.rowOf("B", "Phân tích đội ngũ đảng viên");
    REQUIRE(analysis > 0);
    CHECK(t3.text("A" + std::to_string(analysis)) == "II");
    CHECK(t3.rowOf("B", "Tuổi đời") == analysis + 1);
    // At 31/12/2025: N1 44, N2 26, N3 29; mean 33 (99 / 3). At 31/12/2024: N1 43, N2 25, N4 72; mean 46,7.
    const std::string mean = std::to_string(t3.rowOf("B", "Tuổi bình quân"));
    CHECK(t3.number("C" + mean) == 33);
    CHECK(t3.number("D" + mean) == 47);
  }

  SUBCASE("template 7: the transfers under one heading IV") {
    const XSheet t7(parts.at("xl/worksheets/sheet7.xml"), shared);
    const int iv = t7.rowOf("A", "IV");
    REQUIRE(iv > 0);
    CHECK(t7.text("B" + std::to_string(iv)) == "Chuyển sinh hoạt đảng");
    CHECK(t7.text("C" + std::to_string(iv)).empty());  // a heading: no figures
    CHECK(t7.text("A" + std::to_string(iv + 1)).empty());
    CHECK(t7.text("B" + std::to_string(iv + 1)) == "Chuyển sinh hoạt đảng tạm thời: chuyển đi");
    CHECK(t7.number("C" + std::to_string(iv + 1)) == 0);
    int ivs = 0;
    for (const auto& [ref, c] : t7.cells) ivs += ref[0] == 'A' && c.value == "IV";
    CHECK(ivs == 1);
  }

  SUBCASE("template 4: women and share in columns, the official order of the groups") {
    const XSheet t4(parts.at("xl/worksheets/sheet4.xml"), shared);
    CHECK(t4.text("F1") == "Biểu số 4-BTCTW");
    CHECK(t4.merged("C8:E8"));
    CHECK(t4.merged("F8:G8"));
    CHECK(t4.merged("H8:H9"));
    CHECK(t4.text("D9") == "Trong đó nữ");
    CHECK(t4.xml.find("orientation=\"landscape\"") != std::string::npos);
    // Row 11 is Ê Đê (code 12 of 1979), row 12 Ngái (code 11): N4 was Ê Đê and died in 2025.
    const int first = t4.rowOf("A", "1");
    REQUIRE(first > 0);
    const std::string ede = std::to_string(t4.rowOf("A", "11"));
    CHECK(t4.text("B" + ede) == "Ê Đê");
    CHECK(t4.number("C" + ede) == 0);
    CHECK(t4.number("F" + ede) == 1);
    CHECK(t4.number("H" + ede) == 0);
    // Thái: N1 and N3 (a woman) this year, N1 last year; 2 of 3 members.
    const std::string thai = std::to_string(t4.rowOf("B", "Thái"));
    CHECK(t4.text("A" + thai) == "3");
    CHECK(t4.number("C" + thai) == 2);
    CHECK(t4.number("D" + thai) == 1);
    CHECK(t4.number("E" + thai) == doctest::Approx(0.667));  // 66,7%
    CHECK(formatCode(styles, t4.cells.at("E" + thai).style) == "0.0%");
    CHECK(t4.number("F" + thai) == 1);
    CHECK(t4.number("G" + thai) == 0);
    CHECK(t4.number("H" + thai) == doctest::Approx(2.0));
    // Religions: N3 (Tin lành, a woman) this year; N4 (Công giáo) last year.
    const std::string protestant = std::to_string(t4.rowOf("B", "Tin lành"));
    CHECK(t4.number("C" + protestant) == 1);
    CHECK(t4.number("D" + protestant) == 1);
    CHECK(t4.number("F" + protestant) == 0);
    CHECK(t4.text("H" + protestant) == "-");
    const std::string catholic = std::to_string(t4.rowOf("B", "Công giáo"));
    CHECK(t4.text("A" + catholic) == "2");
    CHECK(t4.number("C" + catholic) == 0);
    CHECK(t4.number("F" + catholic) == 1);
    // No separate rows of women.
    CHECK(t4.rowOf("B", "trong đó nữ") == 0);
  }
}
