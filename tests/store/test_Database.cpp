#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
// The schema and the reference data of a file, in a form that can be compared.
std::string schemaDump(const std::filesystem::path& p) {
  SQLite::Database db(p.string(), SQLite::OPEN_READONLY);
  std::vector<std::string> parts;
  SQLite::Statement q(
      db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
  while (q.executeStep())
    parts.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString() + ": " +
                    q.getColumn(2).getString());
  for (const char* t : {"ethnic_groups", "religions", "holidays", "lunar_anchors", "rule_values"}) {
    SQLite::Statement c(db, std::string("SELECT count(*) FROM ") + t);
    c.executeStep();
    parts.push_back(std::string(t) + " rows " + c.getColumn(0).getString());
  }
  parts.push_back("user_version " + db.execAndGet("PRAGMA user_version").getString());
  parts.push_back("application_id " + db.execAndGet("PRAGMA application_id").getString());
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (auto& s : parts) out += s + "\n";
  return out;
}

std::vector<store::Migration> firstSteps(int upTo) {
  std::vector<store::Migration> out;
  for (const auto& m : store::builtinMigrations())
    if (m.version <= upTo) out.push_back(m);
  return out;
}
}  // namespace

TEST_CASE("a new file carries the identity, the latest schema and the house pragmas") {
  TempDir dir;
  auto db = store::Database::create(dir / "a.db");
  CHECK(db->db().execAndGet("PRAGMA application_id").getInt() == store::kApplicationId);
  CHECK(db->schemaVersion() == store::latestVersion());
  CHECK(store::latestVersion() >= 2);
  CHECK(db->db().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db->db().execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db->db().execAndGet("PRAGMA page_size").getInt() == store::kPageSize);
  CHECK(db->db().execAndGet("SELECT count(*) FROM ethnic_groups").getInt() == 54);
  CHECK(db->db().execAndGet("SELECT count(*) FROM holidays").getInt() == 102);
  CHECK(db->db().execAndGet("SELECT name FROM ethnic_groups WHERE code = '03'").getString() == "Thái");
}

TEST_CASE("create refuses an existing file and leaves it as it was") {
  TempDir dir;
  test::writeFile(dir / "x.db", "not a database");
  CHECK_THROWS_AS(store::Database::create(dir / "x.db"), core::DataError);
  CHECK(test::readFile(dir / "x.db") == "not a database");
}

TEST_CASE("an older file is backed up, upgraded step by step, keeps its data and equals a fresh file") {
  TempDir dir;
  {
    auto old = store::Database::create(dir / "old.db", firstSteps(1));
    REQUIRE(old->schemaVersion() == 1);
    old->db().exec("INSERT INTO committee (id, name, created_at) VALUES (1, 'Đảng bộ xã Thử', '2020-01-01')");
    old->db().exec(
        "INSERT INTO organizations (code, name, kind, category) VALUES ('CB01', 'Chi bộ bản Nà Ớt', "
        "'truc_thuoc', "
        "'ban')");
  }
  auto up = store::Database::open(dir / "old.db");
  CHECK(up->openReport().fromVersion == 1);
  CHECK(up->schemaVersion() == store::latestVersion());
  REQUIRE(!up->openReport().backupPath.empty());
  CHECK(std::filesystem::exists(up->openReport().backupPath));
  {
    SQLite::Database backup(up->openReport().backupPath.string(), SQLite::OPEN_READONLY);
    CHECK(backup.execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK(backup.execAndGet("SELECT name FROM organizations").getString() == "Chi bộ bản Nà Ớt");
  }
  CHECK(up->db().execAndGet("SELECT name FROM organizations WHERE code = 'CB01'").getString() ==
        "Chi bộ bản Nà Ớt");
  up.reset();
  { auto fresh = store::Database::create(dir / "fresh.db"); }
  CHECK(schemaDump(dir / "old.db") == schemaDump(dir / "fresh.db"));
}

TEST_CASE("a file from a newer version is refused and left byte for byte unchanged") {
  TempDir dir;
  { auto db = store::Database::create(dir / "n.db"); }
  {
    SQLite::Database raw((dir / "n.db").string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = " + std::to_string(store::latestVersion() + 5));
  }
  std::string before = test::readFile(dir / "n.db");
  try {
    store::Database::open(dir / "n.db");
    FAIL("a newer file was opened");
  } catch (const core::DatabaseError& e) {
    CHECK(std::string(e.what()).find("mới hơn") != std::string::npos);
  }
  CHECK(test::readFile(dir / "n.db") == before);
  CHECK_FALSE(std::filesystem::exists(dir / "n.db-wal"));
}

TEST_CASE("files that are not dangbo databases are refused") {
  TempDir dir;
  test::writeFile(dir / "text.db", std::string(4096, 'x'));
  CHECK_THROWS_AS(store::Database::open(dir / "text.db"), core::DatabaseError);
  {
    SQLite::Database other((dir / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t (x)");
  }
  CHECK_THROWS_AS(store::Database::open(dir / "other.db"), core::DatabaseError);
  CHECK_THROWS_AS(store::Database::open(dir / "missing.db"), core::DatabaseError);
}

TEST_CASE("a failing upgrade step is rolled back and the file stays at the previous step") {
  TempDir dir;
  { auto db = store::Database::create(dir / "f.db"); }
  auto steps = store::builtinMigrations();
  const int next = store::latestVersion() + 1;
  steps.push_back({next, "9999_broken", "CREATE TABLE extra (x); INSERT INTO no_such_table VALUES (1);"});
  CHECK_THROWS_AS(store::Database::open(dir / "f.db", steps), core::DatabaseError);
  auto db = store::Database::open(dir / "f.db");
  CHECK(db->schemaVersion() == store::latestVersion());
  CHECK(db->db().execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").getInt() == 0);
}

TEST_CASE("a transaction that throws writes nothing") {
  TempDir dir;
  auto db = store::Database::create(dir / "t.db");
  store::SettingsRepository repo(*db);
  repo.saveCommittee({"Đảng bộ xã A", "A", "", "", ""});
  CHECK_THROWS(db->transaction([&] {
    repo.saveTarget({"ket_nap_nam", 2025, 2030, 30});
    throw std::runtime_error("stop");
  }));
  CHECK(repo.targets().empty());
}

TEST_CASE("the audit trail is chained and an edit outside dangbo is found") {
  TempDir dir;
  auto db = store::Database::create(dir / "a.db");
  store::AuditRepository audit(*db);
  audit.append("office", "rule.set", "admission.max_age@2026-01-01", "60", "62", "");
  audit.append("office", "target.set", "ket_nap_nam@2025-2030", "", "30", "");
  int64_t third = audit.append("office", "committee.update", "committee", "A", "B", "đổi tên");
  CHECK_FALSE(audit.firstBrokenRow().has_value());
  CHECK(audit.latest(1).at(0).id == third);
  CHECK_THROWS(db->db().exec("UPDATE audit_log SET new_value = 'x' WHERE id = 2"));
  CHECK_THROWS(db->db().exec("DELETE FROM audit_log WHERE id = 1"));
  // Someone with the sqlite3 shell drops the guard and edits a row.
  db->db().exec("DROP TRIGGER audit_log_no_update");
  db->db().exec("UPDATE audit_log SET new_value = '300' WHERE id = 2");
  auto broken = audit.firstBrokenRow();
  REQUIRE(broken.has_value());
  CHECK(*broken == 2);
}

TEST_CASE("transactions nest: an inner failure rolls back only the inner work") {
  TempDir dir;
  auto db = store::Database::create(dir / "n.db");
  store::SettingsRepository repo(*db);
  repo.saveCommittee({"Đảng bộ xã A", "A", "", "", ""});
  db->transaction([&] {
    repo.saveTarget({"ket_nap_nam", 2025, 2030, 30});
    CHECK_THROWS(db->transaction([&] {
      repo.saveTarget({"ket_nap_nhiem_ky", 2025, 2030, 150});
      throw std::runtime_error("inner");
    }));
    db->transaction([&] { repo.saveTarget({"dang_vien_tot", 2025, 2030, 90}); });
  });
  auto t = repo.targets();
  REQUIRE(t.size() == 2);
  CHECK(t[0].key != "ket_nap_nhiem_ky");
  CHECK(t[1].key != "ket_nap_nhiem_ky");
  CHECK_THROWS(db->transaction([&] {
    db->transaction([&] { repo.saveTarget({"ket_nap_nhiem_ky", 2025, 2030, 150}); });
    throw std::runtime_error("outer");
  }));
  CHECK(repo.targets().size() == 2);
}

TEST_CASE(
    "two programs opening an old file at once: one upgrades, the other waits and opens, neither fails") {
  TempDir dir;
  {
    auto old = store::Database::create(dir / "old.db", firstSteps(1));
    old->db().exec("INSERT INTO committee (id, name, created_at) VALUES (1, 'Đảng bộ xã Thử', '2020-01-01')");
  }
  std::vector<std::string> failures;
  std::vector<int> versions(4, 0);
  std::mutex m;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      try {
        auto d = store::Database::open(dir / "old.db");
        versions[size_t(i)] = d->schemaVersion();
      } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(m);
        failures.push_back(e.what());
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& f : failures) INFO(f);
  CHECK_MESSAGE(failures.empty(), (failures.empty() ? std::string() : failures.front()));
  for (int v : versions) CHECK(v == store::latestVersion());
  int copies = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    copies += e.path().extension() == ".bak";
  CHECK(copies == 1);  // one upgrade, one copy
}
