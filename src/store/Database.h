#pragma once
// One dangbo file: opening with the house pragmas, the schema steps, and the transaction helper.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/Migrations.h"
#include "store/Prepared.h"

namespace dangbo::core {
class Progress;
namespace platform {
class HeldReadLock;
}
}  // namespace dangbo::core

namespace dangbo::store {

class PageCheck;

/// PRAGMA application_id of a dangbo file ("DANG").
constexpr int kApplicationId = 0x44414E47;
/// The page size of a file dangbo creates, in bytes.
constexpr int kPageSize = 16384;

/// What opening found and did.
struct OpenReport {
  int fromVersion = 0;               ///< user_version before opening
  int toVersion = 0;                 ///< user_version after
  std::filesystem::path backupPath;  ///< the copy taken before an upgrade, if any
};

/// An open dangbo database.
class Database {
 public:
  /// Creates a new file with the whole schema; throws DataError when the file already exists.
  static std::unique_ptr<Database> create(const std::filesystem::path& path,
                                          const std::vector<Migration>& steps = builtinMigrations());
  /// Opens an existing file, upgrading it (after a backup) when it is older; refuses a file of a newer
  /// version, a file that is not a dangbo file, or a damaged one (DatabaseError), leaving it untouched.
  static std::unique_ptr<Database> open(const std::filesystem::path& path,
                                        const std::vector<Migration>& steps = builtinMigrations());
  /// How much of an existing file open() reads before using it.
  enum class Verify {
    Whole,        ///< every page (PRAGMA quick_check): the window, and commands that write
    IfUpgrading,  ///< the header always, every page only before an upgrade: commands that only read (a
                  ///< damaged page they read is still refused; `check` reads them all)
    Behind,       ///< the window: the header and version now, every page on a thread (store::PageCheck) of
                  ///< the state pinned at opening; the connection writes nothing until it has passed (see
                  ///< pageCheck). Before an upgrade, or of a file not yet in WAL mode, every page is checked
                  ///< first as with Whole.
  };
  /// open() with the given verification.
  static std::unique_ptr<Database> open(const std::filesystem::path& path, Verify verify,
                                        const std::vector<Migration>& steps = builtinMigrations());
  /// Opens read-only without any change (for backups and checks).
  static std::unique_ptr<Database> openReadOnly(const std::filesystem::path& path);
  ~Database();

  /// The check of every page of an opening with Verify::Behind: nullopt while it runs, then "ok" or SQLite's
  /// description of the damage ("ok" for the other openings). Until it has said "ok" the connection writes
  /// nothing to the file: SQLite rolls back any commit that would change it (a commit hook; the connection's
  /// temporary tables stay writable) and closing does not checkpoint the WAL;
  /// transaction() waits for the check's end and throws DatabaseError when it found damage.
  std::optional<std::string> pageCheck() const;
  /// Told, on the writing thread, when a transaction is about to wait for that check (true) and when the wait
  /// has ended (false): a window shows meanwhile that it is busy rather than seeming to hang (at a million
  /// members the check takes seconds). Set once by the program; none by default.
  static void setCheckWaitNotice(std::function<void(bool)> notice);

  /// The connection.
  SQLite::Database& db() { return *db_; }
  /// A statement of `sql`, lent (store/Prepared.h): from the cache inside a StatementCache scope.
  Prepared prepare(const std::string& sql) { return Prepared(*pool_, sql); }
  /// While alive, prepare() keeps the statements it lends and lends them again (a bulk caller of the doors:
  /// services/BulkWrite). Nests; the last one to end finalizes them.
  class StatementCache {
   public:
    explicit StatementCache(Database& db) : pool_(*db.pool_) { pool_.open(); }
    ~StatementCache() { pool_.close(); }
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

   private:
    StatementPool& pool_;
  };
  /// The same scope opened and closed by hand (a caller that cannot hold the class: services/BulkWrite).
  void openStatementCache() { pool_->open(); }
  void closeStatementCache() noexcept { pool_->close(); }
  /// The cache's counts: statements prepared, loans served from the cache (for tests).
  std::pair<size_t, size_t> statementCounts() const { return {pool_->prepared(), pool_->reused()}; }
  /// The file.
  const std::filesystem::path& path() const { return path_; }
  /// What opening did.
  const OpenReport& openReport() const { return report_; }
  /// The schema version of the file.
  int schemaVersion();
  /// Runs `work` in one transaction: committed when it returns, rolled back when it throws. Called inside
  /// another transaction it nests as a savepoint (rolled back alone when it throws). A register busy with
  /// another program's write, a full disk or a read-only folder end in core::DataError in Vietnamese.
  void transaction(const std::function<void()>& work);
  /// transaction() with a rollback journal instead of the WAL, when this connection has the file alone and
  /// is not inside a transaction: a first load into an empty register then writes each page once, into the
  /// file (through the WAL every page is written to it, read back from it while the indexes are built and
  /// copied into the file at the checkpoint: SQLite's own load of a million members 20,0 s through the WAL
  /// and 14,0 s without; dangbo's import of a nation 197 s and 172-180 s; no difference measured at 100.000).
  /// The journal holds only the pages the file had, so a crash or a failure leaves the file as it was. The
  /// file is back in WAL mode afterwards, whether `work` returned or threw. When another connection has the
  /// file open (in this program or another) the WAL stays and `work` runs as in transaction(); a program
  /// opening the file meanwhile waits for the commit (or gives up as on a busy register). Returns whether the
  /// WAL was set aside.
  bool transactionWithoutWal(const std::function<void()>& work);
  /// Inside a transaction: check foreign keys at commit instead of at each statement (for cyclic inserts).
  void deferForeignKeys() { db_->exec("PRAGMA defer_foreign_keys = ON"); }
  /// "ok", or SQLite's description of the damage (PRAGMA integrity_check).
  std::string integrityCheck();
  /// The same check reporting to `progress` (a stage of unknown length) and stopped with core::Cancelled when
  /// the user asks.
  std::string integrityCheck(core::Progress* progress);
  /// Rows whose foreign key points nowhere, as "table row id -> parent" (PRAGMA foreign_key_check).
  std::vector<std::string> foreignKeyViolations();
  /// Copies the whole database (its WAL included) to `to` through SQLite's online backup (works while
  /// open), into a temporary owner-only file renamed into place at the end: a failure leaves `to` as it was
  /// and no temporary file (core::DataError for a full disk or a read-only folder, DatabaseError for damage).
  void backupTo(const std::filesystem::path& to);
  /// The same copy into `file` itself (created or replaced, no rename): for callers that check it first.
  /// With `progress`, the pages copied are reported and a cancel stops the copy with core::Cancelled (the
  /// caller removes `file`).
  void copyInto(const std::filesystem::path& file, core::Progress* progress = nullptr);
  /// Moves the WAL of the file at `path` into the file (PRAGMA wal_checkpoint(TRUNCATE)); false when the file
  /// cannot be opened for writing (damaged, or not a database).
  static bool checkpointFile(const std::filesystem::path& path);
  /// This connection, on closing, neither checkpoints the WAL nor removes it, even when it believes itself
  /// the last one: while a window has the register open, that belief may be false (below).
  void keepWalOnClose();
  /// Closes the connection and opens it again on the same file, so that this process holds its SQLite locks
  /// again: POSIX record locks, all lost when any code of the process (a file dialog guessing file types)
  /// opened and closed one of the file's descriptors. Closing touches nothing on disk (no checkpoint, the WAL
  /// and -shm left as they are: another program may have checkpointed or replaced them meanwhile); the new
  /// connection reads the WAL found on disk. This object, its path and its settings stay; statements are
  /// prepared anew. Does nothing and returns false inside a transaction, a statement cache scope or while a
  /// statement is being stepped; to be called when no statement of the caller's is alive (SQLite would keep
  /// the old connection open, and the locks stay lost). A file that cannot be opened again throws
  /// DatabaseError, and every later use of the object fails.
  bool reconnect();

 private:
  // openReadOnly() once: a busy file throws SQLite::Exception, for the caller to try again.
  static std::unique_ptr<Database> openReadOnlyOnce(const std::filesystem::path& path);
  Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path);
  void configure();
  void leaveUnusable();
  void transactionRaw(const std::function<void()>& work);
  void migrate(const std::vector<Migration>& steps, bool isNew);
  void holdWrites();
  void writeOnlyWhenChecked();
  void holdLocks();
  void releaseLocks();
  // This connection's presence as other programs see it, held where no close by other code of this process
  // can drop it (see holdLocks); before db_: its descriptors are closed after the connection.
  std::vector<std::unique_ptr<core::platform::HeldReadLock>> held_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<StatementPool>
      pool_;  // after db_: its statements are finalized before the connection closes
  std::filesystem::path path_;
  OpenReport report_;
  int savepointDepth_ = 0;
  bool keepWal_ = false;  // keepWalOnClose() asked: asked again of a reconnected connection
  bool writesHeld_ =
      false;            // Verify::Behind until its check said "ok": held again on a reconnected connection
  std::string damage_;  // what the check of Verify::Behind found, when not "ok"
  std::unique_ptr<PageCheck> check_;  // last: its thread is stopped before the connection closes
};

/// The latest version among `steps`.
int latestVersion(const std::vector<Migration>& steps = builtinMigrations());

}  // namespace dangbo::store
