// A window's register read by another program while the window has lost its SQLite locks (a file dialog of
// the window opened and closed the register to guess its type): the other program must not checkpoint and
// delete the WAL the window goes on writing to.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <functional>

#include "../TestUtil.h"
#include "exchange/Backup.h"
#include "services/BulkWrite.h"
#include "services/InstanceLock.h"
#include "services/Reader.h"
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
// Opens and closes the register's files as other code of the window's process does (GIO guessing their
// type while a file dialog lists the folder), which drops every SQLite lock of this process on them.
void touch(const std::filesystem::path& db, std::initializer_list<const char*> suffixes) {
  for (const char* suffix : suffixes) {
    const int fd = ::open((db.string() + suffix).c_str(), O_RDONLY);
    if (fd >= 0) ::close(fd);
  }
}

// The window in a child process: its lock taken, the register open, and `steps` run with `add` (writes an
// organization) and `pause` (tells the test a step is done and waits until it says go on; false if the test
// has gone). The child's exit status is what `steps` returns (6 on an exception).
class ForkedWindow {
 public:
  using Add = std::function<void(const char*)>;
  using Pause = std::function<bool()>;
  using Steps = std::function<int(services::Services&, const Add& add, const Pause& pause)>;

  ForkedWindow(const std::filesystem::path& db, const Steps& steps) {
    REQUIRE(::pipe(toParent_) == 0);
    REQUIRE(::pipe(toChild_) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    // Each side closes the ends it does not use: a window that died (SIGBUS) is then an end of file to
    // reached(), not a wait for ever.
    ::close(pid_ != 0 ? toParent_[1] : toParent_[0]);
    ::close(pid_ != 0 ? toChild_[0] : toChild_[1]);
    if (pid_ != 0) return;
    int rc = 0;
    try {
      services::InstanceLock lock(db);
      auto s = services::Services::open(db);
      const Add add = [&](const char* code) {
        services::storeOf(*s).db().exec(
            std::string("INSERT INTO organizations (code, name, kind, category) VALUES ('") + code +
            "', 'Chi bộ " + code + "', 'truc_thuoc', 'ban')");
      };
      rc = steps(*s, add, [&] {
        send(toParent_[1]);
        return receive(toChild_[0]);
      });
    } catch (...) {
      rc = 6;
    }
    _exit(rc);
  }
  pid_t pid() const { return pid_; }
  /// Waits until the window has done its next step.
  bool reached() { return receive(toParent_[0]); }
  void goOn() { send(toChild_[1]); }
  /// The signal that ended the window, once reached() said it is gone (0: none).
  int endingSignal() {
    int status = 0;
    return ::waitpid(pid_, &status, 0) == pid_ && WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  }
  /// Lets the window end and returns its exit status (-1 if it did not exit).
  int finish() {
    goOn();
    int status = 0;
    ::waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  int toParent_[2] = {-1, -1}, toChild_[2] = {-1, -1};
  pid_t pid_ = -1;
};
}  // namespace

TEST_CASE("register: a program reading beside a window that lost its locks leaves the window's WAL alone") {
  TempDir dir;
  const auto db = dir / "w.db";
  services::Services::create(db, {"Đảng bộ xã Thử", "Thử", "", "", ""}).reset();
  ForkedWindow window(
      db, [&](services::Services&, const ForkedWindow::Add& add, const ForkedWindow::Pause& pause) {
        add("CB01");
        touch(db, {"", "-shm"});
        if (!pause()) return 4;
        add("CB02");
        return pause() ? 0 : 5;
      });
  REQUIRE(window.reached());
  // Another program (dangbo-cli) reads and closes while the window runs.
  CHECK(organizations(db) == 1);
  CHECK(std::filesystem::exists(db.string() + "-wal"));
  window.goOn();
  REQUIRE(window.reached());
  // The window's next write is seen by the next reader: it went to the WAL everyone reads.
  CHECK(organizations(db) == 2);
  CHECK(window.finish() == 0);
  CHECK(organizations(db) == 2);
}

namespace {
// The process holding a read lock on `length` bytes of `file` from `start`, as another process sees it (0:
// none).
pid_t readLockHolder(const std::filesystem::path& file, off_t start, off_t length) {
  const int fd = ::open(file.c_str(), O_RDWR);
  if (fd < 0) return 0;
  struct flock l {};
  l.l_type = F_WRLCK;
  l.l_whence = SEEK_SET;
  l.l_start = start;
  l.l_len = length;
  const int rc = ::fcntl(fd, F_GETLK, &l);
  ::close(fd);
  return rc == 0 && l.l_type == F_RDLCK ? l.l_pid : 0;
}
// SQLite's shared lock on the database file (SHARED_FIRST, SHARED_SIZE of os_unix.c), held by every
// connection in WAL mode, and the -shm byte each connection holds while it has the file open (UNIX_SHM_DMS).
constexpr off_t kSharedFirst = 0x40000000 + 2, kSharedSize = 510, kShmAlive = 128;
// The holder F_GETLK names for a lock of an open file description (core::platform::HeldReadLock).
constexpr pid_t kHeldApart = -1;

// A new register in a folder of its own, with the names of its WAL and -shm.
struct NewRegister {
  TempDir dir;
  std::filesystem::path db = dir / "w.db", wal = db.string() + "-wal", shm = db.string() + "-shm";
  NewRegister() { services::Services::create(db, {"Đảng bộ xã Thử", "Thử", "", "", ""}).reset(); }
};

// What the sqlite3 program does: a plain connection, no window lock known, closing as the last one if it
// finds no other lock (checkpointing and deleting the WAL then).
int countWithPlainSqlite(const std::filesystem::path& db) {
  SQLite::Database plain(db.string(), SQLite::OPEN_READWRITE);
  return plain.execAndGet("SELECT count(*) FROM organizations").getInt();
}
}  // namespace

TEST_CASE("register: the window holds its locks through its file dialogs, and keeps writing where all read") {
  const NewRegister r;
  const auto &db = r.db, &wal = r.wal, &shm = r.shm;
  ForkedWindow window(
      db, [&](services::Services& s, const ForkedWindow::Add& add, const ForkedWindow::Pause& pause) {
        add("CB01");
        if (!pause()) return 4;           // 1: locks held
        touch(db, {"", "-wal", "-shm"});  // a file dialog listing the register's folder
        if (!pause()) return 5;           // 2: locks lost
        if (!s.reconnect()) return 7;     // what the window does when the dialog closes
        if (!pause()) return 8;           // 3: reconnected
        add("CB02");
        return pause() ? 0 : 9;  // 4: written
      });
  const pid_t pid = window.pid();
  REQUIRE(window.reached());
  CHECK(readLockHolder(db, kSharedFirst, kSharedSize) == pid);
  CHECK(readLockHolder(shm, kShmAlive, 1) == pid);
  window.goOn();
  REQUIRE(window.reached());
  // SQLite's own locks are gone; the same ones held apart (store::Database::holdLocks) are still seen.
  CHECK(readLockHolder(db, kSharedFirst, kSharedSize) == kHeldApart);
  CHECK(readLockHolder(shm, kShmAlive, 1) == kHeldApart);
  // Meanwhile sqlite3 reads and closes, and leaves the WAL to the window.
  CHECK(countWithPlainSqlite(db) == 1);
  CHECK(std::filesystem::exists(wal));
  window.goOn();
  REQUIRE(window.reached());
  // The reconnected window holds its locks again, on the files now on disk.
  CHECK(readLockHolder(db, kSharedFirst, kSharedSize) == pid);
  CHECK(readLockHolder(shm, kShmAlive, 1) == pid);
  window.goOn();
  REQUIRE(window.reached());
  // Its next write is read by sqlite3, which leaves the WAL to the window.
  CHECK(countWithPlainSqlite(db) == 2);
  CHECK(std::filesystem::exists(wal));
  CHECK(organizations(db) == 2);
  CHECK(window.finish() == 0);
  CHECK(countWithPlainSqlite(db) == 2);
}

namespace {
// What SQLite does on opening a register whose -shm no process holds (os_unix.c, unixLockSharedMemory): the
// -shm's byte UNIX_SHM_DMS taken for writing and the file truncated to 3 bytes, before the index is built
// again. True when it could (the window had lost its hold).
bool truncateShmAsAFirstOpener(const std::filesystem::path& shm) {
  const int fd = ::open(shm.c_str(), O_RDWR);
  if (fd < 0) return false;
  struct flock l {};
  l.l_type = F_WRLCK;
  l.l_whence = SEEK_SET;
  l.l_start = kShmAlive;
  l.l_len = 1;
  bool done = ::fcntl(fd, F_GETLK, &l) == 0 && l.l_type == F_UNLCK;
  l.l_type = F_WRLCK;
  done = done && ::fcntl(fd, F_SETLK, &l) == 0 && ::ftruncate(fd, 3) == 0;
  ::close(fd);  // the lock ends with it
  return done;
}
}  // namespace

TEST_CASE(
    "register: GTK closing the register's files after the window reconnected leaves the -shm it maps whole "
    "(no SIGBUS)") {
  const NewRegister r;
  const auto &db = r.db, &wal = r.wal, &shm = r.shm;
  ForkedWindow window(
      db, [&](services::Services& s, const ForkedWindow::Add& add, const ForkedWindow::Pause& pause) {
        add("CB01");
        touch(db, {"", "-wal", "-shm"});  // a file dialog listing the register's folder
        if (!s.reconnect()) return 7;     // the dialog closed
        touch(db, {"-shm"});              // GIO's last guess of a type, done on its own thread meanwhile
        if (!pause()) return 4;           // 1
        add("CB02");                      // reads and writes the WAL's index in the -shm it maps
        return pause() ? 0 : 5;           // 2
      });
  REQUIRE(window.reached());
  CHECK(readLockHolder(db, kSharedFirst, kSharedSize) != 0);
  CHECK(readLockHolder(shm, kShmAlive, 1) != 0);
  // Another program opening the register (sqlite3, dangbo-cli) sees the window there and leaves the -shm
  // alone. Had it truncated it, the window's next use of the index beyond its first page ended the window
  // with SIGBUS (gui_members_flow, twice): the child would be gone below.
  CHECK_FALSE(truncateShmAsAFirstOpener(shm));
  CHECK(std::filesystem::file_size(shm) >= 32768);
  window.goOn();
  REQUIRE_MESSAGE(window.reached(),
                  "the window ended by signal " << window.endingSignal() << " (SIGBUS is " << SIGBUS << ")");
  CHECK(countWithPlainSqlite(db) == 2);
  CHECK(std::filesystem::exists(wal));
  CHECK(window.finish() == 0);
  CHECK(organizations(db) == 2);
}

TEST_CASE(
    "register: the window's own readers beside it (the overview's, the backup's) leave its locks held") {
  TempDir dir;
  const auto db = dir / "w.db";
  const std::filesystem::path wal = db.string() + "-wal";
  services::Services::create(db, {"Đảng bộ xã Thử", "Thử", "", "", ""}).reset();
  ForkedWindow window(
      db, [&](services::Services&, const ForkedWindow::Add& add, const ForkedWindow::Pause& pause) {
        add("CB01");
        {
          // The overview's reader, opened, used and closed; the backup's pinned state, held.
          std::atomic<bool> stop{false};
          if (services::openReader(db, &stop)->summary(*core::Date::make(2026, 11, 29)).organizations < 1)
            return 4;
        }
        exchange::PinnedRegister pinned(db);
        if (!pause()) return 5;  // 1: both opened
        add("CB02");
        return pause() ? 0 : 7;  // 2: written
      });
  const pid_t pid = window.pid();
  REQUIRE(window.reached());
  CHECK(readLockHolder(db, kSharedFirst, kSharedSize) == pid);
  // sqlite3 reading beside the window leaves its WAL alone.
  CHECK(countWithPlainSqlite(db) == 1);
  CHECK(std::filesystem::exists(wal));
  window.goOn();
  REQUIRE(window.reached());
  CHECK(countWithPlainSqlite(db) == 2);
  CHECK(window.finish() == 0);
  CHECK(organizations(db) == 2);
}

TEST_CASE(
    "register: a reconnect waits for the end of a transaction, a bulk write or a read, and keeps the "
    "object") {
  TempDir dir;
  const auto db = dir / "r.db";
  auto s = services::Services::create(db, {"Đảng bộ xã Thử", "Thử", "", "", ""});
  auto& store = services::storeOf(*s);
  bool inside = true;
  store.transaction([&] { inside = s->reconnect(); });
  CHECK_FALSE(inside);
  {
    services::BulkWrite bulk(*s);
    CHECK_FALSE(s->reconnect());
  }
  {
    SQLite::Statement reading(store.db(), "SELECT 1 UNION ALL SELECT 2");
    REQUIRE(reading.executeStep());
    CHECK_FALSE(s->reconnect());
  }
  CHECK(s->reconnect());
  CHECK(s->committee().name == "Đảng bộ xã Thử");
  store.transaction([&] {
    store.db().exec(
        "INSERT INTO organizations (code, name, kind, category) VALUES ('CB01', 'Chi bộ 1', 'truc_thuoc', "
        "'ban')");
  });
  CHECK(organizations(db) == 1);
  CHECK(store.db().execAndGet("PRAGMA foreign_keys").getInt() == 1);  // the house settings again
}
