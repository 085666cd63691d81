#pragma once
// The settings page: a notebook with the committee's identity, the dated rules, the targets of
// each term and the holiday calendar. Every change goes through Services as the local office user.
#include <functional>
#include <vector>

#include "app/Page.h"

namespace dangbo::app {

/// The settings of the register, one tab each.
class SettingsPage : public Page {
 public:
  /// Builds the page from forms/SettingsPage.xrc; `onCommitteeSaved` runs after the identity changed.
  SettingsPage(wxWindow* parent, std::function<void()> onCommitteeSaved);
  /// Shows the settings of `s` in every tab.
  void showRegister(services::Services& s) override;

 private:
  std::vector<Page*> tabs_;
};

}  // namespace dangbo::app
