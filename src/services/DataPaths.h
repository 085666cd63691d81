#pragma once
// Where dangbo finds the files it ships beside the programs (the user guide, the default report templates):
// installed (PREFIX/share/dangbo, found from the program's own place, so an unpacked or relocated copy works
// too) or run from the build tree (the source folder).
#include <filesystem>
#include <optional>
#include <string_view>

namespace dangbo::services {

/// The folder of the running program ("" when the system does not say).
std::filesystem::path executableFolder();
/// The user guide, relative to the data folder (the same in the sources and installed).
inline constexpr std::string_view kGuide = "docs/huong-dan.html";
/// The folder of the shipped files: the first of these that holds the user guide: $DANGBO_DATA_DIR;
/// PROGRAM/../share/dangbo; the install prefix's share/dangbo; $XDG_DATA_HOME/dangbo and each of
/// $XDG_DATA_DIRS/dangbo (per XDG); the source tree. Empty when none does.
std::filesystem::path dataFolder();
/// `relative` (e.g. kGuide, "reports/congress.txt") inside the first of those folders that holds it.
std::optional<std::filesystem::path> findDataFile(std::string_view relative);

}  // namespace dangbo::services
