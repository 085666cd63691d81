#pragma once
// Where dangbo keeps its files by default.
#include <filesystem>

namespace dangbo::services {

/// $XDG_DATA_HOME/dangbo/dangbo.db, or ~/.local/share/dangbo/dangbo.db (spec/cli.md).
std::filesystem::path defaultDatabasePath();

/// Refuses (core::DataError) to write `file` over the register at `registerPath`, its journal, lock, anchor,
/// upgrade copies, replaced copies or automatic backups (symbolic links and other spellings followed), over
/// any existing SQLite database, or over a folder. Every save of the window and every --out of the CLI asks
/// first.
void refuseOverwritingRegister(const std::filesystem::path& file, const std::filesystem::path& registerPath);

}  // namespace dangbo::services
