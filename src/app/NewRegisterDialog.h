#pragma once
// The dialog that fills a new register's file and committee identity; the caller creates it through Services.
#include <wx/dialog.h>

#include <filesystem>
#include <functional>

#include "core/Records.h"

namespace dangbo::app {

/// Asks where to create a new register and the committee's name, place and province.
class NewRegisterDialog : public wxDialog {
 public:
  /// Builds the dialog from forms/NewRegisterDialog.xrc, proposing a file in `folder`.
  NewRegisterDialog(wxWindow* parent, const std::filesystem::path& folder);
  /// Shows the dialog until `submit` accepts the file and identity (true) or the user cancels (false);
  /// when `submit` throws, its message is shown and the dialog stays open.
  bool run(const std::function<void(const std::filesystem::path&, const core::CommitteeInfo&)>& submit);

 private:
  void browse();
  void onCreate();
  std::function<void(const std::filesystem::path&, const core::CommitteeInfo&)> submit_;
};

}  // namespace dangbo::app
