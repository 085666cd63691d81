#pragma once
// Whole-file backups and restores through SQLite's online backup.
#include <filesystem>

namespace dangbo::services {
class Services;
}

namespace dangbo::exchange {

/// Copies the open register to `to` (refuses an existing file); the copy is checked before returning.
void backupDatabase(services::Services& s, const std::filesystem::path& to);
/// Replaces the file at `dbPath` by the backup `from` after checking that `from` is a sound dangbo file
/// of a version this program knows. The replaced file is kept beside it; returns where.
std::filesystem::path restoreDatabase(const std::filesystem::path& dbPath, const std::filesystem::path& from);

/// The automatic backup: copies the open register into `folder` as NAME-YYYYMMDD-HHMMSS-NN.db (NAME being the
/// register's file name without extension) and keeps only the `keep` newest such copies. Returns the new
/// copy.
std::filesystem::path rotateBackup(services::Services& s, const std::filesystem::path& folder, int keep);

}  // namespace dangbo::exchange
