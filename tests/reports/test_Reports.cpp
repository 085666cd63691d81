// The reports of `report NAME` on a small imported register against hand counts (ReportFixture.h), the
// totals cross-check on demo data, the same figures in every format, publishing and comparing.
#include <doctest/doctest.h>

#include <sstream>

#include "ReportFixture.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "reports/DocxRenderer.h"
#include "reports/HtmlRenderer.h"
#include "reports/PdfRenderer.h"
#include "reports/ReportArchive.h"
#include "reports/ReportCatalog.h"
#include "reports/ReportDocument.h"
#include "services/Publishing.h"
#include "services/Register.h"
#include "services/Reports.h"

using namespace dangbo;
using services::Figure;
using services::ReportModel;
using services::ReportTable;
using test::TempDir;

namespace {

core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}
const services::Actor kOffice = services::Actor::localOffice();

// The count of a row's column (1 = the first figure after the label), failing when absent.
int64_t countAt(const ReportModel& m, const std::string& table, const std::string& row, size_t column = 1) {
  const ReportTable* t = m.table(table);
  REQUIRE_MESSAGE(t, "no table " << table);
  for (const auto& r : t->rows)
    if (r.key == row) {
      REQUIRE(column < r.cells.size());
      REQUIRE(r.cells[column].value.has_value());
      return *r.cells[column].value;
    }
  FAIL("no row " << row << " in " << table);
  return -1;
}

reports::FrozenReport make(services::Services& s, const std::string& name, core::Date from = d(2020, 1, 1),
                           core::Date to = d(2024, 12, 31)) {
  return reports::makeReport(s, kOffice, {name, from, to, to});
}

std::string html(const reports::FrozenReport& r) {
  std::ostringstream out;
  reports::writeReport(out, r, "html");
  return out.str();
}

}  // namespace

TEST_CASE("report members: the structure of an imported register counted by hand") {
  TempDir dir;
  auto s = test::importedRegister(dir);
  const ReportModel m = *make(*s, "members").model;
  CHECK(countAt(m, "age", "total") == 5);
  CHECK(countAt(m, "age", "band0") == 2);  // DV003 29, DV004 24
  CHECK(countAt(m, "age", "band4") == 1);  // DV002 49 (born 1975: aged from 1 July)
  CHECK(countAt(m, "age", "band6") == 1);  // DV001 57
  CHECK(countAt(m, "age", "band7") == 1);  // DV005 64
  CHECK(countAt(m, "age", "band1") == 0);
  CHECK(countAt(m, "gender", "nam") == 3);
  CHECK(countAt(m, "gender", "nu") == 2);
  CHECK(countAt(m, "gender", "nu", 2) == 400);  // 40,0%
  CHECK(countAt(m, "religion", "Không") == 4);
  CHECK(countAt(m, "religion", "Công giáo") == 1);
  CHECK(countAt(m, "qualification", "khong") == 2);
  CHECK(countAt(m, "qualification", "dai_hoc") == 1);
  CHECK(countAt(m, "qualification", "cao_dang") == 1);
  CHECK(countAt(m, "theory", "so_cap") == 2);
  CHECK(countAt(m, "theory", "chua") == 2);
  CHECK(countAt(m, "standing", "official") == 4);
  CHECK(countAt(m, "standing", "probationary") == 1);
  CHECK(countAt(m, "standing", "exempt") == 1);
  CHECK(countAt(m, "education", "12/12") == 3);
  const ReportTable* eth = m.table("ethnicity");
  REQUIRE(eth);
  CHECK(eth->rows.front().cells.front().text == "Thái");  // the largest group first
  CHECK(*eth->rows.front().cells[1].value == 3);
  CHECK(services::checkTotals(m).empty());
  // The age chart: one bar per band, the bands of 2021 (Biểu số 3-BTCTW).
  REQUIRE(m.sections.front().charts.size() == 1);
  CHECK(m.sections.front().charts.front().categories.size() == 8);
  // Before 13/12/2021 the bands of 2012 apply: five of them.
  const ReportModel old = services::membersReport(*s, kOffice, d(2020, 12, 31));
  CHECK(old.table("age")->rows.size() == 6);  // five bands and the total
}

TEST_CASE("report organizations, committee and badges: figures counted by hand") {
  TempDir dir;
  auto s = test::importedRegister(dir);
  const ReportModel o = *make(*s, "organizations").model;
  CHECK(countAt(o, "by_category", "ban", 1) == 1);
  CHECK(countAt(o, "by_category", "ban", 2) == 1);
  CHECK(countAt(o, "by_category", "truong", 2) == 1);
  CHECK(countAt(o, "by_category", "total", 3) == 3);
  CHECK(countAt(o, "cells", "CB01", 4) == 2);
  CHECK(countAt(o, "cells", "CB02", 4) == 2);
  CHECK(countAt(o, "cells", "CB03", 4) == 1);  // DV006 was removed
  CHECK(countAt(o, "cells", "total", 4) == 5);
  CHECK(services::checkTotals(o).empty());

  const ReportModel c = *make(*s, "committee").model;
  CHECK(countAt(c, "positions", "bi_thu") == 1);
  CHECK(countAt(c, "positions", "pho_bi_thu") == 1);
  CHECK(countAt(c, "positions", "uv_bch") == 1);
  CHECK(countAt(c, "positions", "total") == 3);
  CHECK(countAt(c, "composition", "standing") == 2);
  CHECK(countAt(c, "composition", "women") == 1);
  CHECK(countAt(c, "composition", "women", 2) == 333);
  CHECK(countAt(c, "composition", "ethnic_minority", 2) == 667);
  CHECK(c.table("seats")->rows.size() == 3);
  CHECK(services::checkTotals(c).empty());

  const ReportModel b = *make(*s, "badges").model;
  CHECK(countAt(b, "by_milestone", "30") == 1);
  CHECK(countAt(b, "by_milestone", "40") == 1);
  CHECK(countAt(b, "by_milestone", "total") == 2);
  REQUIRE(b.table("members")->rows.size() == 2);
  CHECK(services::checkTotals(b).empty());
}

TEST_CASE("report ratings: the share good or better against the dated target, not a constant") {
  TempDir dir;
  auto s = test::importedRegister(dir);
  const ReportModel r = *make(*s, "ratings").model;
  CHECK(countAt(r, "by_year", "2024:members", 5) == 3);
  CHECK(countAt(r, "by_year", "2024:members", 6) == 667);  // (1 + 1) / 3
  CHECK(countAt(r, "by_year", "2024:members", 7) == 900);  // dang_vien_tot 2020-2025
  const auto& chart = r.sections.front().charts.front();
  REQUIRE(chart.target.size() == 1);
  CHECK(*chart.target[0] == doctest::Approx(90.0));
  // The congress chart takes the same dated target.
  const auto congress = reports::reportDocument(make(*s, "congress"));
  bool found = false;
  for (const auto* ch : congress.charts())
    if (ch->percent) {
      found = true;
      REQUIRE(ch->target.size() == 1);
      CHECK(*ch->target[0] == doctest::Approx(90.0));
    }
  CHECK(found);
  CHECK(congress.charts().size() == 3);  // admissions, ratings, ages
}

TEST_CASE("every report's tables cross-check on demo data, and checkTotals catches a wrong total") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path(), 3);
  for (const auto& name : reports::reportNames()) {
    if (name == "congress") continue;
    CAPTURE(name);
    const auto r = make(*s, name, d(2021, 1, 1), d(2026, 11, 29));
    REQUIRE(r.model);
    const auto problems = services::checkTotals(*r.model);
    CHECK_MESSAGE(problems.empty(), (problems.empty() ? "" : problems.front()));
    CHECK_FALSE(r.model->tables().empty());
  }
  // The members report's parts add up to the congress report's total.
  const auto members = make(*s, "members", d(2021, 1, 1), d(2026, 11, 29));
  const auto congress = make(*s, "congress", d(2021, 1, 1), d(2026, 11, 29));
  CHECK(countAt(*members.model, "age", "total") == congress.congress->members.total);
  CHECK(countAt(*members.model, "standing", "probationary") == congress.congress->members.probationary);

  ReportTable bad;
  bad.key = "t";
  bad.rows.push_back({"a", {Figure::label("a"), Figure::count(2)}, services::RowRole::Body});
  bad.rows.push_back({"b", {Figure::label("b"), Figure::count(3)}, services::RowRole::Body});
  bad.rows.push_back({"x", {Figure::label("x"), Figure::count(1)}, services::RowRole::Detail});
  bad.rows.push_back({"total", {Figure::label("t"), Figure::count(5)}, services::RowRole::Total});
  CHECK(services::checkTotals(bad).empty());
  bad.rows.back().cells[1] = Figure::count(6);
  REQUIRE(services::checkTotals(bad).size() == 1);
  CHECK(services::checkTotals(bad).front().find("6 != 5") != std::string::npos);
}

TEST_CASE("every format of a report shows the same figures") {
  TempDir dir;
  auto s = test::importedRegister(dir);
  const auto r = make(*s, "members");
  std::ostringstream json, csv, pdf;
  reports::writeReport(json, r, "json");
  reports::writeReport(csv, r, "csv");
  reports::writeReport(pdf, r, "pdf");
  const std::string h = html(r);
  CHECK(json.str().find("\"key\": \"probationary\"") != std::string::npos);
  // CSV: a byte-order mark, then each table as a user opens it in Excel: headings, a line per row.
  CHECK(csv.str().rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.str().find("\r\n" + std::string(core::tr("Probationary members")) + ",1,") != std::string::npos);
  CHECK(csv.str().find(",\"40,0%\"\r\n") != std::string::npos);
  CHECK(h.find("40,0%") != std::string::npos);
  CHECK(pdf.str().rfind("%PDF", 0) == 0);
  const auto doc = reports::reportDocument(r);
  const auto parts = reports::docxParts(doc);
  const std::string& body = parts.at("word/document.xml");
  // Every figure of every table is in the HTML and the Word document, in the table's order.
  for (const auto* t : doc.tables()) {
    size_t ph = 0, pd = 0;
    for (const auto& row : t->rows)
      for (const auto& c : row.cells) {
        if (c.kind == reports::CellKind::Text) continue;
        CAPTURE(c.text);
        const size_t nh = h.find(">" + c.text + "<", ph), nd = body.find(">" + c.text + "<", pd);
        REQUIRE(nh != std::string::npos);
        REQUIRE(nd != std::string::npos);
        ph = nh;
        pd = nd;
      }
  }
  TempDir out;
  reports::writeReportFile(out / "m.xlsx", r, "xlsx");
  reports::writeReportFile(out / "m.docx", r, "docx");
  CHECK(std::filesystem::file_size(out / "m.xlsx") > 1000);
  CHECK(std::filesystem::file_size(out / "m.docx") > 1000);
  CHECK_FALSE(std::filesystem::exists(out / "m.docx.part"));
}

TEST_CASE("a frozen report round-trips through its archive, and a damaged archive is refused") {
  TempDir dir;
  auto s = test::importedRegister(dir);
  for (const char* name : {"congress", "members", "register", "ratings"}) {
    CAPTURE(name);
    const auto r = make(*s, name);
    const std::string bytes = reports::archiveReport(r);
    const auto back = reports::unarchiveReport(bytes);
    CHECK(back.name == r.name);
    CHECK(back.asOf == r.asOf);
    CHECK(back.committee.executive == r.committee.executive);
    CHECK(reports::archiveReport(back) == bytes);
    CHECK(html(back) == html(r));
  }
  CHECK_THROWS_AS(reports::unarchiveReport("22 serialization::archive 19 garbage"), core::DataError);
  CHECK_THROWS_AS(reports::unarchiveReport(""), core::DataError);
}

TEST_CASE(
    "a published report reprints as it was after the data changed, and the comparison names what moved") {
  TempDir dir;
  auto s = test::importedRegister(dir);
  const auto congress = make(*s, "congress");
  const auto members = make(*s, "members");
  const std::string congressHtml = html(congress), membersHtml = html(members);
  const core::Id c = reports::publish(*s, kOffice, congress);
  const core::Id m = reports::publish(*s, kOffice, members);
  CHECK(m > c);
  const auto list = services::publishedReports(*s, kOffice);
  REQUIRE(list.size() == 2);
  CHECK(list.front().id == m);  // newest first
  CHECK(list.front().name == "members");
  CHECK(list.front().username == kOffice.username);
  CHECK(list.front().options == "from=2020-01-01 to=2024-12-31 as_of=2024-12-31 by_role=admin");
  CHECK(list.front().archive.empty());

  // Nothing moved yet.
  CHECK(reports::compareDocuments(reports::reportDocument(reports::loadPublished(*s, kOffice, m)),
                                  reports::reportDocument(make(*s, "members")))
            .empty());

  // DV004 dies on 01/12/2024: the standing figures of 31/12/2024 change.
  services::MemberAction death;
  death.kind = "deceased";
  death.date = d(2024, 12, 1);
  services::recordAction(*s, kOffice, "DV004", death);

  // A reprint is the published report, with the mark of a published copy on its last line.
  auto unmarked = [](std::string h, core::Id id) {
    const size_t mark = h.find("Bản đã công bố số " + std::to_string(id) + ", ngày ");
    REQUIRE(mark != std::string::npos);
    const size_t lineStart = h.rfind('\n', mark) + 1;
    h.erase(lineStart, h.find('\n', mark) + 1 - lineStart);
    return h;
  };
  CHECK(unmarked(html(reports::loadPublished(*s, kOffice, c)), c) == congressHtml);
  CHECK(unmarked(html(reports::loadPublished(*s, kOffice, m)), m) == membersHtml);
  CHECK(html(make(*s, "members")) != membersHtml);

  const auto changes =
      reports::compareDocuments(reports::reportDocument(reports::loadPublished(*s, kOffice, m)),
                                reports::reportDocument(make(*s, "members")));
  bool total = false, probationary = false;
  for (const auto& ch : changes) {
    if (ch.row == "Tổng số" && ch.then == "5" && ch.now == "4") total = true;
    if (ch.row == "Đảng viên dự bị" && ch.column == "Số lượng" && ch.then == "1" && ch.now == "0")
      probationary = true;
  }
  CHECK(total);
  CHECK(probationary);
  std::ostringstream text;
  reports::writeChanges(text, changes);
  CHECK(text.str().find("5 -> 4") != std::string::npos);

  CHECK_THROWS_AS(services::publishedReport(*s, kOffice, 999), core::DataError);
}
