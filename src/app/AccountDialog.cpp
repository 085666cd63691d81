#include "app/AccountDialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/Forms.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "core/Errors.h"
#include "services/Accounts.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
const char* const kRoles[] = {"office", "secretary", "inspection", "leadership", "admin"};
}

AccountDialog::AccountDialog(wxWindow* parent, services::Services& s, Mode mode) : services_(s), mode_(mode) {
  wxXmlResource::Get()->LoadDialog(this, parent, "AccountDialog");
  auto* intro = ctrl<wxStaticText>(this, "intro");
  auto* role = ctrl<wxChoice>(this, "role");
  for (const char* r : kRoles) role->Append(ui::wx(core::enums::userRole.label(r)));
  role->SetSelection(0);
  role->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { showCell(); });
  auto* cell = ctrl<wxChoice>(this, "cell");
  if (mode == Mode::Create) {
    for (const auto& o : s.organizations(currentActor())) {
      if (o.ceased) continue;
      cell->Append(ui::wx(o.code + " — " + o.name));
      cellIds_.push_back(o.id);
    }
  }
  const bool accountFields = mode != Mode::Password;
  const bool roleFields = mode == Mode::Create;
  for (const char* name : {"fullnameLabel", "fullname"}) FindWindow(XRCID(name))->Show(accountFields);
  for (const char* name : {"roleLabel", "role"}) FindWindow(XRCID(name))->Show(roleFields);
  if (mode == Mode::Setup) {
    SetTitle(_("Create the administrator"));
    intro->SetLabel(
        _("The administrator manages the user accounts, the settings and the backups. Once this "
          "account exists,\neveryone who opens the register logs in with their own account."));
  } else if (mode == Mode::Create) {
    SetTitle(_("New user account"));
    intro->SetLabel(_("A cell secretary sees and changes only the members of their cell."));
  } else {
    SetTitle(_("New password"));
    intro->SetLabel(_("The new password also unlocks the account."));
    ctrl<wxTextCtrl>(this, "username")->SetEditable(false);
    FindWindow(wxID_OK)->SetLabel(_("Save"));
  }
  ctrl<wxStaticText>(this, "intro")->Wrap(FromDIP(460));
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onOk(); });
  showCell();
}

void AccountDialog::showCell() {
  const bool secretary = mode_ == Mode::Create &&
                         std::string(kRoles[ctrl<wxChoice>(this, "role")->GetSelection()]) == "secretary";
  FindWindow(XRCID("cellLabel"))->Show(secretary);
  ctrl<wxChoice>(this, "cell")->Show(secretary);
  GetSizer()->SetSizeHints(this);
  Layout();
}

std::string AccountDialog::password() {
  wxString a = ctrl<wxTextCtrl>(this, "password")->GetValue();
  wxString b = ctrl<wxTextCtrl>(this, "password2")->GetValue();
  if (a != b) throw core::DataError(ui::utf8(_("The two passwords differ.")));
  return ui::utf8(a);
}

bool AccountDialog::run(const std::function<void()>& submit) {
  submit_ = submit;
  CentreOnParent();
  (mode_ == Mode::Password ? ctrl<wxTextCtrl>(this, "password") : ctrl<wxTextCtrl>(this, "username"))
      ->SetFocus();
  return ShowModal() == wxID_OK;
}

void AccountDialog::onOk() {
  if (ui::attempt(this, submit_)) EndModal(wxID_OK);
}

bool AccountDialog::createAdministrator(wxWindow* parent, services::Services& s) {
  AccountDialog dlg(parent, s, Mode::Setup);
  return dlg.run([&] {
    std::string name = ui::utf8(ctrl<wxTextCtrl>(&dlg, "username")->GetValue());
    std::string full = ui::utf8(ctrl<wxTextCtrl>(&dlg, "fullname")->GetValue());
    services::createAdministrator(s, name, full, dlg.password());
    setCurrentActor(services::Actor{services::normalizeUsername(name), "admin", std::nullopt});
  });
}

bool AccountDialog::createAccount(wxWindow* parent, services::Services& s, const services::Actor& admin) {
  AccountDialog dlg(parent, s, Mode::Create);
  return dlg.run([&] {
    services::NewUser u;
    u.username = ui::utf8(ctrl<wxTextCtrl>(&dlg, "username")->GetValue());
    u.fullName = ui::utf8(ctrl<wxTextCtrl>(&dlg, "fullname")->GetValue());
    u.role = kRoles[ctrl<wxChoice>(&dlg, "role")->GetSelection()];
    int cell = ctrl<wxChoice>(&dlg, "cell")->GetSelection();
    if (u.role == "secretary" && cell != wxNOT_FOUND) u.cellId = dlg.cellIds_[size_t(cell)];
    u.password = dlg.password();
    services::createUser(s, admin, u);
  });
}

bool AccountDialog::setPassword(wxWindow* parent, services::Services& s, const services::Actor& admin,
                                const std::string& username) {
  AccountDialog dlg(parent, s, Mode::Password);
  ctrl<wxTextCtrl>(&dlg, "username")->ChangeValue(ui::wx(username));
  return dlg.run([&] { services::resetPassword(s, admin, username, dlg.password()); });
}

}  // namespace dangbo::app
