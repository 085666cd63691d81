#pragma once
// The dialog that fills a new dated value of a rule; the caller's service call validates and stores it.
#include <wx/dialog.h>

#include <functional>

#include "core/Rules.h"

namespace dangbo::app {

/// Asks for a value, the day it applies from, its regulation and a note.
class RuleValueDialog : public wxDialog {
 public:
  /// Builds the dialog from forms/RuleValueDialog.xrc for rule `def`, showing `current` (the value in force
  /// today).
  RuleValueDialog(wxWindow* parent, const core::RuleDef& def, const wxString& current);
  /// Shows the dialog until `submit` accepts the value (true) or the user cancels (false);
  /// when `submit` throws, its message is shown and the dialog stays open.
  bool run(const std::function<void(const core::RuleValue&)>& submit);

 private:
  void onSave();
  const core::RuleDef& def_;
  std::function<void(const core::RuleValue&)> submit_;
};

}  // namespace dangbo::app
