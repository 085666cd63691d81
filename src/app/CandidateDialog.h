#pragma once
// A candidate's admission file (forms/CandidateDialog.xrc): the personal details, then one section per
// stage of domain.md. Recorded stages are read-only, the next stage is open for entry and recorded through
// its service call (which checks the rules: a vote below the cell's share is refused and its reason shown);
// the file can be closed by withdrawal or rejection. Opened empty, it lists a new candidate.
#include <wx/dialog.h>

#include <string>

#include "services/Admissions.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The admission file of a candidate.
class CandidateDialog : public wxDialog {
 public:
  /// `code` empty: a new candidate (in `cellCode` when given).
  CandidateDialog(wxWindow* parent, services::Services& s, const std::string& code,
                  const std::string& cellCode);
  /// Shows the dialog; true when something was recorded.
  bool run();

 private:
  void load();
  void showFile();
  void create();
  /// Opens the correctable details, then records their correction with a reason.
  void correct();
  void countVotes();
  /// Scrolls the next stage's section to the top of the visible area and puts the focus on its first field.
  void focusNextStage();
  /// Runs a service call for the file; on success reloads the file and remembers the change.
  void record(const std::function<void()>& work);

  services::Services& services_;
  std::string code_;
  std::string cellCode_;
  services::CandidateFile file_;
  std::vector<std::pair<std::string, std::string>> ethnicities_;
  std::vector<std::string> cellCodes_;
  bool changed_ = false;
  bool correcting_ = false;  ///< the correctable details are open for editing
};

}  // namespace dangbo::app
