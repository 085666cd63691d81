#include "app/FileDialogs.h"

#include <wx/dialog.h>

#include <atomic>

#include "app/MainFrame.h"
#include "app/Ui.h"

namespace dangbo::app::ui {

namespace {
std::atomic<int> jobs{0};  // background jobs reading the register now
bool putOff = false;       // a reconnect asked while one ran
}  // namespace

RegisterJob::RegisterJob() {
  ++jobs;
}

RegisterJob::~RegisterJob() {
  --jobs;
}

void holdRegisterLocks() {
  // Jobs start on this thread only: none can start while the connection is replaced below.
  if (jobs > 0) {
    putOff = true;
    return;
  }
  putOff = false;
  for (wxWindow* w : wxTopLevelWindows) {
    auto* frame = dynamic_cast<MainFrame*>(w);
    services::Services* s = frame ? frame->openRegister() : nullptr;
    if (!s) continue;
    try {
      s->reconnect();
    } catch (const std::exception& e) {
      // The file is gone or replaced: the window, which can no longer read it, closes.
      frame->Hide();
      showError(nullptr, _("Cannot open the register"), wx(e.what()));
      frame->Destroy();
    }
  }
}

void afterRegisterJob() {
  if (putOff) holdRegisterLocks();
}

int showFileDialog(wxDialog& dlg) {
  const int answer = dlg.ShowModal();
  holdRegisterLocks();
  return answer;
}

}  // namespace dangbo::app::ui
