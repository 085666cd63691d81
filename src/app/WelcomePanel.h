#pragma once
// The welcome of an empty register (no party organization, no member yet), on top of the overview: the three
// ways to begin — import the existing lists from Excel (with the template workbook to fill), merge the
// registers of former communes, or start empty with the first party organization.
#include <wx/panel.h>

#include <functional>

namespace dangbo::app {

/// What the welcome's buttons do (set by the main window).
struct WelcomeActions {
  std::function<void()> import;      ///< File > Import from Excel
  std::function<void()> templates;   ///< File > Save import templates
  std::function<void()> startEmpty;  ///< the Party organizations page, adding the first one
  std::function<void()> merge;       ///< File > Merge registers of former communes
};

/// The welcome panel; hidden while the register holds data.
class WelcomePanel : public wxPanel {
 public:
  WelcomePanel(wxWindow* parent, WelcomeActions actions);
};

}  // namespace dangbo::app
