// A window's register read by another program while the window has lost its SQLite locks (a file dialog of
// the window opened and closed the register to guess its type): the other program must not checkpoint and
// delete the WAL the window goes on writing to.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "../TestUtil.h"
#include "services/InstanceLock.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
void send(int fd) {
  char c = 1;
  if (::write(fd, &c, 1) != 1) _exit(3);
}
bool receive(int fd) {
  char c = 0;
  return ::read(fd, &c, 1) == 1;
}
int organizations(const std::filesystem::path& db) {
  auto reader = services::Services::openForReading(db);
  return services::storeOf(*reader).db().execAndGet("SELECT count(*) FROM organizations").getInt();
}
}  // namespace

TEST_CASE("register: a program reading beside a window that lost its locks leaves the window's WAL alone") {
  TempDir dir;
  const auto db = dir / "w.db";
  services::Services::create(db, {"Đảng bộ xã Thử", "Thử", "", "", ""}).reset();
  int toParent[2], toChild[2];
  REQUIRE(::pipe(toParent) == 0);
  REQUIRE(::pipe(toChild) == 0);
  const pid_t window = ::fork();
  REQUIRE(window >= 0);
  if (window == 0) {
    // The window: its lock, the register open, a row written, then the register's file opened and closed by
    // other code of the same process (as GIO does), which drops every SQLite lock of this process on it.
    int rc = 0;
    try {
      services::InstanceLock lock(db);
      auto s = services::Services::open(db);
      auto add = [&](const char* code) {
        services::storeOf(*s).db().exec(
            std::string("INSERT INTO organizations (code, name, kind, category) VALUES ('") + code +
            "', 'Chi bộ " + code + "', 'truc_thuoc', 'ban')");
      };
      add("CB01");
      for (const char* suffix : {"", "-shm"}) {
        const int fd = ::open((db.string() + suffix).c_str(), O_RDONLY);
        if (fd >= 0) ::close(fd);
      }
      send(toParent[1]);
      if (!receive(toChild[0])) _exit(4);
      add("CB02");
      send(toParent[1]);
      if (!receive(toChild[0])) _exit(5);
    } catch (...) {
      rc = 6;
    }
    _exit(rc);
  }
  REQUIRE(receive(toParent[0]));
  // Another program (dangbo-cli) reads and closes while the window runs.
  CHECK(organizations(db) == 1);
  CHECK(std::filesystem::exists(db.string() + "-wal"));
  send(toChild[1]);
  REQUIRE(receive(toParent[0]));
  // The window's next write is seen by the next reader: it went to the WAL everyone reads.
  CHECK(organizations(db) == 2);
  send(toChild[1]);
  int status = 0;
  ::waitpid(window, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(organizations(db) == 2);
}
