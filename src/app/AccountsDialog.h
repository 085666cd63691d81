#pragma once
// The administrator's list of user accounts: add, change the role, set a new password, deactivate.
#include <wx/dialog.h>

#include <vector>

#include "services/Accounts.h"

class wxListCtrl;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The accounts of the open register (forms/AccountsDialog.xrc); every change goes through services.
class AccountsDialog : public wxDialog {
 public:
  /// Builds the dialog; the services refuse (and the dialog says so) when the current user is not an
  /// administrator.
  AccountsDialog(wxWindow* parent, services::Services& s);

 private:
  void reload();
  const services::UserInfo* selected();
  void changeRole();
  void deactivate();
  services::Services& services_;
  std::vector<services::UserInfo> users_;
  wxListCtrl* list_ = nullptr;
};

}  // namespace dangbo::app
