// One door per record: the same change of a member's field made through the window's service call, an import,
// a change package and `dangbo-cli record` gives the same stored value, the same audit row (record, old and
// new values) and, for a bad value, the same refusal.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

#include "../TestUtil.h"
#include "../cli/CliRun.h"
#include "core/Errors.h"
#include "core/MemberFields.h"
#include "exchange/Import.h"
#include "services/Import.h"
#include "services/Packages.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();

std::string value(const std::filesystem::path& db, const std::string& sql) {
  return test::sqlValue(db, sql);
}

// Four identical registers, one per door.
struct Doors {
  TempDir dir;
  std::filesystem::path window = dir / "window.db", import = dir / "import.db", package = dir / "package.db",
                        cli = dir / "cli.db";
  std::string code, cell;
  Doors() {
    for (const auto& path : {window, import, package, cli}) test::createSmallRegister(path, 9);
    code = value(window, "SELECT code FROM members WHERE status = 'active' ORDER BY code LIMIT 1");
    cell = value(window,
                 "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.code = '" +
                     code + "'");
  }
  // The stored value of `column` and the audit row of the member's latest change (without its time and
  // reason).
  std::string outcome(const std::filesystem::path& db, const std::string& column) {
    return value(db, "SELECT " + column + " FROM members WHERE code = '" + code + "'") + " # " +
           value(db,
                 "SELECT username || '|' || record || '|' || old_value || '|' || new_value FROM audit_log "
                 "WHERE "
                 "record = 'member:" +
                     code + "' AND new_value <> '' ORDER BY id DESC LIMIT 1");
  }

  // Each door sets `field` (import header `header`) to `text`; the refusal message, "" when written.
  std::string byWindow(const std::string& field, const std::string& text) {
    auto s = services::Services::open(window);
    core::Member m = services::memberFile(*s, kOffice, code).member;
    std::string why;
    const auto* f = core::memberField(field);
    REQUIRE(f);
    f->put(m, *core::readField(*f, text, why));
    try {
      services::updateMember(*s, kOffice, m, "");
    } catch (const core::DataError& e) {
      return e.what();
    }
    return {};
  }
  std::string byImport(const std::string& header, const std::string& text) {
    auto folder = dir / ("in-" + std::to_string(++n));
    std::filesystem::create_directories(folder);
    // Every column of the template, empty but the code and the one given (an empty cell changes nothing).
    std::string head, row;
    for (const auto& c : services::importFileSpec("dang_vien")->columns) {
      const std::string h = c.header;
      head += (head.empty() ? "" : ",") + ("\"" + h + "\"");
      row += (row.empty() ? "" : ",") + (h == "Mã" ? code : h == header ? text : std::string());
    }
    test::writeFile(folder / "dang_vien.csv", head + "\n" + row + "\n");
    auto s = services::Services::open(import);
    try {
      services::applyImport(*s, kOffice, exchange::readImport(folder));
    } catch (const core::DataError& e) {
      return e.what();
    }
    return {};
  }
  std::string byPackage(const std::string& column, const std::string& stored) {
    auto office = services::Services::open(package);
    auto cellFile = dir / ("cell-" + std::to_string(++n) + ".db");
    core::ChangePackage pkg;
    {
      auto c =
          services::Packages::createCellFile(cellFile, services::Packages(*office).exportCell(kOffice, cell));
      // Written into the cell's file directly (the cell's own dialog would refuse a bad value first).
      SQLite::Statement q(services::storeOf(*c).db(),
                          "UPDATE members SET " + column + " = ?1 WHERE code = ?2");
      q.bind(1, stored);
      q.bind(2, code);
      q.exec();
      pkg = services::Packages(*c).changes(kOffice, "Lò Văn Thắng");
    }
    try {
      services::Packages(*office).apply(kOffice, pkg, {});
    } catch (const core::DataError& e) {
      return e.what();
    }
    return {};
  }
  std::string byCli(const std::string& field, const std::string& text) {
    auto r = test::runCli({"--db", cli.string(), "record", "set", "member", code, field + "=" + text});
    return r.code == 0 ? std::string() : r.err;
  }
  int n = 0;
};

}  // namespace

TEST_CASE("one door: a member's field set through the window, an import, a package and the CLI") {
  Doors d;
  CHECK(d.byWindow("occupation", "Trưởng bản Nà Ớt").empty());
  CHECK(d.byImport("Nghề nghiệp, chức vụ", "Trưởng bản Nà Ớt").empty());
  CHECK(d.byPackage("occupation", "Trưởng bản Nà Ớt").empty());
  CHECK(d.byCli("occupation", "Trưởng bản Nà Ớt").empty());
  const std::string expected = d.outcome(d.window, "occupation");
  CAPTURE(expected);
  CHECK(expected.find("Trưởng bản Nà Ớt # office|member:" + d.code + "|occupation: ") == 0);
  CHECK(d.outcome(d.import, "occupation") == expected);
  CHECK(d.outcome(d.package, "occupation") == expected);
  CHECK(d.outcome(d.cli, "occupation") == expected);

  // A date: the stored form and the audit row agree too.
  CHECK(d.byWindow("official_on", "2026-01-15").empty());
  CHECK(d.byImport("Ngày chính thức", "15/01/2026").empty());
  CHECK(d.byPackage("official_on", "2026-01-15").empty());
  CHECK(d.byCli("official_on", "15/01/2026").empty());
  const std::string official = d.outcome(d.window, "official_on");
  CAPTURE(official);
  CHECK(official.find("2026-01-15 # ") == 0);
  CHECK(d.outcome(d.import, "official_on") == official);
  CHECK(d.outcome(d.package, "official_on") == official);
  CHECK(d.outcome(d.cli, "official_on") == official);
}

TEST_CASE("one door: a bad value of a member's field is refused by every door with the dialog's words") {
  Doors d;
  const std::string before = d.outcome(d.window, "birth_date");
  const std::string refusal = d.byWindow("birth_date", "2030");
  REQUIRE_FALSE(refusal.empty());
  const std::string firstLine = refusal.substr(0, refusal.find('\n'));
  CAPTURE(refusal);
  for (const auto& [door, message] : {std::pair{"import", d.byImport("Ngày sinh", "2030")},
                                      std::pair{"package", d.byPackage("birth_date", "2030")},
                                      std::pair{"cli", d.byCli("birth_date", "2030")}}) {
    CAPTURE(door);
    CAPTURE(message);
    CHECK(message.find(firstLine) != std::string::npos);
  }
  for (const auto& db : {d.window, d.import, d.package, d.cli}) CHECK(d.outcome(db, "birth_date") == before);
}
