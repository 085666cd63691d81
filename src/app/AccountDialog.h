#pragma once
// One user account: the first-run administrator, a new account, or a new password (forms/AccountDialog.xrc).
#include <wx/dialog.h>

#include <functional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// Fills in an account and hands it to services::Accounts; refusals are shown and the dialog stays open.
class AccountDialog : public wxDialog {
 public:
  /// First-run set-up: creates the administrator of `s` and makes it the current user. True when created.
  static bool createAdministrator(wxWindow* parent, services::Services& s);
  /// The administrator `admin` adds an account. True when created.
  static bool createAccount(wxWindow* parent, services::Services& s, const services::Actor& admin);
  /// The administrator `admin` sets a new password of `username`. True when changed.
  static bool setPassword(wxWindow* parent, services::Services& s, const services::Actor& admin,
                          const std::string& username);

 private:
  enum class Mode { Setup, Create, Password };
  AccountDialog(wxWindow* parent, services::Services& s, Mode mode);
  bool run(const std::function<void()>& submit);
  void onOk();
  void showCell();
  std::string password();
  services::Services& services_;
  Mode mode_;
  std::vector<core::Id> cellIds_;
  std::function<void()> submit_;
};

}  // namespace dangbo::app
