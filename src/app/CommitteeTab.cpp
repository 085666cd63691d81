#include "app/CommitteeTab.h"

#include <wx/button.h>
#include <wx/combobox.h>
#include <wx/textctrl.h>

#include "app/Forms.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Services.h"

namespace dangbo::app {

CommitteeTab::CommitteeTab(wxWindow* parent, std::function<void()> onSaved) : onSaved_(std::move(onSaved)) {
  wxXmlResource::Get()->LoadPanel(this, parent, "CommitteeTab");
  ctrl<wxButton>(this, "save")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
}

void CommitteeTab::showRegister(services::Services& s) {
  services_ = &s;
  core::CommitteeInfo c = s.committee();
  ctrl<wxTextCtrl>(this, "name")->ChangeValue(ui::wx(c.name));
  ctrl<wxTextCtrl>(this, "place")->ChangeValue(ui::wx(c.place));
  ctrl<wxTextCtrl>(this, "province")->ChangeValue(ui::wx(c.province));
  ctrl<wxTextCtrl>(this, "superior")->ChangeValue(ui::wx(c.superior));
  ctrl<wxTextCtrl>(this, "executive")->ChangeValue(ui::wx(c.executive));
  ctrl<wxComboBox>(this, "signer_on_behalf")->ChangeValue(ui::wx(c.signerOnBehalf));
  ctrl<wxTextCtrl>(this, "signer_title")->ChangeValue(ui::wx(c.signerTitle));
  ctrl<wxTextCtrl>(this, "signer_name")->ChangeValue(ui::wx(c.signerName));
  ctrl<wxTextCtrl>(this, "recipients")->ChangeValue(ui::wx(c.recipients));
}

void CommitteeTab::save() {
  if (!services_) return;
  core::CommitteeInfo c;
  c.name = ui::utf8(ctrl<wxTextCtrl>(this, "name")->GetValue());
  c.place = ui::utf8(ctrl<wxTextCtrl>(this, "place")->GetValue());
  c.province = ui::utf8(ctrl<wxTextCtrl>(this, "province")->GetValue());
  c.superior = ui::utf8(ctrl<wxTextCtrl>(this, "superior")->GetValue());
  c.executive = ui::utf8(ctrl<wxTextCtrl>(this, "executive")->GetValue());
  c.signerOnBehalf = ui::utf8(ctrl<wxComboBox>(this, "signer_on_behalf")->GetValue());
  c.signerTitle = ui::utf8(ctrl<wxTextCtrl>(this, "signer_title")->GetValue());
  c.signerName = ui::utf8(ctrl<wxTextCtrl>(this, "signer_name")->GetValue());
  c.recipients = ui::utf8(ctrl<wxTextCtrl>(this, "recipients")->GetValue());
  if (!ui::attempt(this, [&] { services_->saveCommittee(currentActor(), c); })) return;
  showRegister(*services_);  // the stored, normalised values
  if (onSaved_) onSaved_();
  ui::showInfo(this, _("The committee's identity was saved."));
}

}  // namespace dangbo::app
