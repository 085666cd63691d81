#pragma once
// The page of inspection cases and disciplinary decisions (issue 7).
#include "app/Page.h"

namespace dangbo::app {

/// Discipline page.
class DisciplinePage : public Page {
 public:
  explicit DisciplinePage(wxWindow* parent);
  void showRegister(services::Services& s) override;
};

}  // namespace dangbo::app
