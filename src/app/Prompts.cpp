#include "app/Prompts.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/textdlg.h>

#include "app/Ui.h"

namespace dangbo::app::prompts {

void labelButtons(wxDialog* dialog) {
  if (auto* ok = wxDynamicCast(dialog->FindWindow(wxID_OK), wxButton)) ok->SetLabel(_("OK"));
  if (auto* cancel = wxDynamicCast(dialog->FindWindow(wxID_CANCEL), wxButton)) cancel->SetLabel(_("Cancel"));
}

std::optional<wxString> reason(wxWindow* parent, const wxString& message, const wxString& title) {
  wxTextEntryDialog ask(parent, message, title);
  labelButtons(&ask);
  for (;;) {
    if (ask.ShowModal() != wxID_OK) return std::nullopt;
    const wxString text = ask.GetValue().Strip(wxString::both);
    if (!text.empty()) return text;
    ui::showError(parent, title, _("Enter the reason: an empty reason is not accepted."));
  }
}

}  // namespace dangbo::app::prompts
