#include "app/ProgressDialog.h"

#include <wx/progdlg.h>
#include <wx/time.h>

#include <algorithm>
#include <memory>

#include "app/Ui.h"

namespace dangbo::app {

namespace {

constexpr int kRange = 1000;       // the gauge's steps
constexpr long kRepaintMs = 100;   // the dialog is repainted (and Cancel looked at) at most this often
constexpr int kMessageChars = 60;  // the width of the message, in characters

class DialogProgress : public core::Progress {
 public:
  DialogProgress(wxWindow* parent, const wxString& title) : parent_(parent), title_(title) {}

  void stage(const std::string& what, uint64_t total) override {
    what_ = ui::wx(what);
    total_ = total;
    if (!dialog_) {
      // The dialog keeps the width of its first message: room for the longest line of counts.
      wxString wide = what_;
      wide.Pad(size_t(std::max<int>(0, kMessageChars - int(wide.length()))));
      dialog_ = std::make_unique<wxProgressDialog>(title_, wide, kRange, parent_,
                                                   wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_SMOOTH);
    }
    last_ = 0;
    update(0);
  }

  bool update(uint64_t done) override {
    if (!dialog_) return true;
    const wxLongLong now = wxGetLocalTimeMillis();
    if (last_ != 0 && now - last_ < kRepaintMs) return !dialog_->WasCancelled();
    last_ = now;
    if (total_ == 0) return dialog_->Pulse(what_);
    // The gauge never reaches its end here: a full gauge would turn Cancel into Close and wait.
    const int value = int(std::min<uint64_t>(done * kRange / total_, kRange - 1));
    return dialog_->Update(value, ui::fmt(_("{1}: {2} of {3}"),
                                          {what_, ui::count((long long)done), ui::count((long long)total_)}));
  }

  /// Closes the dialog before any message is shown over the window.
  void close() { dialog_.reset(); }

 private:
  wxWindow* parent_;
  wxString title_, what_;
  uint64_t total_ = 0;
  wxLongLong last_ = 0;
  std::unique_ptr<wxProgressDialog> dialog_;
};

}  // namespace

bool attemptWithProgress(wxWindow* parent, const wxString& title,
                         const std::function<void(core::Progress&)>& work) {
  DialogProgress progress(parent, title);
  try {
    work(progress);
    progress.close();
    return true;
  } catch (const core::Cancelled& e) {
    progress.close();
    ui::showInfo(parent, ui::wx(e.what()));
  } catch (const std::exception& e) {
    progress.close();
    ui::showException(parent, e);
  }
  return false;
}

void SharedProgress::stage(const std::string& what, uint64_t total) {
  std::lock_guard<std::mutex> lock(mutex_);
  now_ = {what, 0, total};
}

bool SharedProgress::update(uint64_t done) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    now_.done = done;
  }
  return !cancelled_;
}

SharedProgress::Snapshot SharedProgress::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return now_;
}

}  // namespace dangbo::app
