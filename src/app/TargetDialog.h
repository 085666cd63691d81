#pragma once
// The dialog that fills a target of a term; the caller's service call validates and stores it.
#include <wx/dialog.h>

#include <functional>
#include <optional>

#include "core/Records.h"

namespace dangbo::app {

/// Asks for a target's key, term years and value.
class TargetDialog : public wxDialog {
 public:
  /// Builds the dialog from forms/TargetDialog.xrc; with `existing`, only its value can change.
  TargetDialog(wxWindow* parent, const core::Target* existing);
  /// Shows the dialog until `submit` accepts the target (true) or the user cancels (false);
  /// when `submit` throws, its message is shown and the dialog stays open.
  bool run(const std::function<void(const core::Target&)>& submit);
  /// A target value as shown: "30", "90", "12,5".
  static wxString number(double v);
  /// The number typed (comma or dot before the decimals), or nullopt.
  static std::optional<double> parseNumber(const wxString& text);

 private:
  void onSave();
  std::function<void(const core::Target&)> submit_;
};

}  // namespace dangbo::app
