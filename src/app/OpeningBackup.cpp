#include "app/OpeningBackup.h"

#include "app/FileDialogs.h"
#include "core/Progress.h"
#include "exchange/Backup.h"

namespace dangbo::app {

namespace fs = std::filesystem;

namespace {
// The copy's progress for the status bar, and the window's stop: the copy's pages as a share, then the check.
class ThreadProgress : public core::Progress {
 public:
  ThreadProgress(std::atomic<int>& percent, const std::atomic<bool>& stop) : percent_(percent), stop_(stop) {}
  void stage(const std::string&, uint64_t total) override {
    total_ = total;
    ++stages_;
    if (stages_ > 1) percent_ = 101;  // the check of the copy
  }
  bool update(uint64_t done) override {
    if (stages_ == 1 && total_ > 0) percent_ = int(std::min<uint64_t>(100, done * 100 / total_));
    return !stop_.load();
  }

 private:
  std::atomic<int>& percent_;
  const std::atomic<bool>& stop_;
  uint64_t total_ = 0;
  int stages_ = 0;
};
}  // namespace

OpeningBackup::OpeningBackup(wxEvtHandler* owner, const fs::path& path, const fs::path& folder, int keep,
                             std::function<void()> ended)
    : pinned_(std::make_unique<exchange::PinnedRegister>(path)),
      job_(std::make_unique<ui::RegisterJob>()),
      owner_(owner),
      ended_(std::move(ended)) {
  thread_ = std::thread([this, folder, keep] { run(folder, keep); });
}

OpeningBackup::~OpeningBackup() {
  cancel();
}

void OpeningBackup::run(fs::path folder, int keep) {
  ThreadProgress progress(percent_, stop_);
  State end = State::Failed;
  try {
    const exchange::RotatedBackup made = pinned_->backUpInto(folder, keep, &progress);
    std::lock_guard<std::mutex> hold(mutex_);
    copy_ = made.copy;
    end = made.written ? State::Written : State::Unchanged;
  } catch (const core::Cancelled&) {
    end = State::Cancelled;
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> hold(mutex_);
    problem_ = e.what();
  }
  {
    // Its connections closed as soon as it ends: while they are open, the window cannot take its locks on the
    // register again after a file dialog (ui::holdRegisterLocks waits for the job).
    std::lock_guard<std::mutex> hold(mutex_);
    pinned_.reset();
  }
  job_.reset();
  state_ = end;
  // Told on the main thread, with the reconnect the job put off; a window gone by then has dropped the call
  // with its pending events.
  if (owner_)
    owner_->CallAfter([ended = ended_] {
      if (ended) ended();
      ui::afterRegisterJob();
    });
}

fs::path OpeningBackup::copy() const {
  std::lock_guard<std::mutex> hold(mutex_);
  return copy_;
}

std::string OpeningBackup::problem() const {
  std::lock_guard<std::mutex> hold(mutex_);
  return problem_;
}

bool OpeningBackup::unchangedSincePinned() {
  std::lock_guard<std::mutex> hold(mutex_);
  if (!pinned_) return false;  // ended: nothing is known of what came since
  try {
    return pinned_->unchangedSincePinned();
  } catch (const std::exception&) {
    return false;
  }
}

void OpeningBackup::wait() {
  if (thread_.joinable()) thread_.join();
}

void OpeningBackup::cancel() {
  stop_ = true;
  wait();
}

}  // namespace dangbo::app
