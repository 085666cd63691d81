#pragma once
// The office's review of a change package: each change with the value when exported, the cell's value and
// the office's value now; conflicts are resolved one by one (the cell's or the office's value), then
// everything is applied in one transaction.
#include <wx/dialog.h>

#include <optional>
#include <vector>

#include "services/Packages.h"

class wxListCtrl;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The review dialog of one change package.
class PackageReviewDialog : public wxDialog {
 public:
  PackageReviewDialog(wxWindow* parent, services::Services& s, core::ChangePackage pkg,
                      services::Review review);
  /// Shows the dialog; true when the changes were applied.
  bool run();

 private:
  void fill();
  void choose(services::Choice c);
  void onApply();
  services::Services& s_;
  core::ChangePackage pkg_;
  services::Review review_;
  std::vector<std::optional<services::Choice>> choices_;
  wxListCtrl* list_ = nullptr;
};

}  // namespace dangbo::app
