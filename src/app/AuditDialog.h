#pragma once
// The audit trail viewer: filters by user, record and period, the newest rows first.
#include <wx/dialog.h>

class wxListCtrl;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// Shows services::auditTrail for the current user (the administrator; others see the refusal).
class AuditDialog : public wxDialog {
 public:
  /// Builds the dialog from forms/AuditDialog.xrc and shows the newest rows.
  AuditDialog(wxWindow* parent, services::Services& s);

 private:
  void reload();
  services::Services& services_;
  wxListCtrl* list_ = nullptr;
};

}  // namespace dangbo::app
