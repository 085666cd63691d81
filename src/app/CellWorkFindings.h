#pragma once
// The cells' monthly work on the overview page: the findings `check` names for it (meetings and thematic
// meetings missing, meetings below a good one, absence and dues removal grounds, arrears, a basis missing),
// counted by rule in the heading and listed one a line, from services::checkCellWork as `check` reads them.
#include <wx/panel.h>
#include <wx/string.h>

#include <string>
#include <vector>

#include "services/MemberList.h"

class wxListCtrl;
class wxStaticText;

namespace dangbo::app {

class CellWorkFindings : public wxPanel {
 public:
  explicit CellWorkFindings(wxWindow* parent);
  /// Shows the findings of today for the acting user (a secretary: their cell), read by
  /// services::checkCellWork, or the reason they could not be read (`problem` not empty).
  void show(std::vector<services::CheckFinding> found, const std::string& problem);

 private:
  /// Wraps the heading at the panel's width.
  void wrap();
  wxStaticText* heading_ = nullptr;
  wxString label_;  ///< the heading unwrapped
  wxListCtrl* list_ = nullptr;
};

}  // namespace dangbo::app
