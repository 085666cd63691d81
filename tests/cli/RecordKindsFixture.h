// The fixture of the `dangbo-cli record` tests: two identical registers with the same accounts, one
// written through the CLI and one through the window's service calls, and the check that one change made
// through both doors ends the same (value, refusal, audit row).
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>

#include "../TestUtil.h"
#include "CliRun.h"
#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "services/Accounts.h"
#include "services/Admissions.h"
#include "services/CellWork.h"
#include "services/Discipline.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/Services.h"

namespace dangbo::test::record {

using dangbo::test::CliResult;
using dangbo::test::TempDir;

inline std::string password(const std::string& user) {
  return "mat-khau-" + user;
}

// Two identical registers with the same accounts: `cli` is written through dangbo-cli, `window` through the
// service calls of the dialogs.
struct Office {
  TempDir dir;
  std::filesystem::path cli = dir / "cli.db", window = dir / "window.db";
  std::string cell, other, member, otherMember;

  Office() {
    setenv("DANGBO_FAST_HASH", "1", 1);
    for (const auto& db : {cli, window}) {
      test::createSmallRegister(db, 7);
      addUser(db, "quantri", "admin", "");
    }
    cell =
        sql("SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.status = 'active' "
            "GROUP BY o.id ORDER BY count(*) DESC, o.code LIMIT 1");
    other =
        sql("SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.status = 'active' "
            "AND o.code <> '" +
            cell + "' GROUP BY o.id ORDER BY o.code LIMIT 1");
    member = sql(
        "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE m.status = 'active' AND "
        "m.official_on IS NOT NULL AND o.code = '" +
        cell + "' ORDER BY m.code LIMIT 1");
    otherMember = sql(
        "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE m.status = 'active' AND "
        "m.official_on IS NOT NULL AND o.code = '" +
        other + "' ORDER BY m.code LIMIT 1");
    for (const auto& db : {cli, window}) {
      addUser(db, "vanphong", "office", "");
      addUser(db, "bithu", "secretary", cell);
      addUser(db, "kiemtra", "inspection", "");
      addUser(db, "lanhdao", "leadership", "");
    }
  }
  static void addUser(const std::filesystem::path& db, const std::string& name, const std::string& role,
                      const std::string& cellCode) {
    std::vector<std::string> args = {"--db", db.string()};
    std::string input;
    if (name != "quantri") {
      args.insert(args.end(), {"--user", "quantri", "--password-fd", "FD"});
      input = password("quantri") + "\n";
    }
    args.insert(args.end(), {"user", "add", name, "--role", role, "--password-fd", "FD"});
    if (!cellCode.empty()) args.insert(args.end(), {"--cell", cellCode});
    REQUIRE(test::runCliWithInput(args, input + password(name) + "\n").code == 0);
  }
  std::string sql(const std::string& q, const std::filesystem::path* db = nullptr) {
    return test::sqlValue(db ? *db : cli, q);
  }
  // `dangbo-cli --user USER record ARGS...` on the CLI's register.
  CliResult record(const std::string& user, std::vector<std::string> args) {
    std::vector<std::string> all = {"--db", cli.string(), "--user", user, "--password-fd", "FD", "record"};
    all.insert(all.end(), args.begin(), args.end());
    return test::runCliWithInput(all, password(user) + "\n");
  }
  // The service call on the window's register as USER; the refusal's message, "" when written.
  std::string byWindow(const std::string& user,
                       const std::function<void(services::Services&, const services::Actor&)>& call) {
    auto s = services::Services::open(window);
    const auto actor = services::login(*s, user, password(user));
    REQUIRE(actor);
    try {
      call(*s, *actor);
    } catch (const core::DataError& e) {
      return e.what();
    } catch (const core::PermissionError& e) {
      return e.what();
    }
    return {};
  }
  // The latest audit row other than a login, on one register.
  std::string lastChange(const std::filesystem::path& db) {
    return test::sqlValue(db,
                          "SELECT username || '|' || action || '|' || record || '|' || old_value || '|' || "
                          "new_value FROM audit_log WHERE action NOT LIKE 'login%' ORDER BY id DESC LIMIT 1");
  }
  std::string changes(const std::filesystem::path& db) {
    return test::sqlValue(
        db, "SELECT count(*) FROM audit_log WHERE action NOT LIKE 'login%' AND action <> 'case.open'");
  }
};

// One change through both doors.
struct Step {
  const char* kind;
  std::string user;
  std::vector<std::string> cli;  // after `record`
  std::function<void(services::Services&, const services::Actor&)> window;
  std::string stored;  // SQL giving the value written
  bool refused = false;
};

inline void sameOutcome(Office& o, const Step& st) {
  const std::string kind = st.kind;
  CAPTURE(kind);
  CAPTURE(st.cli);
  const std::string cliBefore = o.changes(o.cli), windowBefore = o.changes(o.window);
  const auto byCli = o.record(st.user, st.cli);
  const std::string byWindow = o.byWindow(st.user, st.window);
  CAPTURE(byCli.err);
  CAPTURE(byWindow);
  if (st.refused) {
    CHECK(byCli.code == 1);
    REQUIRE_FALSE(byWindow.empty());
    CHECK(byCli.err.find(byWindow) != std::string::npos);
    CHECK(o.changes(o.cli) == cliBefore);
    CHECK(o.changes(o.window) == windowBefore);
  } else {
    CHECK(byCli.code == 0);
    CHECK(byWindow.empty());
    CHECK(o.changes(o.cli) != cliBefore);
    CHECK(o.lastChange(o.cli) == o.lastChange(o.window));
  }
  if (!st.stored.empty()) {
    CHECK(o.sql(st.stored, &o.cli) == o.sql(st.stored, &o.window));
    CHECK(o.sql(st.stored, &o.cli) != "<none>");
  }
}

inline core::Date day(int y, int m, int d) {
  return *core::Date::make(y, m, d);
}

}  // namespace dangbo::test::record
