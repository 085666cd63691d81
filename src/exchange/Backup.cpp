#include "exchange/Backup.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <vector>

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

fs::path rotateBackup(services::Services& s, const fs::path& folder, int keep) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  const std::string prefix = s.path().stem().string() + "-";
  // NAME-YYYYMMDD-HHMMSS-NN.db: the counter keeps copies of the same second in order.
  const std::string when = stamp();
  int next = 1;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().stem().string();
    if (name.rfind(prefix + when + "-", 0) == 0) next = std::max(next, std::atoi(name.c_str() + prefix.size() + when.size() + 1) + 1);
  }
  char seq[8];
  std::snprintf(seq, sizeof seq, "%02d", next);
  fs::path to = folder / (prefix + when + "-" + seq + ".db");
  backupDatabase(s, to);
  // The names sort by time: remove the oldest beyond `keep`.
  std::vector<fs::path> copies;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && e.path().extension() == ".db" && name.size() >= prefix.size() + 15 &&
        std::isdigit(static_cast<unsigned char>(name[prefix.size()])))
      copies.push_back(e.path());
  }
  std::sort(copies.begin(), copies.end());
  for (size_t i = 0; i + size_t(std::max(keep, 1)) < copies.size(); ++i) fs::remove(copies[i], ec);
  return to;
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
