#pragma once
// The automatic backup of a register on opening, made in the background: the register's state is pinned when
// the window opens it (a read transaction of a connection of its own, about a millisecond), and a thread
// copies that state into "saoluu", checks the copy and rotates the copies while the user works: the window is
// usable at once and the copy is still exactly the register as it was opened. When the register is byte for
// byte the newest copy already there, nothing new is written (exchange::PinnedRegister).
#include <wx/event.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace dangbo::exchange {
class PinnedRegister;
}
namespace dangbo::app::ui {
class RegisterJob;
}

namespace dangbo::app {

/// One backup of a register's state at opening, on a thread of its own.
class OpeningBackup {
 public:
  /// What the backup came to.
  enum class State { Running, Written, Unchanged, Cancelled, Failed };
  /// Pins the register at `path` now and starts its backup into `folder` (keeping `keep` copies); `ended` is
  /// called on the main thread (through `owner`) when it ends, unless the object is gone by then. Throws what
  /// pinning throws (the register cannot be read).
  OpeningBackup(wxEvtHandler* owner, const std::filesystem::path& path, const std::filesystem::path& folder,
                int keep, std::function<void()> ended);
  /// Stops the backup if it still runs (no file left) and waits for its thread.
  ~OpeningBackup();
  OpeningBackup(const OpeningBackup&) = delete;
  OpeningBackup& operator=(const OpeningBackup&) = delete;

  State state() const { return state_.load(); }
  /// While running: the share of the register copied, 0..100, then 101 while the copy is checked.
  int percent() const { return percent_.load(); }
  /// Once ended: the newest copy (written, or found equal to the register).
  std::filesystem::path copy() const;
  /// Once failed: why, in the user's language.
  std::string problem() const;
  /// While the backup runs, true when nothing was committed to the register since it was pinned: the backup
  /// will be a copy of the register as it is now. False once it has ended (its connections are closed then).
  bool unchangedSincePinned();
  /// Waits until the backup ends.
  void wait();
  /// Stops the backup (no copy is written) and waits for its thread.
  void cancel();

 private:
  void run(std::filesystem::path folder, int keep);
  std::unique_ptr<exchange::PinnedRegister> pinned_;  // closed when the backup ends (guarded by mutex_)
  std::unique_ptr<ui::RegisterJob> job_;              // while pinned_ is open
  std::atomic<State> state_{State::Running};
  std::atomic<int> percent_{0};
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;  // guards pinned_, copy_ and problem_
  std::filesystem::path copy_;
  std::string problem_;
  wxEvtHandler* owner_;
  std::function<void()> ended_;
  std::thread thread_;
};

}  // namespace dangbo::app
