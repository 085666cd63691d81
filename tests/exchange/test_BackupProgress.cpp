// Progress and cancel of backup and restore (core::Progress): the pages copied and the check reported, and a
// cancel at any stage leaves no file behind, an existing file as it was and the register unchanged.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>
#include <string>

#include "../RecordingProgress.h"
#include "../TestUtil.h"
#include "core/Progress.h"
#include "exchange/Backup.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::RecordingProgress;
using dangbo::test::TempDir;

namespace {

const std::string kCopying = "Đang sao chép sổ";
const std::string kChecking = "Đang kiểm tra bản sao";

// The names of the files in `dir`.
std::set<std::string> filesIn(const std::filesystem::path& dir) {
  std::set<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

int64_t members(const std::filesystem::path& db) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet("SELECT count(*) FROM members").getInt64();
}

}  // namespace

TEST_CASE(
    "backup progress: the pages copied rise to the whole, then the copy is checked, the copy is sound") {
  TempDir dir;
  test::createSmallRegister(dir / "so.db", 3, 400, 8);
  auto s = services::Services::open(dir / "so.db");
  RecordingProgress p;
  exchange::backupDatabase(*s, dir / "copy.db", &p);
  const auto* copying = p.find(kCopying);
  REQUIRE(copying != nullptr);
  CHECK(copying->total > 0);
  REQUIRE(!copying->updates.empty());
  CHECK(copying->updates.back() == copying->total);
  for (size_t k = 1; k < copying->updates.size(); ++k) CHECK(copying->updates[k] >= copying->updates[k - 1]);
  const auto* checking = p.find(kChecking);
  REQUIRE(checking != nullptr);
  CHECK(checking->updates.size() >= 1);  // SQLite's check told its steps
  CHECK(members(dir / "copy.db") == members(dir / "so.db"));
}

TEST_CASE("backup cancelled while copying or while checking: no copy, no temporary file, an old file kept") {
  TempDir dir;
  test::createSmallRegister(dir / "so.db", 3, 200, 4);
  auto s = services::Services::open(dir / "so.db");
  test::writeFile(dir / "old.db", "the copy of last week");
  const auto before = filesIn(dir.path());
  for (const std::string& stage : {kCopying, kChecking}) {
    CAPTURE(stage);
    RecordingProgress p;
    p.stopIn = stage;
    p.stopAt = 1;
    try {
      exchange::backupDatabase(*s, dir / "new.db", &p);
      FAIL("the backup was not stopped");
    } catch (const core::Cancelled& e) {
      // Says that nothing was written, and where.
      CHECK(std::string(e.what()).find("Đã dừng theo yêu cầu của bạn") == 0);
      CHECK(std::string(e.what()).find((dir / "new.db").string()) != std::string::npos);
    }
    // The user agreed to replace old.db: a cancel still leaves it as it was.
    RecordingProgress q;
    q.stopIn = stage;
    q.stopAt = 1;
    CHECK_THROWS_AS(exchange::backupDatabase(*s, dir / "old.db", &q, true), core::Cancelled);
    CHECK(test::readFile(dir / "old.db") == "the copy of last week");
    CHECK(filesIn(dir.path()) == before);
  }
  // Replacing, not cancelled: old.db becomes the copy.
  exchange::backupDatabase(*s, dir / "old.db", nullptr, true);
  CHECK(members(dir / "old.db") == members(dir / "so.db"));
}

TEST_CASE("restore progress and cancel: a cancelled restore leaves the register byte for byte as it was") {
  TempDir dir;
  test::createSmallRegister(dir / "so.db", 3, 120, 3);
  test::createSmallRegister(dir / "backup.db", 9, 300, 6);
  const int64_t backupMembers = members(dir / "backup.db");
  {
    // The register's WAL moved into the file, so that its bytes are all there is to compare.
    auto s = services::Services::open(dir / "so.db");
  }
  const std::string bytes = test::readFile(dir / "so.db");
  const auto before = filesIn(dir.path());
  for (const std::string& stage : {kChecking, kCopying}) {
    CAPTURE(stage);
    RecordingProgress p;
    p.stopIn = stage;
    p.stopAt = 1;
    CHECK_THROWS_AS(exchange::restoreDatabase(dir / "so.db", dir / "backup.db", &p), core::Cancelled);
    CHECK(test::readFile(dir / "so.db") == bytes);
    CHECK(filesIn(dir.path()) == before);  // no replaced copy, no temporary file
  }
  // The window's two steps: prepared (and dropped) while the register is open, nothing changes either.
  { exchange::PreparedRestore dropped(dir / "so.db", dir / "backup.db"); }
  CHECK(test::readFile(dir / "so.db") == bytes);
  CHECK(filesIn(dir.path()) == before);
  RecordingProgress p;
  exchange::restoreDatabase(dir / "so.db", dir / "backup.db", &p);
  REQUIRE(p.find(kCopying) != nullptr);
  CHECK(p.find(kCopying)->updates.back() == p.find(kCopying)->total);
  CHECK(members(dir / "so.db") == backupMembers);
}
