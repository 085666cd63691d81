#pragma once
// The dialog of a dated action on a member (forms/ActionDialog.xrc): recognition, transfers, a move between
// cells, exemption and its end, death, removal with its ground, expulsion, leaving. The caller's service
// call (services::recordAction) checks and records it.
#include <wx/dialog.h>

#include <functional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "services/Register.h"

namespace dangbo::app {

/// Asks for one dated action on a member.
class ActionDialog : public wxDialog {
 public:
  /// The dialog for `member` (shown as `who`); `cells` are the cells the member may move to.
  ActionDialog(wxWindow* parent, const wxString& who, const std::vector<core::Organization>& cells,
               const core::Member& member);
  /// Shows the dialog until `submit` accepts the action (true) or the user cancels (false); when `submit`
  /// throws, its message is shown and the dialog stays open.
  bool run(const std::function<void(const services::MemberAction&)>& submit);

 private:
  void onKind();
  void onSave();
  std::string kind() const;
  std::vector<std::string> kinds_;
  std::vector<std::string> cellCodes_;
  std::function<void(const services::MemberAction&)> submit_;
};

}  // namespace dangbo::app
