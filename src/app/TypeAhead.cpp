#include "app/TypeAhead.h"

#include <wx/app.h>
#include <wx/choice.h>
#include <wx/time.h>

#include <string>

#include "app/Ui.h"
#include "core/VietText.h"

namespace dangbo::app {

namespace {
constexpr unsigned kMinItems = 8;  // short lists keep the toolkit's own keys
constexpr long kPauseMs = 1000;    // a longer pause starts a new search

std::string typed;  // folded letters typed so far
long long lastKey = 0;

void onCharHook(wxKeyEvent& e) {
  auto* choice = wxDynamicCast(wxWindow::FindFocus(), wxChoice);
  const wxChar c = e.GetUnicodeKey();
  if (!choice || choice->GetCount() <= kMinItems || e.HasAnyModifiers() || c == WXK_NONE || c < ' ' ||
      c == WXK_DELETE || (c == ' ' && typed.empty())) {
    e.Skip();
    return;
  }
  const long long now = wxGetLocalTimeMillis().GetValue();
  if (now - lastKey > kPauseMs) typed.clear();
  lastKey = now;
  typed += core::fold(ui::utf8(wxString(c)));
  // The first item that begins with the letters, else the first that contains them.
  int found = wxNOT_FOUND;
  for (unsigned i = 0; i < choice->GetCount() && found == wxNOT_FOUND; ++i)
    if (core::fold(ui::utf8(choice->GetString(i))).rfind(typed, 0) == 0) found = int(i);
  for (unsigned i = 0; i < choice->GetCount() && found == wxNOT_FOUND; ++i)
    if (core::fold(ui::utf8(choice->GetString(i))).find(typed) != std::string::npos) found = int(i);
  if (found == wxNOT_FOUND || found == choice->GetSelection()) return;
  choice->SetSelection(found);
  wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
  chosen.SetEventObject(choice);
  chosen.SetInt(found);
  chosen.SetString(choice->GetString(unsigned(found)));
  choice->ProcessWindowEvent(chosen);
}
}  // namespace

void installTypeAhead() {
  wxTheApp->Bind(wxEVT_CHAR_HOOK, &onCharHook);
}

}  // namespace dangbo::app
