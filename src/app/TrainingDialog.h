#pragma once
// The dialog of a training course attended by a member (forms/TrainingDialog.xrc); the caller's service
// call (services::addTraining) checks and records it.
#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>

#include "core/Date.h"

namespace dangbo::app {

/// Asks for a training's year, date (optional) and course.
class TrainingDialog : public wxDialog {
 public:
  /// What the caller records: year, date (optional), course.
  using Submit = std::function<void(int, const std::optional<core::Date>&, const std::string&)>;
  /// Builds the dialog from forms/TrainingDialog.xrc, the year set to this year.
  explicit TrainingDialog(wxWindow* parent);
  /// Shows the dialog until `submit` accepts (true) or the user cancels (false); when `submit` throws, its
  /// message is shown and the dialog stays open.
  bool run(const Submit& submit);

 private:
  void onSave();
  Submit submit_;
};

}  // namespace dangbo::app
