#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <thread>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/Progress.h"
#include "exchange/Backup.h"
#include "services/InstanceLock.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::filesIn;
using dangbo::test::TempDir;

namespace {
core::CommitteeInfo committeeNamed(const std::string& name) {
  return {name, "Thử", "", "", ""};
}
std::string committeeOf(const std::filesystem::path& copy) {
  SQLite::Database db(copy.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT name FROM committee").getString();
}
}  // namespace

TEST_CASE("backups rotate: the newest copies are kept, each a sound register") {
  TempDir dir;
  auto s = services::Services::create(dir / "so.db", committeeNamed("Đảng bộ xã Thử"));
  std::vector<std::filesystem::path> made;
  for (int i = 0; i < 5; ++i) {
    // A change between two backups: each is a new copy.
    s->saveCommittee(services::Actor::localOffice(), committeeNamed("Đảng bộ xã Thử " + std::to_string(i)));
    made.push_back(exchange::rotateBackup(*s, dir / "saoluu", 3));
  }
  int left = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir / "saoluu")) {
    ++left;
    CHECK(committeeOf(e.path()).rfind("Đảng bộ xã Thử ", 0) == 0);
  }
  CHECK(left == 3);
  CHECK(std::filesystem::exists(made.back()));
  CHECK(committeeOf(made.back()) == "Đảng bộ xã Thử 4");
  CHECK_FALSE(std::filesystem::exists(made.front()));
}

TEST_CASE("an automatic backup writes no new copy while the register is byte for byte the newest copy") {
  TempDir dir;
  auto s = services::Services::create(dir / "so.db", committeeNamed("Đảng bộ xã Thử"));
  const auto first = exchange::rotateBackup(*s, dir / "saoluu", 3);
  // Nothing changed (the window closed and opened again): the newest copy is the register already.
  CHECK(exchange::rotateBackup(*s, dir / "saoluu", 3) == first);
  CHECK(exchange::rotateBackup(*s, dir / "saoluu", 3) == first);
  CHECK(filesIn(dir / "saoluu") == 1);
  // A change: a new copy, holding it.
  s->saveCommittee(services::Actor::localOffice(), committeeNamed("Đảng bộ xã Đổi"));
  const auto second = exchange::rotateBackup(*s, dir / "saoluu", 3);
  CHECK(second != first);
  CHECK(committeeOf(second) == "Đảng bộ xã Đổi");
  CHECK(committeeOf(first) == "Đảng bộ xã Thử");
  CHECK(filesIn(dir / "saoluu") == 2);
  // Compared with the newest copy only: back to the first state is still a change since the newest.
  s->saveCommittee(services::Actor::localOffice(), committeeNamed("Đảng bộ xã Thử"));
  CHECK(exchange::rotateBackup(*s, dir / "saoluu", 3) != second);
  CHECK(filesIn(dir / "saoluu") == 3);
}

TEST_CASE("a pinned register is backed up as it was when pinned, whatever is written meanwhile") {
  TempDir dir;
  auto s = services::Services::create(dir / "so.db", committeeNamed("Đảng bộ xã Thử"));
  exchange::PinnedRegister pinned(dir / "so.db");
  CHECK(pinned.unchangedSincePinned());
  // The window writes after the pin (its writes are not held up by it) ...
  s->saveCommittee(services::Actor::localOffice(), committeeNamed("Đảng bộ xã Sau"));
  CHECK_FALSE(pinned.unchangedSincePinned());
  // ... and the copy, made afterwards (on the window's thread of backups), is still the register as pinned.
  const exchange::RotatedBackup made = pinned.backUpInto(dir / "saoluu", 3);
  CHECK(made.written);
  CHECK(committeeOf(made.copy) == "Đảng bộ xã Thử");
  CHECK(committeeOf(dir / "so.db") == "Đảng bộ xã Sau");
  CHECK_FALSE(pinned.unchangedSincePinned());
  // Pinned again with nothing written since: unchanged, and once the newest copy holds that state, its backup
  // writes nothing.
  const auto now = exchange::rotateBackup(*s, dir / "saoluu", 3);
  exchange::PinnedRegister again(dir / "so.db");
  const exchange::RotatedBackup same = again.backUpInto(dir / "saoluu", 3);
  CHECK_FALSE(same.written);
  CHECK(same.copy == now);
  CHECK(again.unchangedSincePinned());
  CHECK(filesIn(dir / "saoluu") == 2);
}

TEST_CASE("a pinned backup stopped by its progress leaves no file, and the next one is written whole") {
  TempDir dir;
  test::createSmallRegister(dir / "so.db", 3, 200, 4);
  struct Stop : core::Progress {
    void stage(const std::string&, uint64_t) override {}
    bool update(uint64_t) override { return false; }
  } stop;
  exchange::PinnedRegister pinned(dir / "so.db");
  CHECK_THROWS_AS(pinned.backUpInto(dir / "saoluu", 3, &stop), core::Cancelled);
  CHECK(filesIn(dir / "saoluu") == 0);  // not even the hidden temporary file
  auto s = services::Services::open(dir / "so.db");
  const auto copy = exchange::rotateBackup(*s, dir / "saoluu", 3);
  SQLite::Database db(copy.string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(filesIn(dir / "saoluu") == 1);
}

TEST_CASE(
    "a second window on the same register is refused with a clear message, the lock ends with the first") {
  TempDir dir;
  auto path = dir / "so.db";
  {
    services::InstanceLock first(path);
    try {
      services::InstanceLock second(path);
      FAIL("two locks on one file");
    } catch (const core::DataError& e) {
      CHECK(std::string(e.what()).find("cửa sổ dangbo khác") != std::string::npos);
    }
    CHECK_NOTHROW(services::InstanceLock other(dir / "khac.db"));
  }
  CHECK_NOTHROW(services::InstanceLock again(path));
}
