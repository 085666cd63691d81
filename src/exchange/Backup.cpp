#include "exchange/Backup.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "core/Progress.h"
#include "services/AuditAnchor.h"
#include "services/Services.h"
#include "store/Database.h"
#include "store/ReadSnapshot.h"

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

// Opens read-only (which checks the application_id), runs integrity_check and the version check.
void verify(const fs::path& p, core::Progress* progress = nullptr) {
  auto db = store::Database::openReadOnly(p);
  int version = db->schemaVersion();
  if (version > store::latestVersion())
    throw DatabaseError(format(tr("{1} was made by a newer version of dangbo."), {p.string()}));
  auto check = db->integrityCheck(progress);
  if (check != "ok") throw DatabaseError(format(tr("The file {1} is damaged: {2}"), {p.string(), check}));
}
}  // namespace

void backupDatabase(services::Services& s, const fs::path& to, core::Progress* progress, bool replace) {
  std::error_code ec;
  if (!replace && fs::exists(to, ec))
    throw core::DataError(format(tr("The file {1} already exists; choose another name."), {to.string()}));
  // Copied and checked under a temporary name: `to` appears (or is replaced) only once it is a sound copy.
  const fs::path tmp = core::platform::reserveTempBeside(to);
  try {
    store::Database::openReadOnly(s.path())->copyInto(tmp, progress);
    verify(tmp, progress);
  } catch (const core::Cancelled&) {
    core::platform::discardTemp(tmp);
    throw core::Cancelled(
        format(tr("Stopped at your request: no backup was written to {1}."), {to.string()}));
  } catch (
      const core::DataError&) {  // the copy could not be written: said of `to`, not of its temporary name
    core::platform::discardTemp(tmp);
    throw core::DataError(core::platform::writeFailure(to));
  } catch (...) {
    core::platform::discardTemp(tmp);
    throw;
  }
  core::platform::commitTemp(tmp, to);
  services::anchorAuditHead(s, "backup " + to.string());  // the trail's head kept outside the file
}

namespace {
// The automatic copies of the register `stem` in `folder` (NAME-YYYYMMDD-HHMMSS-NN.db), oldest first.
std::vector<fs::path> automaticCopies(const fs::path& folder, const std::string& stem) {
  const std::string prefix = stem + "-";
  std::error_code ec;
  std::vector<fs::path> copies;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && e.path().extension() == ".db" && name.size() >= prefix.size() + 15 &&
        std::isdigit(static_cast<unsigned char>(name[prefix.size()])))
      copies.push_back(e.path());
  }
  std::sort(copies.begin(), copies.end());  // the names sort by time
  return copies;
}

// The name of the next automatic copy: NAME-YYYYMMDD-HHMMSS-NN.db, the counter keeping copies of the same
// second in order.
fs::path nextCopyName(const fs::path& folder, const std::string& stem) {
  const std::string prefix = stem + "-";
  const std::string when = stamp();
  int next = 1;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().stem().string();
    if (name.rfind(prefix + when + "-", 0) == 0)
      next = std::max(next, std::atoi(name.c_str() + prefix.size() + when.size() + 1) + 1);
  }
  char seq[8];
  std::snprintf(seq, sizeof seq, "%02d", next);
  return folder / (prefix + when + "-" + seq + ".db");
}

// True when the two files hold the same bytes. Two copies of one state of a register through SQLite's backup
// are the same bytes (the copy's header is derived from the source's alone).
bool sameBytes(const fs::path& a, const fs::path& b) {
  std::error_code ea, eb;
  if (fs::file_size(a, ea) != fs::file_size(b, eb) || ea || eb) return false;
  std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
  std::vector<char> bx(1 << 20), by(1 << 20);
  while (x && y) {
    x.read(bx.data(), std::streamsize(bx.size()));
    y.read(by.data(), std::streamsize(by.size()));
    if (x.gcount() != y.gcount() || std::memcmp(bx.data(), by.data(), size_t(x.gcount())) != 0) return false;
  }
  return !x.bad() && !y.bad() && x.eof() && y.eof();
}

}  // namespace

PinnedRegister::PinnedRegister(const fs::path& path)
    : path_(path), watch_(store::Database::openReadOnly(path)), db_(store::Database::openReadOnly(path)) {
  // The version first: a commit between the two is then taken for a change (one backup more, never one less).
  pinnedVersion_ = store::dataVersion(*watch_);
  // The read transaction lasts until backUpInto ends it: every page the copy reads is of this moment.
  store::pinReadState(*db_);
}

PinnedRegister::~PinnedRegister() = default;

bool PinnedRegister::unchangedSincePinned() {
  return store::dataVersion(*watch_) == pinnedVersion_;
}

RotatedBackup PinnedRegister::backUpInto(const fs::path& folder, int keep, core::Progress* progress) {
  core::platform::createPrivateFolders(folder);
  if (core::platform::ownedByCurrentUser(folder)) core::platform::makeOwnerOnly(folder);
  const std::string stem = path_.stem().string();
  const fs::path to = nextCopyName(folder, stem);
  RotatedBackup done{to, true};
  // The pin ends with the copy, whatever becomes of it: the WAL may then be checkpointed past it again.
  auto unpin = [&] { store::unpinReadState(*db_); };
  const fs::path tmp = core::platform::reserveTempBeside(to);
  try {
    try {
      db_->copyInto(tmp, progress);
    } catch (...) {
      unpin();
      throw;
    }
    unpin();
    const auto copies = automaticCopies(folder, stem);
    if (!copies.empty() && sameBytes(tmp, copies.back())) {
      core::platform::discardTemp(tmp);
      done = {copies.back(), false};
    } else {
      verify(tmp, progress);
    }
  } catch (const core::Cancelled&) {
    core::platform::discardTemp(tmp);
    throw core::Cancelled(
        format(tr("Stopped at your request: no backup was written to {1}."), {to.string()}));
  } catch (const core::DataError&) {
    core::platform::discardTemp(tmp);
    throw core::DataError(core::platform::writeFailure(to));
  } catch (...) {
    core::platform::discardTemp(tmp);
    throw;
  }
  if (done.written) core::platform::commitTemp(tmp, to);
  // The oldest beyond `keep` removed.
  const auto copies = automaticCopies(folder, stem);
  std::error_code ec;
  for (size_t i = 0; i + size_t(std::max(keep, 1)) < copies.size(); ++i) fs::remove(copies[i], ec);
  return done;
}

fs::path rotateBackup(services::Services& s, const fs::path& folder, int keep) {
  const RotatedBackup made = PinnedRegister(s.path()).backUpInto(folder, keep);
  if (made.written) services::anchorAuditHead(s, "backup " + made.copy.string());
  return made.copy;
}

PreparedRestore::PreparedRestore(const fs::path& dbPath, const fs::path& from, core::Progress* progress)
    : dbPath_(dbPath), from_(from) {
  verify(from, progress);
  // 1. The source copied through SQLite (its committed WAL included) into a temporary file beside the
  //    register, and that copy checked.
  tmp_ = core::platform::reserveTempBeside(dbPath);
  try {
    store::Database::openReadOnly(from)->copyInto(tmp_, progress);
    verify(tmp_, progress);
  } catch (const core::DataError&) {  // could not be written beside the register: said of the register
    core::platform::discardTemp(tmp_);
    throw core::DataError(core::platform::writeFailure(dbPath));
  } catch (...) {
    core::platform::discardTemp(tmp_);
    throw;
  }
}

PreparedRestore::~PreparedRestore() {
  if (!tmp_.empty()) core::platform::discardTemp(tmp_);
}

fs::path restoreDatabase(const fs::path& dbPath, const fs::path& from, core::Progress* progress) {
  PreparedRestore prepared(dbPath, from, progress);
  return prepared.finish();
}

fs::path PreparedRestore::finish() {
  const fs::path& dbPath = dbPath_;
  const fs::path& from = from_;
  if (tmp_.empty()) throw std::logic_error("PreparedRestore::finish called twice");
  const fs::path tmp = tmp_;
  tmp_.clear();  // from here this function discards it on failure
  std::error_code ec;
  fs::path kept;
  try {
    if (fs::exists(dbPath, ec)) {
      // 2. A consistent copy of the current file (its WAL included) kept beside it; a file too damaged to be
      //    read by SQLite is kept as it lies on disk.
      kept = dbPath.string() + ".replaced-" + stamp() + ".bak";
      try {
        // Under a temporary name of the register's own, so that a kill here leaves nothing the next restore
        // does not clear.
        const fs::path keptTmp = core::platform::reserveTempBeside(dbPath);
        try {
          store::Database::openReadOnly(dbPath)->copyInto(keptTmp);
        } catch (...) {
          core::platform::discardTemp(keptTmp);
          throw;
        }
        core::platform::commitTemp(keptTmp, kept);
      } catch (const DatabaseError&) {
        fs::remove(kept, ec);
        fs::copy_file(dbPath, kept, ec);
        if (ec) throw core::DataError(core::platform::writeFailure(kept));
        core::platform::makeOwnerOnly(kept);
        if (fs::exists(dbPath.string() + "-wal"))
          fs::copy_file(dbPath.string() + "-wal", kept.string() + "-wal", ec);
      }
      // 3. The current WAL moved into the file, so that removing it loses nothing if we stop here.
      store::Database::checkpointFile(dbPath);
      fs::remove(dbPath.string() + "-wal", ec);
      fs::remove(dbPath.string() + "-shm", ec);
    }
  } catch (...) {
    core::platform::discardTemp(tmp);
    throw;
  }
  // 4. The checked copy renamed over the register in one step.
  core::platform::commitTemp(tmp, dbPath);
  // The restored trail is the one to hold from now on: anchored, so the replaced file's anchors do not count.
  try {
    auto restored = store::Database::openReadOnly(dbPath);
    services::anchorAuditHead(*restored, dbPath, "restore " + from.string());
  } catch (const DatabaseError&) {
  }
  return kept;
}

}  // namespace dangbo::exchange
