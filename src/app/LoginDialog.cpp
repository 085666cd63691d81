#include "app/LoginDialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "app/Forms.h"
#include "app/Ui.h"
#include "core/Errors.h"
#include "services/Accounts.h"
#include "services/Services.h"

namespace dangbo::app {

LoginDialog::LoginDialog(wxWindow* parent, services::Services& s) : services_(s) {
  wxXmlResource::Get()->LoadDialog(this, parent, "LoginDialog");
  wxString committee;
  ui::attempt(parent, [&] { committee = ui::wx(s.committee().name); });
  auto* intro = ctrl<wxStaticText>(this, "intro");
  intro->SetLabel(ui::fmt(_("The register of {1} is protected by user accounts.\nFile: {2}"),
                          {committee, ui::wx(s.path().filename().string())}));
  auto* error = ctrl<wxStaticText>(this, "error");
  error->SetForegroundColour(wxColour(176, 0, 32));
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onLogin(); });
  ctrl<wxTextCtrl>(this, "password")->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { onLogin(); });
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

std::optional<services::Actor> LoginDialog::run() {
  ctrl<wxTextCtrl>(this, "username")->SetFocus();
  if (ShowModal() != wxID_OK) return std::nullopt;
  return actor_;
}

void LoginDialog::showProblem(const wxString& message) {
  auto* error = ctrl<wxStaticText>(this, "error");
  error->SetLabel(message);
  error->Wrap(FromDIP(420));
  error->Show();
  auto* password = ctrl<wxTextCtrl>(this, "password");
  password->Clear();
  password->SetFocus();
  GetSizer()->SetSizeHints(this);
  Layout();
}

void LoginDialog::onLogin() {
  const std::string name = ui::utf8(ctrl<wxTextCtrl>(this, "username")->GetValue());
  std::string password = ui::utf8(ctrl<wxTextCtrl>(this, "password")->GetValue());
  if (name.empty()) {
    showProblem(_("Type your user name."));
    ctrl<wxTextCtrl>(this, "username")->SetFocus();
    return;
  }
  try {
    wxBusyCursor wait;
    actor_ = services::login(services_, name, password);
  } catch (const core::PermissionError& e) {
    showProblem(ui::wx(e.what()));  // locked
    return;
  } catch (const std::exception& e) {
    showProblem(ui::wx(e.what()));
    return;
  }
  password.assign(password.size(), '\0');
  if (!actor_) {
    showProblem(_("Wrong user name or password."));
    return;
  }
  EndModal(wxID_OK);
}

}  // namespace dangbo::app
