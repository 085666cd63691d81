#pragma once
// Logging in when a register with user accounts is opened.
#include <wx/dialog.h>

#include <optional>

#include "services/Actor.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// Asks for a user name and password until services::login accepts them or the user cancels; a wrong
/// password or a locked account is said in the dialog itself.
class LoginDialog : public wxDialog {
 public:
  /// Builds the dialog from forms/LoginDialog.xrc for the register `s`.
  LoginDialog(wxWindow* parent, services::Services& s);
  /// Shows the dialog; the logged-in actor, or nullopt when cancelled.
  std::optional<services::Actor> run();

 private:
  void onLogin();
  void showProblem(const wxString& message);
  services::Services& services_;
  std::optional<services::Actor> actor_;
};

}  // namespace dangbo::app
