#include "app/BadgesPage.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ListForm.h"
#include "app/ListSort.h"
#include "app/ReportSaving.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/PartyFile.h"
#include "services/Services.h"

namespace dangbo::app {

BadgesPage::BadgesPage(wxWindow* parent) {
  Create(parent, wxID_ANY);
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  year_ = ui::addYearField(this, bar, core::Date::today().year());
  bar->Add(new wxStaticText(this, wxID_ANY, _("A&ward day:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  day_ = ui::named(new wxChoice(this, wxID_ANY), "awardDay");
  bar->Add(day_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
  summary_ = ui::named(new wxStaticText(this, wxID_ANY, " "), "summary");
  bar->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
  top->Add(bar, 0, wxEXPAND | wxALL, 8);

  list_ = ui::reportList(this, "proposals",
                         {_("Code"), _("Full name"), _("Cell"), _("Badge (years)"), _("Party age"),
                          _("Reached on"), _("Reason")});
  top->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

  // The award of the member selected.
  auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Record the award of the member selected"));
  wxWindow* bp = box->GetStaticBox();
  who_ = ui::named(new wxStaticText(bp, wxID_ANY, _("Choose a member in the list.")), "who");
  box->Add(who_, 0, wxEXPAND | wxALL, 4);
  ui::FieldGrid form(bp, 2, {0, 1});
  decisionNo_ = form.add(_("&Decision number:"), "decisionNo");
  decisionOn_ = form.add(_("Decision &date:"), "decisionOn");
  badgeNo_ = form.add(_("&Badge number:"), "badgeNo");
  ceremonyOn_ = form.add(_("&Ceremony date:"), "ceremonyOn");
  box->Add(form.sizer(), 0, wxEXPAND | wxALL, 4);
  record_ = ui::named(new wxButton(bp, wxID_ANY, _("&Record the award")), "recordAward");
  box->Add(record_, 0, wxALIGN_RIGHT | wxALL, 4);
  top->Add(box, 0, wxEXPAND | wxALL, 8);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* proposal =
      ui::named(new wxButton(this, wxID_ANY, _("Save the &proposal and memo...")), "saveProposal");
  buttons->Add(proposal, 0, wxRIGHT, 8);
  auto* ceremony = ui::named(new wxButton(this, wxID_ANY, _("Save the cere&mony list...")), "saveCeremony");
  buttons->Add(ceremony, 0);
  top->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
  SetSizer(top);

  year_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) {
    fillDays();
    refresh();
  });
  day_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { selected(); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { decisionNo_->SetFocus(); });
  record_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { recordAward(); });
  proposal->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save("badge-proposals"); });
  ceremony->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save("badge-ceremony"); });
}

void BadgesPage::showRegister(services::Services& s) {
  services_ = &s;
  fillDays();
  shown_ = false;  // read when the page is first shown: the round is not needed before
  if (IsShownOnScreen()) refresh();
}

void BadgesPage::activate() {
  if (!shown_) refresh();
  day_->SetFocus();
}

// The award days of the year chosen; the first one on or after today is chosen (the next round), else the
// last.
void BadgesPage::fillDays() {
  if (!services_) return;
  days_.clear();
  ui::attempt(this, [&] { days_ = services::badgeAwardDays(*services_, year_->GetValue()); });
  day_->Clear();
  const core::Date today = core::Date::today();
  int chosen = -1;
  for (size_t i = 0; i < days_.size(); ++i) {
    day_->Append(ui::date(days_[i]));
    if (chosen < 0 && days_[i] >= today) chosen = int(i);
  }
  day_->SetSelection(chosen >= 0 ? chosen : int(days_.size()) - 1);
  Layout();
}

std::optional<core::Date> BadgesPage::awardDay() const {
  const int i = day_->GetSelection();
  if (i < 0 || size_t(i) >= days_.size()) return std::nullopt;
  return days_[size_t(i)];
}

void BadgesPage::refresh() {
  list_->DeleteAllItems();
  round_ = {};
  shown_ = true;
  const auto day = awardDay();
  if (!services_ || !day) return;
  if (!ui::attempt(this, [&] {
        wxBusyCursor busy;
        round_ = services::badgeRound(*services_, currentActor(), *day);
      }))
    return;
  long row = 0;
  for (const auto& p : round_.proposals) {
    wxString reason = ui::wx(services::badgeReasonLabel(p.reason));
    if (p.diedOn) reason += " (" + ui::fmt(_("died {1}"), {ui::date(p.diedOn)}) + ")";
    list_->InsertItem(row, ui::wx(p.code));
    list_->SetItem(row, 1, ui::wx(p.fullName));
    list_->SetItem(row, 2, ui::wx(p.cellCode));
    list_->SetItem(row, 3, wxString::Format("%d", p.milestone));
    list_->SetItem(row, 4, wxString::Format("%d", p.partyYears));
    list_->SetItem(row, 5, ui::date(p.reachedOn));
    list_->SetItem(row, 6, reason);
    ++row;
  }
  for (const auto& w : round_.waiting) {
    list_->InsertItem(row, ui::wx(w.code));
    list_->SetItem(row, 1, ui::wx(w.fullName));
    list_->SetItem(row, 2, ui::wx(w.cellCode));
    list_->SetItem(row, 3, wxString::Format("%d", w.milestone));
    list_->SetItem(row, 5, ui::date(w.reachedOn));
    list_->SetItem(
        row, 6,
        ui::fmt(_("Waiting after a discipline: may be proposed from {1}"), {ui::date(w.allowedFrom)}));
    ++row;
  }
  ui::fitColumns(list_, 260);
  summary_->SetLabel(
      ui::fmt(_("{1} proposed, {2} waiting after a discipline."),
              {ui::count((long long)round_.proposals.size()), ui::count((long long)round_.waiting.size())}));
  who_->SetLabel(_("Choose a member in the list."));
  ceremonyOn_->ChangeValue(ui::date(day));
  Layout();
}

void BadgesPage::selected() {
  const long i = ui::selectedRow(list_);
  if (i < 0) return;
  const size_t n = size_t(i);
  if (n < round_.proposals.size()) {
    const auto& p = round_.proposals[n];
    who_->SetLabel(ui::fmt(_("Badge of {1} years of party age for {2} ({3})"),
                           {wxString::Format("%d", p.milestone), ui::wx(p.fullName), ui::wx(p.code)}));
  } else if (n - round_.proposals.size() < round_.waiting.size()) {
    const auto& w = round_.waiting[n - round_.proposals.size()];
    who_->SetLabel(ui::fmt(_("Badge of {1} years of party age for {2} ({3})"),
                           {wxString::Format("%d", w.milestone), ui::wx(w.fullName), ui::wx(w.code)}));
  }
  Layout();
}

void BadgesPage::recordAward() {
  if (!services_) return;
  const long i = ui::selectedRow(list_);
  if (i < 0) {
    ui::showInfo(this, _("Choose a member in the list."));
    return;
  }
  const size_t n = size_t(i);
  std::string code;
  int milestone = 0;
  if (n < round_.proposals.size()) {
    code = round_.proposals[n].code;
    milestone = round_.proposals[n].milestone;
  } else if (n - round_.proposals.size() < round_.waiting.size()) {
    code = round_.waiting[n - round_.proposals.size()].code;
    milestone = round_.waiting[n - round_.proposals.size()].milestone;
  } else {
    return;
  }
  core::BadgeAward a;
  a.milestone = milestone;
  a.decisionNo = ui::utf8(decisionNo_->GetValue().Trim().Trim(false));
  a.badgeNo = ui::utf8(badgeNo_->GetValue().Trim().Trim(false));
  if (!decisionOn_->GetValue().Trim().IsEmpty()) {
    a.decisionOn = ui::readDate(this, decisionOn_, _("the day of the decision"));
    if (!a.decisionOn) return;
  }
  if (!ceremonyOn_->GetValue().Trim().IsEmpty()) {
    a.ceremonyOn = ui::readDate(this, ceremonyOn_, _("the day of the ceremony"));
    if (!a.ceremonyOn) return;
  }
  if (!ui::attempt(this, [&] { services::recordBadgeAward(*services_, currentActor(), code, a); })) return;
  const wxString done = ui::fmt(_("Recorded: the badge of {1} years for {2}, number {3}."),
                                {wxString::Format("%d", milestone), ui::wx(code), ui::wx(a.badgeNo)});
  badgeNo_->Clear();
  refresh();
  who_->SetLabel(done);
  Layout();
  list_->SetFocus();
}

void BadgesPage::save(const char* report) {
  const auto day = awardDay();
  if (!services_ || !day) return;
  savePageReport(this, *services_, {report, *day, *day, *day}, {"pdf", "docx"});
}

}  // namespace dangbo::app
