#pragma once
// Settings tab: every dated rule with the value in force today, the history of the selected rule,
// adding a value from a date and deleting one.
#include <string>
#include <vector>

#include "app/Page.h"
#include "core/Rules.h"
#include "services/Services.h"

class wxListCtrl;
class wxStaticText;

namespace dangbo::app {

/// Lists and edits the dated rules through Services.
class RulesTab : public Page {
 public:
  /// Builds the tab from forms/SettingsPage.xrc.
  explicit RulesTab(wxWindow* parent);
  /// Lists the rules of `s`.
  void showRegister(services::Services& s) override;

 private:
  void reload(const std::string& selectKey);
  void showHistory();
  void addValue();
  void deleteValue();
  const services::RuleView* selectedRule() const;
  services::Services* services_ = nullptr;
  std::vector<services::RuleView> rules_;
  core::RuleBook book_;
  std::vector<core::RuleValue> history_;  ///< the selected rule's values, newest first, as listed
  wxListCtrl* rulesList_;
  wxListCtrl* historyList_;
  wxStaticText* historyTitle_;
};

}  // namespace dangbo::app
