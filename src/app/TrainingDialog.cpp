#include "app/TrainingDialog.h"

#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "app/Forms.h"
#include "app/Ui.h"

namespace dangbo::app {

TrainingDialog::TrainingDialog(wxWindow* parent) {
  wxXmlResource::Get()->LoadDialog(this, parent, "TrainingDialog");
  ctrl<wxSpinCtrl>(this, "year")->SetValue(core::Date::today().year());
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

bool TrainingDialog::run(const Submit& submit) {
  submit_ = submit;
  ctrl<wxTextCtrl>(this, "course")->SetFocus();
  return ShowModal() == wxID_OK;
}

void TrainingDialog::onSave() {
  auto* dateField = ctrl<wxTextCtrl>(this, "date");
  std::optional<core::Date> date;
  if (!dateField->GetValue().Strip(wxString::both).empty()) {
    date = ui::readDate(this, dateField, _("Date"));
    if (!date) return;
  }
  int year = ctrl<wxSpinCtrl>(this, "year")->GetValue();
  std::string course = ui::utf8(ctrl<wxTextCtrl>(this, "course")->GetValue());
  if (ui::attempt(this, [&] { submit_(year, date, course); })) EndModal(wxID_OK);
}

}  // namespace dangbo::app
