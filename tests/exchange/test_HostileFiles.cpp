// Hostile inputs (issue 15): a zip bomb, a workbook with cells in column XFD, cells and rows beyond any
// register, an oversized CSV file. Each is refused with a message naming the file and exit 1, also under a
// memory cap.
#include <doctest/doctest.h>
#include <zip.h>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <string>
#include <vector>

#include "../TestUtil.h"
#include "../cli/CliRun.h"
#include "core/Errors.h"
#include "exchange/Csv.h"
#include "exchange/Xlsx.h"

using namespace dangbo;
using dangbo::test::TempDir;
namespace fs = std::filesystem;

namespace {
// A workbook of one sheet whose XML is `sheetXml` (the <sheetData> content).
void writeWorkbook(const fs::path& path, const std::string& sheetData) {
  std::deque<std::string> parts;
  int err = 0;
  zip_t* z = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  auto add = [&](const char* name, std::string text) {
    parts.push_back(std::move(text));
    zip_source_t* src = zip_source_buffer(z, parts.back().data(), parts.back().size(), 0);
    REQUIRE(zip_file_add(z, name, src, ZIP_FL_OVERWRITE) >= 0);
  };
  add("[Content_Types].xml",
      "<?xml version=\"1.0\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  add("_rels/.rels",
      "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" Target=\"xl/workbook.xml\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/></"
      "Relationships>");
  add("xl/workbook.xml",
      "<?xml version=\"1.0\"?><workbook><sheets><sheet name=\"dang_vien\" sheetId=\"1\" r:id=\"rId1\" "
      "xmlns:r=\"r\"/></sheets></workbook>");
  add("xl/_rels/workbook.xml.rels",
      "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" "
      "Type=\"worksheet\"/></Relationships>");
  add("xl/worksheets/sheet1.xml",
      "<?xml version=\"1.0\"?><worksheet><sheetData>" + sheetData + "</sheetData></worksheet>");
  REQUIRE(zip_close(z) == 0);
}

std::string refusal(const fs::path& p) {
  try {
    exchange::readXlsx(p);
  } catch (const core::DataError& e) {
    return e.what();
  }
  return "";
}

// The real dangbo-cli under a memory cap (ulimit -v, in KB): its exit status; its standard error in `err`.
int cappedImport(const fs::path& db, const fs::path& file, const fs::path& errFile, int capKb) {
  const std::string cmd = "ulimit -v " + std::to_string(capKb) + " && '" + std::string(DANGBO_CLI_PATH) +
                          "' --db '" + db.string() + "' import '" + file.string() +
                          "' --dry-run >/dev/null 2>'" + errFile.string() + "'";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

TEST_CASE("a zip bomb workbook is refused, naming the file, before it takes the memory") {
  TempDir dir;
  // 64 MB of one repeated row inflate from a few hundred KB: far beyond the inflation any sheet has.
  std::string rows;
  rows.reserve(64u << 20);
  while (rows.size() < (64u << 20)) rows += "<row r=\"1\"></row>";
  writeWorkbook(dir / "bom.xlsx", rows);
  rows.clear();
  rows.shrink_to_fit();
  CHECK(fs::file_size(dir / "bom.xlsx") < (1u << 20));
  const std::string why = refusal(dir / "bom.xlsx");
  CHECK(why.find("bom.xlsx") != std::string::npos);
  CHECK(why.find("xl/worksheets/sheet1.xml") != std::string::npos);
  // Through dangbo-cli under a 600 MB cap: exit 1 with that message, not exit 3 and std::bad_alloc.
  REQUIRE(test::runCli({"--db", (dir / "so.db").string(), "init"}).code == 0);
  CHECK(cappedImport(dir / "so.db", dir / "bom.xlsx", dir / "err.txt", 600 * 1024) == 1);
  const std::string err = test::readFile(dir / "err.txt");
  CHECK(err.find("bom.xlsx") != std::string::npos);
  CHECK(err.find("bad_alloc") == std::string::npos);
}

TEST_CASE("a workbook with a cell in column XFD on every row is refused at the first such cell") {
  TempDir dir;
  std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ma</t></is></c></row>";
  for (int r = 2; r < 20000; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
  writeWorkbook(dir / "xfd.xlsx", rows);
  const std::string why = refusal(dir / "xfd.xlsx");
  CHECK(why.find("xfd.xlsx") != std::string::npos);
  CHECK(why.find("XFD2") != std::string::npos);
  CHECK(why.find("IV") != std::string::npos);  // the last column allowed
  REQUIRE(test::runCli({"--db", (dir / "so.db").string(), "init"}).code == 0);
  CHECK(cappedImport(dir / "so.db", dir / "xfd.xlsx", dir / "err.txt", 600 * 1024) == 1);
  CHECK(test::readFile(dir / "err.txt").find("xfd.xlsx") != std::string::npos);
}

TEST_CASE("a cell longer than Excel allows, in a workbook or a CSV file, is refused naming the file") {
  TempDir dir;
  writeWorkbook(dir / "dai.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" +
                                      std::string(200000, 'x') + "</t></is></c></row>");
  CHECK(refusal(dir / "dai.xlsx").find("dai.xlsx") != std::string::npos);
  CHECK_THROWS_WITH_AS(exchange::parseCsv("ma\n" + std::string(200000, 'x') + "\n", "dang_vien.csv"),
                       doctest::Contains("dang_vien.csv"), core::DataError);
  CHECK_THROWS_WITH_AS(exchange::parseCsv("ma\n\"" + std::string(200000, 'x') + "\"\n", "dang_vien.csv"),
                       doctest::Contains("dang_vien.csv"), core::DataError);
  std::string wide = "ma";
  for (int i = 0; i < 300; ++i) wide += ",c" + std::to_string(i);
  CHECK_THROWS_WITH_AS(exchange::parseCsv(wide + "\n", "dang_vien.csv"), doctest::Contains("256"),
                       core::DataError);
  // A normal sheet still reads.
  writeWorkbook(
      dir / "ok.xlsx",
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ma</t></is></c><c r=\"IV1\"><v>2</v></c></row>");
  auto sheets = exchange::readXlsx(dir / "ok.xlsx");
  REQUIRE(sheets.size() == 1);
  CHECK(sheets[0].rows[0].cells.size() == 256);
}
