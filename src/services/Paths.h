#pragma once
// Where dangbo keeps its files by default.
#include <filesystem>

namespace dangbo::services {

/// $XDG_DATA_HOME/dangbo/dangbo.db, or ~/.local/share/dangbo/dangbo.db (spec/cli.md).
std::filesystem::path defaultDatabasePath();

}  // namespace dangbo::services
