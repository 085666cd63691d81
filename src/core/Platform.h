#pragma once
// The one place of operating-system calls (POSIX): owner-only files, real paths, whole-or-nothing writes,
// file locks and the reasons a write failed. Everything above calls these instead of the system.
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>

namespace dangbo::core::platform {

/// From now on every file and folder this process creates is readable by its owner only (umask 077);
/// called first thing by the window and the command line.
void useOwnerOnlyFiles();
/// Makes an existing file 0600 (a folder 0700); errors ignored (a file on a FAT stick has no modes).
void makeOwnerOnly(const std::filesystem::path& p);
/// Creates `folder` and its missing parents as owner-only folders.
void createPrivateFolders(const std::filesystem::path& folder);
/// The permission bits of a file (st_mode & 0777); -1 when it cannot be read.
int permissionBits(const std::filesystem::path& p);

/// The absolute path with every symbolic link and ".." resolved; for a file that does not exist yet, its
/// resolved folder joined with its name.
std::filesystem::path realPath(const std::filesystem::path& p);
/// True when the two paths name the same file (same device and inode), or resolve to the same path.
bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b);
/// True when the user running this program owns the file.
bool ownedByCurrentUser(const std::filesystem::path& p);
/// The name of the user running this program (the login name, or the number when it has none).
std::string currentUserName();

/// True when this program may write the file and create files in its folder (SQLite needs both for a
/// register).
bool canWriteBeside(const std::filesystem::path& file);
/// Why writing `target` failed, in the user's language and naming it: a read-only folder, a full disk, or the
/// plain "cannot write" (looks at the folder and at the disk, as errno is often lost by the writers).
std::string writeFailure(const std::filesystem::path& target);
/// Writes `target` whole or not at all: `write` fills a new owner-only temporary file in the same folder,
/// which is flushed to disk and renamed over `target` at the end; any failure (a full disk included)
/// removes it and throws core::DataError naming `target` and the reason. std::bad_alloc goes through.
void writeAtomically(const std::filesystem::path& target,
                     const std::function<void(const std::filesystem::path&)>& write);
/// A new empty owner-only file beside `target` (".NAME.XXXXXX.part"), locked while this process writes it;
/// what a killed writer left there for the same target is removed first. DataError when it cannot be made.
std::filesystem::path reserveTempBeside(const std::filesystem::path& target);
/// Flushes `tmp` to disk and renames it over `target`; DataError (tmp removed) on failure.
void commitTemp(const std::filesystem::path& tmp, const std::filesystem::path& target);
/// Removes a temporary file of reserveTempBeside (and its journal) that will not be committed.
void discardTemp(const std::filesystem::path& tmp);

/// A scratch file in `folder` that no other program can open and that is gone once closed (or the program
/// ended): without a name (Linux's O_TMPFILE, or a file removed as soon as it is made), owner-only, open for
/// reading and writing. Empty `folder`: the system's temporary folder (which may be memory: a scratch file of
/// hundreds of megabytes belongs beside the output it serves). Null when none can be made there.
std::FILE* scratchFile(const std::filesystem::path& folder);

/// Runs `call` with the process's stderr sent nowhere and returns what it returns: for a library that prints
/// its own English error lines (libxlsxwriter's workbook_close) where the caller tells the user in
/// Vietnamese. One call at a time.
int withoutStderr(const std::function<int()>& call);

/// An advisory lock on a file (flock) held for the life of the object.
class FileLock {
 public:
  enum class Mode { Try, Wait };
  /// Opens (creates owner-only) `path` and locks it exclusively; with Mode::Try, held() is false when another
  /// process has it. Throws DataError when the file cannot be created.
  FileLock(const std::filesystem::path& path, Mode mode);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  bool held() const { return held_; }
  /// What the file holds (the holder writes its process number there).
  std::string content() const;
  /// Replaces what the file holds.
  void write(const std::string& text);

 private:
  int fd_ = -1;
  bool held_ = false;
};

/// A read lock on `length` bytes of `file` from `start` that nothing else this process does can drop. SQLite
/// locks with POSIX record locks, which a process loses on ALL its descriptors of a file as soon as it closes
/// any one of them (GTK's file dialogs guess the type of each file they list by opening and closing it, even
/// after the dialog has closed); this one is Linux's lock of an open file description, on a descriptor of its
/// own: it ends only with release(), its descriptor's replacement by take() or the object. Other processes
/// see a read lock (F_GETLK gives l_pid -1); within this process it conflicts with a write lock SQLite asks
/// for, so it is released before SQLite may need one. Where the system has no such locks, it holds nothing.
class HeldReadLock {
 public:
  HeldReadLock(std::filesystem::path file, long long start, long long length);
  /// Closes the descriptor, which drops this process's POSIX locks on the file too: destroyed once SQLite's
  /// connection to it is closed.
  ~HeldReadLock();
  HeldReadLock(const HeldReadLock&) = delete;
  HeldReadLock& operator=(const HeldReadLock&) = delete;
  /// Takes the lock on the file now at the path (its descriptor opened again when the file was replaced);
  /// false when it cannot (no such file, no such locks, or another process holds a write lock there).
  bool take();
  /// Lets the lock go, keeping the descriptor (closing it would drop this process's other locks).
  void release();
  bool held() const { return held_; }

 private:
  std::filesystem::path file_;
  long long start_, length_;
  int fd_ = -1;
  bool held_ = false;
};

/// True when another process holds the FileLock on `path` (a missing file is held by none; nothing is
/// created).
bool lockedByAnotherProcess(const std::filesystem::path& path);

/// The process number of this program.
long processId();

/// `t` as the register writes times: UTC, "2026-12-05T00:41:07Z" (the audit trail, locks, publications).
std::string isoUtc(std::time_t t);

}  // namespace dangbo::core::platform
