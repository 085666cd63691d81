#include "app/ChoiceTypeAhead.h"

#include <wx/choice.h>
#include <wx/event.h>
#include <wx/eventfilter.h>
#include <wx/time.h>

#include <string>

#include "app/Ui.h"
#include "core/VietText.h"

namespace dangbo::app {

namespace {

// The first entry beginning with `typed` (folded), else the first containing it; -1 when none.
int findEntry(const wxChoice& choice, const std::string& typed) {
  int contains = -1;
  for (unsigned i = 0; i < choice.GetCount(); ++i) {
    const std::string text = core::fold(ui::utf8(choice.GetString(i)));
    if (text.rfind(typed, 0) == 0) return int(i);
    if (contains < 0 && text.find(typed) != std::string::npos) contains = int(i);
  }
  return contains;
}

class TypeAhead : public wxEventFilter {
 public:
  int FilterEvent(wxEvent& event) override {
    if (event.GetEventType() != wxEVT_CHAR) return Event_Skip;
    auto* choice = dynamic_cast<wxChoice*>(event.GetEventObject());
    if (!choice || !choice->IsEnabled()) return Event_Skip;
    auto& key = static_cast<wxKeyEvent&>(event);
    const wxChar ch = key.GetUnicodeKey();
    if (ch == WXK_NONE || ch < 32 || (key.GetModifiers() & (wxMOD_CONTROL | wxMOD_ALT))) return Event_Skip;
    const wxLongLong now = wxGetLocalTimeMillis();
    if (choice != last_ || now - typedAt_ > 1500) typed_.clear();
    if (ch == ' ' && typed_.empty()) return Event_Skip;  // a space alone opens the list, as before
    last_ = choice;
    typedAt_ = now;
    typed_ += core::fold(ui::utf8(wxString(ch)));
    const int found = findEntry(*choice, typed_);
    if (found >= 0 && found != choice->GetSelection()) {
      choice->SetSelection(found);
      wxCommandEvent chosen(wxEVT_CHOICE, choice->GetId());
      chosen.SetEventObject(choice);
      chosen.SetInt(found);
      chosen.SetString(choice->GetString(unsigned(found)));
      choice->ProcessWindowEvent(chosen);
    }
    return Event_Processed;
  }

 private:
  wxChoice* last_ = nullptr;
  std::string typed_;
  wxLongLong typedAt_ = 0;
};

}  // namespace

namespace {
TypeAhead& theFilter() {
  static TypeAhead f;
  return f;
}
bool installed = false;
}  // namespace

void installChoiceTypeAhead() {
  if (installed) return;
  wxEvtHandler::AddFilter(&theFilter());
  installed = true;
}

void removeChoiceTypeAhead() {
  if (!installed) return;
  wxEvtHandler::RemoveFilter(&theFilter());
  installed = false;
}

}  // namespace dangbo::app
