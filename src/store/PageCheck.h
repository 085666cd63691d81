#pragma once
// Every page of a register checked (PRAGMA quick_check) on a thread of its own, of the state a read-only
// connection has pinned: the window opens at once and writes nothing until the check has passed
// (store::Database::Verify::Behind).
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace dangbo::store {

class Database;

/// One check of every page, started at construction.
class PageCheck {
 public:
  /// Checks the state `pinned` reads (a connection inside a read transaction), on a thread; the connection is
  /// closed as soon as the check ends.
  explicit PageCheck(std::unique_ptr<Database> pinned);
  /// Stops the check if it still runs (SQLite's interrupt) and waits for its thread.
  ~PageCheck();
  PageCheck(const PageCheck&) = delete;
  PageCheck& operator=(const PageCheck&) = delete;

  /// nullopt while the check runs; then "ok", or SQLite's description of the damage.
  std::optional<std::string> found() const;
  /// Waits for the end of the check: "ok", or SQLite's description of the damage.
  std::string wait();

 private:
  void run();
  std::unique_ptr<Database> pinned_;  // guarded by mutex_ (closed by the thread when it ends)
  mutable std::mutex mutex_;
  std::condition_variable ended_;
  std::atomic<bool> done_{false};
  std::string found_;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace dangbo::store
