#pragma once
// The page of choosing, previewing and saving reports (issue 4).
#include "app/Page.h"

namespace dangbo::app {

/// Reports page.
class ReportsPage : public Page {
 public:
  explicit ReportsPage(wxWindow* parent);
  void showRegister(services::Services& s) override;
};

}  // namespace dangbo::app
