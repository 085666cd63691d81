#pragma once
// The list behind a figure of the overview (forms/FigureListDialog.xrc): a line saying what is counted,
// then the rows in a list; rows that fall short are shown in red.
#include <wx/dialog.h>

#include <vector>

namespace dangbo::app {

/// One row of the list: its cells, and whether it is shown as a shortfall (red).
struct FigureListRow {
  std::vector<wxString> cells;
  bool shortfall = false;
};

/// A read-only list, closed with Esc, Enter or the Close button.
class FigureListDialog : public wxDialog {
 public:
  /// Builds the dialog titled `title`, with `summary` above the list and `hint` (grey) below it.
  FigureListDialog(wxWindow* parent, const wxString& title, const wxString& summary, const wxString& hint,
                   const std::vector<wxString>& columns, const std::vector<FigureListRow>& rows);
};

}  // namespace dangbo::app
