#include "app/CellWorkFindings.h"

#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <map>

#include "app/Session.h"
#include "app/Ui.h"
#include "services/CellWork.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
// The rules of the cells' work in the order they are listed, with their names for people.
wxString ruleName(const std::string& rule) {
  if (rule == "meeting_missing") return _("No regular meeting");
  if (rule == "thematic_missing") return _("No thematic meeting");
  if (rule == "meeting_short") return _("Meeting below a good one");
  if (rule == "absence_removal_ground") return _("Absences: ground for removal");
  if (rule == "dues_removal_ground") return _("Dues unpaid: ground for removal");
  if (rule == "dues_arrears") return _("Dues owed");
  if (rule == "dues_basis_missing") return _("No dues basis");
  return ui::wx(rule);
}
const char* const kOrder[] = {"absence_removal_ground", "dues_removal_ground", "meeting_missing",
                              "thematic_missing",       "meeting_short",       "dues_arrears",
                              "dues_basis_missing"};
}  // namespace

CellWorkFindings::CellWorkFindings(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("cellWorkFindings");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  heading_ = new wxStaticText(this, wxID_ANY, " ");
  heading_->SetForegroundColour(wxColour(0xA3, 0x15, 0x1B));
  heading_->SetFont(heading_->GetFont().Bold().Larger());
  // Neither the heading nor the list widens the page: their width is the page's (the heading wraps).
  heading_->SetMinSize(wxSize(FromDIP(100), -1));
  sizer->Add(heading_, 0, wxBOTTOM | wxEXPAND, 6);
  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(180)),
                         wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_SIMPLE);
  list_->SetName("cellWorkList");
  list_->SetMinSize(wxSize(FromDIP(100), FromDIP(180)));
  for (const wxString& h : {_("Finding"), _("Code"), _("Year"), _("Detail")}) list_->AppendColumn(h);
  sizer->Add(list_, 0, wxEXPAND);
  SetSizer(sizer);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    CallAfter([this] { wrap(); });
  });
}

void CellWorkFindings::wrap() {
  const int width = GetClientSize().x;
  if (width < FromDIP(100)) return;
  const wxString before = heading_->GetLabel();
  heading_->SetLabelText(label_);
  heading_->Wrap(width);
  if (heading_->GetLabel() != before) {
    Layout();
    GetParent()->Layout();
    if (auto* scroll = dynamic_cast<wxScrolledWindow*>(GetParent())) scroll->FitInside();
  }
}

void CellWorkFindings::show(services::Services& s) {
  list_->Freeze();
  list_->DeleteAllItems();
  std::vector<services::CheckFinding> found;
  try {
    found = services::checkCellWork(s, currentActor(), core::Date::today());
  } catch (const std::exception& e) {
    label_ = ui::wx(e.what());
    heading_->SetLabelText(label_);
    list_->Thaw();
    return;
  }
  std::map<std::string, int> counts;
  for (const auto& f : found) ++counts[f.rule];
  wxString heading = ui::fmt(_("The cells' monthly work: {1} findings"), {ui::count(long(found.size()))});
  wxString parts;
  for (const char* rule : kOrder) {
    auto it = counts.find(rule);
    if (it == counts.end()) continue;
    parts += (parts.empty() ? "" : ", ") + ruleName(rule) + " " + ui::count(it->second);
  }
  label_ = parts.empty() ? heading : heading + " (" + parts + ")";
  heading_->SetLabelText(label_);
  for (const char* rule : kOrder)
    for (const auto& f : found) {
      if (f.rule != rule) continue;
      const long row = list_->InsertItem(list_->GetItemCount(), ruleName(f.rule));
      list_->SetItem(row, 1, ui::wx(f.subject));
      list_->SetItem(row, 2, f.year ? wxString::Format("%d", *f.year) : wxString());
      list_->SetItem(row, 3, ui::wx(f.message));
      if (f.rule.find("removal_ground") != std::string::npos) list_->SetItemTextColour(row, *wxRED);
    }
  if (found.empty()) list_->InsertItem(0, _("Nothing to note in the cells' work."));
  ui::fitColumns(list_, 360);
  ui::stretchLastColumn(list_);
  list_->Thaw();
  wrap();
}

}  // namespace dangbo::app
