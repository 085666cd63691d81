#include "core/Platform.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Progress.h"

namespace dangbo::core::platform {

namespace fs = std::filesystem;

void useOwnerOnlyFiles() {
  ::umask(077);
}

void makeOwnerOnly(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return;
  (void)::chmod(p.c_str(), S_ISDIR(st.st_mode) ? 0700 : 0600);
}

void createPrivateFolders(const fs::path& folder) {
  if (folder.empty()) return;
  std::error_code ec;
  if (fs::is_directory(folder, ec)) return;
  createPrivateFolders(folder.parent_path());
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return;
}

int permissionBits(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return -1;
  return int(st.st_mode & 0777);
}

fs::path realPath(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  if (char* r = ::realpath(abs.c_str(), nullptr)) {
    fs::path out(r);
    std::free(r);
    return out;
  }
  // Not there yet: the resolved folder and the name.
  fs::path parent = abs.parent_path();
  if (parent.empty() || parent == abs) return abs.lexically_normal();
  return realPath(parent) / abs.filename();
}

bool sameFile(const fs::path& a, const fs::path& b) {
  struct stat sa {
  }, sb{};
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return realPath(a) == realPath(b);
}

bool ownedByCurrentUser(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && st.st_uid == ::geteuid();
}

std::string currentUserName() {
  const uid_t uid = ::geteuid();
  std::vector<char> buf(16384);
  struct passwd pw {};
  struct passwd* found = nullptr;
  if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found && found->pw_name)
    return found->pw_name;
  return std::to_string(uid);
}

long processId() {
  return long(::getpid());
}

bool canWriteBeside(const fs::path& file) {
  fs::path folder = realPath(file).parent_path();
  if (folder.empty()) folder = ".";
  return ::access(folder.c_str(), W_OK) == 0 && ::access(file.c_str(), W_OK) == 0;
}

std::string writeFailure(const fs::path& target) {
  fs::path folder = realPath(target).parent_path();
  if (folder.empty()) folder = ".";
  if (::access(folder.c_str(), W_OK) != 0 && (errno == EROFS || errno == EACCES || errno == EPERM))
    return format(tr("Cannot write {1}: the folder {2} is read-only or you may not write in it."),
                  {target.string(), folder.string()});
  struct statvfs vfs {};
  if (::statvfs(folder.c_str(), &vfs) == 0 &&
      (unsigned long long)vfs.f_bavail * vfs.f_frsize < 1024ull * 1024)
    return format(tr("Cannot write {1}: the disk that holds {2} is full."),
                  {target.string(), folder.string()});
  return format(tr("The file {1} could not be written."), {target.string()});
}

namespace {
// The temporary files this process is writing, each held by an flock so that another process sees it alive.
std::mutex tempMutex;
std::map<std::string, int>& liveTemps() {
  static std::map<std::string, int> m;
  return m;
}

// Removes what a killed writer left beside `target`: ".NAME.XXXXXX.part" files (and their SQLite companions)
// whose lock nobody holds.
void removeStaleTemps(const fs::path& folder, const std::string& name) {
  std::error_code ec;
  const std::string prefix = "." + name + ".";
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const std::string n = e.path().filename().string();
    if (n.rfind(prefix, 0) != 0) continue;
    const size_t part = n.find(".part", prefix.size());
    if (part == std::string::npos) continue;
    const std::string suffix = n.substr(part + 5);
    if (!suffix.empty() && suffix != "-journal" && suffix != "-wal" && suffix != "-shm") continue;
    const fs::path base = folder / n.substr(0, part + 5);
    const int fd = ::open(base.c_str(), O_RDONLY | O_CLOEXEC);
    bool stale = fd < 0;
    if (fd >= 0) {
      stale = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
      ::close(fd);
    }
    if (stale) fs::remove(e.path(), ec);
  }
}
}  // namespace

fs::path reserveTempBeside(const fs::path& target) {
  const fs::path abs = fs::absolute(target);
  removeStaleTemps(abs.parent_path(), abs.filename().string());
  // Built by appending: GCC 12 at -O3 reports a false -Wrestrict on "." + string.
  std::string hidden(1, '.');
  hidden.append(abs.filename().string()).append(".XXXXXX.part");
  std::string pattern = (abs.parent_path() / hidden).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemps(name.data(), 5);
  if (fd < 0) throw DataError(writeFailure(target));
  (void)::fchmod(fd, 0600);
  (void)::flock(fd, LOCK_EX);
  std::lock_guard<std::mutex> lock(tempMutex);
  liveTemps()[name.data()] = fd;
  return fs::path(name.data());
}

std::FILE* scratchFile(const fs::path& folder) {
  if (folder.empty()) return std::tmpfile();
#ifdef O_TMPFILE
  const int anonymous = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (anonymous >= 0) {
    if (std::FILE* f = ::fdopen(anonymous, "w+b")) return f;
    ::close(anonymous);
    return nullptr;
  }
#endif
  // A file system without O_TMPFILE: a named file, removed at once (it lives on while open).
  std::string pattern = (folder / ".dangbo-scratch-XXXXXX").string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return nullptr;
  ::unlink(name.data());
  if (std::FILE* f = ::fdopen(fd, "w+b")) return f;
  ::close(fd);
  return nullptr;
}

void discardTemp(const fs::path& tmp) {
  std::error_code ec;
  fs::remove(tmp, ec);
  for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(tmp.string() + suffix, ec);
  std::lock_guard<std::mutex> lock(tempMutex);
  auto it = liveTemps().find(tmp.string());
  if (it != liveTemps().end()) {
    ::close(it->second);
    liveTemps().erase(it);
  }
}

void commitTemp(const fs::path& tmp, const fs::path& target) {
  auto fail = [&] {
    const std::string why = writeFailure(target);
    discardTemp(tmp);
    throw DataError(why);
  };
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail();
  (void)::fchmod(fd, 0600);
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) fail();
  if (::rename(tmp.c_str(), target.c_str()) != 0) fail();
  std::lock_guard<std::mutex> lock(tempMutex);
  auto it = liveTemps().find(tmp.string());
  if (it != liveTemps().end()) {
    ::close(it->second);
    liveTemps().erase(it);
  }
}

void writeAtomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
  const fs::path tmp = reserveTempBeside(target);
  try {
    write(tmp);
  } catch (const std::bad_alloc&) {
    discardTemp(tmp);
    throw;
  } catch (const Cancelled&) {  // stopped by the user: nothing written, and no failure to explain
    discardTemp(tmp);
    throw;
  } catch (const DataError& e) {
    const std::string why = writeFailure(target);
    discardTemp(tmp);
    // A writer's own refusal stays; a failure to write is told why.
    if (why != format(tr("The file {1} could not be written."), {target.string()})) throw DataError(why);
    throw;
  } catch (const std::exception&) {
    const std::string why = writeFailure(target);
    discardTemp(tmp);
    throw DataError(why);
  }
  commitTemp(tmp, target);
}

int withoutStderr(const std::function<int()>& call) {
  static std::mutex quiet;
  std::lock_guard<std::mutex> lock(quiet);
  std::fflush(stderr);
  const int saved = ::dup(STDERR_FILENO);
  const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved < 0 || null < 0) {  // nothing to hide it with: the call runs as it is
    if (saved >= 0) ::close(saved);
    if (null >= 0) ::close(null);
    return call();
  }
  ::dup2(null, STDERR_FILENO);
  ::close(null);
  auto restore = [&] {
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
  };
  int result = 0;
  try {
    result = call();
  } catch (...) {
    restore();
    throw;
  }
  restore();
  return result;
}

FileLock::FileLock(const fs::path& path, Mode mode) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw DataError(format(tr("Cannot create the lock file {1}."), {path.string()}));
  int r;
  do {
    r = ::flock(fd_, LOCK_EX | (mode == Mode::Try ? LOCK_NB : 0));
  } while (r != 0 && errno == EINTR);
  held_ = r == 0;
}

FileLock::~FileLock() {
  if (fd_ >= 0) {
    if (held_) ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
}

HeldReadLock::HeldReadLock(fs::path file, long long start, long long length)
    : file_(std::move(file)), start_(start), length_(length) {
  take();
}

HeldReadLock::~HeldReadLock() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {
// Sets (F_RDLCK) or removes (F_UNLCK) the lock of `fd`'s open file description.
bool setDescriptionLock(int fd, short type, long long start, long long length) {
#ifdef F_OFD_SETLK
  struct flock l {};
  l.l_type = type;
  l.l_whence = SEEK_SET;
  l.l_start = off_t(start);
  l.l_len = off_t(length);
  return ::fcntl(fd, F_OFD_SETLK, &l) == 0;
#else
  (void)fd, (void)type, (void)start, (void)length;
  return false;
#endif
}
}  // namespace

bool HeldReadLock::take() {
  struct stat now {};
  struct stat mine {};
  const bool same = fd_ >= 0 && ::stat(file_.c_str(), &now) == 0 && ::fstat(fd_, &mine) == 0 &&
                    now.st_dev == mine.st_dev && now.st_ino == mine.st_ino;
  if (!same) {
    // The file was replaced (or never opened): the descriptor of the old one holds nothing wanted.
    if (fd_ >= 0) ::close(fd_);
    fd_ = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
  }
  held_ = fd_ >= 0 && setDescriptionLock(fd_, F_RDLCK, start_, length_);
  return held_;
}

void HeldReadLock::release() {
  if (held_) setDescriptionLock(fd_, F_UNLCK, start_, length_);
  held_ = false;
}

bool lockedByAnotherProcess(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // This process's own FileLock is on another open file description: flock refuses it here too, and the
  // holder's number written in the file tells the two apart.
  const bool taken = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  bool other = false;
  if (taken) {
    char buf[64] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    other = n <= 0 || std::string(buf, size_t(n)) != std::to_string(processId());
  } else {
    ::flock(fd, LOCK_UN);
  }
  ::close(fd);
  return other;
}

std::string FileLock::content() const {
  char buf[64] = {};
  ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
  return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

void FileLock::write(const std::string& text) {
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, text.data(), text.size(), 0) < 0) {
    // Only informative.
  }
}

std::string isoUtc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace dangbo::core::platform
