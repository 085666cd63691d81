// The yearly supplement to the members' files, 3-HSĐV (issue 19): the year's changes from the register's
// dated records, "Không có gì thay đổi", the returns marked through one door and the list of sheets missing.
#include <doctest/doctest.h>

#include <algorithm>

#include "AdmissionTestData.h"
#include "core/Errors.h"
#include "services/Discipline.h"
#include "services/FileSupplement.h"
#include "services/PartyFile.h"
#include "services/Register.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Database.h"

using namespace dangbo;
using services::Actor;
using test::admission::d;

namespace {

const Actor kOffice = Actor::localOffice();

// Three members of CB01 and one of CB02. The changes of 2025 (the year of the sheets) and of 2024 (the year
// before) are planted; the day of an audit row is the day it was written, so the rows of the details door
// are dated as if written then (the trail's no-update trigger is dropped in this copy only).
struct Supplement : test::admission::OneCell {
  core::Id cell2 = 0;
  Supplement() {
    core::Organization o;
    o.code = "CB02";
    o.name = "Chi bộ bản Mới";
    o.kind = "truc_thuoc";
    o.category = "ban";
    o.founded = d(1960, 1, 1);
    cell2 = services::addOrganization(*s, kOffice, o);
    member("DV01", d(2010, 1, 10), d(2010, 1, 20), d(2011, 1, 20), *core::PartialDate::make(1980, 5, 6));
    member("DV02", d(2012, 1, 10), d(2012, 1, 20), d(2013, 1, 20), *core::PartialDate::make(1982, 1, 1));
    member("DV03", d(2014, 1, 10), d(2014, 1, 20), d(2015, 1, 20), *core::PartialDate::make(1984, 1, 1));
    member("DV05", d(2014, 1, 10), d(2014, 1, 20), d(2015, 1, 20), *core::PartialDate::make(1985, 1, 1));
    services::recordAction(*s, kOffice, "DV05", {"moved", d(2016, 3, 1), "CB02", "", "", ""});
    // DV01: residence, occupation and education in 2025; the home town in 2024 (not on the 2025 sheet).
    edit(
        "DV01", [](core::Member& m) { m.hometown = "Mường Bú"; }, "2024-11-03T02:00:00Z");
    edit(
        "DV01",
        [](core::Member& m) {
          m.residence = "Bản Nà Ớt";
          m.occupation = "Nông dân";
          m.education = "9/12";
        },
        "2024-12-30T02:00:00Z");
    edit(
        "DV01", [](core::Member& m) { m.residence = "Bản Mới, xã Thử"; }, "2025-03-10T02:00:00Z");
    edit(
        "DV01",
        [](core::Member& m) {
          m.occupation = "Trưởng bản";
          m.education = "12/12";
          m.theory = "trung_cap";
        },
        "2025-08-15T02:00:00Z");
    // DV02: a reprimand in 2025, a warning of 2024 not listed; the 45-year badge of 2025 is a reward.
    decide("DV02", "3-QĐ/UBKT", d(2024, 6, 1), "khien_trach");
    decide("DV02", "9-QĐ/UBKT", d(2025, 4, 2), "canh_cao");
    services::addTraining(*s, kOffice, "DV02", 2025, d(2025, 10, 6),
                          "Bồi dưỡng lý luận chính trị cho đảng viên");
    // DV03: nothing in 2025 (its admission is from 2014).
  }
  // A change of the details door, its audit row dated `at`.
  template <typename F>
  void edit(const std::string& code, F change, const std::string& at) {
    core::Member m = services::memberFile(*s, kOffice, code).member;
    change(m);
    services::updateMember(*s, kOffice, m, "");
    auto& db = services::storeOf(*s).db();
    db.exec("DROP TRIGGER IF EXISTS audit_log_no_update");
    db.exec("UPDATE audit_log SET at = '" + at + "' WHERE id = (SELECT max(id) FROM audit_log)");
  }
  void decide(const std::string& code, const std::string& number, core::Date on, const std::string& form) {
    services::DecisionInput in;
    in.subjectType = "dang_vien";
    in.subjectCode = code;
    in.number = number;
    in.date = on;
    in.form = form;
    in.body = "Ủy ban Kiểm tra Đảng ủy";
    in.violation = "vi phạm";
    in.violationOn = on.addDays(-30);
    in.announcedOn = on;
    services::recordDecision(*s, {"kt", "inspection", std::nullopt}, in);
  }
  const services::SupplementSheet& sheet(const std::vector<services::SupplementSheet>& all,
                                         const std::string& code) {
    auto it = std::find_if(all.begin(), all.end(), [&](const auto& x) { return x.code == code; });
    REQUIRE(it != all.end());
    return *it;
  }
};

std::string joined(const services::SupplementSheet& sh, const std::string& item) {
  std::string out;
  for (const auto& c : sh.changes)
    if (c.item == item) out += c.text + "\n";
  return out;
}

std::vector<std::string> keys(const services::ReportTable& t) {
  std::vector<std::string> out;
  for (const auto& r : t.rows) out.push_back(r.key);
  return out;
}

}  // namespace

TEST_CASE("3-HSĐV: the year's changes from the dated records, nothing from the year before") {
  Supplement fx;
  const auto all = services::supplementSheets(*fx.s, kOffice, {2025});
  REQUIRE(all.size() == 4);  // CB01's three, then CB02's
  CHECK(all.back().code == "DV05");

  const auto& one = fx.sheet(all, "DV01");
  CHECK(joined(one, "residence") == "Bản Mới, xã Thử (trước đây: Bản Nà Ớt; ngày 10/03/2025)\n");
  CHECK(joined(one, "occupation") == "Trưởng bản (trước đây: Nông dân; ngày 15/08/2025)\n");
  CHECK(joined(one, "education") == "Học vấn phổ thông: 12/12 (trước đây: 9/12; ngày 15/08/2025)\n");
  CHECK(joined(one, "theory") ==
        "Lý luận chính trị: Trung cấp (trước đây: Chưa qua đào tạo; ngày 15/08/2025)\n");
  CHECK(joined(one, "other").empty());  // the home town changed in 2024
  CHECK(one.changes.size() == 4);

  const auto& two = fx.sheet(all, "DV02");
  const std::string discipline = joined(two, "discipline");
  CHECK(discipline.find("9-QĐ/UBKT") != std::string::npos);
  CHECK(discipline.find("02/04/2025") != std::string::npos);
  CHECK(discipline.find("3-QĐ/UBKT") == std::string::npos);  // 2024
  CHECK(joined(two, "theory").find("Bồi dưỡng lý luận chính trị cho đảng viên (06/10/2025)") !=
        std::string::npos);
  CHECK(joined(two, "residence").empty());

  CHECK(fx.sheet(all, "DV03").changes.empty());

  // The sheets as a form: the items in the form's order, "Không có gì thay đổi." for DV03.
  const auto rep = services::fileSupplementReport(*fx.s, kOffice, {2025});
  REQUIRE(rep.sections.size() == 4);
  const auto& s1 = rep.sections[0];
  CHECK(s1.heading == "Lò Văn DV01 (DV01)");
  REQUIRE(s1.paragraphs.size() == 8);
  CHECK(s1.paragraphs[0] ==
        "1. Nơi thường trú; nơi tạm trú: Bản Mới, xã Thử (trước đây: Bản Nà Ớt; ngày 10/03/2025).");
  CHECK(s1.paragraphs[4] == "5. Khen thưởng: không thay đổi.");
  const auto* ident = rep.table("member@DV01");
  REQUIRE(ident);
  CHECK(ident->rows[3].cells[1].text == "06/05/1980");
  CHECK(ident->rows[6].cells[1].text == "…");  // no file number yet: dots to fill in
  CHECK(rep.table("changes@DV01")->rows.size() == 4);
  const auto& s3 = rep.sections[2];
  CHECK(s3.heading == "Lò Văn DV03 (DV03)");
  CHECK(s3.paragraphs == std::vector<std::string>{"Không có gì thay đổi."});
  CHECK(rep.table("changes@DV03")->rows.empty());

  // 2024's sheet has the home town and the 2024 reprimand, not 2025's changes.
  const auto before = services::supplementSheets(*fx.s, kOffice, {2024});
  CHECK(joined(fx.sheet(before, "DV01"), "other").find("Quê quán: Mường Bú") != std::string::npos);
  CHECK(joined(fx.sheet(before, "DV01"), "occupation") == "Nông dân (trước đây: —; ngày 30/12/2024)\n");
  CHECK(joined(fx.sheet(before, "DV02"), "discipline").find("3-QĐ/UBKT") != std::string::npos);

  // One cell; one member.
  CHECK(services::supplementSheets(*fx.s, kOffice, {2025, "CB02"}).size() == 1);
  const auto only = services::supplementSheets(*fx.s, kOffice, {2025, "", "dv03"});
  REQUIRE(only.size() == 1);
  CHECK(only[0].code == "DV03");
}

TEST_CASE("3-HSĐV: a secretary reads their own cell only; unknown codes and future years are refused") {
  Supplement fx;
  const Actor own{"bt1", "secretary", fx.cell}, other{"bt2", "secretary", fx.cell2};
  const auto mine = services::supplementSheets(*fx.s, own, {2025});
  CHECK(mine.size() == 3);  // not CB02's member
  CHECK_THROWS_AS(services::supplementSheets(*fx.s, other, {2025, "CB01"}), core::PermissionError);
  CHECK_THROWS_WITH_AS(services::supplementSheets(*fx.s, other, {2025, "", "DV01"}),
                       doctest::Contains("chỉ được xem"), core::PermissionError);
  CHECK_THROWS_WITH_AS(services::supplementSheets(*fx.s, kOffice, {2025, "", "DV01' OR 1=1 --"}),
                       doctest::Contains("Không có đảng viên"), core::DataError);
  CHECK_THROWS_WITH_AS(services::supplementSheets(*fx.s, kOffice, {2025, "CB99"}), doctest::Contains("CB99"),
                       core::DataError);
  const int next = core::Date::today().year() + 1;
  CHECK_THROWS_WITH_AS(services::supplementSheets(*fx.s, kOffice, {next}), doctest::Contains("chưa bắt đầu"),
                       core::DataError);
  // A member who was not yet admitted at the end of the year has no sheet of it.
  CHECK_THROWS_WITH_AS(services::supplementSheets(*fx.s, kOffice, {2009, "", "DV01"}),
                       doctest::Contains("không có trong danh sách"), core::DataError);
}

TEST_CASE("3-HSĐV returns: one door for the office, all or nothing, and the list of sheets missing") {
  Supplement fx;
  auto missing = [&] {
    const auto rep = services::fileSupplementMissingReport(*fx.s, kOffice, {2025});
    return keys(*rep.table("missing"));
  };
  CHECK(missing() == std::vector<std::string>{"DV01", "DV02", "DV03", "DV05"});
  services::recordSupplementReturns(*fx.s, kOffice, 2025, {"DV01", "dv03"}, d(2026, 1, 12));
  CHECK(missing() == std::vector<std::string>{"DV02", "DV05"});
  const auto sheets = services::supplementSheets(*fx.s, kOffice, {2025});
  CHECK(fx.sheet(sheets, "DV01").returnedOn == d(2026, 1, 12));
  CHECK(fx.sheet(sheets, "DV01").returnedBy == "office");
  CHECK_FALSE(fx.sheet(sheets, "DV02").returnedOn);
  store::AuditQuery q;
  q.record = "member:DV0";
  int rows = 0;
  for (const auto& a : store::AuditRepository(services::storeOf(*fx.s)).search(q))
    if (a.action == "file_supplement.return") {
      ++rows;
      CHECK(a.newValue == "2025 2026-01-12");
    }
  CHECK(rows == 2);
  // The 2024 sheets are another year: DV01's is still missing there.
  const auto y2024 = services::fileSupplementMissingReport(*fx.s, kOffice, {2024});
  CHECK(keys(*y2024.table("missing")) == std::vector<std::string>{"DV01", "DV02", "DV03", "DV05"});

  // Refused, and nothing of the batch written: a hostile or unknown code beside a good one, a sheet already
  // marked, a day in the future or before the year, a year not begun, a member not on the year's list.
  auto refused = [&](const std::vector<std::string>& codes, core::Date on, int year, const char* words) {
    CAPTURE(words);
    CHECK_THROWS_WITH_AS(services::recordSupplementReturns(*fx.s, kOffice, year, codes, on),
                         doctest::Contains(words), core::DataError);
    CHECK(missing() == std::vector<std::string>{"DV02", "DV05"});
  };
  refused({"DV02", "x'); DROP TABLE members; --"}, d(2026, 1, 12), 2025, "Không có đảng viên nào mã x');");
  refused({"DV02", "DV01"}, d(2026, 1, 12), 2025, "đã được ghi là nộp ngày 12/01/2026");
  refused({"DV02"}, core::Date::today().addDays(1), 2025, "chưa đến");
  refused({"DV02"}, d(2024, 12, 31), 2025, "trước khi năm bắt đầu");
  refused({"DV02"}, d(2026, 1, 12), core::Date::today().year() + 1, "chưa bắt đầu");
  refused({}, d(2026, 1, 12), 2025, "ít nhất một");
  fx.member("DV06", d(2026, 1, 10), std::nullopt, std::nullopt, *core::PartialDate::make(1999, 1, 1));
  refused({"DV02", "DV06"}, d(2026, 1, 12), 2025, "DV06) không có trong danh sách");

  // Only the office or an administrator: a secretary (of the cell or another), the leadership, inspection.
  for (const Actor& a : {Actor{"bt1", "secretary", fx.cell}, Actor{"bt2", "secretary", fx.cell2},
                         Actor{"ld", "leadership", std::nullopt}, Actor{"kt", "inspection", std::nullopt}}) {
    CAPTURE(a.role);
    CHECK_THROWS_AS(services::recordSupplementReturns(*fx.s, a, 2025, {"DV02"}, d(2026, 1, 12)),
                    core::PermissionError);
  }
  CHECK(missing() == std::vector<std::string>{"DV02", "DV05"});
  // A secretary's missing list is their cell's.
  const auto theirs = services::fileSupplementMissingReport(*fx.s, {"bt2", "secretary", fx.cell2}, {2025});
  CHECK(keys(*theirs.table("missing")) == std::vector<std::string>{"DV05"});
}
