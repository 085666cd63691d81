#pragma once
// The recognition of a probationary member (forms/AdmissionRecognitionDialog.xrc): the cell's review after
// probation, with the official members counted from the register, then the decision: official from the
// exact end of probation, or removal (services::recordRecognitionReview / recordRecognitionDecision).
#include <wx/dialog.h>

#include <string>

#include "services/Admissions.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The recognition file of a probationary member.
class AdmissionRecognitionDialog : public wxDialog {
 public:
  AdmissionRecognitionDialog(wxWindow* parent, services::Services& s, const std::string& memberCode);
  /// Shows the dialog; true when something was recorded.
  bool run();

 private:
  void load();
  void countVotes();

  services::Services& services_;
  std::string code_;
  std::string cellCode_;
  services::RecognitionFile file_;
  bool changed_ = false;
};

}  // namespace dangbo::app
