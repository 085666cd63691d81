#pragma once
// The page of the annual rating grid and summary (issue 6).
#include "app/Page.h"

namespace dangbo::app {

/// Ratings page.
class RatingsPage : public Page {
 public:
  explicit RatingsPage(wxWindow* parent);
  void showRegister(services::Services& s) override;
};

}  // namespace dangbo::app
