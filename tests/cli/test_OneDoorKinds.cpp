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
#include "services/Admissions.h"
#include "services/CandidateCorrection.h"
#include "services/CellSecretaries.h"
#include "services/CommitteeSeats.h"
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
      if (dryRunOnly) {
        // The dry run: its problems, then every key and value it shows of the row.
        const auto plan = services::planImport(*s, actor, exchange::readImport(folder));
        std::string shown;
        for (const auto& p : plan.problems) shown += p + "\n";
        for (const auto& f : plan.files)
          for (const auto& r : f.rows) {
            shown += r.key + "\n";
            for (const auto& c : r.changes) shown += c.oldValue + " -> " + c.newValue + "\n";
          }
        return shown;
      }
      services::applyImport(*s, actor, exchange::readImport(folder));
    } catch (const core::DataError& e) {
      return e.what();
    }
    return {};
  }
  // What the dry run of the same one-row import shows (its problems, keys and values); writes nothing.
  std::string byDryRun(const services::Actor& actor, const std::string& kind,
                       const std::map<std::string, std::string>& cells) {
    dryRunOnly = true;
    std::string shown = byImport(actor, kind, cells);
    dryRunOnly = false;
    return shown;
  }
  bool dryRunOnly = false;
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
  const std::set<std::string> compared = {"dang_vien", "to_chuc", "chi_tieu",   "kiem_tra",     "ky_luat",
                                          "tap_huan",  "cap_uy",  "quan_chung", "bi_thu_chi_bo"};
  // Written by the import's own writer still (not through a door of the window): the import's scope and
  // checks hold, but the audit row is the import's. Listed so that a new file kind must be placed. A rating
  // (xep_loai) is compared through the window, a change package and the CLI below. A candidate (quan_chung)
  // is listed and corrected through the admissions page's doors; the stages of an old file in it stay the
  // import's. Committee seats (cap_uy) go through their door (services::saveCommitteeSeat) from the import
  // and the CLI; no dialog calls it yet.
  const std::set<std::string> ownWriter = {"xep_loai"};
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

TEST_CASE("one door: a new disciplinary decision through the discipline page's call and an import") {
  Registers r;
  const std::string stored =
      "SELECT number || '|' || date || '|' || form || '|' || body || '|' || violation || '|' || "
      "coalesce(violation_on, '') FROM disciplines WHERE number = '10-QĐ/UBKT'";
  const std::string record = "discipline:" + r.sql(Door::Window, "SELECT max(id) + 1 FROM disciplines");
  // The discipline page's call for a decision on the member dated 01/08/2025.
  auto decide = [&](const char* number, const char* form, const char* violation, core::Date violationOn) {
    return [&r, number, form, violation, violationOn](auto& s, auto& a) {
      services::DecisionInput d;
      d.subjectType = "dang_vien";
      d.subjectCode = r.member;
      d.number = number;
      d.date = *core::Date::make(2025, 8, 1);
      d.form = form;
      d.body = "UBKT Đảng ủy";
      d.violation = violation;
      d.violationOn = violationOn;
      services::recordDecision(s, a, d);
    };
  };
  CHECK(r.byWindow(kInspectionAccount,
                   decide("10-QĐ/UBKT", "khien_trach", "Vi phạm quy chế", *core::Date::make(2025, 7, 1)))
            .empty());
  const std::map<std::string, std::string> row = {{"Số quyết định", "10-QĐ/UBKT"},
                                                  {"Ngày quyết định", "01/08/2025"},
                                                  {"Đối tượng", "Đảng viên"},
                                                  {"Mã", r.member},
                                                  {"Hình thức", "Khiển trách"},
                                                  {"Cấp quyết định", "UBKT Đảng ủy"},
                                                  {"Nội dung vi phạm", "Vi phạm quy chế"},
                                                  {"Ngày vi phạm", "01/07/2025"}};
  // The dry run of the inspection committee shows the new row, and no refusal.
  const std::string planned = r.byDryRun(kInspectionAccount, "ky_luat", row);
  CHECK(planned == "10-QĐ/UBKT / dang_vien / " + r.member + "\n");
  CHECK(r.byImport(kInspectionAccount, "ky_luat", row).empty());
  const std::string expected = r.outcome(Door::Window, stored, record);
  CHECK(expected ==
        "10-QĐ/UBKT|2025-08-01|khien_trach|UBKT Đảng ủy|Vi phạm quy chế|2025-07-01 # kiemtra|"
        "discipline.add|" +
            record + "||khien_trach dang_vien:" + r.member + " 2025-08-01");
  CHECK(r.outcome(Door::Import, stored, record) == expected);
  // The same file again: unchanged, nothing written twice.
  CHECK(r.byImport(kInspectionAccount, "ky_luat", row).empty());
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM audit_log WHERE action = 'discipline.add'") ==
        r.sql(Door::Window, "SELECT count(*) FROM audit_log WHERE action = 'discipline.add'"));

  // A violation dated after the decision: the page's refusal, from the import and its dry run (naming the
  // file, the row and the column), nothing written.
  auto before = auditCounts(r);
  const std::string refusal = r.byWindow(
      kInspectionAccount, decide("11-QĐ/UBKT", "canh_cao", "Vi phạm", *core::Date::make(2025, 9, 1)));
  auto bad = row;
  bad["Số quyết định"] = "11-QĐ/UBKT";
  bad["Hình thức"] = "Cảnh cáo";
  bad["Nội dung vi phạm"] = "Vi phạm";
  bad["Ngày vi phạm"] = "01/09/2025";
  const std::string imported = r.byImport(kInspectionAccount, "ky_luat", bad);
  sameRefusal(r, refusal, {{Door::Import, imported}},
              {{Door::Window, before[Door::Window]}, {Door::Import, before[Door::Import]}});
  CHECK(imported.find("ky_luat.csv") == 0);
  CHECK(imported.find("\"Ngày vi phạm\"") != std::string::npos);
  const std::string dry = r.byDryRun(kInspectionAccount, "ky_luat", bad);
  CHECK(dry.find(refusal) != std::string::npos);
  CHECK(dry.find("\"Ngày vi phạm\"") != std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM disciplines WHERE number = '11-QĐ/UBKT'") == "0");

  // A cell secretary (even of the member's own cell) and the office: the file is refused as a whole, and the
  // dry run shows nothing of the row (neither its key nor the stored decision's text).
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + r.cell + "'"))};
  auto guess = row;
  guess["Số quyết định"] = "9-QĐ/UBKT";
  guess["Nội dung vi phạm"] = "Vi phạm quy định";
  for (const auto& actor : {secretary, kOfficeAccount}) {
    CAPTURE(actor.username);
    before = auditCounts(r);
    CHECK(r.byImport(actor, "ky_luat", row).find("ky_luat.csv") == 0);
    const std::string shown = r.byDryRun(actor, "ky_luat", guess);
    CHECK(shown.find("ky_luat.csv") == 0);
    CHECK(shown.find("9-QĐ/UBKT") == std::string::npos);
    CHECK(shown.find("Vi phạm quy định") == std::string::npos);
    CHECK(shown.find(r.member) == std::string::npos);
    CHECK(auditCounts(r) == before);
  }
}

TEST_CASE("one door: an imported expulsion of a member whose file already records it is not recorded twice") {
  Registers r;
  // The member's file says expelled on the decision's day (an office's old records); the decision follows.
  const std::string code = r.member;
  {
    auto s = services::Services::open(r.db[Door::Import]);
    if (r.sql(Door::Import, "SELECT official_on IS NULL FROM members WHERE code = '" + code + "'") == "1")
      services::recordAction(
          *s, kOfficeAccount, code,
          services::MemberAction{"recognized", *core::Date::make(2025, 9, 1), "", "", "", ""});
    services::recordAction(
        *s, kOfficeAccount, code,
        services::MemberAction{"expelled", *core::Date::make(2025, 9, 10), "", "", "KL01", ""});
  }
  const std::string events = "SELECT count(*) FROM member_events WHERE kind = 'expelled'";
  const std::string before = r.sql(Door::Import, events);
  CHECK(r.byImport(kInspectionAccount, "ky_luat",
                   {{"Số quyết định", "KL01"},
                    {"Ngày quyết định", "10/09/2025"},
                    {"Đối tượng", "Đảng viên"},
                    {"Mã", code},
                    {"Hình thức", "Khai trừ"},
                    {"Cấp quyết định", "Đảng ủy"},
                    {"Nội dung vi phạm", "Vi phạm tư cách"}})
            .empty());
  CHECK(r.sql(Door::Import, events) == before);
  CHECK(r.sql(Door::Import, "SELECT form FROM disciplines WHERE number = 'KL01'") == "khai_tru");
}

TEST_CASE("one door: a committee seat through its service call, an import and the CLI") {
  Registers r;
  const std::string stored =
      "SELECT t.name || '|' || s.position FROM committee_seats s JOIN terms t ON t.id = s.term_id JOIN "
      "members m ON m.id = s.member_id WHERE m.code = '" +
      r.member + "' AND t.name = '2030-2035'";
  const std::string record = "committee_seat:2030-2035/" + r.member;
  auto seat = [&](const std::string& term, const std::string& position) {
    return [&r, term, position](auto& s, auto& a) {
      services::saveCommitteeSeat(s, a, term, r.member, position);
    };
  };
  auto row = [&](const std::string& term, const std::string& position) {
    return std::map<std::string, std::string>{
        {"Nhiệm kỳ", term}, {"Mã đảng viên", r.member}, {"Chức vụ", position}};
  };
  auto cli = [&](const char* action, const std::string& term, const std::string& position) {
    return r.byCli("vanphong", {action, "committee_seat", term + "/" + r.member, "position=" + position});
  };
  // A new seat, then a change of position: the same stored value and audit row from every door.
  CHECK(r.byWindow(kOfficeAccount, seat("2030-2035", "uv_bch")).empty());
  CHECK(r.byImport(kOfficeAccount, "cap_uy", row("2030-2035", "Ủy viên Ban Chấp hành")).empty());
  CHECK(cli("add", "2030-2035", "uv_bch").empty());
  std::string expected = r.outcome(Door::Window, stored, record);
  CHECK(expected == "2030-2035|uv_bch # vanphong|committee_seat.add|" + record + "||position: uv_bch");
  sameOutcome(r, stored, record);
  CHECK(r.byWindow(kOfficeAccount, seat("2030-2035", "pho_bi_thu")).empty());
  CHECK(r.byDryRun(kOfficeAccount, "cap_uy", row("2030-2035", "Phó Bí thư")).find("->") != std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "cap_uy", row("2030-2035", "Phó Bí thư")).empty());
  CHECK(cli("set", "2030-2035", "pho_bi_thu").empty());
  expected = r.outcome(Door::Window, stored, record);
  CHECK(expected == "2030-2035|pho_bi_thu # vanphong|committee_seat.update|" + record +
                        "|position: uv_bch|position: pho_bi_thu");
  sameOutcome(r, stored, record);
  // `record show` reads the seat back.
  const auto seatShown =
      test::runCliWithInput({"--db", r.db[Door::Cli].string(), "--user", "kiemtra", "--password-fd", "FD",
                             "record", "show", "committee_seat", "2030-2035/" + r.member},
                            password("kiemtra") + "\n");
  CHECK(seatShown.code == 0);
  CHECK(seatShown.out == "position=pho_bi_thu\n");
  // The same file again: unchanged, no audit row.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "cap_uy", row("2030-2035", "Phó Bí thư")).empty());
  CHECK(auditCounts(r) == before);

  // A term of one year: the door's refusal, from the import and its dry run (file, row, column), nothing
  // written.
  const std::string refusal = r.byWindow(kOfficeAccount, seat("2025-2025", "uv_bch"));
  const std::string imported = r.byImport(kOfficeAccount, "cap_uy", row("2025-2025", "uv_bch"));
  sameRefusal(r, refusal, {{Door::Import, imported}, {Door::Cli, cli("add", "2025-2025", "uv_bch")}}, before);
  // An unknown position: the door's words from the CLI; the import refuses it already when reading the file
  // (the column's values, listed), at the same column.
  const std::string badPosition = r.byWindow(kOfficeAccount, seat("2030-2035", "thu_quy"));
  sameRefusal(r, badPosition, {{Door::Cli, cli("set", "2030-2035", "thu_quy")}}, before);
  CHECK(r.byImport(kOfficeAccount, "cap_uy", row("2030-2035", "thu_quy")).find("\"Chức vụ\": \"thu_quy\"") !=
        std::string::npos);
  CHECK(imported.find("cap_uy.csv") == 0);
  CHECK(imported.find("\"Nhiệm kỳ\"") != std::string::npos);
  CHECK(r.byDryRun(kOfficeAccount, "cap_uy", row("2025-2025", "uv_bch")).find(refusal) != std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM terms WHERE name = '2025-2025'") == "0");

  // A cell secretary, even of the member's own cell: the office's work. The service call throws, the import
  // and its dry run refuse the whole file and show nothing of its rows.
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + r.cell + "'"))};
  before = auditCounts(r);
  {
    auto s = services::Services::open(r.db[Door::Window]);
    CHECK_THROWS_AS(services::saveCommitteeSeat(*s, secretary, "2030-2035", r.member, "bi_thu"),
                    core::PermissionError);
  }
  CHECK(r.byImport(secretary, "cap_uy", row("2030-2035", "Bí thư")).find("cap_uy.csv") == 0);
  const std::string shown = r.byDryRun(secretary, "cap_uy", row("2030-2035", "Bí thư"));
  CHECK(shown.find("cap_uy.csv") == 0);
  CHECK(shown.find(r.member) == std::string::npos);
  CHECK(shown.find("Phó") == std::string::npos);
  // The inspection committee's account on the command line: the office's work too.
  CHECK(r.byCli("kiemtra", {"set", "committee_seat", "2030-2035/" + r.member, "position=bi_thu"})
            .find("kiemtra") != std::string::npos);
  CHECK(auditCounts(r) == before);
  for (Door d : {Door::Window, Door::Import, Door::Cli}) CHECK(r.sql(d, stored) == "2030-2035|pho_bi_thu");
}

TEST_CASE(
    "one door: a cell secretary's period, past or present, through its service call, an import and the CLI") {
  Registers r;
  // Two official members of the cell, official since before the periods below, on every register.
  const std::string second = r.sql(
      Door::Window, "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE o.code = '" +
                        r.cell + "' AND m.status = 'active' AND m.code <> '" + r.member +
                        "' ORDER BY m.code LIMIT 1");
  REQUIRE_FALSE(second.empty());
  for (const auto& [door, path] : r.db) {
    auto s = services::Services::open(path);
    for (const std::string& code : {r.member, second})
      services::storeOf(*s).db().exec(
          "UPDATE members SET admitted_on = '2010-01-01', official_on = '2011-01-01', transferred_in_on = "
          "NULL "
          "WHERE code = '" +
          code + "'");
    services::storeOf(*s).db().exec("UPDATE organizations SET founded = '2000-01-01' WHERE code = '" +
                                    r.cell + "'");
    // (The small register's secretary of the cell since 2020 is taken out: the periods below are the cell's.)
    services::storeOf(*s).db().exec(
        "DELETE FROM cell_leaders WHERE org_id = (SELECT id FROM organizations WHERE code = '" + r.cell +
        "')");
  }
  const std::string stored =
      "SELECT group_concat(m.code || '|' || l.from_date || '|' || coalesce(l.to_date, ''), "
      "';') FROM cell_leaders l JOIN members m ON m.id = l.member_id JOIN organizations o "
      "ON o.id = l.org_id WHERE o.code = '" +
      r.cell + "' AND l.role = 'bi_thu'";
  const std::string record = "organization:" + r.cell;
  auto period = [&](const std::string& member, const char* from, std::optional<core::Date> to) {
    return [&r, member, from, to](auto& s, auto& a) {
      services::recordSecretaryPeriod(s, a, r.cell, member, *core::Date::parse(from), to, "");
    };
  };
  auto row = [&](const std::string& member, const std::string& from, const std::string& to) {
    return std::map<std::string, std::string>{
        {"Mã chi bộ", r.cell}, {"Mã đảng viên", member}, {"Từ ngày", from}, {"Đến ngày", to}};
  };
  // A past period, closed.
  CHECK(r.byWindow(kOfficeAccount, period(r.member, "2015-01-01", core::Date::make(2017, 12, 31))).empty());
  CHECK(r.byDryRun(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2015", "31/12/2017")) ==
        r.cell + " / " + r.member + " / 2015-01-01\n");
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2015", "31/12/2017")).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", r.cell, "action=secretary_period",
                             "member=" + r.member, "date=2015-01-01", "to=2017-12-31"})
            .empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record) ==
        r.member + "|2015-01-01|2017-12-31 # vanphong|cell_leader.period|" + record + "||bi_thu " + r.member +
            " 2015-01-01..2017-12-31");
  // The next one, handed over on its last day, open; then its end recorded ("Đến ngày").
  CHECK(r.byWindow(kOfficeAccount, period(second, "2017-12-31", std::nullopt)).empty());
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(second, "31/12/2017", "")).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", r.cell, "action=secretary_period",
                             "member=" + second, "date=2017-12-31"})
            .empty());
  CHECK(r.byWindow(kOfficeAccount, period(second, "2017-12-31", core::Date::make(2020, 6, 30))).empty());
  const std::string shown =
      r.byDryRun(kOfficeAccount, "bi_thu_chi_bo", row(second, "31/12/2017", "30/06/2020"));
  CHECK(shown.find(" -> 30/06/2020") != std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(second, "31/12/2017", "30/06/2020")).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", r.cell, "action=secretary_period",
                             "member=" + second, "date=2017-12-31", "to=2020-06-30"})
            .empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record)
            .find("|cell_leader.period|" + record + "|bi_thu " + second + " 2017-12-31..|bi_thu " + second +
                  " 2017-12-31..2020-06-30") != std::string::npos);
  // The same file again, and an empty "Đến ngày": unchanged, nothing written.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(second, "31/12/2017", "")).empty());
  CHECK(auditCounts(r) == before);

  // An overlapping period: the door's refusal from every door (the import's names file, row and column).
  const std::string refusal = r.byWindow(kOfficeAccount, period(r.member, "2019-01-01", std::nullopt));
  CAPTURE(refusal);
  CHECK(refusal.find(second) != std::string::npos);
  const std::string imported = r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2019", ""));
  sameRefusal(
      r, refusal,
      {{Door::Import, imported},
       {Door::Cli, r.byCli("vanphong", {"add", "organization_event", r.cell, "action=secretary_period",
                                        "member=" + r.member, "date=2019-01-01"})}},
      before);
  CHECK(imported.find("bi_thu_chi_bo.csv") == 0);
  CHECK(imported.find("\"Từ ngày\"") != std::string::npos);
  CHECK(r.byDryRun(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2019", "")).find(refusal) !=
        std::string::npos);
  // A last day before the first: refused naming "Đến ngày".
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2012", "01/01/2011"))
            .find("\"Đến ngày\"") != std::string::npos);

  // A cell secretary, even of this cell: the office's work. The call throws; the import and its dry run
  // refuse the file and show nothing of it.
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + r.cell + "'"))};
  {
    auto s = services::Services::open(r.db[Door::Window]);
    CHECK_THROWS_AS(
        services::recordSecretaryPeriod(*s, secretary, r.cell, r.member, *core::Date::make(2012, 1, 1),
                                        core::Date::make(2013, 1, 1), ""),
        core::PermissionError);
  }
  CHECK(r.byImport(secretary, "bi_thu_chi_bo", row(r.member, "01/01/2012", "01/01/2013"))
            .find("bi_thu_chi_bo.csv") == 0);
  const std::string secretaryShown = r.byDryRun(secretary, "bi_thu_chi_bo", row(second, "31/12/2017", ""));
  CHECK(secretaryShown.find("bi_thu_chi_bo.csv") == 0);
  CHECK(secretaryShown.find(second) == std::string::npos);
  CHECK(auditCounts(r) == before);
}

TEST_CASE("one door: a candidate through the admissions page's calls, an import and the CLI") {
  Registers r;
  for (const auto& [door, path] : r.db)
    services::storeOf(*services::Services::open(path))
        .db()
        .exec("UPDATE organizations SET founded = '2000-01-01' WHERE code = '" + r.cell + "'");
  const std::string kinh = r.sql(Door::Window, "SELECT code FROM ethnic_groups WHERE name = 'Kinh'");
  REQUIRE_FALSE(kinh.empty());
  const std::string code = "QC900", record = "candidate:" + code;
  const std::string stored =
      "SELECT c.full_name || '|' || c.birth_date || '|' || c.gender || '|' || c.ethnicity || '|' || "
      "c.listed_on || '|' || o.code || '|' || c.status FROM candidates c JOIN organizations o ON o.id = "
      "c.cell_id WHERE c.code = '" +
      code + "'";
  auto listing = [&](const std::string& key, const std::string& cell, const char* listed) {
    return [key, cell, listed, kinh](auto& s, auto& a) {
      services::NewCandidate n;
      n.code = key;
      n.fullName = "Lò Văn Tâm";
      n.birthDate = core::PartialDate::parse("1995-04-02");
      n.gender = "nam";
      n.ethnicity = kinh;
      n.cellCode = cell;
      n.listedOn = *core::Date::parse(listed);
      services::createCandidate(s, a, n);
    };
  };
  auto row = [&](const std::string& key, const std::string& cell, const std::string& listed) {
    return std::map<std::string, std::string>{
        {"Mã", key},         {"Họ và tên", "Lò Văn Tâm"}, {"Ngày sinh", "02/04/1995"},   {"Giới tính", "Nam"},
        {"Dân tộc", "Kinh"}, {"Mã chi bộ", cell},         {"Ngày vào danh sách", listed}};
  };
  auto cli = [&](const std::string& key, const std::string& cell, const std::string& listed) {
    return r.byCli("vanphong", {"add", "candidate", key, "full_name=Lò Văn Tâm", "birth_date=1995-04-02",
                                "gender=nam", "ethnicity=" + kinh, "cell=" + cell, "listed_on=" + listed});
  };
  // Listed: the same stored file and the same audit row (candidate.add) from the page, an import and the CLI.
  CHECK(r.byWindow(kOfficeAccount, listing(code, r.cell, "2025-01-10")).empty());
  CHECK(r.byDryRun(kOfficeAccount, "quan_chung", row(code, r.cell, "10/01/2025")) == code + "\n");
  CHECK(r.byImport(kOfficeAccount, "quan_chung", row(code, r.cell, "10/01/2025")).empty());
  CHECK(cli(code, r.cell, "2025-01-10").empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record) == "Lò Văn Tâm|1995-04-02|nam|" + kinh + "|2025-01-10|" +
                                                       r.cell + "|in_progress # vanphong|candidate.add|" +
                                                       record + "||Lò Văn Tâm | " + r.cell + " | 2025-01-10");
  // The same file again: unchanged, no audit row.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "quan_chung", row(code, r.cell, "10/01/2025")).empty());
  CHECK(auditCounts(r) == before);

  // A changed name: the correction (candidate.correct, old and new value), from every door.
  auto renamed = row(code, r.cell, "10/01/2025");
  renamed["Họ và tên"] = "Lò Văn Tám";
  CHECK(r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
           services::correctCandidate(s, a, code,
                                      {"Lò Văn Tám", core::PartialDate::parse("1995-04-02"), "", "",
                                       *core::Date::parse("2025-01-10"), "sửa tên"});
         }).empty());
  CHECK(r.byDryRun(kOfficeAccount, "quan_chung", renamed).find("Lò Văn Tâm -> Lò Văn Tám") !=
        std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "quan_chung", renamed).empty());
  CHECK(
      r.byCli("vanphong", {"set", "candidate", code, "full_name=Lò Văn Tám", "--reason", "sửa tên"}).empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record)
            .find("|candidate.correct|" + record + "|full_name=Lò Văn Tâm|full_name=Lò Văn Tám") !=
        std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT reason FROM audit_log WHERE action = 'candidate.correct'") ==
        "nhập từ tệp quan_chung.csv");

  // Listed before the cell was founded: the page's refusal from the import (file, row, column), its dry run
  // and the CLI, nothing written.
  before = auditCounts(r);
  const std::string refusal = r.byWindow(kOfficeAccount, listing("QC901", r.cell, "1999-05-01"));
  const std::string imported = r.byImport(kOfficeAccount, "quan_chung", row("QC901", r.cell, "01/05/1999"));
  sameRefusal(r, refusal, {{Door::Import, imported}, {Door::Cli, cli("QC901", r.cell, "1999-05-01")}},
              before);
  CHECK(imported.find("quan_chung.csv") == 0);
  CHECK(imported.find("\"Ngày vào danh sách\"") != std::string::npos);
  CHECK(r.byDryRun(kOfficeAccount, "quan_chung", row("QC901", r.cell, "01/05/1999")).find(refusal) !=
        std::string::npos);
  for (Door d : {Door::Window, Door::Import, Door::Cli})
    CHECK(r.sql(d, "SELECT count(*) FROM candidates WHERE code = 'QC901'") == "0");

  // A completed file (its decision and ceremony recorded: the person is a member by now) is the history of an
  // old file, which no page lists anew: the import writes it with its own row, whatever the listing day.
  auto completed = row("QC910", r.cell, "01/05/1999");
  completed["Ngày quyết định"] = "01/06/2000";
  completed["Ngày lễ kết nạp"] = "20/06/2000";
  CHECK(r.byImport(kOfficeAccount, "quan_chung", completed).empty());
  CHECK(r.sql(Door::Import, "SELECT listed_on || '|' || ceremony_on FROM candidates WHERE code = 'QC910'") ==
        "1999-05-01|2000-06-20");
  CHECK(r.sql(Door::Import, "SELECT group_concat(action) FROM audit_log WHERE record = 'candidate:QC910'") ==
        "candidate.import");
  before = auditCounts(r);

  // A secretary of another cell: the page's call throws; the import and its dry run refuse, showing nothing
  // of the stored file, and write nothing.
  const std::string other =
      r.sql(Door::Window, "SELECT code FROM organizations WHERE code <> '" + r.cell +
                              "' AND kind = 'co_so' AND ceased IS NULL ORDER BY code LIMIT 1");
  REQUIRE_FALSE(other.empty());
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + other + "'"))};
  {
    auto s = services::Services::open(r.db[Door::Window]);
    CHECK_THROWS_AS(listing("QC902", r.cell, "2025-01-10")(*s, secretary), core::PermissionError);
  }
  CHECK(r.byImport(secretary, "quan_chung", row("QC902", r.cell, "10/01/2025")).find("quan_chung.csv") == 0);
  auto hostile = row(code, other, "10/01/2025");
  hostile["Họ và tên"] = "Lò Văn Tâm";
  for (const auto& cells : {hostile, row(code, r.cell, "10/01/2025")}) {
    CHECK(r.byImport(secretary, "quan_chung", cells).find("quan_chung.csv") == 0);
    const std::string shown = r.byDryRun(secretary, "quan_chung", cells);
    CAPTURE(shown);
    CHECK(shown.find("Tám") == std::string::npos);
    CHECK(shown.find("->") == std::string::npos);
  }
  CHECK(auditCounts(r) == before);
  for (Door d : {Door::Window, Door::Import, Door::Cli}) {
    CHECK(r.sql(d, "SELECT count(*) FROM candidates WHERE code = 'QC902'") == "0");
    CHECK(r.sql(d, stored).starts_with("Lò Văn Tám|"));
  }
  // The secretary of the cell itself lists through the import as through the page, the audit row theirs.
  const services::Actor own{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + r.cell + "'"))};
  CHECK(r.byWindow(own, listing("QC903", r.cell, "2025-02-03")).empty());
  CHECK(r.byImport(own, "quan_chung", row("QC903", r.cell, "03/02/2025")).empty());
  const std::string ownRow =
      "SELECT username || '|' || action || '|' || new_value FROM audit_log WHERE record = 'candidate:QC903'";
  CHECK(r.sql(Door::Import, ownRow) == "bithu|candidate.add|Lò Văn Tâm | " + r.cell + " | 2025-02-03");
  CHECK(r.sql(Door::Import, ownRow) == r.sql(Door::Window, ownRow));
}
