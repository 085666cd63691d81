#pragma once
// The dialog that fills an organization's code, name, kind, category and founding date
// (forms/OrganizationDialog.xrc); the caller's service call validates and stores it.
#include <wx/dialog.h>

#include <functional>

#include "core/Records.h"

namespace dangbo::app {

/// Asks for the details of a new or existing organization.
class OrganizationDialog : public wxDialog {
 public:
  /// Builds the dialog; with `existing`, its details are shown for changing.
  OrganizationDialog(wxWindow* parent, const core::Organization* existing);
  /// Shows the dialog until `submit` accepts the organization (true) or the user cancels (false); when
  /// `submit` throws, its message is shown and the dialog stays open.
  bool run(const std::function<void(const core::Organization&)>& submit);

 private:
  void onSave();
  core::Organization org_;
  std::function<void(const core::Organization&)> submit_;
};

}  // namespace dangbo::app
