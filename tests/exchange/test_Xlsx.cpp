#include <doctest/doctest.h>
#include <zip.h>

#include <deque>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "exchange/Xlsx.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace dangbo::test {

/// A worksheet for makeXlsx: rows of cells written as text with a prefix choosing the cell kind:
/// "" no cell, "#n:12.5" number, "#d:45292" number in a built-in date format (14), "#D:45292" number in a
/// custom dd/mm/yyyy format, "#b:1" boolean, "#i:text" inline string, "#r:abc|def" rich shared string of two
/// runs, anything else a shared string.
using TestSheet = std::pair<std::string, std::vector<std::vector<std::string>>>;

namespace {
std::string xmlEscape(const std::string& s) {
  std::string out;
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
        out += c;
    }
  }
  return out;
}
std::string columnName(size_t i) {
  std::string s;
  for (size_t n = i + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), char('A' + (n - 1) % 26));
  return s;
}
}  // namespace

/// Writes a small .xlsx workbook with libzip (the XML parts written as strings).
void makeXlsx(const std::filesystem::path& path, const std::vector<TestSheet>& sheets,
              bool withRowRefs = true) {
  std::deque<std::string> keep;
  int err = 0;
  zip_t* z = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z != nullptr);
  auto add = [&](const std::string& name, std::string content) {
    keep.push_back(std::move(content));
    zip_source_t* src = zip_source_buffer(z, keep.back().data(), keep.back().size(), 0);
    REQUIRE(src != nullptr);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0);
  };
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
      "ContentType=\"application/xml\"/></Types>";
  add("[Content_Types].xml", types);
  add("_rels/.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"xl/workbook.xml\"/></Relationships>");
  std::string wb =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::vector<std::string> shared;
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"" + xmlEscape(sheets[i].first) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet" +
            n + ".xml\"/>";
    std::string sx =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (size_t r = 0; r < sheets[i].second.size(); ++r) {
      std::string rn = std::to_string(r + 1);
      sx += withRowRefs ? "<row r=\"" + rn + "\">" : "<row>";
      const auto& cells = sheets[i].second[r];
      for (size_t c = 0; c < cells.size(); ++c) {
        const std::string& v = cells[c];
        if (v.empty()) continue;
        std::string ref = withRowRefs ? " r=\"" + columnName(c) + rn + "\"" : "";
        std::string kind = v.size() > 3 && v[0] == '#' && v[2] == ':' ? v.substr(0, 3) : "";
        std::string body = kind.empty() ? v : v.substr(3);
        if (kind == "#n:")
          sx += "<c" + ref + "><v>" + body + "</v></c>";
        else if (kind == "#d:")
          sx += "<c" + ref + " s=\"1\"><v>" + body + "</v></c>";
        else if (kind == "#D:")
          sx += "<c" + ref + " s=\"2\" t=\"n\"><v>" + body + "</v></c>";
        else if (kind == "#b:")
          sx += "<c" + ref + " t=\"b\"><v>" + body + "</v></c>";
        else if (kind == "#i:")
          sx += "<c" + ref + " t=\"inlineStr\"><is><t>" + xmlEscape(body) + "</t></is></c>";
        else {
          std::string si;
          if (kind == "#r:") {
            size_t bar = body.find('|');
            si = "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">" + xmlEscape(body.substr(0, bar)) +
                 "</t></r><r><t>" + xmlEscape(body.substr(bar + 1)) +
                 "</t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>";
          } else {
            si = "<si><t xml:space=\"preserve\">" + xmlEscape(body) + "</t></si>";
          }
          shared.push_back(si);
          sx += "<c" + ref + " t=\"s\"><v>" + std::to_string(shared.size() - 1) + "</v></c>";
        }
      }
      sx += "</row>";
    }
    sx += "</sheetData></worksheet>";
    add("xl/worksheets/sheet" + n + ".xml", sx);
  }
  wb += "</sheets></workbook>";
  rels +=
      "<Relationship Id=\"rIdS\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
      "Target=\"sharedStrings.xml\"/><Relationship Id=\"rIdT\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/></Relationships>";
  add("xl/workbook.xml", wb);
  add("xl/_rels/workbook.xml.rels", rels);
  std::string sst =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" +
      std::to_string(shared.size()) + "\">";
  for (const auto& s : shared) sst += s;
  sst += "</sst>";
  add("xl/sharedStrings.xml", sst);
  add("xl/styles.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt "
      "numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/></numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/>"
      "</cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" xfId=\"0\" "
      "applyNumberFormat=\"1\"/><xf numFmtId=\"164\" xfId=\"0\" "
      "applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
  REQUIRE(zip_close(z) == 0);
}

}  // namespace dangbo::test

TEST_CASE("xlsx: xlsx cell references, Excel serial dates and date formats") {
  CHECK(exchange::xlsxColumnIndex("A1") == 0);
  CHECK(exchange::xlsxColumnIndex("Z9") == 25);
  CHECK(exchange::xlsxColumnIndex("AA3") == 26);
  CHECK(exchange::xlsxColumnIndex("AB12") == 27);
  CHECK(exchange::xlsxColumnIndex("12") == -1);
  CHECK(exchange::xlsxRowNumber("AB12") == 12);
  CHECK(exchange::excelSerialDate(1)->iso() == "1900-01-01");
  CHECK(exchange::excelSerialDate(59)->iso() == "1900-02-28");
  CHECK_FALSE(exchange::excelSerialDate(60).has_value());  // Lotus's 29/02/1900
  CHECK(exchange::excelSerialDate(61)->iso() == "1900-03-01");
  CHECK(exchange::excelSerialDate(45292)->iso() == "2024-01-01");
  CHECK(exchange::excelSerialDate(45292.75)->iso() == "2024-01-01");
  CHECK(exchange::excelSerialDate(0, true)->iso() == "1904-01-01");
  CHECK(exchange::isDateFormat(14, ""));
  CHECK(exchange::isDateFormat(22, ""));
  CHECK_FALSE(exchange::isDateFormat(0, ""));
  CHECK_FALSE(exchange::isDateFormat(49, ""));
  CHECK(exchange::isDateFormat(164, "dd/mm/yyyy"));
  CHECK(exchange::isDateFormat(165, "[$-42A]d mmmm yyyy"));
  CHECK_FALSE(exchange::isDateFormat(166, "#,##0.00\" đ\""));
  CHECK_FALSE(exchange::isDateFormat(167, "0.0%"));
}

TEST_CASE("xlsx: an xlsx workbook is read sheet by sheet with strings, numbers, booleans, dates and gaps") {
  TempDir dir;
  auto path = dir / "book.xlsx";
  std::vector<std::string> wide(28);
  wide[0] = "first";
  wide[27] = "#i:AB column";
  test::makeXlsx(path, {{"Trang tính",
                         {{"Tên", "Ngày", "Số", "Cờ", "", "Ghi chú"},
                          {"#r:Lò Văn |Pằn", "#d:45292", "#n:12.5", "#b:1", "", "#i:a < b & c"},
                          {},
                          {"Nguyễn Thị Hoa", "#D:61", "#n:123456789012", "#b:0"},
                          {"#d:60", "#n:2024"},
                          wide}},
                        {"to_chuc", {{"Mã"}, {"CB01"}}}});
  auto sheets = exchange::readXlsx(path);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].name == "Trang tính");
  CHECK(sheets[1].name == "to_chuc");
  const auto& rows = sheets[0].rows;
  REQUIRE(rows.size() == 5);  // the empty row 3 is skipped
  CHECK(rows[0].number == 1);
  CHECK(rows[0].cells == std::vector<std::string>{"Tên", "Ngày", "Số", "Cờ", "", "Ghi chú"});
  CHECK(rows[1].cells[0] == "Lò Văn Pằn");  // rich text runs joined, phonetic run left out
  CHECK(rows[1].cells[1] == "2024-01-01");
  CHECK(rows[1].cells[2] == "12.5");
  CHECK(rows[1].cells[3] == "TRUE");
  CHECK(rows[1].cells[4] == "");
  CHECK(rows[1].cells[5] == "a < b & c");
  CHECK(rows[2].number == 4);
  CHECK(rows[2].cells[1] == "1900-03-01");
  CHECK(rows[2].cells[2] == "123456789012");
  CHECK(rows[2].cells[3] == "FALSE");
  CHECK(rows[3].cells[0] == "29/02/1900");  // the fictitious day: refused later as an impossible date
  CHECK(rows[3].cells[1] == "2024");
  REQUIRE(rows[4].cells.size() == 28);
  CHECK(rows[4].cells[27] == "AB column");
  CHECK(sheets[1].rows.at(1).cells.at(0) == "CB01");
}

TEST_CASE("xlsx: xlsx cells without references follow each other") {
  TempDir dir;
  auto path = dir / "b.xlsx";
  test::makeXlsx(path, {{"s", {{"a", "", "c"}, {"#n:1", "#n:2"}}}}, false);
  auto sheets = exchange::readXlsx(path);
  REQUIRE(sheets.at(0).rows.size() == 2);
  CHECK(sheets[0].rows[0].cells ==
        std::vector<std::string>{"a", "c"});  // without references a gap cannot be seen
  CHECK(sheets[0].rows[1].number == 2);
  CHECK(sheets[0].rows[1].cells == std::vector<std::string>{"1", "2"});
}

TEST_CASE("xlsx: a file that is not a workbook is refused with its name") {
  TempDir dir;
  auto path = dir / "notes.xlsx";
  test::writeFile(path, "this is not a zip file");
  try {
    exchange::readXlsx(path);
    FAIL("no error");
  } catch (const core::DataError& e) {
    CHECK(std::string(e.what()).find("notes.xlsx") != std::string::npos);
  }
}
