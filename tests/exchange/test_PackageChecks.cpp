// Change packages through the one door: the values a cell sends are judged by the window's rules, the author
// of what is applied is the office account applying it, and the audit's text output cannot be forged.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "../TestUtil.h"
#include "../cli/CliRun.h"
#include "core/Errors.h"
#include "services/Packages.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();

std::string value(services::Services& s, const std::string& sql) {
  SQLite::Statement q(services::storeOf(s).db(), sql);
  if (!q.executeStep()) return "<none>";
  return q.getColumn(0).isNull() ? std::string("NULL") : q.getColumn(0).getString();
}

// An office with its busiest village cell exported, and the cell file made from the package.
struct Offline {
  TempDir dir;
  std::unique_ptr<services::Services> office, cell;
  std::string cellCode, member, otherCellMember, candidate;

  Offline() {
    test::createSmallRegister(dir / "office.db", 3, 90, 3);
    office = services::Services::open(dir / "office.db");
    cellCode = value(*office,
                     "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.status = "
                     "'active' GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1");
    const std::string cellId = value(*office, "SELECT id FROM organizations WHERE code = '" + cellCode + "'");
    member = value(*office, "SELECT code FROM members WHERE status = 'active' AND cell_id = " + cellId +
                                " ORDER BY code LIMIT 1");
    otherCellMember = value(
        *office, "SELECT id FROM members WHERE status = 'active' AND cell_id <> " + cellId + " LIMIT 1");
    // A candidate of the cell (added here when the demo has none).
    candidate = value(*office, "SELECT code FROM candidates WHERE cell_id = " + cellId + " LIMIT 1");
    if (candidate == "<none>") {
      services::storeOf(*office).db().exec(
          "INSERT INTO candidates (code, full_name, search_key, gender, ethnicity, cell_id, listed_on) "
          "VALUES "
          "('QC777', 'Lường Văn Sơn', 'luong van son', 'nam', '03', " +
          cellId + ", '2026-01-05')");
      candidate = "QC777";
    }
    cell = services::Packages::createCellFile(dir / "cell.db",
                                              services::Packages(*office).exportCell(kOffice, cellCode));
  }
  // The cell's file edited behind the program's back (as with sqlite3), then its change package.
  core::ChangePackage edited(const std::string& sql, const std::string& secretary = "Lò Văn Thắng") {
    services::storeOf(*cell).db().exec(sql);
    return services::Packages(*cell).changes(kOffice, secretary);
  }
  // The package is refused at review and at apply, its message naming `expected`; nothing is written.
  void refused(const core::ChangePackage& pkg, const std::string& expected) {
    REQUIRE_FALSE(pkg.changes.empty());
    const std::string before =
        value(*office, "SELECT revision FROM committee") + value(*office, "SELECT count(*) FROM audit_log");
    try {
      services::Packages(*office).review(pkg);
      FAIL("not refused at review");
    } catch (const core::DataError& e) {
      CAPTURE(std::string(e.what()));
      CHECK(std::string(e.what()).find(expected) != std::string::npos);
    }
    CHECK_THROWS_AS(services::Packages(*office).apply(kOffice, pkg, {}), core::DataError);
    CHECK(value(*office, "SELECT revision FROM committee") +
              value(*office, "SELECT count(*) FROM audit_log") ==
          before);
  }
};

}  // namespace

TEST_CASE("package checks: raw values written into a cell file are refused by the window's rules") {
  Offline o;
  const std::string where = " WHERE code = '" + o.member + "'";
  SUBCASE("a birth date that is not a date") {
    o.refused(o.edited("UPDATE members SET birth_date = 'không rõ'" + where), "không rõ");
  }
  SUBCASE("an impossible admission date") {
    o.refused(o.edited("UPDATE members SET admitted_on = '2099-13-45'" + where), "2099-13-45");
  }
  SUBCASE("an admission in the future") {
    o.refused(o.edited("UPDATE members SET admitted_on = '2099-01-01'" + where), "01/01/2099");
  }
  SUBCASE("terminal escape codes in a text") {
    o.refused(o.edited("UPDATE members SET residence = 'Bản ' || char(27) || '[31mNà Ớt'" + where), o.member);
  }
  SUBCASE("a political theory level outside its enumeration") {
    o.refused(o.edited("UPDATE members SET theory = 'x'" + where), "\"x\"");
  }
  SUBCASE("a sponsor from another cell") {
    // sqlite3's shell does not enforce foreign keys: the other cell's member is not in the cell's file.
    services::storeOf(*o.cell).db().exec("PRAGMA foreign_keys = OFF");
    o.refused(o.edited("UPDATE candidates SET sponsor1 = " + o.otherCellMember + " WHERE code = '" +
                       o.candidate + "'"),
              o.cellCode);
  }
  SUBCASE("a status changed without its date and event") {
    // The cell's own program leaves it out of the package (it stays in the cell file, named there)...
    auto pkg = o.edited("UPDATE members SET status = 'deceased'" + where);
    for (const auto& c : pkg.changes) CHECK(c.column != "status");
    CHECK_FALSE(services::Packages(*o.cell).unsentChanges().empty());
    // ... and a package carrying it anyway is refused.
    core::FieldChange c;
    c.table = "members";
    c.recordId = std::stoll(value(*o.office, "SELECT id FROM members" + where));
    c.recordLabel = o.member;
    c.column = "status";
    c.oldValue = core::PackageValue::text("active");
    c.newValue = core::PackageValue::text("deceased");
    pkg.changes.push_back(c);
    o.refused(pkg, "members.status");
  }
}

TEST_CASE("package checks: the author is the account applying the package, a claimed name is only a note") {
  Offline o;
  auto pkg = o.edited("UPDATE members SET occupation = 'Giáo viên' WHERE code = '" + o.member + "'", "admin");
  REQUIRE(pkg.secretary == "admin");
  const services::Actor clerk{"vanphong", "office", std::nullopt};
  CHECK(services::Packages(*o.office).apply(clerk, pkg, {}) == 1);
  CHECK(value(*o.office,
              "SELECT username || '|' || new_value FROM audit_log WHERE action = 'package.change' ORDER BY "
              "id DESC "
              "LIMIT 1") == "vanphong|occupation: Giáo viên");
  CHECK(value(*o.office, "SELECT reason LIKE '%admin%' FROM audit_log WHERE action = 'package.change'") ==
        "1");
  CHECK(value(*o.office, "SELECT count(*) FROM audit_log WHERE username = 'admin'") == "0");
}

TEST_CASE("audit text output: a line end or tab inside a value cannot forge a row or a column") {
  TempDir dir;
  const std::string db = (dir / "a.db").string();
  REQUIRE(test::runCli({"--db", db, "init"}).code == 0);
  {
    auto s = services::Services::open(dir / "a.db");
    services::storeOf(*s).transaction([&] {
      s->audit(kOffice, "member.update", "member:DV1", "",
               "occupation: x\n99\t2099-01-01\tadmin\tuser.role\tuser:admin\t\tadmin\t", "a\\b");
    });
  }
  auto r = test::runCli({"--db", db, "audit"});
  REQUIRE(r.code == 0);
  size_t lines = 0, forged = 0;
  for (size_t p = 0; (p = r.out.find('\n', p)) != std::string::npos; ++p) ++lines;
  forged = r.out.find("\n99\t") != std::string::npos;
  CHECK(lines ==
        std::stoul(value(*services::Services::open(dir / "a.db"), "SELECT count(*) FROM audit_log")));
  CHECK(forged == 0);
  CHECK(r.out.find("occupation: x\\n99\\t2099-01-01\\tadmin") != std::string::npos);
  CHECK(r.out.find("a\\\\b") != std::string::npos);
}

TEST_CASE(
    "package checks: escape codes in the names a package carries are refused before any message uses them") {
  Offline o;
  auto pkg = o.edited("UPDATE members SET occupation = 'Giáo viên' WHERE code = '" + o.member + "'");
  REQUIRE_FALSE(pkg.changes.empty());
  pkg.changes[0].recordLabel = "\x1b]0;pwned\x07" + o.member;
  o.refused(pkg, "control");
  pkg.changes[0].recordLabel = o.member;
  pkg.secretary = "Lò Văn\nadmin";
  o.refused(pkg, "control");
}
