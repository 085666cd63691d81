#include "app/WindowPlace.h"

#include <wx/display.h>
#include <wx/persist/toplevel.h>
#include <wx/toplevel.h>

#include <algorithm>

namespace dangbo::app {

namespace {
wxRect workArea(wxWindow* w) {
  int i = wxDisplay::GetFromWindow(w);
  return wxDisplay(i == wxNOT_FOUND ? 0u : unsigned(i)).GetClientArea();
}
}  // namespace

void placeWindow(wxTopLevelWindow* frame) {
  const wxRect area = workArea(frame);
  frame->SetMinSize(wxSize(std::min(area.width, 800), std::min(area.height, 560)));
  if (!wxPersistentRegisterAndRestore(frame, "MainFrame")) {
    frame->SetSize(wxSize(std::min(area.width, 1280), std::min(area.height, 760)));
    frame->Centre();
  }
  // A window saved on a larger or a former screen comes back inside this one.
  wxRect r = frame->GetRect();
  r.width = std::min(r.width, area.width);
  r.height = std::min(r.height, area.height);
  r.x = std::clamp(r.x, area.x, area.x + area.width - r.width);
  r.y = std::clamp(r.y, area.y, area.y + area.height - r.height);
  if (!frame->IsMaximized()) frame->SetSize(r);
}

void fitToScreen(wxTopLevelWindow* dialog) {
  const wxRect area = workArea(dialog);
  const wxSize size = dialog->GetSize();
  const wxSize fitted(std::min(size.x, area.width), std::min(size.y, area.height));
  if (fitted != size) {
    dialog->SetMaxSize(wxSize(area.width, area.height));
    dialog->SetSize(fitted);
  }
  dialog->CentreOnScreen();
}

}  // namespace dangbo::app
