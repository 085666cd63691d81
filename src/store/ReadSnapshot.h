#pragma once
// A connection that reads the register beside the window's own, on a thread of its own: the state it reads
// held at one moment (a read transaction, which the WAL keeps while others write), whether anything was
// committed since, and a stop that any thread may set.
#include <atomic>
#include <cstdint>

namespace dangbo::store {

class Database;

/// Begins a read transaction on `db` and reads in it: every later read of the connection sees the register as
/// it is now, until unpinReadState (writers on other connections are not held up).
void pinReadState(Database& db);
/// Ends the read transaction of pinReadState (nothing when there is none).
void unpinReadState(Database& db) noexcept;
/// PRAGMA data_version: a number that changes when another connection commits to the file.
int64_t dataVersion(Database& db);
/// From now on, once `*stop` is set (by any thread), the statement running on `db` fails (SQLITE_INTERRUPT,
/// through SQLite's progress handler) and so does every later one. `stop` must outlive the connection.
void stopWhen(Database& db, const std::atomic<bool>* stop);

}  // namespace dangbo::store
