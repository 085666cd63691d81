#include "app/HolidaysTab.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <set>

#include "app/FileDialogs.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "exchange/HolidayFile.h"
#include "services/Services.h"

namespace dangbo::app {

HolidaysTab::HolidaysTab(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "HolidaysTab");
  year_ = ctrl<wxChoice>(this, "year");
  list_ = ctrl<wxListCtrl>(this, "holidays");
  ui::sortable(list_);
  for (const wxString& h : {_("Date"), _("Weekday"), _("Kind of day"), _("Name")}) list_->AppendColumn(h);
  ui::stretchLastColumn(list_);
  year_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fill(); });
  ctrl<wxButton>(this, "import")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { importFile(); });
  ctrl<wxButton>(this, "remove")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
}

void HolidaysTab::showRegister(services::Services& s) {
  services_ = &s;
  reload(core::Date::today().year());
}

int HolidaysTab::selectedYear() const {
  int i = year_->GetSelection();
  return i > 0 && i <= int(years_.size()) ? years_[size_t(i - 1)] : 0;
}

void HolidaysTab::reload(int selectYear) {
  entries_ = services_->holidays();
  std::set<int> years;
  for (const auto& e : entries_) years.insert(e.date.year());
  years_.assign(years.begin(), years.end());
  year_->Clear();
  year_->Append(_("All years"));
  int select = 0;
  for (size_t i = 0; i < years_.size(); ++i) {
    year_->Append(wxString::Format("%d", years_[i]));
    if (years_[i] == selectYear) select = int(i + 1);
  }
  year_->SetSelection(select);

  wxString announced;
  for (int y : services_->announcedYears())
    announced += (announced.empty() ? "" : ", ") + wxString::Format("%d", y);
  ctrl<wxStaticText>(this, "announced")
      ->SetLabelText(announced.empty()
                         ? _("No year announced yet: days off are estimated from the lunar calendar.")
                         : ui::fmt(_("Announced: {1}. Other years are estimated from the lunar calendar."),
                                   {announced}));
  fill();
}

void HolidaysTab::fill() {
  int year = selectedYear();
  shown_.clear();
  list_->Freeze();
  list_->DeleteAllItems();
  for (const auto& e : entries_) {
    if (year && e.date.year() != year) continue;
    shown_.push_back(&e);
    long row = list_->InsertItem(list_->GetItemCount(), ui::wx(e.date.vn()));
    list_->SetItem(row, 1, ui::weekdayName(e.date));
    list_->SetItem(row, 2, ui::wx(core::enums::holidayKind.label(core::WorkCalendar::kindCode(e.kind))));
    list_->SetItem(row, 3, ui::wx(e.name));
  }
  ui::fitColumns(list_);
  list_->Thaw();
  Layout();
}

void HolidaysTab::importFile() {
  if (!services_) return;
  wxFileDialog dlg(this, _("Choose the announcement file (CSV: date, kind, name)"), "", "",
                   _("CSV files (*.csv)|*.csv|All files (*)|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (ui::showFileDialog(dlg) != wxID_OK) return;
  std::string path = ui::utf8(dlg.GetPath());
  std::vector<core::WorkCalendar::Entry> entries;
  if (!ui::attempt(this, [&] { entries = exchange::readHolidayFile(path); })) return;
  if (entries.empty()) {
    ui::showInfo(this, _("The file lists no days."));
    return;
  }
  wxString name = wxFileName(dlg.GetPath()).GetFullName();
  if (!ui::confirm(this,
                   ui::fmt(_("Import {1} days from {2}? Days already listed on the same dates are replaced."),
                           {ui::count(static_cast<long long>(entries.size())), name}),
                   _("Import")))
    return;
  int written = 0;
  if (!ui::attempt(this, [&] { written = services_->addHolidays(currentActor(), entries, ui::utf8(name)); }))
    return;
  reload(entries.front().date.year());
  ui::showInfo(this, ui::fmt(_("{1} days were written to the calendar."), {ui::count(written)}));
}

void HolidaysTab::remove() {
  long row = ui::selectedRow(list_);
  if (!services_ || row < 0 || row >= long(shown_.size())) {
    ui::showInfo(this, _("Choose a day first."));
    return;
  }
  core::WorkCalendar::Entry e = *shown_[size_t(row)];
  if (!ui::confirm(
          this,
          ui::fmt(_("Delete {1} ({2}) from the holiday calendar?"), {ui::wx(e.date.vn()), ui::wx(e.name)}),
          _("Delete")))
    return;
  int year = selectedYear();
  if (ui::attempt(this, [&] { services_->deleteHoliday(currentActor(), e.date); })) reload(year);
}

}  // namespace dangbo::app
