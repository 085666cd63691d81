#pragma once
// The dialogs of the changes to cells (forms/OrgActionDialog.xrc, showing only the rows an action needs):
// merging cells, splitting a new cell off, dissolving, a cell committee elected or ended, a secretary,
// deputy or committee member taking office. Each calls its function of services/Register.h; a refusal is
// shown and the dialog stays open.
#include <wx/dialog.h>

#include <string>
#include <vector>

#include "core/Records.h"
#include "services/MemberList.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The change a dialog makes.
enum class OrgAction { Merge, Split, Dissolve, CommitteeElected, CommitteeEnded, Leader };

/// Asks for the details of one change to the cell `cell` and applies it through the services.
class OrgActionDialog : public wxDialog {
 public:
  /// `cells`: the cells existing today (the choices of the other cells).
  OrgActionDialog(wxWindow* parent, services::Services& s, OrgAction action, const core::Organization& cell,
                  const std::vector<core::Organization>& cells);
  /// Shows the dialog; true when the change was made.
  bool run();

 private:
  void showRows();
  void onSave();
  void apply(const core::Date& date, const std::string& decisionNo);
  services::Services& services_;
  OrgAction action_;
  core::Organization cell_;
  std::vector<core::Organization> cells_;     // the "cells" list and the "target" choice
  std::vector<services::MemberRow> members_;  // members of the cell today
};

}  // namespace dangbo::app
