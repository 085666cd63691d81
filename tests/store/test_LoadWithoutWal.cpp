// store::Database::transactionWithoutWal: a load into a file this connection has alone is written with a
// rollback journal, and the file is back in WAL mode afterwards (its locks held again, so that another
// program closing does not take the WAL away); with another connection open the WAL stays; a failed load
// leaves the file as it was.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "../TestUtil.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string journalMode(store::Database& db) {
  return db.db().execAndGet("PRAGMA main.journal_mode").getString();
}

int probeRows(store::Database& db) {
  return db.db().execAndGet("SELECT count(*) FROM load_probe").getInt();
}

// Whether a read lock of an open file description (store::Database's held locks, F_GETLK names no process
// for them) is on the database file's shared range (SHARED_FIRST, SHARED_SIZE of SQLite's os_unix.c).
bool heldApart(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock l {};
  l.l_type = F_WRLCK;
  l.l_whence = SEEK_SET;
  l.l_start = 0x40000000 + 2;
  l.l_len = 510;
  const bool held = ::fcntl(fd, F_GETLK, &l) == 0 && l.l_type == F_RDLCK && l.l_pid == -1;
  ::close(fd);
  return held;
}

// A new register with a table of its own to load.
struct NewFile {
  TempDir dir;
  fs::path path = dir / "r.db", wal = path.string() + "-wal", journal = path.string() + "-journal";
  std::unique_ptr<store::Database> db = store::Database::create(path);
  NewFile() { db->db().exec("CREATE TABLE load_probe (x INTEGER, t TEXT)"); }
  void load(int n) {
    SQLite::Statement ins(db->db(), "INSERT INTO load_probe VALUES (?, 'Lò Văn Pằn')");
    for (int i = 0; i < n; ++i) {
      ins.bind(1, i);
      ins.exec();
      ins.reset();
    }
  }
};

}  // namespace

TEST_CASE("load without the WAL: a file held alone is written through a rollback journal, then back in WAL") {
  NewFile f;
  REQUIRE(journalMode(*f.db) == "wal");
  REQUIRE(heldApart(f.path));
  bool journalSeen = false, walSeen = true;
  const bool without = f.db->transactionWithoutWal([&] {
    CHECK(journalMode(*f.db) == "delete");
    f.load(20000);
    journalSeen = fs::exists(f.journal);
    walSeen = fs::exists(f.wal);
  });
  CHECK(without);
  CHECK(journalSeen);
  CHECK_FALSE(walSeen);
  CHECK(journalMode(*f.db) == "wal");
  CHECK_FALSE(fs::exists(f.journal));
  CHECK(probeRows(*f.db) == 20000);
  CHECK(f.db->integrityCheck() == "ok");
  CHECK(heldApart(f.path));
  // Writing goes on through the WAL, and the connection holds its locks again: another program opening and
  // closing the file (as sqlite3 does) does not take itself for the last one and remove the WAL.
  f.db->transaction([&] { f.load(10); });
  CHECK(fs::exists(f.wal));
  {
    SQLite::Database other(f.path.string(), SQLite::OPEN_READWRITE);
    CHECK(other.execAndGet("SELECT count(*) FROM load_probe").getInt() == 20010);
  }
  CHECK(fs::exists(f.wal));
  CHECK(probeRows(*f.db) == 20010);
}

TEST_CASE("load without the WAL: with another connection open the WAL stays and the load is written") {
  NewFile f;
  SQLite::Database other(f.path.string(), SQLite::OPEN_READONLY);
  CHECK(other.execAndGet("SELECT count(*) FROM load_probe").getInt() == 0);
  std::string during;
  const bool without = f.db->transactionWithoutWal([&] {
    during = journalMode(*f.db);
    f.load(500);
  });
  CHECK_FALSE(without);
  CHECK(during == "wal");
  CHECK(probeRows(*f.db) == 500);
  CHECK(other.execAndGet("SELECT count(*) FROM load_probe").getInt() == 500);
}

TEST_CASE("load without the WAL: a failed load leaves the file as it was, in WAL mode") {
  NewFile f;
  f.db->transaction([&] { f.load(7); });
  CHECK_THROWS_AS(f.db->transactionWithoutWal([&] {
    f.load(5000);
    throw std::runtime_error("stopped");
  }),
                  std::runtime_error);
  CHECK(journalMode(*f.db) == "wal");
  CHECK_FALSE(fs::exists(f.journal));
  CHECK(probeRows(*f.db) == 7);
  CHECK(f.db->integrityCheck() == "ok");
  // Inside a transaction it is a transaction (a savepoint) like any other.
  f.db->transaction([&] { CHECK_FALSE(f.db->transactionWithoutWal([&] { f.load(1); })); });
  CHECK(probeRows(*f.db) == 8);
}

TEST_CASE(
    "load without the WAL: a load ended by a crash is rolled back by the next opening, even for reading") {
  NewFile f;
  f.db->transaction([&] { f.load(3); });
  f.db.reset();
  // A command line killed in the middle of its first load: the journal is left behind, hot.
  const pid_t child = fork();
  if (child == 0) {
    auto db = store::Database::open(f.path);
    db->transactionWithoutWal([&] {
      SQLite::Statement ins(db->db(), "INSERT INTO load_probe VALUES (?, 'Lò Văn Pằn')");
      for (int i = 0; i < 300000; ++i) {  // more than the page cache holds: pages reach the file
        ins.bind(1, i);
        ins.exec();
        ins.reset();
      }
      _exit(0);  // ends the process inside the transaction, as a kill would
    });
    _exit(1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  REQUIRE(fs::exists(f.journal));
  // Reading (dangbo-cli check, members, a backup) finds the register as it was before the load.
  auto reading = store::Database::openReadOnly(f.path);
  CHECK(probeRows(*reading) == 3);
  CHECK(reading->integrityCheck() == "ok");
  reading.reset();
  auto again = store::Database::openReadOnly(f.path);  // nothing left to roll back
  CHECK(probeRows(*again) == 3);
  again.reset();
  auto writing = store::Database::open(f.path);
  CHECK(journalMode(*writing) == "wal");
  CHECK(probeRows(*writing) == 3);
}
