// dangbo-cli on a register with accounts: --user, passwords from a descriptor, the user and audit commands.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "../TestUtil.h"
#include "CliRun.h"
#include "cli/Cli.h"
#include "core/I18n.h"
#include "services/InstanceLock.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
using Result = test::CliResult;

/// Runs the CLI in this process; `lines` are readable on the descriptor given as --password-fd.
Result runWith(std::vector<std::string> args, const std::string& lines = "") {
  return test::runCliWithInput(std::move(args), lines);
}

/// A register with cells CB01, CB02 and accounts: quantri (admin), vanphong (office), bithu (secretary of
/// CB01), lanhdao (leadership).
struct Accounts {
  TempDir dir;
  std::string db = (dir / "u.db").string();
  Accounts() {
    setenv("DANGBO_FAST_HASH", "1", 1);
    REQUIRE(runWith({"--db", db, "init", "--committee", "Đảng bộ xã Thử"}).code == 0);
    REQUIRE(runWith({"templates", (dir / "tpl").string()}).code == 0);
    REQUIRE(runWith({"--db", db, "user", "add", "quantri", "--role", "admin", "--full-name", "Lò Văn Quản",
                     "--password-fd", "FD"},
                    "mat-khau-quan-tri\n")
                .code == 0);
    REQUIRE(admin({"user", "add", "vanphong", "--role", "office", "--full-name", "Cầm Thị Văn"},
                  "mat-khau-van-phong\n")
                .code == 0);
    REQUIRE(admin({"user", "add", "lanhdao", "--role", "leadership"}, "mat-khau-lanh-dao\n").code == 0);
  }
  /// As the administrator; `more` lines follow the login password on the descriptor.
  Result admin(std::vector<std::string> args, const std::string& more = "") {
    std::vector<std::string> all = {"--db", db, "--user", "quantri", "--password-fd", "FD"};
    all.insert(all.end(), args.begin(), args.end());
    return runWith(all, "mat-khau-quan-tri\n" + more);
  }
  Result as(const std::string& user, const std::string& password, std::vector<std::string> args) {
    std::vector<std::string> all = {"--db", db, "--user", user, "--password-fd", "FD"};
    all.insert(all.end(), args.begin(), args.end());
    return runWith(all, password + "\n");
  }
};
}  // namespace

TEST_CASE(
    "cli accounts: a register without accounts works without --user, the first account is the "
    "administrator") {
  setenv("DANGBO_FAST_HASH", "1", 1);
  TempDir dir;
  std::string db = (dir / "a.db").string();
  REQUIRE(runWith({"--db", db, "init", "--committee", "Đảng bộ xã A"}).code == 0);
  CHECK(runWith({"--db", db, "members"}).code == 0);
  CHECK(runWith({"--db", db, "summary"}).code == 0);
  auto office = runWith({"--db", db, "user", "add", "vanphong", "--role", "office", "--password-fd", "FD"},
                        "mat-khau-dai-du\n");
  CHECK(office.code == 1);
  CHECK(office.err.find("--role admin") != std::string::npos);
  auto shortPw =
      runWith({"--db", db, "user", "add", "quantri", "--role", "admin", "--password-fd", "FD"}, "ngan\n");
  CHECK(shortPw.code == 1);
  CHECK(runWith({"--db", db, "members"}).code == 0);  // still without accounts
  CHECK(runWith({"--db", db, "user", "add", "quantri", "--role", "admin", "--password-fd", "FD"},
                "mat-khau-quan-tri\n")
            .code == 0);
  auto without = runWith({"--db", db, "members"});
  CHECK(without.code == 1);
  CHECK(without.err.find("--user") != std::string::npos);
  CHECK(runWith({"--db", db, "--user", "quantri", "--password-fd", "FD", "members"}, "mat-khau-quan-tri\n")
            .code == 0);
}

TEST_CASE("cli accounts: wrong password, unknown user and lock exit 1 in Vietnamese") {
  Accounts a;
  auto wrong = a.as("vanphong", "sai-mat-khau", {"members"});
  CHECK(wrong.code == 1);
  CHECK(wrong.err.find(core::tr("Wrong user name or password.")) != std::string::npos);
  CHECK(a.as("khongco", "bat-ky-mat-khau", {"members"}).code == 1);
  CHECK(a.as("vanphong", "mat-khau-van-phong", {"members"}).code == 0);
  for (int i = 0; i < 4; ++i) CHECK(a.as("vanphong", "sai-mat-khau", {"members"}).code == 1);
  auto locked = a.as("vanphong", "sai-mat-khau", {"members"});
  CHECK(locked.code == 1);
  CHECK(locked.err.find("bị khóa") != std::string::npos);
  CHECK(a.as("vanphong", "mat-khau-van-phong", {"members"}).code == 1);  // locked even with the right one
  // The administrator's new password clears the lock.
  CHECK(a.admin({"user", "password", "vanphong"}, "mat-khau-moi-123\n").code == 0);
  CHECK(a.as("vanphong", "mat-khau-moi-123", {"members"}).code == 0);
  // A bad descriptor number is wrong usage.
  CHECK(runWith({"--db", a.db, "--user", "vanphong", "--password-fd", "x", "members"}).code == 2);
}

TEST_CASE("cli accounts: user list, disable, role, only the administrator manages accounts") {
  Accounts a;
  auto list = a.admin({"user", "list", "--format", "json"});
  REQUIRE(list.code == 0);
  CHECK(list.out.find("\"vanphong\"") != std::string::npos);
  CHECK(list.out.find("\"leadership\"") != std::string::npos);
  CHECK(list.out.find("mat-khau") == std::string::npos);
  auto refused = a.as("vanphong", "mat-khau-van-phong", {"user", "list"});
  CHECK(refused.code == 1);
  CHECK(refused.err.find("vanphong") != std::string::npos);
  CHECK(a.as("vanphong", "mat-khau-van-phong", {"user", "disable", "lanhdao"}).code == 1);
  CHECK(a.as("lanhdao", "mat-khau-lanh-dao", {"audit"}).code == 1);
  CHECK(a.as("vanphong", "mat-khau-van-phong", {"backup", "--out", (a.dir / "b.db").string()}).code == 1);
  auto secretaryWithoutCell = a.admin({"user", "add", "bithu", "--role", "secretary"}, "mat-khau-bi-thu\n");
  CHECK(secretaryWithoutCell.code == 2);
  CHECK(a.admin({"user", "disable", "lanhdao"}).code == 0);
  CHECK(a.as("lanhdao", "mat-khau-lanh-dao", {"members"}).code == 1);
  CHECK(a.admin({"user", "disable", "quantri"}).code == 1);  // not one's own account
  CHECK(a.admin({"user", "role", "vanphong", "--role", "inspection"}).code == 0);
  auto text = a.admin({"user", "list"});
  CHECK(text.out.find("vanphong\tỦy ban Kiểm tra") != std::string::npos);
}

TEST_CASE("cli accounts: the audit command filters the trail") {
  Accounts a;
  REQUIRE(a.as("vanphong", "sai-mat-khau", {"members"}).code == 1);
  auto all = a.admin({"audit", "--format", "json"});
  REQUIRE(all.code == 0);
  CHECK(all.out.find("\"login.failed\"") != std::string::npos);
  auto byUser = a.admin({"audit", "--by", "vanphong"});
  REQUIRE(byUser.code == 0);
  std::istringstream lines(byUser.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    ++n;
    CHECK(line.find("\tvanphong\t") != std::string::npos);
  }
  CHECK(n >= 1);
  auto byRecord = a.admin({"audit", "--record", "user:lanhdao"});
  CHECK(byRecord.out.find("user.create") != std::string::npos);
  CHECK(byRecord.out.find("user:vanphong") == std::string::npos);
  CHECK(a.admin({"audit", "--from", "2000-01-01", "--to", "2000-12-31"}).out.empty());
}

TEST_CASE("cli accounts: the binary reads the password from a descriptor, never from an argument") {
  Accounts a;
  const std::string cli = DANGBO_CLI_PATH;
  auto shell = [&](const std::string& cmd) {
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  CHECK(shell("printf 'mat-khau-van-phong\\n' | '" + cli + "' --db '" + a.db +
              "' --user vanphong --password-fd 0 members >/dev/null 2>&1") == 0);
  CHECK(shell("'" + cli + "' --db '" + a.db +
              "' --user vanphong --password-fd 3 members >/dev/null 2>&1 "
              "3<<'EOF'\nsai\nEOF") == 1);
  CHECK(shell("'" + cli + "' --db '" + a.db + "' --user vanphong members </dev/null >/dev/null 2>&1") == 1);
}

TEST_CASE("cli: commands that write refuse while a window holds the register") {
  Accounts a;
  services::InstanceLock window(a.db);
  auto r = a.admin({"user", "add", "kiemtra", "--role", "inspection"}, "mat-khau-kiem-tra\n");
  CHECK(r.code == 1);
  CHECK(r.err.find("đang được mở") != std::string::npos);
  auto restore = runWith({"--db", a.db, "restore", (a.dir / "none.db").string()});
  CHECK(restore.code == 1);
  CHECK(restore.err.find("đang được mở") != std::string::npos);
  auto import = runWith({"--db", a.db, "import", (a.dir / "tpl").string()});
  CHECK(import.code == 1);
  CHECK(import.err.find("đang được mở") != std::string::npos);
  // Reading is fine while the window is open.
  CHECK(a.as("vanphong", "mat-khau-van-phong", {"members"}).code == 0);
}

TEST_CASE("cli accounts: only the administrator backs up and restores a register with accounts") {
  Accounts a;
  const std::string bak = (a.dir / "b.db").string();
  REQUIRE(a.admin({"backup", "--out", bak}).code == 0);
  REQUIRE(a.admin({"user", "disable", "lanhdao"}).code == 0);
  auto refused = a.as("vanphong", "mat-khau-van-phong", {"restore", bak});
  CHECK(refused.code == 1);
  CHECK(refused.err.find("vanphong") != std::string::npos);
  CHECK(a.as("lanhdao", "mat-khau-lanh-dao", {"members"}).code == 1);  // still disabled: nothing restored
  auto restored = a.admin({"restore", bak});
  CHECK(restored.code == 0);
  CHECK(a.as("lanhdao", "mat-khau-lanh-dao", {"members"}).code == 0);  // the backup's accounts are back
}

TEST_CASE(
    "cli accounts: an administrator locked out by wrong passwords is unlocked by the owner of the file") {
  Accounts a;
  for (int i = 0; i < 5; ++i) a.as("quantri", "doan-sai", {"members"});
  auto locked = a.admin({"members"});
  CHECK(locked.code == 1);
  CHECK(locked.err.find("bị khóa") != std::string::npos);
  // Another account may not unlock; the operating-system owner of the register may, without a password.
  CHECK(a.as("vanphong", "mat-khau-van-phong", {"user", "unlock", "quantri"}).code == 1);
  auto unlocked = runWith({"--db", a.db, "user", "unlock", "quantri"});
  CHECK(unlocked.code == 0);
  CHECK(a.admin({"members"}).code == 0);
  CHECK(a.admin({"audit", "--record", "user:quantri"}).out.find("user.unlock") != std::string::npos);
}
