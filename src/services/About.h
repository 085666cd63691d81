#pragma once
// What Help > About shows beside the version: the open file, its schema version and the shipped files.
#include <filesystem>

namespace dangbo::services {

class Services;

/// The facts of Help > About.
struct AboutInfo {
  std::filesystem::path file;        ///< the open register, absolute
  int schemaVersion = 0;             ///< the file's schema version (user_version) now
  int latestSchemaVersion = 0;       ///< the version this program writes
  std::filesystem::path dataFolder;  ///< where the user guide and report templates were found ("" = none)
};

/// The facts of the open register `s` (reads nothing but the file's header).
AboutInfo aboutRegister(Services& s);

}  // namespace dangbo::services
