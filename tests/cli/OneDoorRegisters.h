#pragma once
// The four identical registers of the one-door tests (tests/cli/test_OneDoor*Kinds.cpp), one per door of a
// field change (the window's service call, an import, a change package, `dangbo-cli record`), and the checks
// that every door stored the same value and audit row, or refused with the window's words.
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

namespace dangbo::test::onedoor {

inline const services::Actor kOfficeAccount{"vanphong", "office", std::nullopt};
inline const services::Actor kInspectionAccount{"kiemtra", "inspection", std::nullopt};

inline std::string password(const std::string& user) {
  return "mat-khau-" + user;
}

// The doors of one field change.
enum class Door { Window, Import, Package, Cli };
inline const char* name(Door d) {
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
inline void sameOutcome(Registers& r, const std::string& stored, const std::string& record) {
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
inline void sameRefusal(Registers& r, const std::string& windowRefusal,
                        const std::map<Door, std::string>& refusals,
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

inline std::map<Door, std::string> auditCounts(Registers& r) {
  return {{Door::Window, r.rows(Door::Window)},
          {Door::Import, r.rows(Door::Import)},
          {Door::Cli, r.rows(Door::Cli)}};
}

}  // namespace dangbo::test::onedoor
