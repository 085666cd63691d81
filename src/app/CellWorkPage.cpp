#include "app/CellWorkPage.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "app/DisciplineDialogs.h"
#include "app/ListForm.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "core/Numbers.h"
#include "services/Discipline.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
const char* const kKinds[] = {"thuong_ky", "chuyen_de", "bat_thuong"};
const char* const kStatuses[] = {"co_mat", "vang_co_ly_do", "vang_khong_ly_do"};

wxString monthHeading(int m) {
  return wxString::Format("%02d", m);
}
}  // namespace

CellWorkPage::CellWorkPage(wxWindow* parent) {
  Create(parent, wxID_ANY);
  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(ui::pageTitle(this, _("Meetings and dues")), 0, wxLEFT | wxRIGHT | wxTOP, 8);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(new wxStaticText(this, wxID_ANY, _("&Cell:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  cell_ = new wxChoice(this, wxID_ANY);
  cell_->SetName("cell");
  bar->Add(cell_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
  year_ = ui::addYearField(this, bar, core::Date::today().year());
  top->Add(bar, 0, wxEXPAND | wxALL, 8);

  auto* book = new wxNotebook(this, wxID_ANY);
  // Meetings.
  auto* mp = new wxPanel(book);
  auto* ms = new wxBoxSizer(wxHORIZONTAL);
  meetings_ = new wxListCtrl(mp, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  meetings_->SetName("meetings");
  ui::sortable(meetings_);
  for (const wxString& h :
       {_("Month"), _("Day"), _("Kind"), _("Present"), _("Expected"), _("Rate"), _("Grade")})
    meetings_->AppendColumn(h);
  ms->Add(meetings_, 1, wxEXPAND | wxALL, 6);
  auto* form = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, 4, 6);
  grid->AddGrowableCol(1);
  grid->Add(new wxStaticText(mp, wxID_ANY, _("&Day:")), 0, wxALIGN_CENTER_VERTICAL);
  day_ = new wxTextCtrl(mp, wxID_ANY, ui::date(core::Date::today()));
  day_->SetName("day");
  grid->Add(day_, 1, wxEXPAND);
  grid->Add(new wxStaticText(mp, wxID_ANY, _("&Kind:")), 0, wxALIGN_CENTER_VERTICAL);
  kind_ = new wxChoice(mp, wxID_ANY);
  for (const char* k : kKinds) kind_->Append(ui::wx(core::enums::meetingKind.label(k)));
  kind_->SetSelection(0);
  grid->Add(kind_, 1, wxEXPAND);
  grid->Add(new wxStaticText(mp, wxID_ANY, _("Start time:")), 0, wxALIGN_CENTER_VERTICAL);
  starts_ = new wxTextCtrl(mp, wxID_ANY, "19:30");
  grid->Add(starts_, 1, wxEXPAND);
  grid->Add(new wxStaticText(mp, wxID_ANY, _("End time:")), 0, wxALIGN_CENTER_VERTICAL);
  ends_ = new wxTextCtrl(mp, wxID_ANY, "21:00");
  grid->Add(ends_, 1, wxEXPAND);
  grid->Add(new wxStaticText(mp, wxID_ANY, _("Pla&ce:")), 0, wxALIGN_CENTER_VERTICAL);
  place_ = ui::named(new wxTextCtrl(mp, wxID_ANY), "place");
  place_->SetToolTip(
      _("Where the meeting was held; left empty, a meeting saved again keeps the place stored"));
  grid->Add(place_, 1, wxEXPAND);
  form->Add(grid, 0, wxEXPAND | wxBOTTOM, 6);
  form->Add(new wxStaticText(mp, wxID_ANY, _("&Attendance (Space key):")), 0, wxBOTTOM, 4);
  attendance_ = new wxListBox(mp, wxID_ANY);
  attendance_->SetName("attendance");
  form->Add(attendance_, 1, wxEXPAND | wxBOTTOM, 6);
  auto* save = new wxButton(mp, wxID_ANY, _("&Save the meeting"));
  save->SetName("saveMeeting");
  form->Add(save, 0, wxALIGN_RIGHT);
  ms->Add(form, 0, wxEXPAND | wxALL, 6);  // as wide as the attendance needs (fitAttendance)
  mp->SetSizer(ms);
  book->AddPage(mp, _("Meetings"));
  // Dues.
  auto* dp = new wxPanel(book);
  auto* ds = new wxBoxSizer(wxVERTICAL);
  auto* dbar = new wxBoxSizer(wxHORIZONTAL);
  dbar->Add(new wxStaticText(dp, wxID_ANY, _("&Paid on:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  paidOn_ = new wxTextCtrl(dp, wxID_ANY, ui::date(core::Date::today()));
  paidOn_->SetName("paidOn");
  dbar->Add(paidOn_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
  progress_ = new wxStaticText(dp, wxID_ANY, " ");  // not empty: a line high before the first figures
  progress_->SetName("progress");
  dbar->Add(progress_, 1, wxALIGN_CENTER_VERTICAL);
  ds->Add(dbar, 0, wxEXPAND | wxALL, 6);
  dues_ = new wxGrid(dp, wxID_ANY);
  dues_->SetName("dues");
  dues_->CreateGrid(0, 12);
  for (int m = 1; m <= 12; ++m) dues_->SetColLabelValue(m - 1, monthHeading(m));
  dues_->SetRowLabelSize(220);
  dues_->SetDefaultCellAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
  ds->Add(dues_, 1, wxEXPAND | wxALL, 6);
  // What the cell sent up to the commune (its share of the dues it does not keep), month by month.
  auto* sbar = new wxBoxSizer(wxHORIZONTAL);
  sbar->Add(new wxStaticText(dp, wxID_ANY, _("Sent up to the commune:")), 0,
            wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  sbar->Add(new wxStaticText(dp, wxID_ANY, _("Mont&h:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  sentMonth_ = new wxChoice(dp, wxID_ANY);
  sentMonth_->SetName("sentMonth");
  for (int m = 1; m <= 12; ++m) sentMonth_->Append(monthHeading(m));
  sbar->Add(sentMonth_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  sbar->Add(new wxStaticText(dp, wxID_ANY, _("A&mount:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  sentAmount_ =
      new wxTextCtrl(dp, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
  sentAmount_->SetName("sentAmount");
  sbar->Add(sentAmount_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  sbar->Add(new wxStaticText(dp, wxID_ANY, _("Sent on:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  sentOn_ = new wxTextCtrl(dp, wxID_ANY, ui::date(core::Date::today()));
  sentOn_->SetName("sentOn");
  sbar->Add(sentOn_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  auto* sentSave = new wxButton(dp, wxID_ANY, _("Record as sen&t"));
  sentSave->SetName("saveSent");
  sbar->Add(sentSave, 0, wxALIGN_CENTER_VERTICAL);
  ds->Add(sbar, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
  sentNote_ = new wxStaticText(dp, wxID_ANY, " ");
  sentNote_->SetName("sentNote");
  ds->Add(sentNote_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
  ds->Add(new wxStaticText(
              dp, wxID_ANY,
              _("Type the amount paid for a month and press Enter (the next member below).\nRed: owed; "
                "grey: exempt or not due.")),
          0, wxALL, 6);
  dp->SetSizer(ds);
  book->AddPage(dp, _("Party dues"));
  // The commune's month: every cell.
  auto* op = new wxPanel(book);
  auto* os = new wxBoxSizer(wxVERTICAL);
  auto* obar = new wxBoxSizer(wxHORIZONTAL);
  obar->Add(new wxStaticText(op, wxID_ANY, _("Mont&h:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  overviewMonth_ = new wxChoice(op, wxID_ANY);
  overviewMonth_->SetName("overviewMonth");
  for (int m = 1; m <= 12; ++m) overviewMonth_->Append(monthHeading(m));
  overviewMonth_->SetSelection(std::max(0, core::Date::today().month() - 2));
  obar->Add(overviewMonth_, 0, wxALIGN_CENTER_VERTICAL);
  os->Add(obar, 0, wxALL, 6);
  overview_ = new wxListCtrl(op, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  overview_->SetName("communeMonth");
  for (const wxString& h : {_("Cell"), _("Meetings"), _("Rate"), _("Memb."), _("Dues due"), _("Collected"),
                            _("Owed"), _("Unpaid")})
    overview_->AppendColumn(h);
  ui::sortable(overview_);
  os->Add(overview_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
  op->SetSizer(os);
  book->AddPage(op, _("All cells"));
  // The removal grounds of the year.
  auto* gp = new wxPanel(book);
  auto* gs = new wxBoxSizer(wxVERTICAL);
  grounds_ = new wxListCtrl(gp, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  grounds_->SetName("grounds");
  for (const wxString& h :
       {_("Cell"), _("Code"), _("Full name"), _("Months absent"), _("Months unpaid"), _("Removal")})
    grounds_->AppendColumn(h);
  ui::sortable(grounds_);
  gs->Add(grounds_, 1, wxEXPAND | wxALL, 6);
  auto* gbar = new wxBoxSizer(wxHORIZONTAL);
  gbar->Add(
      new wxStaticText(gp, wxID_ANY, _("Enter on a member: start the removal (the form opens pre-filled).")),
      1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  auto* start = new wxButton(gp, wxID_ANY, _("Start the removal..."));
  start->SetName("startRemoval");
  gbar->Add(start, 0, wxALIGN_CENTER_VERTICAL);
  gs->Add(gbar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
  gp->SetSizer(gs);
  book->AddPage(gp, _("Removal grounds"));
  top->Add(book, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
  SetSizer(top);

  // Ctrl+PgDn / Ctrl+PgUp switch the tabs wherever the keyboard is on the page (a list keeps them otherwise).
  Bind(wxEVT_CHAR_HOOK, [book](wxKeyEvent& e) {
    if (e.GetModifiers() == wxMOD_CONTROL &&
        (e.GetKeyCode() == WXK_PAGEDOWN || e.GetKeyCode() == WXK_PAGEUP)) {
      book->AdvanceSelection(e.GetKeyCode() == WXK_PAGEDOWN);
      return;
    }
    e.Skip();
  });
  // The dues tab opens on its grid, the meetings tab on the meeting day.
  book->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    if (e.GetSelection() == 3) {
      fillGrounds();
      grounds_->SetFocus();
    } else if (e.GetSelection() == 2) {
      fillOverview();
      overview_->SetFocus();
    } else if (e.GetSelection() == 1) {
      dues_->SetFocus();
    } else {
      day_->SetFocus();
    }
    e.Skip();
  });
  cell_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
  year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { refresh(); });
  day_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    fillAttendance();
    e.Skip();
  });
  attendance_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_SPACE)
      cycleAttendance();
    else
      e.Skip();
  });
  attendance_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { cycleAttendance(); });
  save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveMeeting(); });
  dues_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) { onDuesChanged(e); });
  sentMonth_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fillSent(); });
  overviewMonth_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fillOverview(); });
  grounds_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { startRemoval(); });
  start->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { startRemoval(); });
  sentSave->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveSent(); });
  sentAmount_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { saveSent(); });
}

void CellWorkPage::showRegister(services::Services& s) {
  services_ = &s;
  fillCells();
  refresh();
}

void CellWorkPage::activate() {
  // Work starts with the meeting day (the cell chosen above keeps its choice).
  day_->SetFocus();
  day_->SelectAll();
}

void CellWorkPage::fillCells() {
  const std::string keep = cellCode();
  cells_.clear();
  cell_->Clear();
  const auto& actor = currentActor();
  const core::Date today = core::Date::today();
  for (const auto& o : services_->organizations(actor)) {
    if (o.ceased && *o.ceased <= today) continue;
    if (actor.role == "secretary" && actor.cellId != o.id) continue;
    cells_.emplace_back(o.code, o.name);
    cell_->Append(ui::wx(o.code + " - " + o.name));
  }
  int at = 0;
  for (size_t i = 0; i < cells_.size(); ++i)
    if (cells_[i].first == keep) at = static_cast<int>(i);
  if (!cells_.empty()) cell_->SetSelection(at);
}

std::string CellWorkPage::cellCode() const {
  const int i = cell_ ? cell_->GetSelection() : wxNOT_FOUND;
  return i == wxNOT_FOUND || static_cast<size_t>(i) >= cells_.size() ? std::string()
                                                                     : cells_[size_t(i)].first;
}

int CellWorkPage::year() const {
  return year_->GetValue();
}

void CellWorkPage::refresh() {
  if (!services_ || cellCode().empty()) return;
  fillMeetings();
  fillAttendance();
  fillDues();
  if (overview_->IsShownOnScreen()) fillOverview();
  if (grounds_->IsShownOnScreen()) fillGrounds();
}

void CellWorkPage::fillMeetings() {
  meetings_->DeleteAllItems();
  ui::attempt(this, [&] {
    const auto list = services::meetingsBetween(*services_, currentActor(), *core::Date::make(year(), 1, 1),
                                                *core::Date::make(year(), 12, 31), cellCode());
    // One line per month: its meetings, or a line saying none was recorded in a past month.
    long row = 0;
    for (int m = 1; m <= 12; ++m) {
      bool any = false;
      for (const auto& v : list) {
        if (v.heldOn.month() != m) continue;
        any = true;
        meetings_->InsertItem(row, monthHeading(m));
        meetings_->SetItem(row, 1, ui::date(v.heldOn));
        meetings_->SetItem(row, 2, ui::wx(core::enums::meetingKind.label(v.kind)));
        meetings_->SetItem(row, 3, ui::count(v.present));
        meetings_->SetItem(row, 4, ui::count(v.expected));
        meetings_->SetItem(row, 5,
                           v.rateTenths ? ui::wx(core::formatPercentVn(*v.rateTenths)) : wxString("-"));
        meetings_->SetItem(row, 6,
                           v.grade.empty() ? wxString() : ui::wx(core::enums::meetingGrade.label(v.grade)));
        ++row;
      }
      if (!any && core::YearMonth{year(), m}.last() < core::Date::today()) {
        meetings_->InsertItem(row, monthHeading(m));
        meetings_->SetItem(row, 2, _("no meeting recorded"));
        meetings_->SetItemTextColour(row, *wxRED);
        ++row;
      }
    }
  });
  // Each column as wide as its widest text (the list may not be shown yet: measured, not auto-sized).
  for (int c = 0; c < meetings_->GetColumnCount(); ++c) {
    wxListItem head;
    head.SetMask(wxLIST_MASK_TEXT);
    meetings_->GetColumn(c, head);
    int width = meetings_->GetTextExtent(head.GetText()).x;
    for (long r = 0; r < meetings_->GetItemCount(); ++r)
      width = std::max(width, meetings_->GetTextExtent(meetings_->GetItemText(r, c)).x);
    meetings_->SetColumnWidth(c, width + 24);
  }
}

void CellWorkPage::fillAttendance() {
  attendance_->Clear();
  members_.clear();
  status_.clear();
  auto day = core::Date::parse(ui::utf8(day_->GetValue()));
  if (!services_ || !day || cellCode().empty()) return;
  ui::attempt(this,
              [&] { members_ = services::cellMembersOn(*services_, currentActor(), cellCode(), *day); });
  for (const auto& m : members_) {
    status_.push_back(m.exempt || m.onLeave ? "vang_co_ly_do" : "co_mat");
    attendance_->Append(wxEmptyString);
  }
  for (size_t i = 0; i < members_.size(); ++i) {
    wxString note = members_[i].exempt ? _(" (exempt)") : members_[i].onLeave ? _(" (on leave)") : wxString();
    attendance_->SetString(static_cast<unsigned>(i),
                           ui::wx(core::enums::attendanceStatus.label(status_[i])) + "  -  " +
                               ui::wx(members_[i].fullName + " (" + members_[i].code + ")") + note);
  }
  if (!members_.empty()) attendance_->SetSelection(0);
  fitAttendance();
}

// The attendance list as wide as its longest line with any status (names are not cut on a narrow screen):
// the meetings list beside it gives up the room.
void CellWorkPage::fitAttendance() {
  int statusWidth = 0;
  for (const char* st : kStatuses)
    statusWidth =
        std::max(statusWidth, attendance_->GetTextExtent(ui::wx(core::enums::attendanceStatus.label(st))).x);
  int widest = 0;
  for (unsigned i = 0; i < attendance_->GetCount(); ++i) {
    const wxString line = attendance_->GetString(i);
    const wxString status = line.BeforeFirst('-');
    widest = std::max(
        widest, statusWidth - attendance_->GetTextExtent(status).x + attendance_->GetTextExtent(line).x);
  }
  const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, attendance_);
  attendance_->SetMinSize(wxSize(widest + scrollbar + FromDIP(16), -1));
  attendance_->GetParent()->Layout();
}

void CellWorkPage::cycleAttendance() {
  const int i = attendance_->GetSelection();
  if (i == wxNOT_FOUND || static_cast<size_t>(i) >= members_.size()) return;
  const auto& m = members_[size_t(i)];
  if (m.exempt || m.onLeave) return;  // excused whatever is ticked
  auto& s = status_[size_t(i)];
  const auto* at = std::find(std::begin(kStatuses), std::end(kStatuses), s);
  s = kStatuses[(static_cast<size_t>(at - std::begin(kStatuses)) + 1) % 3];
  attendance_->SetString(static_cast<unsigned>(i), ui::wx(core::enums::attendanceStatus.label(s)) + "  -  " +
                                                       ui::wx(m.fullName + " (" + m.code + ")"));
  attendance_->SetSelection(i);
}

void CellWorkPage::saveMeeting() {
  auto day = ui::readDate(this, day_, _("The meeting day"));
  if (!day || !services_) return;
  if (members_.empty()) fillAttendance();
  services::MeetingInput in;
  in.cellCode = cellCode();
  in.heldOn = *day;
  in.kind = kKinds[std::max(0, kind_->GetSelection())];
  in.startsAt = ui::utf8(starts_->GetValue());
  in.endsAt = ui::utf8(ends_->GetValue());
  if (const wxString place = place_->GetValue().Trim().Trim(false); !place.empty())
    in.place = ui::utf8(place);
  for (size_t i = 0; i < members_.size(); ++i) in.attendance.push_back({members_[i].code, status_[i], ""});
  if (ui::attempt(this, [&] { services::saveMeeting(*services_, currentActor(), in); })) {
    fillMeetings();
    fillDues();
  }
  attendance_->SetFocus();  // the keyboard stays on the page (Ctrl+PgDn: the dues)
}

void CellWorkPage::fillDues() {
  filling_ = true;
  if (dues_->GetNumberRows() > 0) dues_->DeleteRows(0, dues_->GetNumberRows());
  const core::Date today = core::Date::today();
  const core::Date asOf = std::min(today, *core::Date::make(year(), 12, 31));
  book_ = {};
  if (year() > today.year() || !ui::attempt(this, [&] {
        book_ = services::duesBook(*services_, currentActor(), cellCode(), year(), asOf);
      })) {
    filling_ = false;
    return;
  }
  dues_->AppendRows(static_cast<int>(book_.members.size()));
  int64_t due = 0, paid = 0;
  for (size_t r = 0; r < book_.members.size(); ++r) {
    const auto& mem = book_.members[r];
    const int row = static_cast<int>(r);
    dues_->SetRowLabelValue(row, ui::wx(mem.name + " (" + mem.code + ")"));
    for (int m = 1; m <= 12; ++m) {
      const int col = m - 1;
      auto it = mem.months.find(m);
      if (it == mem.months.end()) {
        dues_->SetReadOnly(row, col);
        dues_->SetCellBackgroundColour(row, col, wxColour(235, 235, 235));
        continue;
      }
      const auto& x = it->second;
      if (x.paid > 0) dues_->SetCellValue(row, col, ui::count(x.paid));
      if (x.due.exempt || !x.due.due || *x.due.due == 0)
        dues_->SetCellBackgroundColour(row, col, wxColour(235, 235, 235));
      else if (x.owed > 0 && core::monthPast({year(), m}, asOf))
        dues_->SetCellBackgroundColour(row, col, wxColour(255, 215, 215));
      due += x.due.due.value_or(0);
      paid += std::min(x.paid, x.due.due.value_or(0));
    }
  }
  progress_->SetLabel(
      ui::fmt(_("Year {1}: {2} dong paid of {3} dong due ({4})."),
              {wxString::Format("%d", year()), ui::count(paid), ui::count(due),
               due ? ui::wx(core::formatPercentVn(*core::percentTenths(paid, due))) : wxString("-")}));
  progress_->GetParent()->Layout();
  dues_->AutoSizeColumns(false);
  filling_ = false;
  // The month of what was sent: kept, or the last month ended (this year), or December (a past year).
  sent_.clear();
  ui::attempt(this, [&] { sent_ = services::remittancesOf(*services_, currentActor(), cellCode(), year()); });
  if (sentMonth_->GetSelection() == wxNOT_FOUND)
    sentMonth_->SetSelection(year() < today.year() ? 11 : std::max(0, today.month() - 2));
  fillSent();
}

void CellWorkPage::fillOverview() {
  overview_->DeleteAllItems();
  if (!services_) return;
  const core::YearMonth month{year(), overviewMonth_->GetSelection() + 1};
  const core::Date today = core::Date::today();
  std::vector<services::CellMonthLine> lines;
  try {
    lines = services::communeMonth(*services_, currentActor(), month, std::min(today, month.last()));
  } catch (const std::exception& e) {
    overview_->InsertItem(0, ui::wx(e.what()));  // a secretary: the commune's figures are the office's
    return;
  }
  // Narrow enough for a 1024x768 screen: the cell's name without the "Chi bộ" every name starts with, and
  // each meeting as its day of the month chosen, marked when it is not the regular one.
  const std::string cellWord = "Chi bộ ";
  for (const auto& l : lines) {
    const std::string name = l.name.starts_with(cellWord) ? l.name.substr(cellWord.size()) : l.name;
    const long row = overview_->InsertItem(overview_->GetItemCount(), ui::wx(l.code + " " + name));
    wxString held, rate;
    bool regular = false;
    for (const auto& v : l.meetings) {
      held += (held.empty() ? "" : ", ") + wxString::Format("%02d/%02d", v.heldOn.day(), v.heldOn.month());
      if (v.kind == "chuyen_de")
        held += " " + _("(th.)");
      else if (v.kind != "thuong_ky")
        held += " " + _("(ex.)");
      // The rate of the regular meeting (of the first meeting when none was regular).
      if (v.rateTenths && (v.kind == "thuong_ky" || rate.empty()) && !regular)
        rate = ui::wx(core::formatPercentVn(*v.rateTenths));
      regular = regular || v.kind == "thuong_ky";
    }
    overview_->SetItem(row, 1, held.empty() ? _("none") : held);
    overview_->SetItem(row, 2, rate.empty() ? wxString("-") : rate);
    overview_->SetItem(row, 3, ui::count(l.dues.members));
    overview_->SetItem(row, 4, ui::count(l.dues.due));
    overview_->SetItem(row, 5, ui::count(l.dues.collected));
    overview_->SetItem(row, 6, ui::count(l.dues.owed));
    overview_->SetItem(row, 7, ui::count(l.dues.unpaid));
    // A past month without a regular meeting in red, as in the meeting table.
    if (!regular && month.last() < today) overview_->SetItemTextColour(row, *wxRED);
  }
  ui::fitColumns(overview_, 480);
}

void CellWorkPage::fillGrounds() {
  grounds_->DeleteAllItems();
  groundList_.clear();
  if (!services_) return;
  const core::Date asOf = std::min(core::Date::today(), *core::Date::make(year(), 12, 31));
  if (!ui::attempt(this,
                   [&] { groundList_ = services::removalGrounds(*services_, currentActor(), year(), asOf); }))
    return;
  auto months = [](const std::vector<core::YearMonth>& list) {
    std::string out;
    for (const auto& m : list) out.append(out.empty() ? "" : ", ").append(m.vn());
    return ui::wx(out);
  };
  for (const auto& g : groundList_) {
    const long row = grounds_->InsertItem(grounds_->GetItemCount(), ui::wx(g.cellCode));
    grounds_->SetItem(row, 1, ui::wx(g.memberCode));
    grounds_->SetItem(row, 2, ui::wx(g.memberName));
    grounds_->SetItem(row, 3, months(g.absenceMonths));
    grounds_->SetItem(row, 4, months(g.duesMonths));
    grounds_->SetItem(row, 5, g.proposed ? _("recorded") : _("not started"));
    if (!g.proposed) grounds_->SetItemTextColour(row, *wxRED);
  }
  if (groundList_.empty()) grounds_->InsertItem(0, _("No member has a removal ground this year."));
  ui::fitColumns(grounds_, 360);
  if (!groundList_.empty())
    grounds_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

void CellWorkPage::startRemoval() {
  const long i = ui::selectedRow(grounds_);
  if (!services_ || i < 0 || static_cast<size_t>(i) >= groundList_.size()) return;
  const auto g = groundList_[size_t(i)];
  if (g.proposed) {
    ui::showInfo(this, ui::fmt(_("The removal of {1} ({2}) is already recorded."),
                               {ui::wx(g.memberName), ui::wx(g.memberCode)}));
    return;
  }
  wxString why;
  if (!g.absenceMonths.empty())
    why += ui::fmt(_("absent without reason in {1} months"), {ui::count(long(g.absenceMonths.size()))});
  if (!g.duesMonths.empty())
    why += (why.empty() ? "" : "; ") +
           ui::fmt(_("no dues paid for {1} months"), {ui::count(long(g.duesMonths.size()))});
  if (!ui::confirm(
          this,
          ui::fmt(
              _("Start the removal of {1} ({2}), cell {3}: {4} in {5}?\nThe removal form opens filled in; "
                "nothing is recorded until it is saved with the decision."),
              {ui::wx(g.memberName), ui::wx(g.memberCode), ui::wx(g.cellCode), why,
               wxString::Format("%d", g.year)}),
          _("Start the removal")))
    return;
  RemovalDialog dlg(this);
  dlg.prefill(g.memberCode, "bo_sinh_hoat", core::Date::today());
  if (dlg.run(
          [&](const services::RemovalInput& x) { services::recordRemoval(*services_, currentActor(), x); }))
    fillGrounds();
  grounds_->SetFocus();
}

void CellWorkPage::fillSent() {
  const int m = sentMonth_->GetSelection() + 1;
  if (m < 1) return;
  const services::RemittanceInput* done = nullptr;
  for (const auto& r : sent_)
    if (r.month.month == m) done = &r;
  // What is to send: known once the cell's share is set (a text, so no optional is carried along).
  wxString toSend;
  if (auto it = book_.months.find(m); it != book_.months.end() && it->second.toSend)
    toSend = ui::count(*it->second.toSend);
  // The amount to send is offered until something is recorded; then what was recorded.
  sentAmount_->ChangeValue(done ? ui::count(done->amount) : toSend);
  const wxString month = ui::wx(core::YearMonth{year(), m}.vn());
  const wxString due = !toSend.empty()
                           ? ui::fmt(_("To send for {1}: {2} dong"), {month, toSend})
                           : ui::fmt(_("To send for {1}: unknown until the shares are set"), {month});
  sentNote_->SetLabel(
      done ? due + "; " +
                 ui::fmt(_("sent {1} dong on {2}."), {ui::count(done->amount), ui::date(done->sentOn)})
           : due + "; " + _("nothing recorded as sent."));
  sentNote_->GetParent()->Layout();
}

void CellWorkPage::saveSent() {
  if (!services_ || sentMonth_->GetSelection() == wxNOT_FOUND) return;
  auto day = ui::readDate(this, sentOn_, _("The day sent"));
  if (!day) return;
  const auto amount = services::amountVnd(ui::utf8(sentAmount_->GetValue()));
  if (!amount) {
    ui::showError(this, _("Sent up to the commune:"),
                  ui::fmt(_("\"{1}\" is not a whole number of đồng."), {sentAmount_->GetValue()}));
    sentAmount_->SetFocus();
    return;
  }
  services::RemittanceInput in{cellCode(), {year(), sentMonth_->GetSelection() + 1}, *amount, *day};
  if (ui::attempt(this, [&] { services::saveRemittance(*services_, currentActor(), in); })) fillDues();
  sentAmount_->SetFocus();
}

void CellWorkPage::onDuesChanged(wxGridEvent& e) {
  if (filling_ || !services_) return;
  const size_t r = static_cast<size_t>(e.GetRow());
  const int m = e.GetCol() + 1;
  if (r >= book_.members.size()) return;
  std::string text;
  for (char c : ui::utf8(dues_->GetCellValue(e.GetRow(), e.GetCol())))
    if (c >= '0' && c <= '9') text += c;
  auto day = ui::readDate(this, paidOn_, _("The payment day"));
  if (!day) return;
  services::PaymentInput in;
  in.memberCode = book_.members[r].code;
  in.month = {year(), m};
  in.amount = text.empty() || text.size() > 12 ? 0 : std::stoll(text);
  in.paidOn = *day;
  const int row = e.GetRow(), col = e.GetCol();
  const bool saved = ui::attempt(this, [&] { services::saveDuesPayment(*services_, currentActor(), in); });
  // The grid is filled again once the edit is over, the cursor kept where Enter put it (the member below).
  CallAfter([this, saved, row, col] {
    const int atRow = dues_->GetGridCursorRow(), atCol = dues_->GetGridCursorCol();
    if (saved)
      fillDues();
    else
      dues_->SetCellValue(row, col, wxEmptyString);
    if (atRow >= 0 && atRow < dues_->GetNumberRows()) dues_->SetGridCursor(atRow, atCol);
    dues_->SetFocus();
  });
}

}  // namespace dangbo::app
