#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>
#include <string>

#include "../TestUtil.h"
#include "CliRun.h"
#include "exchange/Xlsx.h"
#include "services/Import.h"

using namespace dangbo;
using dangbo::test::runCli;
using dangbo::test::TempDir;

namespace {
// The text of one part of a zip file ("" when missing).
std::string zipPart(const std::filesystem::path& file, const std::string& part) {
  int err = 0;
  zip_t* z = zip_open(file.string().c_str(), ZIP_RDONLY, &err);
  REQUIRE(z);
  std::string text;
  if (zip_file_t* f = zip_fopen(z, part.c_str(), 0)) {
    char buf[8192];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) text.append(buf, size_t(n));
    zip_fclose(f);
  }
  zip_close(z);
  return text;
}
const exchange::XlsxSheet* sheet(const std::vector<exchange::XlsxSheet>& book, const std::string& name) {
  for (const auto& s : book)
    if (s.name == name) return &s;
  return nullptr;
}
}  // namespace

TEST_CASE(
    "cli templates --out: one workbook, a sheet per file, an example row, drop-downs, text identifiers") {
  TempDir dir;
  const auto book = dir / "mau.xlsx";
  auto r = runCli({"templates", "--out", book.string()});
  REQUIRE(r.code == 0);
  const auto sheets = exchange::readXlsx(book);
  for (const auto& spec : services::importFileSpecs()) {
    const auto* s = sheet(sheets, spec.kind);
    REQUIRE_MESSAGE(s, spec.kind);
    REQUIRE(s->rows.size() == 2);  // the header and the example
    REQUIRE(s->rows[0].cells.size() == spec.columns.size());
    for (size_t i = 0; i < spec.columns.size(); ++i) CHECK(s->rows[0].cells[i] == spec.columns[i].header);
    CHECK(s->rows[1].cells[0].rfind("Ví dụ", 0) == 0);
  }
  // The CCCD keeps its leading zero, the gender is a label of the list.
  const auto* members = sheet(sheets, "dang_vien");
  const auto col = [&](const std::string& header) {
    const auto& h = members->rows[0].cells;
    return size_t(std::find(h.begin(), h.end(), header) - h.begin());
  };
  CHECK(members->rows[1].cells[col("Số CCCD")] == "001085012345");
  CHECK(members->rows[1].cells[col("Giới tính")] == "Nam");
  // The allowed values: the 54 ethnic groups among them.
  const auto* values = sheet(sheets, "gia_tri");
  REQUIRE(values);
  int ethnic = 0;
  for (const auto& row : values->rows)
    if (row.cells.size() > 1 && !row.cells[1].empty()) ++ethnic;
  CHECK(ethnic == 54);
  // Drop-down lists point to the values; the code and CCCD columns are formatted as text ("@", id 49).
  const std::string xml = zipPart(book, "xl/worksheets/sheet2.xml");  // dang_vien
  CHECK(xml.find("<dataValidation ") != std::string::npos);
  CHECK(xml.find("gia_tri!$") != std::string::npos);
  CHECK(zipPart(book, "xl/styles.xml").find("numFmtId=\"49\"") != std::string::npos);

  // The template as it is imports nothing: the example rows are skipped, and said so.
  const auto db = (dir / "d.db").string();
  REQUIRE(runCli({"--db", db, "init", "--committee", "Đảng bộ xã Thử"}).code == 0);
  auto dry = runCli({"--db", db, "import", book.string(), "--dry-run"});
  CHECK(dry.code == 0);
  CHECK((dry.out + dry.err).find("ví dụ") != std::string::npos);
  // A FOLDER and --out together are refused as wrong usage.
  CHECK(runCli({"templates", (dir / "tpl").string(), "--out", book.string()}).code == 2);
}
