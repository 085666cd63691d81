// The register report written as it is read (reports/RegisterStream.h): the same bytes as the report made
// whole first, for the office and a cell's secretary, and writers that hand a row to the file before they
// ask for the next (a province's register is never held whole).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "../TestUtil.h"
#include "DocumentFiles.h"
#include "exchange/Xlsx.h"
#include "reports/DocxRenderer.h"
#include "reports/HtmlRenderer.h"
#include "reports/RegisterStream.h"
#include "reports/ReportCatalog.h"
#include "reports/TableCsv.h"
#include "services/MemberList.h"
#include "services/Services.h"
#include "store/MemberQuery.h"

using namespace dangbo;
using test::TempDir;

namespace {

core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}

std::string whole(services::Services& s, const services::Actor& actor, const core::Date& asOf,
                  const std::string& fmt) {
  std::ostringstream out;
  reports::writeReport(out, reports::makeReport(s, actor, {"register", asOf, asOf, asOf}), fmt);
  return out.str();
}

std::string streamed(services::Services& s, const services::Actor& actor, const core::Date& asOf,
                     const std::string& fmt) {
  std::ostringstream out;
  reports::writeRegisterReport(out, s, actor, asOf, fmt);
  return out.str();
}

std::string fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A workbook's parts but the time it was written, with each sheet's cells left out of its XML (the streamed
// workbook writes its texts in the cells, the whole one in the shared table: the cells are compared apart)
// and the rows' spans (a hint to readers of the columns a row uses, not written in constant memory mode).
std::map<std::string, std::string> workbookFrame(const std::filesystem::path& file) {
  static const std::regex cell(R"(<c r="[A-Z]+[0-9]+"[^>]*(/>|>.*?</c>))");
  auto parts = test::unzip(file);
  parts.erase("docProps/core.xml");
  parts.erase("xl/sharedStrings.xml");
  for (auto& [name, xml] : parts)
    if (name.starts_with("xl/worksheets/"))
      xml = std::regex_replace(std::regex_replace(xml, cell, ""), std::regex(R"( spans="[0-9:]+")"), "");
  std::map<std::string, std::string> out;
  for (auto& [name, xml] : parts) {
    // The content types and the workbook's relations name the shared table when there is one.
    if (name == "[Content_Types].xml" || name == "xl/_rels/workbook.xml.rels")
      xml = std::regex_replace(xml, std::regex(R"(<(Override|Relationship)[^>]*sharedStrings[^>]*/>)"), "");
    out.emplace(name, xml);
  }
  return out;
}

}  // namespace

TEST_CASE("register streamed: the same bytes as the report made whole, for the office and a secretary") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path(), 2);
  const auto office = services::Actor::localOffice();
  const core::Id cell = std::stoll(test::sqlValue(
      dir / "demo.db", "SELECT cell_id FROM members WHERE status = 'active' ORDER BY code LIMIT 1"));
  const services::Actor secretary{"bt", "secretary", cell};
  for (const auto& asOf : {d(2026, 11, 29), d(2025, 3, 31)}) {
    CAPTURE(asOf.iso());
    for (const auto* actor : {&office, &secretary}) {
      CAPTURE(actor->role);
      for (const char* fmt : {"html", "csv"}) {
        CAPTURE(fmt);
        const std::string expected = whole(*s, *actor, asOf, fmt);
        CHECK(expected.size() > 2000);
        CHECK(streamed(*s, *actor, asOf, fmt) == expected);
      }
    }
    // The files: PDF, XLSX and DOCX read the rows as they write them; each holds what the report made whole
    // gives.
    for (const char* fmt : {"xlsx", "docx", "pdf"}) {
      CAPTURE(fmt);
      const auto a = dir / (std::string("whole.") + fmt), b = dir / (std::string("streamed.") + fmt);
      reports::writeReportFile(a, reports::makeReport(*s, office, {"register", asOf, asOf, asOf}), fmt);
      reports::writeRegisterReportFile(b, *s, office, asOf, fmt);
      if (std::string(fmt) == "pdf") {
        // Byte for byte but for the time of writing: the same pages, rows and page breaks.
        const std::string expected = test::pdfWithoutTimes(a);
        CHECK(expected.size() > 20000);
        CHECK(expected.size() < fileBytes(a).size());  // the times were there, and were left out
        CHECK(test::pdfWithoutTimes(b) == expected);
      } else if (std::string(fmt) == "xlsx") {
        // The same cells in the same places, and the rest of each part (row heights, column widths, merged
        // header cells, print setup) the same.
        const auto sheetsA = exchange::readXlsx(a), sheetsB = exchange::readXlsx(b);
        REQUIRE(sheetsA.size() == sheetsB.size());
        for (size_t k = 0; k < sheetsA.size(); ++k) {
          CHECK(sheetsA[k].name == sheetsB[k].name);
          REQUIRE(sheetsA[k].rows.size() == sheetsB[k].rows.size());
          CHECK(sheetsA[k].rows.size() > 20);
          for (size_t r = 0; r < sheetsA[k].rows.size(); ++r) {
            CHECK(sheetsA[k].rows[r].number == sheetsB[k].rows[r].number);
            CHECK(sheetsA[k].rows[r].cells == sheetsB[k].rows[r].cells);
          }
        }
        const auto frameA = workbookFrame(a), frameB = workbookFrame(b);
        CHECK(frameA.size() > 3);
        CHECK(frameA == frameB);
      } else {
        // Part by part, but for the document's properties (the time it was written).
        auto partsA = test::unzip(a), partsB = test::unzip(b);
        partsA.erase("docProps/core.xml");
        partsB.erase("docProps/core.xml");
        CHECK(partsA.size() > 3);
        CHECK(partsA == partsB);
      }
    }
  }
  // A register with nobody on the day: the sentence and the table's head, as before.
  CHECK(streamed(*s, office, d(1950, 1, 1), "html") == whole(*s, office, d(1950, 1, 1), "html"));
}

TEST_CASE("register streamed: the store's cursor gives membersOn's members, a page at a time") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path(), 4);
  const auto office = services::Actor::localOffice();
  const auto asOf = d(2026, 11, 29);
  const auto entries = services::registerEntries(*s, office, asOf);
  REQUIRE(entries.size() > 100);
  CHECK(services::registerCount(*s, office, asOf) == int64_t(entries.size()));
  size_t n = 0;
  services::forEachRegisterEntry(*s, office, asOf, [&](services::RegisterEntry&& e) {
    REQUIRE(n < entries.size());
    CHECK(e.member.code == entries[n].member.code);
    CHECK(e.cellCode == entries[n].cellCode);
    CHECK(e.events.size() == entries[n].events.size());
    CHECK(e.badgeNo == entries[n].badgeNo);
    ++n;
  });
  CHECK(n == entries.size());
  // With those who left by the day (the statistics templates' reading): registerEntries' with them.
  const auto all = services::registerEntries(*s, office, asOf, true);
  REQUIRE(all.size() > entries.size());
  size_t k = 0;
  services::forEachRegisterEntry(
      *s, office, asOf,
      [&](services::RegisterEntry&& e) {
        REQUIRE(k < all.size());
        CHECK(e.member.code == all[k].member.code);
        CHECK(e.present == all[k].present);
        CHECK(e.events.size() == all[k].events.size());
        ++k;
      },
      0, true);
  CHECK(k == all.size());
}

TEST_CASE("register streamed: the writers write each row before they ask for the next") {
  // A row source of 3.000 rows made on demand, counting the rows whose handing over wrote to the output at
  // once, and the longest run of rows handed over without any written: a writer that gathered the rows first
  // would write nothing while it is handed them. (HTML and DOCX hold the rows of the page being filled, to
  // widen its columns for a long word; a table of up to reports::kDenseSampleRows rows is read twice, to
  // size the columns from every row, then to write them.)
  const size_t rows = 3000;
  reports::Document doc;
  doc.landscape = true;
  doc.paragraph("Sổ danh sách đảng viên.");
  reports::Table t;
  t.dense = true;
  t.caption = "Sổ danh sách đảng viên";
  t.header.push_back({reports::Cell::textCell("Số TT"), reports::Cell::textCell("Họ và tên"),
                      reports::Cell::textCell("Chi bộ")});
  t.sourceRows = rows;
  std::ostringstream* out = nullptr;
  int readings = 0;
  size_t written = 0, silent = 0, longestSilent = 0;
  t.rowSource = [&](const std::function<void(const reports::TableRow&)>& visit) {
    ++readings;
    written = silent = longestSilent = 0;  // counted in the last reading
    for (size_t r = 1; r <= rows; ++r) {
      reports::TableRow row;
      row.cells = {reports::Cell::count(int64_t(r)),
                   reports::Cell::textCell("Đảng viên số " + std::to_string(r)),
                   reports::Cell::textCell(r % 3 ? "Chi bộ bản Nà Ớt" : "Chi bộ Trường Tiểu học Phiêng Pằn")};
      const auto before = out->tellp();
      visit(row);
      if (out->tellp() > before) {
        ++written;
        silent = 0;
      } else {
        longestSilent = std::max(longestSilent, ++silent);
      }
    }
  };
  doc.table(t);
  SUBCASE("html reads the rows twice (to size the columns, then to write them) and writes a page at a time") {
    std::ostringstream html;
    out = &html;
    reports::renderHtml(html, doc);
    CHECK(readings == 2);
    // The first reading sizes the columns; in the second the rows are written a page at a time (no more than
    // a page of these rows, 40 or so, handed over without a page written).
    CHECK(written > rows / 60);
    CHECK(longestSilent < 60);
    CHECK(html.str().find("Đảng viên số 3000<") != std::string::npos);
    // The same bytes as the rows held in the table.
    reports::Document held = doc;
    held.fillRows();
    CHECK(held.tables().front()->rows.size() == rows);
    std::ostringstream again;
    reports::renderHtml(again, held);
    CHECK(again.str() == html.str());
  }
  SUBCASE("csv reads them once and writes as it reads") {
    std::ostringstream csv;
    out = &csv;
    reports::writeTablesCsv(csv, doc);
    CHECK(readings == 1);
    CHECK(written == rows);
    CHECK(csv.str().find("3000,Đảng viên số 3000,") != std::string::npos);
  }
  SUBCASE("docx reads them twice (to size the columns, then to write them) and writes a page at a time") {
    std::ostringstream xml;
    out = &xml;
    reports::writeDocxDocument(xml, doc);
    CHECK(readings == 2);
    CHECK(written > rows / 60);
    CHECK(longestSilent < 60);
    CHECK(xml.str().find(">Đảng viên số 3000<") != std::string::npos);
    // A table a page: more than one, each under its header row.
    const auto count = [&](const std::string& what) {
      size_t n = 0;
      for (size_t at = xml.str().find(what); at != std::string::npos; at = xml.str().find(what, at + 1)) ++n;
      return n;
    };
    CHECK(count("<w:tbl>") > 20);
    CHECK(count("<w:tbl>") == count("<w:tblHeader/>"));
    // The same part as the rows held in the table, and as docxParts gives.
    reports::Document held = doc;
    held.fillRows();
    std::ostringstream again;
    reports::writeDocxDocument(again, held);
    CHECK(again.str() == xml.str());
    CHECK(reports::docxParts(held).at("word/document.xml") == xml.str());
    // The file: document.xml unzipped as written, its temporary file gone.
    TempDir dir;
    readings = 0;
    std::ostringstream sink;
    out = &sink;
    reports::renderDocx(dir / "streamed.docx", doc);
    CHECK(readings == 2);
    CHECK(test::unzip(dir / "streamed.docx").at("word/document.xml") == xml.str());
    size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
      CHECK(f.path().filename() == "streamed.docx");
      ++files;
    }
    CHECK(files == 1);
  }
}
