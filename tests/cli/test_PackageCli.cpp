// dangbo-cli package apply and export take the register's write lock: refused while a window holds it.
#include <doctest/doctest.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sstream>

#include "../TestUtil.h"
#include "CliRun.h"
#include "cli/Cli.h"
#include "services/InstanceLock.h"
#include "services/Register.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const char* const kPass = "Mật khẩu chi bộ 2026";

using Result = test::CliResult;

// Runs the CLI in this process with the passphrase (twice) on the descriptor given as --passphrase-fd.
Result run(std::vector<std::string> args) {
  args.push_back("--passphrase-fd");
  args.push_back("FD");
  return test::runCliWithInput(std::move(args), std::string(kPass) + "\n" + kPass + "\n");
}

std::string scalar(const std::string& db, const std::string& sql) {
  SQLite::Database d(db);
  SQLite::Statement q(d, sql);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

}  // namespace

TEST_CASE("cli package apply and export refuse while a window holds the office register") {
  TempDir dir;
  const std::string office = (dir / "office.db").string(), cell = (dir / "cell.db").string();
  const std::string pkg = (dir / "cb.dbgoi").string(), changes = (dir / "cb.dbgthd").string();
  {
    services::DemoOptions opt;
    opt.seed = 3;
    opt.villageCells = 2;
    opt.schoolCells = 0;
    opt.members = 40;
    opt.historyYears = 1;
    opt.today = *core::Date::make(2026, 11, 29);
    services::Services::createDemo(office, opt);
  }
  const std::string cellCode =
      scalar(office,
             "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id GROUP BY o.id "
             "ORDER BY count(*) DESC, o.id LIMIT 1");
  {
    services::InstanceLock window(office);
    Result r = run({"package", "export", "--db", office, "--cell", cellCode, "--out", pkg});
    CHECK(r.code == 1);
    CHECK(r.err.find("đang được mở") != std::string::npos);
    CHECK(scalar(office, "SELECT count(*) FROM package_exports") == "0");
  }
  REQUIRE(run({"package", "export", "--db", office, "--cell", cellCode, "--out", pkg}).code == 0);
  REQUIRE(run({"package", "open", pkg, "--db", cell}).code == 0);
  const std::string id = scalar(cell, "SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 1");
  {
    auto c = services::Services::open(cell);
    core::Member m = services::memberFile(*c, services::Actor::localOffice(),
                                          scalar(cell, "SELECT code FROM members WHERE id = " + id))
                         .member;
    m.phone = "0911222333";
    services::updateMember(*c, services::Actor::localOffice(), m, "");
  }
  REQUIRE(run({"package", "changes", "--db", cell, "--out", changes, "--secretary", "Lò Văn Thắng"}).code ==
          0);

  const std::string revision = scalar(office, "SELECT revision FROM committee");
  {
    services::InstanceLock window(office);
    Result r = run({"package", "apply", "--db", office, changes});
    CHECK(r.code == 1);
    CHECK(r.err.find("đang được mở") != std::string::npos);
    CHECK(scalar(office, "SELECT revision FROM committee") == revision);
    CHECK(scalar(office, "SELECT count(*) FROM package_imports") == "0");
    // A dry run only reads: it lists the change while the window is open.
    Result dry = run({"package", "apply", "--db", office, changes, "--dry-run"});
    CHECK(dry.code == 0);
    CHECK(dry.out.find("0911222333") != std::string::npos);
  }
  // The window closed: the same package applies.
  Result r = run({"package", "apply", "--db", office, changes});
  CHECK(r.code == 0);
  CHECK(scalar(office, "SELECT phone FROM members WHERE id = " + id) == "0911222333");
  CHECK(scalar(office, "SELECT count(*) FROM package_imports") == "1");
}
