#include "services/Paths.h"

#include <cstdlib>
#include <fstream>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"

namespace dangbo::services {

namespace fs = std::filesystem;
using core::format;
using core::tr;

namespace {
// True when the file starts as an SQLite database does.
bool isSqliteFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[16] = {};
  return in.read(head, sizeof head) && std::string(head, sizeof head) == std::string("SQLite format 3\0", 16);
}

// True when `file` is the register, one of its companions, or one of its copies.
bool belongsToRegister(const fs::path& file, const fs::path& db) {
  namespace platform = core::platform;
  const fs::path real = platform::realPath(file), reg = platform::realPath(db);
  if (platform::sameFile(file, db)) return true;
  const std::string r = real.string(), d = reg.string();
  for (const char* suffix : {"-wal", "-shm", "-journal", ".lock", ".anchor"})
    if (r == d + suffix) return true;
  // FILE.vN-*.bak (upgrade copies), FILE.replaced-*.bak (restores), saoluu/NAME-*.db (automatic backups).
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return false;  // a new copy harms none
  if (r.rfind(d + ".", 0) == 0 && real.extension() == ".bak") return true;
  const fs::path backups = reg.parent_path() / "saoluu";
  return real.parent_path() == backups && real.filename().string().rfind(reg.stem().string() + "-", 0) == 0;
}
}  // namespace

std::filesystem::path defaultDatabasePath() {
  std::filesystem::path base;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x)
    base = x;
  else if (const char* h = std::getenv("HOME"); h && *h)
    base = std::filesystem::path(h) / ".local" / "share";
  else
    base = ".";
  return base / "dangbo" / "dangbo.db";
}

void refuseOverwritingRegister(const fs::path& file, const fs::path& registerPath) {
  std::error_code ec;
  if (belongsToRegister(file, registerPath))
    throw core::DataError(
        format(tr("{1} is the register or one of its copies: it is never overwritten. Choose another file."),
               {file.string()}));
  if (!fs::exists(fs::symlink_status(file, ec))) return;
  if (fs::is_directory(file, ec))
    throw core::DataError(format(tr("{1} is a folder; give the name of a file."), {file.string()}));
  if (isSqliteFile(file))
    throw core::DataError(
        format(tr("{1} is a database: it is never overwritten. Choose another file."), {file.string()}));
}

}  // namespace dangbo::services
