#pragma once
// The dialog that fills an organization's code, name, kind, category, founding date and the organization it
// belongs to (forms/OrganizationDialog.xrc); the caller's service call validates and stores it.
#include <wx/dialog.h>

#include <functional>
#include <string>
#include <vector>

#include "core/Records.h"

namespace dangbo::app {

/// Asks for the details of a new or existing organization.
class OrganizationDialog : public wxDialog {
 public:
  /// Builds the dialog; with `existing`, its details are shown for changing. `all`: the register's
  /// organizations, offered (but the one changed) as the organization it belongs to.
  OrganizationDialog(wxWindow* parent, const core::Organization* existing,
                     const std::vector<core::Organization>& all);
  /// Fills the code of a new organization with `code` (the register's next one), which the user may change.
  void proposeCode(const std::string& code);
  /// Shows the dialog until `submit` accepts the organization (true) or the user cancels (false); when
  /// `submit` throws, its message is shown and the dialog stays open.
  bool run(const std::function<void(const core::Organization&)>& submit);

 private:
  void onSave();
  core::Organization org_;
  std::vector<core::Id> parents_;  ///< the ids behind the choice "parent" (0: none)
  std::function<void(const core::Organization&)> submit_;
};

}  // namespace dangbo::app
