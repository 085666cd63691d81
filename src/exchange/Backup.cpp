#include "exchange/Backup.h"

#include <ctime>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Services.h"
#include "store/Database.h"

namespace dangbo::exchange {

namespace fs = std::filesystem;
using core::DatabaseError;
using core::format;
using core::tr;

namespace {
std::string stamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

// Opens read-only, runs integrity_check and the version check.
void verify(const fs::path& p) {
  auto db = store::Database::openReadOnly(p);
  int version = db->schemaVersion();
  if (version > store::latestVersion())
    throw DatabaseError(format(tr("{1} was made by a newer version of dangbo."), {p.string()}));
  auto check = db->integrityCheck();
  if (check != "ok") throw DatabaseError(format(tr("The file {1} is damaged: {2}"), {p.string(), check}));
}
}  // namespace

void backupDatabase(services::Services& s, const fs::path& to) {
  std::error_code ec;
  if (fs::exists(to, ec)) throw core::DataError(format(tr("The file {1} already exists; choose another name."), {to.string()}));
  s.database().backupTo(to);
  verify(to);
}

fs::path restoreDatabase(const fs::path& dbPath, const fs::path& from) {
  verify(from);
  std::error_code ec;
  fs::path kept;
  fs::path tmp = dbPath.string() + ".restoring";
  fs::remove(tmp, ec);
  if (!fs::copy_file(from, tmp, ec) || ec)
    throw DatabaseError(format(tr("Cannot copy {1}: {2}"), {from.string(), ec.message()}));
  if (fs::exists(dbPath)) {
    kept = dbPath.string() + ".replaced-" + stamp() + ".bak";
    {
      // Take a consistent copy of the current file (its WAL included) before replacing it.
      auto cur = store::Database::openReadOnly(dbPath);
      cur->backupTo(kept);
    }
    fs::remove(dbPath.string() + "-wal", ec);
    fs::remove(dbPath.string() + "-shm", ec);
  }
  fs::rename(tmp, dbPath, ec);
  if (ec) throw DatabaseError(format(tr("Cannot replace {1}: {2}"), {dbPath.string(), ec.message()}));
  return kept;
}

}  // namespace dangbo::exchange
