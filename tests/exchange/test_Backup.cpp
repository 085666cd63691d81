#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <thread>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "exchange/Backup.h"
#include "services/InstanceLock.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;

TEST_CASE("backups rotate: the newest copies are kept, each a sound register") {
  TempDir dir;
  auto s = services::Services::create(dir / "so.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
  std::vector<std::filesystem::path> made;
  for (int i = 0; i < 5; ++i) made.push_back(exchange::rotateBackup(*s, dir / "saoluu", 3));
  int left = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir / "saoluu")) {
    ++left;
    SQLite::Database copy(e.path().string(), SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("SELECT name FROM committee").getString() == "Đảng bộ xã Thử");
  }
  CHECK(left == 3);
  CHECK(std::filesystem::exists(made.back()));
  CHECK_FALSE(std::filesystem::exists(made.front()));
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
