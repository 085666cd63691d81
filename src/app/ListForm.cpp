#include "app/ListForm.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ListSort.h"

namespace dangbo::app::ui {

wxStaticText* pageTitle(wxWindow* parent, const wxString& text) {
  auto* title = named(new wxStaticText(parent, wxID_ANY, text), "heading");
  wxFont font = title->GetFont();
  font.SetPointSize(17);
  font.SetWeight(wxFONTWEIGHT_BOLD);
  title->SetFont(font);
  return title;
}

wxListCtrl* reportList(wxWindow* parent, const char* name, std::initializer_list<wxString> columns,
                       long style) {
  auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | style);
  list->SetName(name);
  for (const wxString& c : columns) list->AppendColumn(c);
  sortable(list);
  return list;
}

FieldGrid::FieldGrid(wxWindow* parent, int pairs, std::initializer_list<int> growable, int minWidth)
    : parent_(parent), grid_(new wxFlexGridSizer(pairs * 2, 4, 12)), minWidth_(minWidth) {
  for (int g : growable) grid_->AddGrowableCol(size_t(g) * 2 + 1);
}

wxTextCtrl* FieldGrid::add(const wxString& label, const char* name) {
  grid_->Add(new wxStaticText(parent_, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
  auto* t = new wxTextCtrl(parent_, wxID_ANY);
  t->SetName(name);
  if (minWidth_ > 0) t->SetMinSize(parent_->FromDIP(wxSize(minWidth_, -1)));
  grid_->Add(t, 1, wxEXPAND);
  return t;
}

}  // namespace dangbo::app::ui
