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
  /// Ctrl+N on this page: adds a record of the page's kind and returns true, or returns false to let the
  /// window create a new register.
  virtual bool addNew() { return false; }
  /// Ctrl+P on this page: prints a paper of the member or candidate selected and returns true, or returns
  /// false when the page has nobody selected (the window then says where papers are printed).
  virtual bool printPaper() { return false; }
  /// The page was switched to: puts the keyboard focus where work starts (nothing by default).
  virtual void activate() {}
};

}  // namespace dangbo::app
