#pragma once
// Settings tab: the targets of each term (key, years, value), added, changed and deleted through Services.
#include <vector>

#include "app/Page.h"
#include "core/Records.h"

class wxListCtrl;

namespace dangbo::app {

/// Lists and edits the targets of the terms.
class TargetsTab : public Page {
 public:
  /// Builds the tab from forms/SettingsPage.xrc.
  explicit TargetsTab(wxWindow* parent);
  /// Lists the targets of `s`.
  void showRegister(services::Services& s) override;

 private:
  void reload();
  void edit(bool isNew);
  void remove();
  services::Services* services_ = nullptr;
  std::vector<core::Target> targets_;
  wxListCtrl* list_;
};

}  // namespace dangbo::app
