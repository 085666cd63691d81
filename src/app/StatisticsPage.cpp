#include "app/StatisticsPage.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include "app/ListForm.h"
#include "app/ReportSaving.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Numbers.h"
#include "services/Services.h"

namespace dangbo::app {

StatisticsPage::StatisticsPage(wxWindow* parent) {
  Create(parent, wxID_ANY);
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  // The last year ended by default: the templates are sent up after 31/12.
  year_ = ui::addYearField(this, bar, core::Date::today().year() - 1);
  bar->Add(new wxStaticText(this, wxID_ANY, _("T&emplate:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  template_ = ui::named(new wxChoice(this, wxID_ANY), "template");
  for (int i = 1; i <= 7; ++i) template_->Append(wxString::Format("%d-BTCTW", i));
  template_->SetSelection(0);
  bar->Add(template_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
  bar->AddStretchSpacer();
  auto* xlsx = ui::named(new wxButton(this, wxID_ANY, _("Save as E&xcel...")), "saveXlsx");
  bar->Add(xlsx, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  auto* pdf = ui::named(new wxButton(this, wxID_ANY, _("Save as &PDF...")), "savePdf");
  bar->Add(pdf, 0, wxALIGN_CENTER_VERTICAL);
  top->Add(bar, 0, wxEXPAND | wxALL, 8);
  title_ = ui::named(new wxStaticText(this, wxID_ANY, " "), "title");
  wxFont bold = title_->GetFont();
  bold.SetWeight(wxFONTWEIGHT_BOLD);
  title_->SetFont(bold);
  top->Add(title_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
  list_ = ui::named(
      new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL),
      "figures");
  list_->AppendColumn(_("Criterion"));
  for (int i = 0; i < 3; ++i) list_->AppendColumn("", wxLIST_FORMAT_RIGHT);
  top->Add(list_, 1, wxEXPAND | wxALL, 8);
  SetSizer(top);

  year_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { compute(); });
  template_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fillTemplate(); });
  xlsx->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save("xlsx"); });
  pdf->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save("pdf"); });
}

void StatisticsPage::showRegister(services::Services& s) {
  services_ = &s;
  computedYear_ = 0;  // counted again when the page is shown: the year's figures take a moment
  if (IsShownOnScreen()) compute();
}

void StatisticsPage::activate() {
  if (computedYear_ != year_->GetValue()) compute();
  template_->SetFocus();
}

void StatisticsPage::compute() {
  templates_.clear();
  computedYear_ = year_->GetValue();
  if (services_)
    ui::attempt(this, [&] {
      wxBusyCursor busy;
      templates_ = services::statisticsTemplates(*services_, currentActor(), computedYear_);
    });
  fillTemplate();
}

void StatisticsPage::fillTemplate() {
  list_->DeleteAllItems();
  const int year = computedYear_;
  for (int c = 1; c <= 3; ++c) {
    wxListItem h;
    h.SetMask(wxLIST_MASK_TEXT);
    h.SetText(c == 1   ? ui::fmt(_("Year {1}"), {wxString::Format("%d", year)})
              : c == 2 ? ui::fmt(_("Same day of {1}"), {wxString::Format("%d", year - 1)})
                       : _("Against last year (%)"));
    list_->SetColumn(c, h);
  }
  const int i = template_->GetSelection();
  if (i < 0 || size_t(i) >= templates_.size()) {
    title_->SetLabel(" ");
    return;
  }
  const auto& t = templates_[size_t(i)];
  title_->SetLabel(ui::fmt(_("Template {1}: {2}"), {ui::wx(t.code), ui::wx(t.title)}));
  long row = 0;
  for (const auto& r : t.rows) {
    list_->InsertItem(row, ui::wx(r.detail ? "    - " + r.label : r.label));
    list_->SetItem(row, 1, ui::count(r.current));
    list_->SetItem(row, 2, ui::count(r.previous));
    const auto tenths = core::percentTenths(r.current, r.previous);
    list_->SetItem(row, 3, tenths ? ui::wx(core::formatPercentVn(*tenths)) : wxString());
    ++row;
  }
  ui::fitColumns(list_, 520);
  Layout();
}

void StatisticsPage::save(const char* format) {
  if (!services_) return;
  const int year = year_->GetValue();
  const core::Date last = *core::Date::make(year, 12, 31);
  savePageReport(this, *services_, {"statistics", *core::Date::make(year, 1, 1), last, last}, {format});
}

}  // namespace dangbo::app
