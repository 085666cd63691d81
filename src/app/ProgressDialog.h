#pragma once
// The window's side of core::Progress: long work runs under a progress dialog with a Cancel button.
#include <wx/string.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>

#include "core/Progress.h"

class wxWindow;

namespace dangbo::app {

/// Runs `work` under a modal progress dialog titled `title`, passing it the progress to report to. When
/// the user presses Cancel the work stops (core::Cancelled, its transaction rolled back) and a message says
/// that nothing was changed; when the work throws anything else its message is shown. True when the work
/// finished.
bool attemptWithProgress(wxWindow* parent, const wxString& title,
                         const std::function<void(core::Progress&)>& work);

/// The progress of work running on another thread (the Reports page makes and saves reports off the window's
/// thread): the work reports here, the window reads a snapshot on its timer and asks to stop with cancel().
class SharedProgress : public core::Progress {
 public:
  void stage(const std::string& what, uint64_t total) override;
  bool update(uint64_t done) override;
  /// Asks the work to stop at its next step (it throws core::Cancelled).
  void cancel() { cancelled_ = true; }
  bool cancelled() const { return cancelled_; }
  struct Snapshot {
    std::string what;
    uint64_t done = 0, total = 0;
  };
  Snapshot snapshot() const;

 private:
  mutable std::mutex mutex_;
  Snapshot now_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace dangbo::app
