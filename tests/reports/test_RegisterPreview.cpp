// The window's preview of a long report (ReportRequest::firstRows, previewDocument): the register's first
// rows read and no more, the others counted under the table, and such a preview never written out as if it
// were the register.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/Numbers.h"
#include "reports/HtmlRenderer.h"
#include "reports/RegisterStream.h"
#include "reports/ReportCatalog.h"
#include "services/MemberList.h"
#include "services/Publishing.h"
#include "services/Services.h"

using namespace dangbo;
using test::TempDir;

namespace {

size_t countOf(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

const reports::Table& onlyTable(const reports::Document& doc) {
  const auto tables = doc.tables();
  REQUIRE(tables.size() >= 1);
  return *tables.front();
}

}  // namespace

TEST_CASE("register preview: the first rows of the register, its sentence counting every member") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path(), 3);
  const auto office = services::Actor::localOffice();
  const core::Date asOf = *core::Date::make(2026, 11, 29);
  const reports::FrozenReport whole = reports::makeReport(*s, office, {"register", asOf, asOf, asOf});
  reports::ReportRequest q{"register", asOf, asOf, asOf};
  q.firstRows = 120;
  const reports::FrozenReport first = reports::makeReport(*s, office, q);
  const int64_t count = services::registerCount(*s, office, asOf);
  REQUIRE(count > 500);
  CHECK(whole.wholeRows == -1);
  CHECK(first.wholeRows == count);

  // The same first rows as the register made whole, and its sentence the same.
  const auto& rowsWhole = whole.model->sections.front().tables.front().rows;
  const auto& rowsFirst = first.model->sections.front().tables.front().rows;
  REQUIRE(rowsWhole.size() == size_t(count));
  REQUIRE(rowsFirst.size() == 120);
  for (size_t i = 0; i < rowsFirst.size(); ++i) {
    CHECK(rowsFirst[i].key == rowsWhole[i].key);
    CHECK(rowsFirst[i].cells.size() == rowsWhole[i].cells.size());
    for (size_t c = 0; c < rowsFirst[i].cells.size(); ++c) {
      CHECK(rowsFirst[i].cells[c].text == rowsWhole[i].cells[c].text);
      CHECK(rowsFirst[i].cells[c].value == rowsWhole[i].cells[c].value);
    }
  }
  CHECK(first.model->sections.front().paragraphs == whole.model->sections.front().paragraphs);

  // The document says how many rows are not shown, under the register's table.
  const reports::Document doc = reports::reportDocument(first);
  CHECK(onlyTable(doc).rows.size() == 120);
  CHECK(onlyTable(doc).omittedRows == size_t(count) - 120);
  std::ostringstream html;
  reports::renderHtml(html, doc);
  const std::string page = html.str();
  CHECK(page.find(core::formatCountVn(count - 120)) != std::string::npos);
  // 120 body rows, and the header rows of each page's table: far from the whole register's rows.
  CHECK(countOf(page, "<tr") >= 120);
  CHECK(countOf(page, "<tr") < 160);
  CHECK(onlyTable(reports::reportDocument(whole)).omittedRows == 0);
}

TEST_CASE("register preview: a secretary's preview reads their cell's rows only") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path(), 5);
  const core::Date asOf = *core::Date::make(2026, 11, 29);
  const core::Id cell =
      std::stoll(test::sqlValue(dir / "demo.db",
                                "SELECT cell_id FROM members WHERE status = 'active' GROUP BY cell_id "
                                "ORDER BY count(*) DESC LIMIT 1"));
  const services::Actor secretary{"bt", "secretary", cell};
  const auto entries = services::registerEntries(*s, secretary, asOf);
  REQUIRE(entries.size() > 10);
  reports::ReportRequest q{"register", asOf, asOf, asOf};
  q.firstRows = 7;
  const reports::FrozenReport first = reports::makeReport(*s, secretary, q);
  CHECK(first.wholeRows == int64_t(entries.size()));
  const auto& rows = first.model->sections.front().tables.front().rows;
  REQUIRE(rows.size() == 7);
  for (size_t i = 0; i < rows.size(); ++i) CHECK(rows[i].key == entries[i].member.code);
  // Fewer members than asked: every one of them, nothing said missing.
  q.firstRows = entries.size() + 50;
  const reports::FrozenReport all = reports::makeReport(*s, secretary, q);
  CHECK(all.model->sections.front().tables.front().rows.size() == entries.size());
  CHECK(onlyTable(reports::reportDocument(all)).omittedRows == 0);
}

TEST_CASE("register preview: never written to a file nor published as the register") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path(), 6);
  const auto office = services::Actor::localOffice();
  const core::Date asOf = *core::Date::make(2026, 11, 29);
  reports::ReportRequest q{"register", asOf, asOf, asOf};
  q.firstRows = 50;
  const reports::FrozenReport first = reports::makeReport(*s, office, q);
  for (const char* fmt : {"pdf", "docx", "xlsx", "html"}) {
    CAPTURE(fmt);
    const auto out = dir / (std::string("so.") + fmt);
    CHECK_THROWS_AS(reports::writeReportFile(out, first, fmt), core::DataError);
    CHECK_FALSE(std::filesystem::exists(out));
  }
  std::ostringstream text;
  CHECK_THROWS_AS(reports::writeReport(text, first, "csv"), core::DataError);
  CHECK(text.str().empty());
  const size_t before = services::publishedReports(*s, office).size();
  CHECK_THROWS_AS(reports::publish(*s, office, first), core::DataError);
  CHECK(services::publishedReports(*s, office).size() == before);
}

TEST_CASE("preview document: a long table keeps its first rows and its closing totals") {
  reports::Document doc;
  reports::Table t;
  t.header = {{reports::Cell::textCell("Chi bộ"), reports::Cell::textCell("Số đảng viên")}};
  for (int i = 1; i <= 40; ++i) t.addTextRow({"Chi bộ " + std::to_string(i), std::to_string(i)});
  t.addTextRow({"Tổng", "820"}, true);
  doc.table(t);
  reports::Table small;
  small.addTextRow({"a", "1"});
  doc.table(small);

  const reports::Document cut = reports::previewDocument(doc, 10);
  const auto tables = cut.tables();
  REQUIRE(tables.size() == 2);
  REQUIRE(tables[0]->rows.size() == 11);
  CHECK(tables[0]->rows[9].cells[0].text == "Chi bộ 10");
  CHECK(tables[0]->rows[10].total);
  CHECK(tables[0]->rows[10].cells[1].text == "820");
  CHECK(tables[0]->omittedRows == 30);
  CHECK(tables[1]->rows.size() == 1);
  CHECK(tables[1]->omittedRows == 0);
  std::ostringstream html;
  reports::renderHtml(html, cut);
  CHECK(html.str().find("30") != std::string::npos);
  CHECK(countOf(html.str(), "Chi bộ ") == 10);
  // Short enough: the same document.
  const reports::Document same = reports::previewDocument(doc, 41);
  CHECK(same.tables()[0]->rows.size() == 41);
  CHECK(same.tables()[0]->omittedRows == 0);
}
