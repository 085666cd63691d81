// Issue 15: a register on a shared office PC. Each case plays the attack and shows it refused or harmless,
// with nothing lost.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>
#include <filesystem>

#include "../TestUtil.h"
#include "CliRun.h"
#include "core/Errors.h"
#include "core/Platform.h"
#include "exchange/Backup.h"
#include "services/Actor.h"
#include "services/InstanceLock.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;
using test::runCli;
namespace fs = std::filesystem;

namespace {
std::string committeeName(const fs::path& db) {
  SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT name FROM committee").getString();
}

// Runs the real dangbo-cli through the shell (so that the umask of a careless session applies).
int shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

TEST_CASE("files private: whatever the umask, everything dangbo-cli creates is for its owner only") {
  TempDir dir;
  const std::string cli = DANGBO_CLI_PATH;
  const fs::path db = dir / "moi" / "so.db";
  const std::string q = "'" + db.string() + "'";
  const std::string d = "'" + dir.path().string() + "'";
  REQUIRE(shell("umask 000 && '" + cli + "' --db " + q + " init --committee 'Đảng bộ xã Thử' 2>/dev/null") ==
          0);
  REQUIRE(shell("umask 000 && '" + cli + "' --db " + q + " backup --out " + d + "/b.db 2>/dev/null") == 0);
  REQUIRE(shell("umask 000 && '" + cli + "' --db " + q + " report members --format html --out " + d +
                "/bc/r.html 2>/dev/null") == 0);
  REQUIRE(shell("umask 000 && '" + cli + "' --db " + q + " export register --out " + d +
                "/so.csv 2>/dev/null") == 0);
  REQUIRE(shell("umask 000 && '" + cli + "' --db " + q + " templates " + d + "/mau 2>/dev/null") == 0);
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
    const int bits = core::platform::permissionBits(e.path());
    INFO(e.path().string());
    CHECK(bits == (e.is_directory() ? 0700 : 0600));
    ++files;
  }
  CHECK(files >= 10);  // moi/, so.db, b.db, bc/, r.html, so.csv, mau/ and its templates

  // The window's automatic backups, made through the library whatever the umask: folder 0700, copies 0600.
  auto s = services::Services::open(db);
  const fs::path copy = exchange::rotateBackup(*s, dir / "moi" / "saoluu", 3);
  CHECK(core::platform::permissionBits(dir / "moi" / "saoluu") == 0700);
  CHECK(core::platform::permissionBits(copy) == 0600);
}

TEST_CASE("a register made readable by all before is made private by its owner's next opening") {
  TempDir dir;
  const fs::path db = dir / "cu.db";
  services::Services::create(db, {"Đảng bộ xã Cũ", "Cũ", "", "", ""});
  fs::permissions(db, fs::perms(0644));
  services::Services::open(db);
  CHECK(core::platform::permissionBits(db) == 0600);
}

TEST_CASE(
    "--out never replaces the register, its copies or another database, other files only with --force") {
  TempDir dir;
  const std::string db = (dir / "so.db").string();
  REQUIRE(runCli({"--db", db, "init", "--committee", "Đảng bộ xã Giữ"}).code == 0);
  // The register itself, by its own name, through a symbolic link, or by another spelling.
  fs::create_symlink(db, dir / "lienket.db");
  for (const std::string& target : {db, (dir / "lienket.db").string(), (dir / "." / "so.db").string()}) {
    auto r = runCli({"--db", db, "report", "members", "--format", "html", "--out", target, "--force"});
    CHECK(r.code == 1);
    CHECK(r.err.find("không bao giờ bị ghi đè") != std::string::npos);
    auto x = runCli({"--db", db, "export", "register", "--out", target + ".csv"});
    CHECK(x.code == 0);  // a new file beside it is fine
    fs::remove(target + ".csv");
  }
  CHECK(runCli({"--db", db, "package", "export", "--cell", "CB01", "--out", db, "--force"}).code == 1);
  CHECK(committeeName(db) == "Đảng bộ xã Giữ");
  // Its backups and upgrade copies, and any other database.
  fs::create_directories(dir / "saoluu");
  REQUIRE(
      runCli({"--db", db, "backup", "--out", (dir / "saoluu" / "so-20261201-101010-01.db").string()}).code ==
      0);
  CHECK(runCli({"--db", db, "report", "members", "--out",
                (dir / "saoluu" / "so-20261201-101010-01.db").string(), "--force"})
            .code == 1);
  test::writeFile(dir / "so.db.v3-20260101-000000.bak", "copy");
  CHECK(runCli({"--db", db, "report", "members", "--out", (dir / "so.db.v3-20260101-000000.bak").string(),
                "--force"})
            .code == 1);
  CHECK(test::readFile(dir / "so.db.v3-20260101-000000.bak") == "copy");
  REQUIRE(runCli({"--db", (dir / "khac.db").string(), "init"}).code == 0);
  CHECK(runCli({"--db", db, "report", "members", "--out", (dir / "khac.db").string(), "--force"}).code == 1);
  // Another existing file: refused without --force (exit 1, content kept), replaced with it.
  test::writeFile(dir / "bc.html", "bản cũ");
  auto refused = runCli({"--db", db, "report", "members", "--out", (dir / "bc.html").string()});
  CHECK(refused.code == 1);
  CHECK(refused.err.find("--force") != std::string::npos);
  CHECK(test::readFile(dir / "bc.html") == "bản cũ");
  CHECK(runCli({"--db", db, "report", "members", "--out", (dir / "bc.html").string(), "--force"}).code == 0);
  CHECK(test::readFile(dir / "bc.html").find("<html") != std::string::npos);
  // No temporary file is left behind.
  for (const auto& e : fs::directory_iterator(dir.path()))
    CHECK(e.path().filename().string().find(".part") == std::string::npos);
}

TEST_CASE("templates never cut a filled list to its header") {
  TempDir dir;
  fs::create_directories(dir / "mau");
  const std::string filled = "ma,ho_ten\nDV0001,Nguyễn Văn An\n";
  test::writeFile(dir / "mau" / "dang_vien.csv", filled);
  auto r = runCli({"templates", (dir / "mau").string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("dang_vien.csv") != std::string::npos);
  CHECK(test::readFile(dir / "mau" / "dang_vien.csv") == filled);
  int made = 0;
  for (const auto& e : fs::directory_iterator(dir / "mau")) made += e.path().filename() != "dang_vien.csv";
  CHECK(made == 0);  // all or nothing
  CHECK(runCli({"templates", (dir / "trong").string()}).code == 0);
  CHECK(runCli({"templates", (dir / "trong").string()}).code == 1);  // a header is content too
}

TEST_CASE("restore brings back every edit committed in the source's WAL, and the copy is checked") {
  TempDir dir;
  const fs::path src = dir / "nguon.db", db = dir / "so.db";
  services::Services::create(db, {"Đảng bộ xã Đích", "Đích", "", "", ""});
  auto s = services::Services::create(src, {"Đảng bộ xã Nguồn", "Nguồn", "", "", ""});
  auto info = s->committee();
  for (int i = 1; i <= 100; ++i) {
    info.place = "Sửa " + std::to_string(i);
    s->saveCommittee(services::Actor::localOffice(), info);
  }
  // The source is still open: its 100 edits are in nguon.db-wal, not yet in nguon.db.
  REQUIRE(fs::exists(src.string() + "-wal"));
  REQUIRE(fs::file_size(src.string() + "-wal") > 0);
  auto r = runCli({"--db", db.string(), "restore", src.string()});
  REQUIRE(r.code == 0);
  SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("SELECT place FROM committee").getString() == "Sửa 100");
  CHECK(raw.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(raw.execAndGet("PRAGMA application_id").getInt() == 0x44414E47);
  // Nothing else beside it but the kept copy of the replaced file.
  for (const auto& e : fs::directory_iterator(dir.path())) {
    const std::string n = e.path().filename().string();
    CHECK(n.find(".part") == std::string::npos);
    CHECK(n.find(".restoring") == std::string::npos);
  }
}

TEST_CASE("the one-window lock follows the real file: a symbolic link or another spelling meets it") {
  TempDir dir;
  const fs::path db = dir / "so.db";
  services::Services::create(db, {"Đảng bộ xã Khóa", "Khóa", "", "", ""});
  fs::create_directories(dir / "con");
  fs::create_symlink(db, dir / "lienket.db");
  services::InstanceLock window(db);
  CHECK_THROWS_AS(services::InstanceLock(dir / "lienket.db"), core::DataError);
  CHECK_THROWS_AS(services::InstanceLock(dir / "con" / ".." / "so.db"), core::DataError);
  auto r = runCli({"--db", (dir / "lienket.db").string(), "restore", db.string()});
  CHECK(r.code == 1);
}
