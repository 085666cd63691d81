#pragma once
// Whole-file backups and restores through SQLite's online backup.
#include <cstdint>
#include <filesystem>
#include <memory>

namespace dangbo::core {
class Progress;
}
namespace dangbo::services {
class Services;
}
namespace dangbo::store {
class Database;
}

namespace dangbo::exchange {

/// Copies the open register to `to` (refuses an existing file unless `replace`, the user having agreed);
/// the copy is checked before returning. With `progress`, the copy and the check report to it, and a cancel
/// (core::Cancelled) leaves no file behind and an existing `to` as it was.
void backupDatabase(services::Services& s, const std::filesystem::path& to,
                    core::Progress* progress = nullptr, bool replace = false);
/// Replaces the file at `dbPath` by the backup `from` after checking that `from` is a sound dangbo file
/// of a version this program knows. The replaced file is kept beside it; returns where. With `progress`,
/// the long part (checking and copying `from`) reports to it and may be cancelled (core::Cancelled): the
/// register is then untouched. (PreparedRestore + finish, in one.)
std::filesystem::path restoreDatabase(const std::filesystem::path& dbPath, const std::filesystem::path& from,
                                      core::Progress* progress = nullptr);

/// A restore in two steps, for the window: the long, cancellable part runs while the register is still
/// open (the backup checked and copied beside it), the short one after it is closed.
class PreparedRestore {
 public:
  /// Checks `from` and copies it to a temporary file beside `dbPath` (core::Cancelled when stopped).
  PreparedRestore(const std::filesystem::path& dbPath, const std::filesystem::path& from,
                  core::Progress* progress = nullptr);
  /// Removes the temporary copy when finish() was not called (or failed).
  ~PreparedRestore();
  PreparedRestore(const PreparedRestore&) = delete;
  PreparedRestore& operator=(const PreparedRestore&) = delete;
  /// Keeps the current file beside it and puts the checked copy in its place; returns where the replaced
  /// file went (empty if there was none). The register must be closed.
  std::filesystem::path finish();

 private:
  std::filesystem::path dbPath_, from_, tmp_;
};

/// What an automatic backup left in its folder.
struct RotatedBackup {
  std::filesystem::path copy;  ///< the newest copy: the one written, or the one found equal to the register
  bool written = false;        ///< false: the register was byte for byte the newest copy, nothing was written
};

/// The register's state at one moment, held for an automatic backup made later or on another thread: a
/// read-only connection of its own inside a read transaction, so that the copy holds exactly what the
/// register held at that moment, whatever is written to it meanwhile (the WAL keeps the pinned pages; writers
/// are not held up). The window pins its register on opening and backs it up in the background.
class PinnedRegister {
 public:
  /// Pins the state of the register at `path` now (no page is read yet: about a millisecond).
  explicit PinnedRegister(const std::filesystem::path& path);
  ~PinnedRegister();
  PinnedRegister(const PinnedRegister&) = delete;
  PinnedRegister& operator=(const PinnedRegister&) = delete;
  /// The automatic backup of the pinned state into `folder` as NAME-YYYYMMDD-HHMMSS-NN.db (NAME being the
  /// register's file name without extension), keeping only the `keep` newest such copies. The pinned state is
  /// copied through SQLite's online backup in steps; when the copy is byte for byte the newest copy already
  /// in `folder` (nothing changed since that backup), that copy stays the newest and nothing is written;
  /// otherwise the copy is checked (integrity, version) before it takes its name, as backupDatabase does. The
  /// pin ends with it. Call once, from any one thread; `progress` may stop it (core::Cancelled, no file
  /// left). The caller anchors the audit trail when a copy was written.
  RotatedBackup backUpInto(const std::filesystem::path& folder, int keep, core::Progress* progress = nullptr);
  /// True when nothing was committed to the register since it was pinned (PRAGMA data_version of a connection
  /// of its own): the register is still what the pinned state holds. May be called from another thread while
  /// backUpInto runs.
  bool unchangedSincePinned();

 private:
  std::filesystem::path path_;
  std::unique_ptr<store::Database> watch_;  // never reads in a transaction: tells whether anything changed
  std::unique_ptr<store::Database> db_;     // the pinned state, read by backUpInto
  int64_t pinnedVersion_ = 0;
};

/// The automatic backup of the open register now: PinnedRegister::backUpInto of its present state, and the
/// audit trail anchored when a copy was written. Returns the newest copy (the one written, or the one found
/// equal to the register).
std::filesystem::path rotateBackup(services::Services& s, const std::filesystem::path& folder, int keep);

}  // namespace dangbo::exchange
