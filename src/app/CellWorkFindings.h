#pragma once
// The cells' monthly work on the overview page: the findings `check` names for it (meetings and thematic
// meetings missing, meetings below a good one, absence and dues removal grounds, arrears, a basis missing),
// counted by rule in the heading and listed one a line, from services::checkCellWork as `check` reads them.
#include <wx/panel.h>
#include <wx/string.h>

namespace dangbo::services {
class Services;
}

class wxListCtrl;
class wxStaticText;

namespace dangbo::app {

class CellWorkFindings : public wxPanel {
 public:
  explicit CellWorkFindings(wxWindow* parent);
  /// Reads the findings of today for the acting user (a secretary: their cell) and shows them.
  void show(services::Services& s);

 private:
  /// Wraps the heading at the panel's width.
  void wrap();
  wxStaticText* heading_ = nullptr;
  wxString label_;  ///< the heading unwrapped
  wxListCtrl* list_ = nullptr;
};

}  // namespace dangbo::app
