#include "services/Paths.h"

#include <cstdlib>

namespace dangbo::services {

std::filesystem::path defaultDatabasePath() {
  std::filesystem::path base;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) base = x;
  else if (const char* h = std::getenv("HOME"); h && *h) base = std::filesystem::path(h) / ".local" / "share";
  else base = ".";
  return base / "dangbo" / "dangbo.db";
}

}  // namespace dangbo::services
