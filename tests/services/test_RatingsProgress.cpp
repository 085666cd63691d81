#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "reports/RatingSheet.h"
#include "services/Ratings.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::RatingInput;
using services::RatingStage;

namespace {

core::Date day(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}

const services::Actor kOffice = services::Actor::localOffice();

// Two village cells: CB01 with DV1..DV6 (DV6 exempt), CB02 with DV7 and DV8 (DV8 admitted in August 2025).
struct Register {
  TempDir dir;
  std::unique_ptr<services::Services> s;
  Register() {
    s = services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
    exec(
        "INSERT INTO organizations (id, code, name, kind, category) VALUES (1, 'CB01', 'Chi bộ bản A', "
        "'truc_thuoc', 'ban'), (2, 'CB02', 'Chi bộ bản B', 'truc_thuoc', 'ban')");
    for (int i = 1; i <= 8; ++i)
      add(i, i >= 7 ? 2 : 1, i == 8 ? "2025-08-01" : "2015-03-01", i == 6 ? "exempt" : "active");
    services::openRatingRound(*s, kOffice, 2025, day(2025, 12, 10));
  }
  void exec(const std::string& sql) { services::storeOf(*s).db().exec(sql); }
  void add(int id, int cell, const std::string& admitted, const std::string& status) {
    const std::string n = std::to_string(id);
    exec(
        "INSERT INTO members (id, code, full_name, gender, birth_date, ethnicity, cell_id, admitted_on, "
        "status) "
        "VALUES (" +
        n + ", 'DV" + n + "', 'Lò Văn " + n + "', 'nam', '1980', '03', " + std::to_string(cell) + ", '" +
        admitted + "', '" + status + "')");
  }
  void decide(const std::string& code, const std::string& level) {
    services::enterMemberRatings(*s, kOffice, 2025,
                                 {RatingInput{code, RatingStage::Decision, level, {}, {}}});
  }
  services::CellRatingProgress progress(const std::string& cell) {
    for (auto& p : services::ratingProgress(*s, kOffice, 2025))
      if (p.code == cell) return p;
    FAIL("no cell " << cell);
    return {};
  }
};

}  // namespace

TEST_CASE("rating progress: members, eligible, rated and the quota per cell, as the grid enters them") {
  Register r;
  auto p1 = r.progress("CB01");
  CHECK(p1.name == "Chi bộ bản A");
  CHECK(p1.members == 6);
  CHECK(p1.eligible == 5);  // DV6 exempt
  CHECK(p1.rated == 0);
  CHECK(p1.warnings == 0);
  auto p2 = r.progress("CB02");
  CHECK(p2.members == 2);
  CHECK(p2.eligible == 1);  // DV8 admitted after 30/06/2025

  for (const char* c : {"DV1", "DV2", "DV3"}) r.decide(c, "HTTNV");
  r.decide("DV4", "HTXSNV");  // 1 excellent against 3 good: 33% > 20%
  p1 = r.progress("CB01");
  CHECK(p1.rated == 4);
  CHECK(p1.excellent == 1);
  CHECK(p1.good == 3);
  CHECK(p1.quotaExceeded);
  CHECK(p1.warnings == 1);
  CHECK_FALSE(r.progress("CB02").quotaExceeded);

  // A disciplined member rated good counts as a warning of their cell; the cell's own level is shown.
  r.exec(
      "INSERT INTO disciplines (number, date, subject_type, subject_id, form) VALUES "
      "('5-QĐ/UBKT', '2025-05-10', 'dang_vien', 7, 'khien_trach')");
  r.decide("DV7", "HTTNV");
  services::rateOrganizations(*r.s, kOffice, 2025,
                              {RatingInput{"CB02", RatingStage::Decision, "HTNV", {}, {}}});
  p2 = r.progress("CB02");
  CHECK(p2.rated == 1);
  CHECK(p2.warnings == 1);
  CHECK_FALSE(p2.quotaExceeded);
  CHECK(p2.level == "HTNV");

  // Resolving the quota clears the cell's warning.
  r.decide("DV4", "HTTNV");
  p1 = r.progress("CB01");
  CHECK_FALSE(p1.quotaExceeded);
  CHECK(p1.warnings == 0);
  CHECK(p1.good == 4);
}

TEST_CASE("rating progress: a secretary sees their own cell only") {
  Register r;
  const services::Actor secretary{"bt02", "secretary", core::Id(2)};
  auto all = services::ratingProgress(*r.s, secretary, 2025);
  REQUIRE(all.size() == 1);
  CHECK(all[0].code == "CB02");
}

TEST_CASE(
    "rating sheet document: every member with the reason when not rated, and the counts of the decisions") {
  Register r;
  r.decide("DV1", "HTXSNV");
  for (const char* c : {"DV2", "DV3", "DV4", "DV5"}) r.decide(c, "HTTNV");
  const auto rows = services::ratingSheet(*r.s, kOffice, 2025, "CB01");
  const auto doc =
      reports::ratingSheetDocument(r.s->committee(), {2025, "CB01", "Chi bộ bản A", "open"}, rows);
  REQUIRE(doc.header);
  CHECK(doc.header->executive == "CHI BỘ BẢN A");
  const auto tables = doc.tables();
  REQUIRE(tables.size() == 2);
  REQUIRE(tables[0]->rows.size() == 6);
  // DV6 is exempt: no level, the reason in the last column.
  bool exemptNoted = false;
  for (const auto& row : tables[0]->rows)
    if (row.cells[2].text == "DV6") {
      CHECK(row.cells[5].text.empty());
      exemptNoted = row.cells[7].text.find("31/12/2025") != std::string::npos;
    }
  CHECK(exemptNoted);
  // levels: 1 excellent, 4 good; good or better 5 of 5; rated 5
  const auto& sum = *tables[1];
  REQUIRE(sum.rows.size() == 6);
  CHECK(sum.rows[0].cells[1].value == 1);
  CHECK(sum.rows[1].cells[1].value == 4);
  CHECK(sum.rows[2].cells[1].value == 0);
  CHECK(sum.rows[4].cells[1].value == 5);
  CHECK(sum.rows[4].cells[2].text == "100,0%");
  CHECK(sum.rows[5].cells[1].value == 5);

  TempDir out;
  reports::writeRatingSheetPdf(out / "ds.pdf", r.s->committee(), {2025, "CB01", "Chi bộ bản A", "locked"},
                               rows);
  CHECK(std::filesystem::file_size(out / "ds.pdf") > 1000);
}
