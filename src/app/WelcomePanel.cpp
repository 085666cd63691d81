#include "app/WelcomePanel.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace dangbo::app {

namespace {
// One way to begin: a button and what it does, side by side.
void addWay(wxWindow* parent, wxSizer* sizer, const wxString& label, const wxString& text,
            std::function<void()> action, const wxString& name) {
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  auto* button =
      new wxButton(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, name);
  if (action)
    button->Bind(wxEVT_BUTTON, [action](wxCommandEvent&) { action(); });
  else
    button->Disable();
  row->Add(button, 0, wxALIGN_TOP | wxRIGHT, parent->FromDIP(12));
  auto* note = new wxStaticText(parent, wxID_ANY, text);
  row->Add(note, 1, wxALIGN_CENTER_VERTICAL);
  sizer->Add(row, 0, wxEXPAND | wxTOP, parent->FromDIP(10));
}
}  // namespace

WelcomePanel::WelcomePanel(wxWindow* parent, WelcomeActions a)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE | wxTAB_TRAVERSAL,
              "welcome") {
  SetBackgroundColour(wxColour(0xFF, 0xF8, 0xE1));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(this, wxID_ANY, _("Welcome: this register is still empty"));
  wxFont big = title->GetFont();
  big.SetPointSize(big.GetPointSize() + 3);
  title->SetFont(big.Bold());
  sizer->Add(title, 0, wxBOTTOM, FromDIP(4));
  sizer->Add(new wxStaticText(this, wxID_ANY, _("Choose how to begin:")), 0);
  addWay(this, sizer, _("Import from Excel..."),
         _("The lists the office already keeps: party organizations, members, candidates, ratings."),
         a.import, "welcomeImport");
  addWay(this, sizer, _("Save the template workbook..."),
         _("An Excel workbook to fill: a sheet per list, an example row, the allowed values to choose from."),
         a.templates, "welcomeTemplates");
  addWay(
      this, sizer, _("Merge former registers..."),
      _("The registers of the former communes merged into this one: dangbo files, CSV folders, workbooks."),
      a.merge, "welcomeMerge");
  addWay(this, sizer, _("Start empty..."), _("Add the first party organization by hand, then its members."),
         a.startEmpty, "welcomeEmpty");
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(sizer, 1, wxEXPAND | wxALL, FromDIP(14));
  SetSizer(outer);
}

}  // namespace dangbo::app
