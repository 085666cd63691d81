#pragma once
// Whole-file backups and restores through SQLite's online backup.
#include <filesystem>

namespace dangbo::core {
class Progress;
}
namespace dangbo::services {
class Services;
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

/// The automatic backup: copies the open register into `folder` as NAME-YYYYMMDD-HHMMSS-NN.db (NAME being the
/// register's file name without extension) and keeps only the `keep` newest such copies. Returns the new
/// copy.
std::filesystem::path rotateBackup(services::Services& s, const std::filesystem::path& folder, int keep);

}  // namespace dangbo::exchange
