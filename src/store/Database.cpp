#include "store/Database.h"

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <thread>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "core/Progress.h"
#include "store/PageCheck.h"

namespace dangbo::store {

using core::DatabaseError;
using core::format;
using core::tr;
namespace fs = std::filesystem;

namespace {
// How long a connection waits for another program's lock before giving up (SQLITE_BUSY).
constexpr int kBusyMs = 5000;

// SQLite counts every allocation under one global mutex (for sqlite3_memory_used and a soft heap limit, which
// dangbo never uses): without the count a province's import, millions of small allocations, skips that lock.
// It must be set before the library starts, that is before the first connection: at program start.
[[maybe_unused]] const bool kAllocationCountOff = [] {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return true;
}();

int pragmaInt(SQLite::Database& db, const char* name) {
  return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

// The fields of the 100-byte SQLite header that decide whether a file may be opened at all. Reading
// them directly leaves a refused file and its folder exactly as they were (no -wal or -shm files).
struct Header {
  bool sqlite = false;
  uint32_t userVersion = 0;
  uint32_t applicationId = 0;
  bool wal = false;  // in WAL mode (the file format's read and write versions 2)
};

Header readHeader(const fs::path& path) {
  Header h;
  std::ifstream in(path, std::ios::binary);
  unsigned char buf[100];
  if (!in.read(reinterpret_cast<char*>(buf), sizeof buf)) return h;
  h.sqlite = std::memcmp(buf, "SQLite format 3", 16) == 0;
  auto be32 = [&](int off) {
    return uint32_t(buf[off]) << 24 | uint32_t(buf[off + 1]) << 16 | uint32_t(buf[off + 2]) << 8 |
           uint32_t(buf[off + 3]);
  };
  h.userVersion = be32(60);
  h.applicationId = be32(68);
  h.wal = buf[18] == 2 && buf[19] == 2;
  return h;
}

// "file:" URI of a path, with the characters URIs reserve escaped.
std::string uriOf(const fs::path& path) {
  std::string out = "file:";
  for (unsigned char c : fs::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += char(c);
    }
  }
  return out;
}

std::string stamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

// While another program turns the file to WAL or closes it, SQLite answers a reader "busy" at once, without
// its busy handler; that passes in milliseconds, so a look at the file is tried again for a few seconds.
template <class Look>
auto retryWhileBusy(Look look) {
  for (int attempt = 0;; ++attempt) {
    try {
      return look();
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || attempt >= 200) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  }
}
}  // namespace

int latestVersion(const std::vector<Migration>& steps) {
  int v = 0;
  for (const auto& m : steps) v = std::max(v, m.version);
  return v;
}

Database::Database(std::unique_ptr<SQLite::Database> db, fs::path path)
    : db_(std::move(db)), pool_(std::make_unique<StatementPool>(*db_)), path_(std::move(path)) {}

Database::~Database() {
  check_.reset();  // its thread stopped before the connection closes
  releaseLocks();  // SQLite closing as the last connection asks for write locks where they are
  pool_.reset();
  db_.reset();
}

namespace {
// The locks by which os_unix.c tells other programs that a connection is there: the read lock on the
// database file of every connection in WAL mode (SHARED_FIRST, SHARED_SIZE), which a program closing must
// turn into a write lock before it checkpoints and deletes the WAL; and the -shm byte held while the -shm is
// mapped (UNIX_SHM_DMS), which the first program to find it free truncates to 3 bytes before it builds the
// index again.
constexpr long long kSharedFirst = 0x40000000LL + 2, kSharedSize = 510, kShmMapped = 128;
}  // namespace

void Database::holdLocks() {
  // SQLite's own locks are POSIX record locks: code of this process closing any descriptor of the file or of
  // its -shm (GTK guessing the type of each file a dialog lists, at times after the dialog has closed and
  // the window has reconnected) drops them all. Another program opening the register then truncated the -shm
  // this connection maps, and its next read of the WAL index ended the process with SIGBUS
  // (gui_members_flow); or, closing, it deleted the WAL this connection goes on writing to. The same locks
  // held on descriptors of their own are not dropped so.
  if (held_.empty()) {
    held_.push_back(std::make_unique<core::platform::HeldReadLock>(path_, kSharedFirst, kSharedSize));
    held_.push_back(std::make_unique<core::platform::HeldReadLock>(path_.string() + "-shm", kShmMapped, 1));
  } else {
    for (auto& l : held_) l->take();
  }
}

void Database::releaseLocks() {
  for (auto& l : held_) l->release();
}

std::optional<std::string> Database::pageCheck() const {
  if (check_) return check_->found();
  return damage_.empty() ? std::string("ok") : damage_;
}

namespace {
// SQLite's commit hook while writes are held: a commit that would change the register's own file is turned
// into a rollback (SQLITE_CONSTRAINT_COMMITHOOK). It acts when a statement runs, not when it is prepared
// (pages prepare their writing statements ahead), and lets the connection's temporary tables, which readers
// fill (the members list's cache token, the search index's bound), be written.
int refuseRegisterCommit(void* handle) {
  return sqlite3_txn_state(static_cast<sqlite3*>(handle), "main") == SQLITE_TXN_WRITE ? 1 : 0;
}

// Told when a write waits for the check of every page (setCheckWaitNotice).
std::function<void(bool)>& checkWaitNotice() {
  static std::function<void(bool)> notice;
  return notice;
}
}  // namespace

void Database::setCheckWaitNotice(std::function<void(bool)> notice) {
  checkWaitNotice() = std::move(notice);
}

void Database::holdWrites() {
  writesHeld_ = true;
  sqlite3_commit_hook(db_->getHandle(), refuseRegisterCommit, db_->getHandle());
  // Closing would otherwise checkpoint a WAL left by another program into the file not yet checked.
  sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

void Database::writeOnlyWhenChecked() {
  if (!writesHeld_) return;
  if (check_) {
    const auto& notice = checkWaitNotice();
    const bool waits = !check_->found() && notice;
    if (waits) notice(true);
    const std::string found = check_->wait();
    if (waits) notice(false);
    check_.reset();
    if (found != "ok") damage_ = found;
  }
  if (!damage_.empty())
    throw DatabaseError(format(tr("The file {1} is damaged: {2}"), {path_.string(), damage_}) + " " +
                        tr("Nothing was written."));
  sqlite3_commit_hook(db_->getHandle(), nullptr, nullptr);
  sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, keepWal_ ? 1 : 0, nullptr);
  writesHeld_ = false;
}

bool Database::transactionWithoutWal(const std::function<void()>& work) {
  auto* handle = db_->getHandle();
  if (!sqlite3_get_autocommit(handle) || check_ || writesHeld_) {
    transaction(work);
    return false;
  }
  // Leaving the WAL needs the file's exclusive lock: refused at once (no wait) while any other connection is
  // there. The locks this connection holds on its own descriptors would count as another's.
  releaseLocks();
  std::string mode;
  db_->setBusyTimeout(0);
  try {
    mode = db_->execAndGet("PRAGMA main.journal_mode = DELETE").getString();
  } catch (const SQLite::Exception&) {
    mode.clear();
  }
  db_->setBusyTimeout(kBusyMs);
  if (mode != "delete") {
    holdLocks();
    transaction(work);
    return false;
  }
  // Whether `work` returned or threw (a refusal must not end in a WAL error instead of its own).
  auto backToWal = [&] {
    try {
      db_->exec("PRAGMA main.journal_mode = WAL");
    } catch (const SQLite::Exception&) {  // the next opening puts the file back in WAL mode (configure)
    }
    holdLocks();
  };
  try {
    transaction(work);
  } catch (...) {
    backToWal();
    throw;
  }
  backToWal();
  return true;
}

void Database::configure() {
  db_->setBusyTimeout(kBusyMs);
  db_->exec("PRAGMA foreign_keys = ON");
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec("PRAGMA synchronous = NORMAL");
}

std::unique_ptr<Database> Database::create(const fs::path& path, const std::vector<Migration>& steps) {
  std::error_code ec;
  if (fs::exists(path, ec))
    throw core::DataError(format(tr("The file {1} already exists; it was not changed."), {path.string()}));
  std::unique_ptr<SQLite::Database> conn;
  try {
    conn = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(format(tr("Cannot create the file {1}: {2}"), {path.string(), e.what()}));
  }
  std::unique_ptr<Database> d(new Database(std::move(conn), path));
  try {
    // 16 KB pages (SQLite's default is 4 KB): a province's import writes and indexes a quarter as many pages
    // (benchmark: 2,58-2,79x the bare baseline instead of 2,96-3,04x). Set before the first table; files
    // made earlier keep their size.
    core::platform::makeOwnerOnly(path);
    d->db().exec("PRAGMA page_size = " + std::to_string(kPageSize));
    d->configure();
    d->migrate(steps, true);
    d->holdLocks();
  } catch (...) {
    d.reset();
    fs::remove(path, ec);
    fs::remove(path.string() + "-wal", ec);
    fs::remove(path.string() + "-shm", ec);
    throw;
  }
  return d;
}

std::unique_ptr<Database> Database::openReadOnly(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw DatabaseError(format(tr("The file {1} does not exist."), {path.string()}));
  try {
    return retryWhileBusy([&] { return openReadOnlyOnce(path); });
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(format(tr("Cannot read the file {1}: it is damaged or not a database ({2})."),
                               {path.string(), e.what()}));
  }
}

void Database::keepWalOnClose() {
  // SQLite keeps its locks as POSIX record locks, which a process loses on ALL its descriptors of a file as
  // soon as it closes any one of them. The window's file dialogs (GIO guessing each listed file's type by
  // reading it) open and close the register and its -shm, so the window may hold no lock for a while; a
  // second program closing then found itself alone, checkpointed and deleted the WAL the window was still
  // writing to, and the window's later writes went to a deleted file.
  sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  keepWal_ = true;
}

void Database::leaveUnusable() {
  // An empty database in memory: every later use fails (no such table) instead of reaching a closed one.
  db_ = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
  pool_ = std::make_unique<StatementPool>(*db_);
}

bool Database::reconnect() {
  sqlite3* handle = db_->getHandle();
  if (pool_->depth() > 0 || sqlite3_get_autocommit(handle) == 0) return false;
  // Statements alive but idle may be the full-text index's own (kept by SQLite for the connection's life and
  // finalized by closing); one being stepped means a reader is at work.
  for (sqlite3_stmt* st = sqlite3_next_stmt(handle, nullptr); st; st = sqlite3_next_stmt(handle, st))
    if (sqlite3_stmt_busy(st)) return false;
  // The old connection must be closed first: while any connection of this process has the file open, SQLite
  // shares its lock state with the new one and takes no lock again.
  sqlite3_db_config(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  releaseLocks();  // the new connection, alone, truncates the -shm no other program holds
  pool_.reset();
  db_.reset();
  try {
    retryWhileBusy([&] {
      db_.reset();  // a busy attempt's connection closed before the next one opens (above)
      db_ = std::make_unique<SQLite::Database>(path_.string(), SQLite::OPEN_READWRITE);
      configure();
      if (writesHeld_) holdWrites();
      if (pragmaInt(*db_, "application_id") != kApplicationId)
        throw DatabaseError(format(tr("{1} is not a dangbo database."), {path_.string()}));
      return 0;
    });
  } catch (const SQLite::Exception& e) {
    leaveUnusable();
    throw DatabaseError(format(tr("Cannot open the file {1} for writing: {2}"), {path_.string(), e.what()}));
  } catch (...) {
    leaveUnusable();
    throw;
  }
  pool_ = std::make_unique<StatementPool>(*db_);
  if (keepWal_) keepWalOnClose();
  holdLocks();
  return true;
}

namespace {
// A first load written without the WAL (Database::transactionWithoutWal) and ended by a crash leaves a hot
// journal, which a read-only connection may not roll back (SQLITE_READONLY_ROLLBACK): the file of a dangbo
// register is then opened for writing once, for SQLite to put back the pages the load had changed. False when
// it is not a dangbo file (left as it is) or the folder is read-only.
bool rollBackCrashedLoad(const fs::path& path) {
  if (readHeader(path).applicationId != uint32_t(kApplicationId) || !core::platform::canWriteBeside(path))
    return false;
  SQLite::Database rw(path.string(), SQLite::OPEN_READWRITE);
  rw.setBusyTimeout(kBusyMs);
  rw.execAndGet("SELECT count(*) FROM sqlite_schema");  // the first read rolls the journal back
  return true;
}
}  // namespace

std::unique_ptr<Database> Database::openReadOnlyOnce(const fs::path& path) {
  std::error_code ec;
  {
    std::unique_ptr<SQLite::Database> conn;
    auto look = [&] {
      conn = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY);
      conn->execAndGet("PRAGMA application_id");
    };
    try {
      try {
        look();
      } catch (const SQLite::Exception& e) {
        if (e.getExtendedErrorCode() != SQLITE_READONLY_ROLLBACK || !rollBackCrashedLoad(path)) throw;
        look();
      }
    } catch (const SQLite::Exception&) {
      if (core::platform::canWriteBeside(path)) throw;
      // A read-only folder (a write-protected stick, a CD): SQLite cannot make its -shm there. A file closed
      // cleanly (no WAL left) is read as immutable; one with a WAL cannot be read whole here.
      const fs::path wal = path.string() + "-wal";
      if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0)
        throw DatabaseError(
            format(tr("The register {1} cannot be opened for writing: {2} Copy it to a folder you "
                      "may write in; the file was not changed."),
                   {path.string(), core::platform::writeFailure(path)}));
      conn = std::make_unique<SQLite::Database>(uriOf(path) + "?immutable=1",
                                                SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    }
    conn->setBusyTimeout(kBusyMs);
    int app = pragmaInt(*conn, "application_id");
    if (app != kApplicationId)
      throw DatabaseError(format(tr("{1} is not a dangbo database."), {path.string()}));
    return std::unique_ptr<Database>(new Database(std::move(conn), path));
  }
}

std::unique_ptr<Database> Database::open(const fs::path& path, const std::vector<Migration>& steps) {
  return open(path, Verify::Whole, steps);
}

std::unique_ptr<Database> Database::open(const fs::path& path, Verify verify,
                                         const std::vector<Migration>& steps) {
  const int latest = latestVersion(steps);
  int version = 0;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw DatabaseError(format(tr("The file {1} does not exist."), {path.string()}));
  // While another connection holds changes in the WAL, the header on disk may be stale: then only
  // SQLite itself can tell, below.
  const fs::path wal = path.string() + "-wal";
  const bool walPending = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;
  Header header = readHeader(path);
  if (!walPending && (!header.sqlite || header.applicationId != uint32_t(kApplicationId)))
    throw DatabaseError(format(tr("{1} is not a dangbo database."), {path.string()}));
  if (!walPending && header.userVersion > uint32_t(latest))
    throw DatabaseError(
        format(tr("The file {1} was made by a newer version of dangbo (schema {2}; this program "
                  "knows up to {3}). Install the newer version to open it; the file was not changed."),
               {path.string(), std::to_string(header.userVersion), std::to_string(latest)}));
  // Look before touching: a refused file must stay byte for byte as it was. Verify::Behind keeps the
  // connection that looked, inside a read transaction begun before anything is read: the state its check
  // reads on a thread is the one opened. A file to upgrade, or to turn to WAL (a write before the check), is
  // checked first.
  const bool behind = verify == Verify::Behind && header.wal;
  std::unique_ptr<Database> pinned;
  try {
    version = retryWhileBusy([&] {
      auto ro = openReadOnlyOnce(path);
      if (behind) ro->db().exec("BEGIN");
      const int v = pragmaInt(ro->db(), "user_version");
      const bool whole = verify != Verify::IfUpgrading || v < latest;
      const bool now = whole && !(behind && v == latest);
      auto check = now ? ro->db().execAndGet("PRAGMA quick_check").getString() : std::string("ok");
      if (check != "ok")
        throw DatabaseError(format(tr("The file {1} is damaged: {2}"), {path.string(), check}));
      if (behind && !now) pinned = std::move(ro);
      return v;
    });
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(format(tr("Cannot read the file {1}: it is damaged or not a database ({2})."),
                               {path.string(), e.what()}));
  }
  {
    if (version > latest)
      throw DatabaseError(
          format(tr("The file {1} was made by a newer version of dangbo (schema {2}; this program "
                    "knows up to {3}). Install the newer version to open it; the file was not changed."),
                 {path.string(), std::to_string(version), std::to_string(latest)}));
  }
  // A register made before files were private is made so by its owner's first opening (its journal too).
  if (core::platform::ownedByCurrentUser(path))
    for (const char* suffix : {"", "-wal", "-shm"}) core::platform::makeOwnerOnly(path.string() + suffix);
  std::unique_ptr<SQLite::Database> conn;
  if (!core::platform::canWriteBeside(path))
    throw DatabaseError(
        format(tr("The register {1} cannot be opened for writing: {2} Copy it to a folder you may "
                  "write in; the file was not changed."),
               {path.string(), core::platform::writeFailure(path)}));
  try {
    conn = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(format(tr("Cannot open the file {1} for writing: {2}"), {path.string(), e.what()}));
  }
  std::unique_ptr<Database> d(new Database(std::move(conn), path));
  d->configure();
  d->holdLocks();
  if (pinned) {
    d->holdWrites();
    d->check_ = std::make_unique<PageCheck>(std::move(pinned));
  }
  d->report_.fromVersion = version;
  if (version < latest) {
    // Two programs opening an old file at once: the first upgrades under the write lock, the other waits for
    // it (long enough for a province's file) and then finds the file already upgraded.
    d->db_->setBusyTimeout(600000);
    try {
      d->db_->exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& e) {
      throw DatabaseError(
          format(tr("The file {1} is being upgraded by another dangbo program that does not finish; "
                    "close it and try again ({2})."),
                 {path.string(), e.what()}));
    }
    try {
      const int now = d->schemaVersion();
      if (now < latest) {
        fs::path backup = path.string() + ".v" + std::to_string(now) + "-" + stamp() + ".bak";
        // Copied through a second connection: it reads the file as committed, beside our write lock.
        openReadOnly(path)->backupTo(backup);
        d->report_.backupPath = backup;
        d->migrate(steps, false);
      }
      d->db_->exec("COMMIT");
    } catch (...) {
      try {
        d->db_->exec("ROLLBACK");
      } catch (const SQLite::Exception&) {
      }
      throw;
    }
    d->db_->setBusyTimeout(kBusyMs);
  }
  d->report_.toVersion = d->schemaVersion();
  return d;
}

std::string Database::integrityCheck() {
  return db_->execAndGet("PRAGMA integrity_check").getString();
}

namespace {
// SQLite's progress handler: every few thousand steps of the virtual machine, one step of the stage; a
// cancel interrupts the statement (SQLITE_INTERRUPT), turned into core::Cancelled by the caller.
struct Watched {
  core::ProgressStage* stage;
  uint64_t steps = 0;
  bool cancelled = false;
};
int onSqliteProgress(void* p) {
  auto* w = static_cast<Watched*>(p);
  try {
    w->stage->advance(++w->steps);
  } catch (const core::Cancelled&) {
    w->cancelled = true;
    return 1;
  }
  return 0;
}
}  // namespace

std::string Database::integrityCheck(core::Progress* progress) {
  if (!progress) return integrityCheck();
  core::ProgressStage stage(progress, tr("Checking the copy"), 0);
  Watched watched{&stage};
  sqlite3_progress_handler(db_->getHandle(), 20000, onSqliteProgress, &watched);
  std::string result;
  try {
    result = integrityCheck();
  } catch (const SQLite::Exception&) {
    sqlite3_progress_handler(db_->getHandle(), 0, nullptr, nullptr);
    if (watched.cancelled) throw core::Cancelled(core::ProgressStage::cancelledMessage());
    throw;
  }
  sqlite3_progress_handler(db_->getHandle(), 0, nullptr, nullptr);
  if (watched.cancelled) throw core::Cancelled(core::ProgressStage::cancelledMessage());
  return result;
}

std::vector<std::string> Database::foreignKeyViolations() {
  std::vector<std::string> out;
  SQLite::Statement q(*db_, "PRAGMA foreign_key_check");
  while (q.executeStep())
    out.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " -> " +
                  q.getColumn(2).getString());
  return out;
}

int Database::schemaVersion() {
  return pragmaInt(*db_, "user_version");
}

void Database::migrate(const std::vector<Migration>& steps, bool isNew) {
  int current = schemaVersion();
  if (isNew) db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  for (const auto& m : steps) {
    if (m.version <= current) continue;
    try {
      db_->exec("SAVEPOINT migrate");
      db_->exec(m.sql);
      db_->exec("PRAGMA user_version = " + std::to_string(m.version));
      db_->exec("RELEASE migrate");
    } catch (const SQLite::Exception& e) {
      try {
        db_->exec("ROLLBACK TO migrate");
        db_->exec("RELEASE migrate");
      } catch (...) {
      }
      throw DatabaseError(
          format(tr("Upgrading the database failed at step {1}: {2}. The file was left at the "
                    "previous step."),
                 {m.name, e.what()}));
    }
    current = m.version;
  }
}

namespace {
// Runs `work`; the refusals of the schema's own triggers become messages in the user's language.
void guarded(const std::function<void()>& work) {
  try {
    work();
  } catch (const SQLite::Exception& e) {
    if (std::strstr(e.what(), "rating_round_locked"))
      throw core::DataError(
          tr("A rating of a locked round cannot be written: the office must reopen the round, with a reason, "
             "first. Nothing was changed."));
    throw;
  }
}
}  // namespace

// What the disk or another program did to a write, said in the user's language (exit 1: nothing was written).
[[noreturn]] void rethrowWriteFailure(const SQLite::Exception& e, const fs::path& path) {
  switch (e.getErrorCode() & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw core::DataError(
          format(tr("The register {1} is busy: another dangbo program is writing to it. Try again "
                    "in a moment; nothing was written."),
                 {path.string()}));
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      throw core::DataError(core::platform::writeFailure(path) + " " + tr("Nothing was written."));
    default:
      throw;
  }
}

void Database::transaction(const std::function<void()>& workIn) {
  writeOnlyWhenChecked();
  try {
    transactionRaw(workIn);
  } catch (const SQLite::Exception& e) {
    rethrowWriteFailure(e, path_);
  }
}

void Database::transactionRaw(const std::function<void()>& workIn) {
  const std::function<void()> work = [&workIn] { guarded(workIn); };
  if (sqlite3_get_autocommit(db_->getHandle()) == 0) {
    // Already inside a transaction: nest as a savepoint, so a use case can call another.
    // (Prepared: a bulk caller's many nested calls parse these once.)
    const std::string name = "nested" + std::to_string(++savepointDepth_);
    prepare("SAVEPOINT " + name).exec();
    try {
      work();
    } catch (...) {
      --savepointDepth_;
      prepare("ROLLBACK TO " + name).exec();
      prepare("RELEASE " + name).exec();
      throw;
    }
    --savepointDepth_;
    prepare("RELEASE " + name).exec();
    return;
  }
  SQLite::Transaction t(*db_);
  work();
  t.commit();
}

void Database::copyInto(const fs::path& file, core::Progress* progress) {
  constexpr int kPagesPerStep = 256;
  try {
    SQLite::Database dest(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Backup backup(dest, *db_);
    int done = SQLITE_OK;
    if (!progress) {
      done = backup.executeStep(-1);
    } else {
      // 256 pages a step (4 MB of a register's 16 KB pages): the stage learns its length after the first.
      done = backup.executeStep(kPagesPerStep);
      core::ProgressStage stage(progress, tr("Copying the register"), uint64_t(backup.getTotalPageCount()));
      while (done == SQLITE_OK) {
        stage.advance(uint64_t(backup.getTotalPageCount() - backup.getRemainingPageCount()));
        done = backup.executeStep(kPagesPerStep);
      }
      if (done == SQLITE_DONE) stage.finish();
    }
    if (done != SQLITE_DONE)
      throw DatabaseError(
          format(tr("The file {1} could not be copied: {2}"), {path_.string(), sqlite3_errstr(done)}));
    dest.exec("PRAGMA journal_mode = DELETE");
  } catch (const SQLite::Exception& e) {
    std::error_code ec;
    fs::remove(file.string() + "-journal", ec);
    const int code = e.getErrorCode() & 0xFF;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
      throw DatabaseError(format(tr("The file {1} is damaged: {2}"), {path_.string(), e.what()}));
    // The copy could not be written: a full disk, a read-only folder, a missing stick.
    throw core::DataError(core::platform::writeFailure(file));
  }
  core::platform::makeOwnerOnly(file);
}

void Database::backupTo(const fs::path& to) {
  const fs::path tmp = core::platform::reserveTempBeside(to);
  try {
    copyInto(tmp);
  } catch (...) {
    core::platform::discardTemp(tmp);
    throw;
  }
  core::platform::commitTemp(tmp, to);
}

bool Database::checkpointFile(const fs::path& path) {
  try {
    SQLite::Database conn(path.string(), SQLite::OPEN_READWRITE);
    conn.setBusyTimeout(kBusyMs);
    conn.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return true;
  } catch (const SQLite::Exception&) {
    return false;
  }
}

}  // namespace dangbo::store
