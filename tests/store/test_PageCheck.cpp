// The window's opening checks every page on a thread (Database::Verify::Behind): a damaged register is still
// found before anything is written to it, and a sound one is written to once its check has passed.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
// A register with a table of `rows` blobs of a kilobyte (1.500: about a hundred pages), closed (its WAL moved
// into the file).
void makeRegister(const std::filesystem::path& path, int rows = 1500) {
  auto db = store::Database::create(path);
  db->transaction([&] {
    db->db().exec("CREATE TABLE filler (x BLOB)");
    db->db().exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                  std::to_string(rows) + ") INSERT INTO filler SELECT randomblob(1000) FROM n");
  });
}
// One leaf page of the table filler overwritten with bytes no page holds; opening reads none of it.
void damagePage(const std::filesystem::path& path) {
  int page = 0;
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    page = raw.execAndGet(
                  "SELECT pageno FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf' "
                  "ORDER BY pageno LIMIT 1 OFFSET 20")
               .getInt();
  }
  REQUIRE(page > 1);
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(std::streamoff(page - 1) * store::kPageSize);
  const std::string junk(store::kPageSize, '\x55');
  f.write(junk.data(), std::streamsize(junk.size()));
}
// The check's answer, waited for (it runs on a thread).
std::string checked(const store::Database& db) {
  for (int i = 0; i < 1000; ++i) {
    if (auto found = db.pageCheck()) return *found;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return "still running";
}
uintmax_t walSize(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path.string() + "-wal", ec);
  return ec ? 0 : size;
}
}  // namespace

TEST_CASE(
    "a damaged page is found before any write: the opening that checks first refuses it, the window's "
    "opening writes nothing to it") {
  TempDir dir;
  const auto path = dir / "d.db";
  makeRegister(path);
  damagePage(path);
  const std::string before = test::readFile(path);
  CHECK_THROWS_AS(store::Database::open(path), core::DatabaseError);

  auto db = store::Database::open(path, store::Database::Verify::Behind);
  CHECK(db->schemaVersion() == store::latestVersion());  // opened: the pages not yet checked are readable
  const std::string found = checked(*db);
  CHECK(found != "ok");
  CHECK(found != "still running");
  bool ran = false;
  try {
    db->transaction([&] {
      ran = true;
      db->db().exec("CREATE TABLE written (x)");
    });
    FAIL("a damaged register was written to");
  } catch (const core::DatabaseError& e) {
    CHECK(std::string(e.what()).find("hỏng") != std::string::npos);         // damaged
    CHECK(std::string(e.what()).find("Chưa ghi gì") != std::string::npos);  // nothing was written
  }
  CHECK_FALSE(ran);
  CHECK_THROWS(db->db().exec("CREATE TABLE written (x)"));  // a write past transaction(): SQLite refuses it
  CHECK_THROWS(db->db().exec("DELETE FROM filler"));
  CHECK(db->pageCheck() == found);
  db.reset();
  CHECK(test::readFile(path) == before);
  CHECK(walSize(path) == 0);
}

TEST_CASE("a register not in WAL mode is checked whole before the window's opening turns it to WAL") {
  TempDir dir;
  const auto path = dir / "r.db";
  makeRegister(path);
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA journal_mode = DELETE");
  }
  damagePage(path);
  const std::string before = test::readFile(path);
  CHECK_THROWS_AS(store::Database::open(path, store::Database::Verify::Behind), core::DatabaseError);
  CHECK(test::readFile(path) == before);
}

TEST_CASE("a sound register opened with its pages checked behind is written to once the check has passed") {
  TempDir dir;
  const auto path = dir / "s.db";
  makeRegister(path);
  {
    // Closed while its check may still run: the thread is stopped and nothing is left behind.
    auto early = store::Database::open(path, store::Database::Verify::Behind);
  }
  auto db = store::Database::open(path, store::Database::Verify::Behind);
  // Until a transaction has seen the check pass, SQLite rolls back any write to the file, a reconnected
  // connection's too; a writing statement may be prepared ahead (pages do), and the connection's temporary
  // tables, which readers fill, stay writable.
  CHECK(db->reconnect());
  auto ahead = std::make_unique<SQLite::Statement>(db->db(), "INSERT INTO filler VALUES (?)");
  CHECK_THROWS(db->db().exec("CREATE TABLE early (x)"));
  CHECK(db->db().execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'early'").getInt() == 0);
  CHECK_THROWS(ahead->exec());
  CHECK_THROWS(db->db().exec("INSERT INTO filler VALUES (1)"));
  CHECK_THROWS(db->db().exec("PRAGMA user_version = 1"));
  CHECK_THROWS(db->db().exec("CREATE VIRTUAL TABLE words USING fts5 (w)"));
  db->db().exec("CREATE TEMP TABLE kept (x); INSERT INTO temp.kept VALUES (1)");
  CHECK(db->db().execAndGet("SELECT count(*) FROM temp.kept").getInt() == 1);
  CHECK(db->db().execAndGet("SELECT count(*) FROM member_search WHERE member_search MATCH 'pan'").getInt() ==
        0);
  db->transaction([&] { db->db().exec("CREATE TABLE later (x)"); });
  CHECK(db->pageCheck() == std::optional<std::string>("ok"));
  db->db().exec("INSERT INTO later VALUES (1)");  // the connection writes as any other now
  ahead->tryReset();                              // its last run was the refused one
  ahead->bind(1, 7);
  ahead->exec();
  ahead.reset();  // finalized before the connection closes
  db.reset();
  CHECK(test::sqlValue(path, "SELECT count(*) FROM later") == "1");
  CHECK(walSize(path) == 0);  // closing checkpointed as usual
}

TEST_CASE("a write that waits for the check of every page tells so when it starts waiting and when it ends") {
  TempDir dir;
  const auto path = dir / "w.db";
  makeRegister(path, 80000);  // 80 MB: its check takes a good while after the opening returns
  std::unique_ptr<store::Database> db;
  // Each notice, with what the check had found by then.
  std::vector<std::pair<bool, std::optional<std::string>>> told;
  store::Database::setCheckWaitNotice([&](bool waiting) { told.emplace_back(waiting, db->pageCheck()); });
  struct Unset {
    ~Unset() { store::Database::setCheckWaitNotice(nullptr); }
  } unset;
  // A write right after the opening; should the check have ended first (a loaded machine), nothing is told
  // and the register is opened again.
  for (int attempt = 0; attempt < 5 && told.empty(); ++attempt) {
    db = store::Database::open(path, store::Database::Verify::Behind);
    bool ran = false;
    db->transaction([&] {
      CHECK((told.empty() || told.size() == 2));  // any wait has ended before the work
      ran = true;
      db->db().exec("CREATE TABLE IF NOT EXISTS later (x)");
    });
    CHECK(ran);
  }
  REQUIRE(told.size() == 2);
  CHECK(told[0].first);  // told before waiting
  CHECK_FALSE(told[1].first);
  CHECK(told[1].second == std::optional<std::string>("ok"));  // and after, the check ended
  // Once checked, a write waits for nothing and tells nothing.
  db->transaction([&] { db->db().exec("INSERT INTO later VALUES (1)"); });
  CHECK(told.size() == 2);
}
