#include "app/SupplementsPage.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ListForm.h"
#include "app/ListSort.h"
#include "app/ReportSaving.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {

// Only the committee's office and an administrator mark sheets returned (as recordSupplementReturns checks).
bool marksReturns() {
  const auto& a = currentActor();
  return a.role == "office" || a.role == "admin";
}

}  // namespace

SupplementsPage::SupplementsPage(wxWindow* parent) {
  Create(parent, wxID_ANY);
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(ui::pageTitle(this, _("Supplements to the members' files")), 0, wxLEFT | wxRIGHT | wxTOP, 8);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  year_ = ui::addYearField(this, bar, core::Date::today().year());
  summary_ = ui::named(new wxStaticText(this, wxID_ANY, " "), "summary");
  bar->Add(summary_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  auto* sheets = ui::named(new wxButton(this, wxID_ANY, _("Save the s&heets...")), "saveSheets");
  bar->Add(sheets, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  auto* missing = ui::named(new wxButton(this, wxID_ANY, _("Save the &missing list...")), "saveMissing");
  bar->Add(missing, 0, wxALIGN_CENTER_VERTICAL);
  top->Add(bar, 0, wxEXPAND | wxALL, 8);

  onlyMissing_ = ui::named(new wxCheckBox(this, wxID_ANY, _("&Only the sheets not returned")), "onlyMissing");
  top->Add(onlyMissing_, 0, wxLEFT | wxRIGHT, 8);
  list_ = ui::reportList(this, "sheets",
                         {_("Code"), _("Full name"), _("Cell"), _("Changes of the year"), _("Returned")}, 0);
  top->Add(list_, 1, wxEXPAND | wxALL, 8);

  refusal_ = ui::named(
      new wxStaticText(this, wxID_ANY,
                       _("Only the committee's office or an administrator marks the sheets returned.")),
      "refusalReturns");
  top->Add(refusal_, 0, wxLEFT | wxRIGHT, 8);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  ui::FieldGrid form(this, 1, {}, 120);
  returnedOn_ = form.add(_("&Returned on:"), "returnedOn");
  row->Add(form.sizer(), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  mark_ = ui::named(new wxButton(this, wxID_ANY, _("Mark the chosen sheets re&turned")), "markReturned");
  row->Add(mark_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  note_ = ui::named(new wxStaticText(this, wxID_ANY, " "), "hintReturns");
  row->Add(note_, 1, wxALIGN_CENTER_VERTICAL);
  top->Add(row, 0, wxEXPAND | wxALL, 8);
  SetSizer(top);

  year_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { refresh(); });
  onlyMissing_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fillList(); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { returnedOn_->SetFocus(); });
  mark_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { markReturned(); });
  sheets->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save("file-supplement", {"pdf", "docx"}); });
  missing->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    save("file-supplement-missing", {"pdf", "docx", "xlsx"});
  });
}

void SupplementsPage::showRegister(services::Services& s) {
  services_ = &s;
  read_ = false;  // read when the page is shown: a year's sheets take a moment
  if (IsShownOnScreen()) refresh();
}

void SupplementsPage::activate() {
  if (!read_) refresh();
  list_->SetFocus();
}

void SupplementsPage::refresh() {
  read_ = true;
  sheets_.clear();
  const bool office = marksReturns();
  refusal_->Show(!office);
  returnedOn_->Enable(office);
  mark_->Enable(office);
  if (returnedOn_->GetValue().IsEmpty()) returnedOn_->ChangeValue(ui::date(core::Date::today()));
  if (services_)
    ui::attempt(this, [&] {
      wxBusyCursor busy;
      sheets_ = services::supplementSheets(*services_, currentActor(), {year_->GetValue()});
    });
  fillList();
}

void SupplementsPage::fillList() {
  list_->DeleteAllItems();
  shown_.clear();
  size_t returned = 0;
  for (size_t i = 0; i < sheets_.size(); ++i) {
    const auto& sh = sheets_[i];
    if (sh.returnedOn) ++returned;
    if (sh.returnedOn && onlyMissing_->GetValue()) continue;
    const long row = list_->InsertItem(list_->GetItemCount(), ui::wx(sh.code));
    list_->SetItem(row, 1, ui::wx(sh.fullName));
    list_->SetItem(row, 2, ui::wx(sh.cellCode));
    list_->SetItem(row, 3,
                   sh.changes.empty() ? wxString(_("No change"))
                                      : ui::fmt(_("{1} changes"), {ui::count((long long)sh.changes.size())}));
    list_->SetItem(
        row, 4, sh.returnedOn ? ui::fmt(_("Yes, {1}"), {ui::date(sh.returnedOn)}) : wxString(_("Not yet")));
    shown_.push_back(i);
  }
  ui::fitColumns(list_, 320);
  summary_->SetLabel(ui::fmt(_("{1} sheets: {2} returned, {3} missing."),
                             {ui::count((long long)sheets_.size()), ui::count((long long)returned),
                              ui::count((long long)(sheets_.size() - returned))}));
  Layout();
}

void SupplementsPage::markReturned() {
  if (!services_) return;
  std::vector<std::string> codes;
  for (long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row >= 0;
       row = list_->GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)) {
    const long i = ui::filledIndex(list_, row);
    if (i >= 0 && size_t(i) < shown_.size()) codes.push_back(sheets_[shown_[size_t(i)]].code);
  }
  if (codes.empty()) {
    ui::showInfo(this, _("Choose the members whose sheet came back in the list (Ctrl or Shift and a click "
                         "choose several)."));
    return;
  }
  const auto on = ui::readDate(this, returnedOn_, _("The day the sheets came back"));
  if (!on) return;
  const int year = year_->GetValue();
  if (!ui::attempt(this,
                   [&] { services::recordSupplementReturns(*services_, currentActor(), year, codes, *on); }))
    return;
  refresh();
  note_->SetLabel(
      ui::fmt(_("Marked returned on {1}: {2} sheets."), {ui::date(on), ui::count((long long)codes.size())}));
  Layout();
  list_->SetFocus();
}

void SupplementsPage::save(const char* report, const std::vector<std::string>& formats) {
  if (!services_) return;
  const int year = year_->GetValue();
  const core::Date last = *core::Date::make(year, 12, 31);
  savePageReport(this, *services_, {report, *core::Date::make(year, 1, 1), last, last}, formats);
}

}  // namespace dangbo::app
