#pragma once
// The page of the admission pipeline board (issue 5).
#include "app/Page.h"

namespace dangbo::app {

/// Admissions page.
class AdmissionsPage : public Page {
 public:
  explicit AdmissionsPage(wxWindow* parent);
  void showRegister(services::Services& s) override;
};

}  // namespace dangbo::app
