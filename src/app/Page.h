#pragma once
// A page of the main window (overview, organizations, settings, ...), switched from the navigation list.
#include <wx/panel.h>

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// A page of the main window; its layout comes from forms/.
class Page : public wxPanel {
 public:
  /// Shows the data of the register `s` (called when a register is opened, and again after changes).
  virtual void showRegister(services::Services& s) = 0;
};

}  // namespace dangbo::app
