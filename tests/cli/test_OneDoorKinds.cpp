// One door per record, for every kind an import or a change package writes: the window's service call, an
// import, a change package and `dangbo-cli record` changing one field of the same record on four identical
// registers store the same value and leave the same audit row (account, action, record, old and new value),
// and refuse a bad value with the dialog's words, writing nothing. Where a door cannot write a kind at all
// the test says so and lists it (the member, compared the same way, is in tests/exchange/test_OneDoor.cpp).
#include <doctest/doctest.h>

#include "OneDoorRegisters.h"

using namespace dangbo;
using namespace dangbo::test::onedoor;
using dangbo::test::TempDir;

TEST_CASE("one door: the kinds an import or a change package writes, and the doors that cannot write them") {
  // Each file of an import is one kind; every kind is compared below or in test_OneDoor.cpp (member), or
  // listed here with the doors that have no way to write it.
  const std::set<std::string> compared = {
      "dang_vien", "to_chuc",    "chi_tieu",      "kiem_tra", "ky_luat", "tap_huan",
      "cap_uy",    "quan_chung", "bi_thu_chi_bo", "xep_loai"};  // xep_loai: test_OneDoorYearRatings.cpp
  // Written by the import's own writer still (not through a door of the window): the import's scope and
  // checks hold, but the audit row is the import's. Listed so that a new file kind must be placed. A rating
  // (xep_loai) goes through the door of a year's rating (services/YearRatings); a proposal is compared
  // through the window, a change package and the CLI below. A candidate (quan_chung) is listed and corrected
  // through the admissions page's doors; the stages of an old file in it stay the import's. Committee seats
  // (cap_uy) go through their door (services::saveCommitteeSeat) from the import and the CLI; no dialog calls
  // it yet.
  const std::set<std::string> ownWriter = {};
  std::set<std::string> files;
  for (const auto& spec : services::importFileSpecs())
    if (!services::isCellWorkImport(spec.kind)) files.insert(spec.kind);
  std::set<std::string> placed = compared;
  placed.insert(ownWriter.begin(), ownWriter.end());
  CHECK(files == placed);
}

TEST_CASE("one door: a change package carries no organization, target or case file") {
  // A change package carries only a cell's own members, candidates and ratings (and a candidate's checks and
  // helpers): a cell that renames its organization in its file sends nothing of it; the office is told.
  TempDir dir;
  test::createSmallRegister(dir / "office.db", 11);
  const std::string cell =
      test::sqlValue(dir / "office.db", "SELECT code FROM organizations ORDER BY code LIMIT 1");
  auto office = services::Services::open(dir / "office.db");
  const services::Actor local = services::Actor::localOffice();
  auto c = services::Packages::createCellFile(dir / "cell.db",
                                              services::Packages(*office).exportCell(local, cell));
  SQLite::Statement q(services::storeOf(*c).db(),
                      "UPDATE organizations SET name = 'Chi bộ khác' WHERE code = ?1");
  q.bind(1, cell);
  REQUIRE(q.exec() == 1);
  const auto pkg = services::Packages(*c).changes(local, "Lò Văn Thắng");
  for (const auto& change : pkg.changes) {
    CAPTURE(change.table);
    CHECK(std::set<std::string>{"members", "candidates", "ratings", "candidate_checks", "candidate_helpers"}
                  .count(change.table) +
              services::isCellWorkTable(change.table) ==
          1);
  }
  CHECK_FALSE(services::Packages(*c).unsentChanges().empty());
}

TEST_CASE("one door: an organization's field through the window, an import and the CLI (no package door)") {
  Registers r;
  const std::string stored = "SELECT name || '|' || kind FROM organizations WHERE code = '" + r.cell + "'";
  CHECK(r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
           for (auto o : s.organizations(a))
             if (o.code == r.cell) {
               o.name = "Chi bộ bản Nà Ớt Mới";
               services::updateOrganization(s, a, o);
             }
         }).empty());
  CHECK(r.byImport(kOfficeAccount, "to_chuc", {{"Mã", r.cell}, {"Tên", "Chi bộ bản Nà Ớt Mới"}}).empty());
  CHECK(r.byCli("vanphong", {"set", "organization", r.cell, "name=Chi bộ bản Nà Ớt Mới"}).empty());
  sameOutcome(r, stored, "organization:" + r.cell);
  CHECK(r.sql(Door::Import, stored) == "Chi bộ bản Nà Ớt Mới|co_so");
  CHECK(r.sql(Door::Import,
              "SELECT old_value || ' > ' || new_value FROM audit_log WHERE record = "
              "'organization:" +
                  r.cell + "' ORDER BY id DESC LIMIT 1")
            .find(" > name: Chi bộ bản Nà Ớt Mới") != std::string::npos);

  // A founding day in the future: the dialog's refusal, from every door, nothing written.
  const auto before = auditCounts(r);
  const std::string refusal = r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
    for (auto o : s.organizations(a))
      if (o.code == r.cell) {
        o.founded = core::Date::make(2099, 1, 1);
        services::updateOrganization(s, a, o);
      }
  });
  sameRefusal(r, refusal,
              {{Door::Import,
                r.byImport(kOfficeAccount, "to_chuc", {{"Mã", r.cell}, {"Ngày thành lập", "01/01/2099"}})},
               {Door::Cli, r.byCli("vanphong", {"set", "organization", r.cell, "founded=2099-01-01"})}},
              before);
}

TEST_CASE("one door: a target's value through the window, an import and the CLI (no package door)") {
  Registers r;
  const std::string stored = "SELECT value FROM targets WHERE key = 'dang_vien_tot' AND from_year = 2025";
  CHECK(r.byWindow(kOfficeAccount, [](auto& s, auto& a) {
           s.saveTarget(a, {"dang_vien_tot", 2025, 2030, 85.5, ""});
         }).empty());
  CHECK(r.byImport(
             kOfficeAccount, "chi_tieu",
             {{"Chỉ tiêu", "dang_vien_tot"}, {"Từ năm", "2025"}, {"Đến năm", "2030"}, {"Giá trị", "85,5"}})
            .empty());
  CHECK(r.byCli("vanphong", {"set", "target", "dang_vien_tot/2025-2030", "value=85.5"}).empty());
  sameOutcome(r, stored, "dang_vien_tot@2025-2030");
  CHECK(r.outcome(Door::Import, stored, "dang_vien_tot@2025-2030") ==
        "85.5 # vanphong|target.set|dang_vien_tot@2025-2030|value: 80|value: 85.5");

  const auto before = auditCounts(r);
  const std::string refusal = r.byWindow(kOfficeAccount, [](auto& s, auto& a) {
    s.saveTarget(a, {"dang_vien_tot", 2025, 2030, 150, ""});
  });
  sameRefusal(
      r, refusal,
      {{Door::Import,
        r.byImport(
            kOfficeAccount, "chi_tieu",
            {{"Chỉ tiêu", "dang_vien_tot"}, {"Từ năm", "2025"}, {"Đến năm", "2030"}, {"Giá trị", "150"}})},
       {Door::Cli, r.byCli("vanphong", {"set", "target", "dang_vien_tot/2025-2030", "value=150"})}},
      before);
}

TEST_CASE(
    "one door: an inspection case's conclusion through the window, an import and the CLI (no package door)") {
  Registers r;
  const std::string stored = "SELECT conclusion FROM inspections WHERE number = '7-QĐ/UBKT'";
  const std::string text = "Có vi phạm, đề nghị khiển trách";
  CHECK(r.byWindow(kInspectionAccount, [&](auto& s, auto& a) {
           const auto c = services::openInspection(s, a, std::stoll(r.inspectionId));
           services::InspectionInput in{c.inspection.kind,     c.inspection.subjectType,
                                        c.subjectCode,         c.inspection.number,
                                        c.inspection.date,     c.inspection.team,
                                        c.inspection.findings, text,
                                        c.inspection.followUp, c.planId,
                                        c.followsId,           c.violationOn,
                                        c.findingsOn,          c.closedOn};
           services::updateInspection(s, a, c.inspection.id, in);
         }).empty());
  const std::map<std::string, std::string> key = {
      {"Số", "7-QĐ/UBKT"}, {"Đối tượng", "dang_vien"}, {"Mã", r.member}};
  auto withKey = [&](std::map<std::string, std::string> cells) {
    cells.insert(key.begin(), key.end());
    return cells;
  };
  CHECK(r.byImport(kInspectionAccount, "kiem_tra", withKey({{"Kết luận", text}})).empty());
  CHECK(r.byCli("kiemtra", {"set", "inspection", r.inspectionId, "conclusion=" + text}).empty());
  sameOutcome(r, stored, "inspection:" + r.inspectionId);
  CHECK(r.outcome(Door::Import, stored, "inspection:" + r.inspectionId) ==
        text + " # kiemtra|inspection.edit|inspection:" + r.inspectionId +
            "|conclusion: Chưa kết luận|conclusion: " + text);

  // The case's date stays as recorded: the CLI and the import refuse with the same words; the window's dialog
  // has no field for it (updateInspection keeps the stored date).
  const auto before = auditCounts(r);
  const std::string cli = r.byCli("kiemtra", {"set", "inspection", r.inspectionId, "date=2025-03-05"});
  sameRefusal(r, cli,
              {{Door::Import, r.byImport(kInspectionAccount, "kiem_tra", withKey({{"Ngày", "05/03/2025"}}))}},
              before);
  CHECK(r.byWindow(kInspectionAccount, [&](auto& s, auto& a) {
           auto c = services::openInspection(s, a, std::stoll(r.inspectionId));
           services::updateInspection(s, a, c.inspection.id,
                                      {c.inspection.kind, c.inspection.subjectType, c.subjectCode,
                                       c.inspection.number, *core::Date::make(2025, 3, 5), c.inspection.team,
                                       c.inspection.findings, c.inspection.conclusion, c.inspection.followUp,
                                       c.planId, c.followsId, c.violationOn, c.findingsOn, c.closedOn});
         }).empty());
  CHECK(r.sql(Door::Window, "SELECT date FROM inspections WHERE number = '7-QĐ/UBKT'") == "2025-03-04");
}

TEST_CASE("one door: a recorded disciplinary decision is rewritten by no door") {
  Registers r;
  const std::string stored = "SELECT violation FROM disciplines WHERE number = '9-QĐ/UBKT'";
  const auto before = auditCounts(r);
  // The window has no dialog that rewrites a decision, `record` has no `set discipline`, a change package
  // carries no case file: the import refuses too, naming the decision.
  const std::string imported = r.byImport(kInspectionAccount, "ky_luat",
                                          {{"Số quyết định", "9-QĐ/UBKT"},
                                           {"Đối tượng", "dang_vien"},
                                           {"Mã", r.member},
                                           {"Nội dung vi phạm", "Văn bản đã sửa"}});
  CAPTURE(imported);
  CHECK(imported.find("9-QĐ/UBKT / dang_vien / " + r.member) != std::string::npos);
  CHECK(imported.find("ky_luat.csv") == 0);
  CHECK(imported.find("\"Nội dung vi phạm\"") != std::string::npos);
  CHECK_FALSE(r.byCli("kiemtra", {"set", "discipline", "1", "violation=Văn bản đã sửa"}).empty());
  for (Door d : {Door::Import, Door::Cli}) CHECK(r.sql(d, stored) == "Vi phạm quy định");
  CHECK(auditCounts(r) == before);
}

TEST_CASE(
    "one door: a member's rating through the window, a change package and the CLI (the import's level: "
    "test_OneDoorYearRatings.cpp)") {
  Registers r;
  const std::string record = "rating:" + std::to_string(r.year) + ":dang_vien:" + r.member;
  const std::string stored =
      "SELECT proposed_level || '|' || level FROM ratings WHERE year = " + std::to_string(r.year) +
      " AND subject_id = (SELECT id FROM members WHERE code = '" + r.member + "')";
  auto propose = [&](const std::string& level) {
    return [&r, level](auto& s, auto& a) {
      services::enterMemberRatings(
          s, a, r.year, {{r.member, services::RatingStage::Proposal, level, std::nullopt, std::nullopt}});
    };
  };
  // The cell proposes in its own file; the office applies the package.
  auto byPackage = [&](const std::string& level) -> std::string {
    auto office = services::Services::open(r.db[Door::Package]);
    auto cellFile = r.dir / ("cell-" + std::to_string(++r.n) + ".db");
    core::ChangePackage pkg;
    {
      auto c = services::Packages::createCellFile(
          cellFile, services::Packages(*office).exportCell(kOfficeAccount, r.cell));
      SQLite::Statement q(
          services::storeOf(*c).db(),
          "UPDATE ratings SET proposed_level = ?1 WHERE subject_type = 'dang_vien' AND subject_id = "
          "(SELECT id FROM members WHERE code = ?2)");
      q.bind(1, level);
      q.bind(2, r.member);
      REQUIRE(q.exec() == 1);
      pkg = services::Packages(*c).changes(kOfficeAccount, "Lò Văn Thắng");
    }
    try {
      services::Packages(*office).apply(kOfficeAccount, pkg, {});
    } catch (const core::DataError& e) {
      return e.what();
    }
    return {};
  };
  CHECK(r.byWindow(kOfficeAccount, propose("HTTNV")).empty());
  CHECK(byPackage("HTTNV").empty());
  CHECK(
      r.byCli("vanphong", {"set", "rating", r.member + "/" + std::to_string(r.year), "proposed_level=HTTNV"})
          .empty());
  const std::string expected = r.outcome(Door::Window, stored, record);
  CAPTURE(expected);
  CHECK(expected.find("HTTNV|HTTNV # vanphong|rating.propose|" + record + "|") == 0);
  CHECK(r.outcome(Door::Package, stored, record) == expected);
  CHECK(r.outcome(Door::Cli, stored, record) == expected);

  // A level that is none of the four: refused by every door with the page's words, nothing written.
  const auto before = std::map<Door, std::string>{{Door::Window, r.rows(Door::Window)},
                                                  {Door::Package, r.rows(Door::Package)},
                                                  {Door::Cli, r.rows(Door::Cli)}};
  // The same reason, after the field as each door names it (the page: "mức xếp loại", the CLI: its FIELD, the
  // package: the member, year and field).
  const std::string windowRefusal = r.byWindow(kOfficeAccount, propose("XUATSAC"));
  CAPTURE(windowRefusal);
  REQUIRE(windowRefusal.find('"') != std::string::npos);
  const std::string refusal = windowRefusal.substr(windowRefusal.find('"'));
  sameRefusal(r, refusal,
              {{Door::Package, byPackage("XUATSAC")},
               {Door::Cli, r.byCli("vanphong", {"set", "rating", r.member + "/" + std::to_string(r.year),
                                                "proposed_level=XUATSAC"})}},
              before);
}

TEST_CASE("one door: an organization's dissolution and merger through the window, an import and the CLI") {
  Registers r;
  // Three empty cells on every register, through the window's call.
  for (const auto& [door, path] : r.db) {
    auto s = services::Services::open(path);
    for (const char* code : {"CBX1", "CBX2", "CBX3"}) {
      core::Organization o;
      o.code = code;
      o.name = std::string("Chi bộ ") + code;
      o.kind = "truc_thuoc";
      o.category = "ban";
      o.founded = core::Date::make(2020, 1, 1);
      services::addOrganization(*s, kOfficeAccount, o);
    }
  }
  // A dissolution.
  const std::string dissolved =
      "SELECT ceased || '|' || coalesce(merged_into, '') FROM organizations WHERE "
      "code = 'CBX1'";
  CHECK(r.byWindow(kOfficeAccount, [](auto& s, auto& a) {
           services::dissolveOrganization(s, a, "CBX1", *core::Date::make(2025, 5, 6), "", "");
         }).empty());
  CHECK(r.byImport(kOfficeAccount, "to_chuc", {{"Mã", "CBX1"}, {"Ngày giải thể", "06/05/2025"}}).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", "CBX1", "action=dissolve", "date=2025-05-06"})
            .empty());
  sameOutcome(r, dissolved, "organization:CBX1");
  CHECK(r.outcome(Door::Import, dissolved, "organization:CBX1") ==
        "2025-05-06| # vanphong|organization.dissolve|organization:CBX1||2025-05-06");
  CHECK(r.sql(Door::Import,
              "SELECT count(*) FROM organization_events e JOIN organizations o ON o.id = e.org_id "
              "WHERE o.code = 'CBX1' AND e.kind = 'dissolved'") == "1");

  // A merger of CBX2 into CBX3.
  const std::string merged =
      "SELECT o.ceased || '|' || i.code FROM organizations o JOIN organizations i ON "
      "i.id = o.merged_into WHERE o.code = 'CBX2'";
  CHECK(r.byWindow(kOfficeAccount, [](auto& s, auto& a) {
           services::mergeOrganizations(s, a, {"CBX2"}, "CBX3", *core::Date::make(2025, 7, 1), "");
         }).empty());
  CHECK(r.byImport(kOfficeAccount, "to_chuc",
                   {{"Mã", "CBX2"}, {"Ngày giải thể", "01/07/2025"}, {"Sáp nhập vào", "CBX3"}})
            .empty());
  CHECK(r.byCli("vanphong",
                {"add", "organization_event", "CBX2", "action=merge", "date=2025-07-01", "into=CBX3"})
            .empty());
  sameOutcome(r, merged, "organization:CBX3");
  CHECK(r.outcome(Door::Import, merged, "organization:CBX3") ==
        "2025-07-01|CBX3 # vanphong|organization.merge|organization:CBX3|CBX2|CBX3 2025-07-01");

  // A cell that still has members: the window asks where they go; every door refuses with its words.
  auto before = auditCounts(r);
  const std::string refusal = r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
    services::dissolveOrganization(s, a, r.cell, *core::Date::make(2025, 5, 6), "", "");
  });
  sameRefusal(r, refusal,
              {{Door::Import,
                r.byImport(kOfficeAccount, "to_chuc", {{"Mã", r.cell}, {"Ngày giải thể", "06/05/2025"}})},
               {Door::Cli, r.byCli("vanphong", {"add", "organization_event", r.cell, "action=dissolve",
                                                "date=2025-05-06"})}},
              before);
  // A secretary may not dissolve a cell, not even their own: the office's work, refused by each door.
  const services::Actor secretary{"bithu", "secretary", std::nullopt};
  before = auditCounts(r);
  // (The window's refusal of an account's rights is not a DataError: the call is required to throw.)
  {
    auto s = services::Services::open(r.db[Door::Window]);
    CHECK_THROWS(
        services::dissolveOrganization(*s, secretary, "CBX3", *core::Date::make(2025, 8, 1), "", ""));
  }
  const std::string imported =
      r.byImport(secretary, "to_chuc", {{"Mã", "CBX3"}, {"Ngày giải thể", "01/08/2025"}});
  CAPTURE(imported);
  CHECK(imported.find("to_chuc.csv") == 0);
  for (Door d : {Door::Window, Door::Import})
    CHECK(r.sql(d, "SELECT ceased IS NULL FROM organizations WHERE code = 'CBX3'") == "1");
  CHECK(auditCounts(r) == before);
  // A recorded end stays as recorded: an import cannot move its day.
  const std::string moved =
      r.byImport(kOfficeAccount, "to_chuc", {{"Mã", "CBX1"}, {"Ngày giải thể", "07/05/2025"}});
  CHECK(moved.find("\"Ngày giải thể\"") != std::string::npos);
  CHECK(r.sql(Door::Import, dissolved) == "2025-05-06|");
}
