#pragma once
// The parts of a page that shows a list with a form below it (badges, transfer letters, file supplements, a
// member's party age): a report list sortable by its headings, and a grid of labelled text fields.
#include <wx/listbase.h>
#include <wx/string.h>

#include <initializer_list>

class wxFlexGridSizer;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace dangbo::app::ui {

/// `w` named `name` (for the state lines and the tests), to be added where it goes.
template <class W>
W* named(W* w, const char* name) {
  w->SetName(name);
  return w;
}

/// The title of a page (large and bold, as the pages laid out in forms/ have theirs), named "heading".
wxStaticText* pageTitle(wxWindow* parent, const wxString& text);

/// A report list named `name` (for the state lines and the tests) with the headings `columns`, sortable by a
/// click on a heading (ListSort.h); `style` adds to wxLC_REPORT (one row chosen at a time by default).
wxListCtrl* reportList(wxWindow* parent, const char* name, std::initializer_list<wxString> columns,
                       long style = wxLC_SINGLE_SEL);

/// The labelled text fields of a form: `pairs` label-and-field pairs a row, the field columns `growable`
/// taking the room left over (0 is the first field's column), each field at least `minWidth` pixels wide
/// (DIP; -1: its own best width).
class FieldGrid {
 public:
  FieldGrid(wxWindow* parent, int pairs, std::initializer_list<int> growable, int minWidth = -1);
  /// Adds the label `label` and a text field named `name` after it; returns the field.
  wxTextCtrl* add(const wxString& label, const char* name);
  /// The grid, to add to the page's sizer.
  wxFlexGridSizer* sizer() const { return grid_; }

 private:
  wxWindow* parent_;
  wxFlexGridSizer* grid_;
  int minWidth_;
};

}  // namespace dangbo::app::ui
