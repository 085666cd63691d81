// One door per record, for every kind an import or a change package writes: the window's service call, an
// import, a change package and `dangbo-cli record` changing one field of the same record on four identical
// registers store the same value and leave the same audit row (account, action, record, old and new value),
// and refuse a bad value with the dialog's words, writing nothing. Where a door cannot write a kind at all
// the test says so and lists it (the member, compared the same way, is in tests/exchange/test_OneDoor.cpp).
#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>

#include "../TestUtil.h"
#include "CliRun.h"
#include "core/Errors.h"
#include "exchange/Import.h"
#include "services/Discipline.h"
#include "services/Import.h"
#include "services/ImportCellWork.h"
#include "services/PackageCellWork.h"
#include "services/Packages.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const services::Actor kOfficeAccount{"vanphong", "office", std::nullopt};
const services::Actor kInspectionAccount{"kiemtra", "inspection", std::nullopt};

std::string password(const std::string& user) {
  return "mat-khau-" + user;
}

// The doors of one field change.
enum class Door { Window, Import, Package, Cli };
const char* name(Door d) {
  switch (d) {
    case Door::Window:
      return "window";
    case Door::Import:
      return "import";
    case Door::Package:
      return "package";
    case Door::Cli:
      return "cli";
  }
  return "";
}

// Identical registers, one per door; the accounts of the CLI's register have the same names as the actors the
// other doors use.
struct Registers {
  TempDir dir;
  std::map<Door, std::filesystem::path> db = {{Door::Window, dir / "window.db"},
                                              {Door::Import, dir / "import.db"},
                                              {Door::Package, dir / "package.db"},
                                              {Door::Cli, dir / "cli.db"}};
  std::string cell, member, inspectionId;
  const int year = core::Date::today().year();
  int n = 0;

  Registers() {
    setenv("DANGBO_FAST_HASH", "1", 1);
    for (const auto& [door, path] : db) test::createSmallRegister(path, 11);
    cell =
        sql(Door::Window,
            "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.status = 'active' "
            "GROUP BY o.id ORDER BY o.code LIMIT 1");
    member = sql(Door::Window,
                 "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE m.status = "
                 "'active' AND o.code = '" +
                     cell + "' ORDER BY m.code LIMIT 1");
    const auto cliDb = db[Door::Cli].string();
    auto add = [&](const std::string& user, const std::string& role, bool first) {
      std::vector<std::string> args = {"--db", cliDb};
      std::string input;
      if (!first) {
        args.insert(args.end(), {"--user", "quantri", "--password-fd", "FD"});
        input = password("quantri") + "\n";
      }
      args.insert(args.end(), {"user", "add", user, "--role", role, "--password-fd", "FD"});
      REQUIRE(test::runCliWithInput(args, input + password(user) + "\n").code == 0);
    };
    add("quantri", "admin", true);
    add("vanphong", "office", false);
    add("kiemtra", "inspection", false);
    // The same target and the same inspection case on every register, through the window's calls.
    for (const auto& [door, path] : db) {
      auto s = services::Services::open(path);
      s->saveTarget(kOfficeAccount, {"dang_vien_tot", 2025, 2030, 80, ""});
      services::InspectionInput in;
      in.kind = "dau_hieu_vi_pham";
      in.subjectType = "dang_vien";
      in.subjectCode = member;
      in.number = "7-QĐ/UBKT";
      in.date = *core::Date::make(2025, 3, 4);
      in.conclusion = "Chưa kết luận";
      inspectionId = std::to_string(services::recordInspection(*s, kInspectionAccount, in));
      services::DecisionInput d;
      d.subjectType = "dang_vien";
      d.subjectCode = member;
      d.number = "9-QĐ/UBKT";
      d.date = *core::Date::make(2025, 6, 1);
      d.form = "khien_trach";
      d.violation = "Vi phạm quy định";
      d.violationOn = *core::Date::make(2025, 2, 1);
      services::recordDecision(*s, kInspectionAccount, d);
      services::openRatingRound(*s, kOfficeAccount, year, core::Date::today());
      services::enterMemberRatings(
          *s, kOfficeAccount, year,
          {{member, services::RatingStage::SelfAssessment, "HTNV", std::nullopt, std::nullopt}});
    }
  }
  std::string sql(Door d, const std::string& q) { return test::sqlValue(db.at(d), q); }

  // The stored value (`stored`) and the latest audit row of `record` (account, action, record, old, new).
  std::string outcome(Door d, const std::string& stored, const std::string& record) {
    return sql(d, stored) + " # " +
           sql(d,
               "SELECT username || '|' || action || '|' || record || '|' || old_value || '|' || new_value "
               "FROM "
               "audit_log WHERE record = '" +
                   record + "' AND action NOT IN ('case.open', 'import') ORDER BY id DESC LIMIT 1");
  }
  std::string rows(Door d) {
    return sql(d, "SELECT count(*) FROM audit_log WHERE action <> 'case.open' AND action NOT LIKE 'login%'");
  }

  // An import of one row of `kind` as `actor`: every column of the template, empty but those given (an empty
  // cell changes nothing). The refusal, "" when written.
  std::string byImport(const services::Actor& actor, const std::string& kind,
                       const std::map<std::string, std::string>& cells) {
    auto folder = dir / ("in-" + std::to_string(++n));
    std::filesystem::create_directories(folder);
    std::string head, row;
    for (const auto& c : services::importFileSpec(kind)->columns) {
      const std::string h = c.header;
      auto it = cells.find(h);
      head += (head.empty() ? "" : ",") + ("\"" + h + "\"");
      row += (row.empty() ? "" : ",") + (it == cells.end() ? std::string() : "\"" + it->second + "\"");
    }
    test::writeFile(folder / (kind + ".csv"), head + "\n" + row + "\n");
    auto s = services::Services::open(db[Door::Import]);
    try {
      services::applyImport(*s, actor, exchange::readImport(folder));
    } catch (const core::DataError& e) {
      return e.what();
    }
    return {};
  }
  // The window's service call as `actor`; the refusal, "" when written.
  std::string byWindow(const services::Actor& actor,
                       const std::function<void(services::Services&, const services::Actor&)>& call) {
    auto s = services::Services::open(db[Door::Window]);
    try {
      call(*s, actor);
    } catch (const core::DataError& e) {
      return e.what();
    }
    return {};
  }
  // `dangbo-cli --user USER record ARGS`; the refusal (stderr), "" when written.
  std::string byCli(const std::string& user, std::vector<std::string> args) {
    std::vector<std::string> all = {"--db",  db[Door::Cli].string(), "--user", user, "--password-fd", "FD",
                                    "record"};
    all.insert(all.end(), args.begin(), args.end());
    auto r = test::runCliWithInput(all, password(user) + "\n");
    if (r.code == 0) return {};
    const std::string prefix = "dangbo-cli: ";
    return r.err.starts_with(prefix) ? r.err.substr(prefix.size())
                                     : "exit " + std::to_string(r.code) + ": " + r.err;
  }
};

// Every door wrote the same value and the same audit row.
void sameOutcome(Registers& r, const std::string& stored, const std::string& record) {
  const std::string expected = r.outcome(Door::Window, stored, record);
  CAPTURE(expected);
  CHECK(expected.find(" # ") != std::string::npos);
  CHECK(expected.substr(expected.find(" # ")) != " # <none>");
  for (Door d : {Door::Import, Door::Cli}) {
    CAPTURE(name(d));
    CHECK(r.outcome(d, stored, record) == expected);
  }
}

// Every door refused with the window's words (the first line of them) and wrote nothing.
void sameRefusal(Registers& r, const std::string& windowRefusal, const std::map<Door, std::string>& refusals,
                 const std::map<Door, std::string>& before) {
  REQUIRE_FALSE(windowRefusal.empty());
  const std::string firstLine = windowRefusal.substr(0, windowRefusal.find('\n'));
  CAPTURE(firstLine);
  for (const auto& [door, message] : refusals) {
    CAPTURE(name(door));
    CAPTURE(message);
    CHECK(message.find(firstLine) != std::string::npos);
  }
  for (const auto& [door, rows] : before) CHECK(r.rows(door) == rows);
}

std::map<Door, std::string> auditCounts(Registers& r) {
  return {{Door::Window, r.rows(Door::Window)},
          {Door::Import, r.rows(Door::Import)},
          {Door::Cli, r.rows(Door::Cli)}};
}

}  // namespace

TEST_CASE("one door: the kinds an import or a change package writes, and the doors that cannot write them") {
  // Each file of an import is one kind; every kind is compared below or in test_OneDoor.cpp (member), or
  // listed here with the doors that have no way to write it.
  const std::set<std::string> compared = {"dang_vien", "to_chuc", "chi_tieu",
                                          "kiem_tra",  "ky_luat", "tap_huan"};
  // Written by the import's own writer still (not through a door of the window): the import's scope and
  // checks hold, but the audit row is the import's. Listed so that a new file kind must be placed. A rating
  // (xep_loai) is compared through the window, a change package and the CLI below; candidates (quan_chung)
  // have no field door in the window (their dated stages and a correction with a reason); committee seats
  // (cap_uy) have no door in the window, the CLI or a package at all: only the import writes them.
  const std::set<std::string> ownWriter = {"quan_chung", "xep_loai", "cap_uy"};
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
    "one door: a member's rating through the window, a change package and the CLI (the import: its own "
    "writer, listed above)") {
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

TEST_CASE("one door: a member's training through the member form and an import (no CLI or package door)") {
  Registers r;
  const std::string stored =
      "SELECT group_concat(year || '|' || date || '|' || course) FROM trainings WHERE "
      "member_id = (SELECT id FROM members WHERE code = '" +
      r.member + "') AND date = '2025-05-15'";
  const std::string course = "Tập huấn nghiệp vụ công tác đảng";
  CHECK(r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
           services::addTraining(s, a, r.member, 2025, core::Date::make(2025, 5, 15), course);
         }).empty());
  const std::map<std::string, std::string> row = {
      {"Mã đảng viên", r.member}, {"Ngày", "15/05/2025"}, {"Nội dung", course}};
  CHECK(r.byImport(kOfficeAccount, "tap_huan", row).empty());
  const std::string expected = r.outcome(Door::Window, stored, "member:" + r.member);
  CHECK(expected ==
        "2025|2025-05-15|" + course + " # vanphong|training.add|member:" + r.member + "||2025 " + course);
  CHECK(r.outcome(Door::Import, stored, "member:" + r.member) == expected);
  // The same file again: unchanged, nothing written twice.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "tap_huan", row).empty());
  CHECK(r.sql(Door::Import, stored) == "2025|2025-05-15|" + course);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM audit_log WHERE action = 'training.add'") == "1");

  // No course: the form's refusal, from both doors, nothing written.
  before = auditCounts(r);
  const std::string refusal = r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
    services::addTraining(s, a, r.member, 2025, core::Date::make(2025, 6, 1), "");
  });
  sameRefusal(r, refusal,
              {{Door::Import, r.byImport(kOfficeAccount, "tap_huan",
                                         {{"Mã đảng viên", r.member}, {"Ngày", "01/06/2025"}})}},
              {{Door::Window, before[Door::Window]}, {Door::Import, before[Door::Import]}});
  // A recorded training is not rewritten by an import (the form adds trainings only).
  const std::string rewritten = r.byImport(
      kOfficeAccount, "tap_huan", {{"Mã đảng viên", r.member}, {"Ngày", "15/05/2025"}, {"Nội dung", "Khác"}});
  CHECK(rewritten.find("\"Nội dung\"") != std::string::npos);
  CHECK(r.sql(Door::Import, stored) == "2025|2025-05-15|" + course);

  // A secretary of another cell: the form's refusal, from both doors.
  const services::Actor other{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code <> '" + r.cell + "' LIMIT 1"))};
  std::string windowRefusal;
  {
    auto s = services::Services::open(r.db[Door::Window]);
    try {
      services::addTraining(*s, other, r.member, 2025, core::Date::make(2025, 7, 1), course);
    } catch (const std::exception& e) {
      windowRefusal = e.what();
    }
  }
  CAPTURE(windowRefusal);
  REQUIRE_FALSE(windowRefusal.empty());
  const std::string imported = r.byImport(
      other, "tap_huan", {{"Mã đảng viên", r.member}, {"Ngày", "01/07/2025"}, {"Nội dung", course}});
  CHECK(imported.find(windowRefusal) != std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM trainings") ==
        r.sql(Door::Window, "SELECT count(*) FROM trainings"));
}
