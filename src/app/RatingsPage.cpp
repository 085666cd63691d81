#include "app/RatingsPage.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/FileDialogs.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/RatingsText.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "core/Numbers.h"
#include "reports/RatingSheet.h"
#include "services/Paths.h"
#include "services/Services.h"

namespace dangbo::app {

using namespace ratings;

namespace {

// The columns of the members' grid.
enum MemberCol { cCode, cName, cStatus, cSelf, cProposal, cDecision, cScore, cException, cMemberCols };

const wxColour kNotRated(0xEE, 0xEE, 0xEE);

bool isLevelColumn(int col) {
  return col == cSelf || col == cProposal || col == cDecision;
}

wxString statusText(const services::RatingSheetRow& r) {
  if (r.eligibility == "exempt") return _("Exempt: not rated");
  if (r.eligibility == "suspended") return _("Suspended: not rated");
  if (r.eligibility == "too_recent") return _("Admitted recently: not rated");
  if (r.eligibility == "not_in_cell") return _("Moved out before 31/12");
  if (r.disciplined) return _("Disciplined in the year");
  return {};
}

bool flagged(const services::RatingSheetRow& r) {
  return r.eligibility.empty() && r.disciplined && !r.level.empty() && r.level != "KHTNV" &&
         r.exceptionReason.empty();
}

// A dialog asking for a reason, with the findings it is about (none: the list is hidden).
bool askReason(wxWindow* parent, const wxString& title, const wxString& message,
               const std::vector<services::CheckFinding>& findings, const wxString& okLabel,
               std::string& reason) {
  wxDialog dlg;
  wxXmlResource::Get()->LoadDialog(&dlg, parent, "RatingReasonDialog");
  dlg.SetTitle(title);
  auto* text = ctrl<wxStaticText>(&dlg, "message");
  text->SetLabelText(message);
  text->Wrap(620);
  auto* list = ctrl<wxTextCtrl>(&dlg, "findings");
  wxString all;
  for (const auto& f : findings) all += ui::wx(f.message) + "\n";
  list->SetValue(all);
  list->Show(!findings.empty());
  auto* ok = dynamic_cast<wxButton*>(dlg.FindWindow(wxID_OK));
  if (ok) ok->SetLabel(okLabel);
  auto* field = ctrl<wxTextCtrl>(&dlg, "reason");
  field->SetFocus();
  dlg.GetSizer()->Fit(&dlg);
  dlg.CentreOnParent();
  for (;;) {
    if (dlg.ShowModal() != wxID_OK) return false;
    reason = ui::utf8(field->GetValue().Strip(wxString::both));
    if (!reason.empty()) return true;
    ui::showError(&dlg, title, _("Give the reason: it is kept in the audit log."));
  }
}

void setupGrid(wxGrid* g, int cols) {
  g->CreateGrid(0, cols);
  g->SetRowLabelSize(30);
  g->SetColLabelSize(42);
  g->SetDefaultRowSize(24, true);
  g->DisableDragRowSize();
  g->SetSelectionMode(wxGrid::wxGridSelectCells);
  g->SetTabBehaviour(wxGrid::Tab_Wrap);
  g->SetColLabelAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
}

// The width a grid's column needs for its header: its longest line in the label font, with a margin.
int labelWidth(wxGrid* g, const wxString& label) {
  wxClientDC dc(g);
  dc.SetFont(g->GetLabelFont());
  int widest = 0;
  for (const wxString& line : wxSplit(label, '\n', '\0'))
    widest = std::max(widest, dc.GetTextExtent(line).GetWidth());
  return widest + 14;
}

// The first row from `from` on whose cell in `col` may be written, or -1.
int writableRow(wxGrid* g, int from, int col) {
  for (int r = std::max(0, from); r < g->GetNumberRows(); ++r)
    if (!g->IsReadOnly(r, col)) return r;
  return -1;
}

}  // namespace

RatingsPage::RatingsPage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "RatingsPage");
  yearChoice_ = ctrl<wxChoice>(this, "year");
  roundStatus_ = ctrl<wxStaticText>(this, "roundStatus");
  tabs_ = ctrl<wxNotebook>(this, "tabs");
  cells_ = ctrl<wxListCtrl>(this, "cells");
  grid_ = ctrl<wxGrid>(this, "grid");
  orgGrid_ = ctrl<wxGrid>(this, "orgGrid");
  yearsList_ = ctrl<wxListCtrl>(this, "years");
  history_ = ctrl<wxListCtrl>(this, "history");
  for (wxListCtrl* l : {cells_, yearsList_, history_}) ui::sortable(l);

  // The cell list: code, name (takes the room left), progress "rated/to rate", warnings; each column at
  // least as wide as its header.
  const wxString cellHeads[] = {_("Code"), _("Cell"), _("Progress"), _("Warnings")};
  const int cellWidths[] = {44, 0, 48, 64};
  for (int c = 0; c < 4; ++c) {
    cells_->AppendColumn(cellHeads[c]);
    cells_->SetColumnWidth(c, std::max(cellWidths[c], cells_->GetTextExtent(cellHeads[c]).GetWidth() + 24));
  }
  cells_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    const int others = cells_->GetColumnWidth(0) + cells_->GetColumnWidth(2) + cells_->GetColumnWidth(3);
    cells_->SetColumnWidth(1, std::max(90, cells_->GetClientSize().GetWidth() - others - 4));
  });

  setupGrid(grid_, cMemberCols);
  const wxString memberHeads[] = {
      _("Code"),           _("Full name"),           _("Not\nrated"), _("Self\nassessment"),
      _("Cell\nproposal"), _("Committee\ndecision"), _("Score"),      _("Office's\nexception")};
  const int memberWidths[] = {62, 130, 84, 64, 64, 64, 44, 76};
  for (int c = 0; c < cMemberCols; ++c) {
    grid_->SetColLabelValue(c, memberHeads[c]);
    grid_->SetColSize(c, std::max(memberWidths[c], labelWidth(grid_, memberHeads[c])));
  }
  // The name takes the room the other columns leave (but never less than 110 px).
  grid_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    int others = grid_->GetRowLabelSize();
    for (int c = 0; c < cMemberCols; ++c)
      if (c != cName) others += grid_->GetColSize(c);
    const int room = grid_->GetSize().GetWidth() - others - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X) - 4;
    grid_->SetColSize(cName, std::max(110, room));
    // The texts under the grid wrap at its new width (cut otherwise on a small screen).
    if (e.GetSize().GetWidth() != wrappedAt_) {
      wrappedAt_ = e.GetSize().GetWidth();
      CallAfter([this] { wrapTexts(); });
    }
  });
  setupGrid(orgGrid_, oOrgCols);
  const wxString orgHeads[] = {
      _("Code"),  _("Cell"),  _("Members good\nor better"), _("Must be \"not complete\"\nbecause"),
      _("Level"), _("Score"), _("Office's\nexception")};
  const int orgWidths[] = {66, 180, 100, 200, 86, 50, 130};
  for (int c = 0; c < oOrgCols; ++c) {
    orgGrid_->SetColLabelValue(c, orgHeads[c]);
    orgGrid_->SetColSize(c, std::max(orgWidths[c], labelWidth(orgGrid_, orgHeads[c])));
  }
  // The reasons take the room the other columns leave, but never less than their header.
  const int mustMin = orgGrid_->GetColSize(oMust);
  orgGrid_->Bind(wxEVT_SIZE, [this, mustMin](wxSizeEvent& e) {
    e.Skip();
    int others = orgGrid_->GetRowLabelSize();
    for (int c = 0; c < oOrgCols; ++c)
      if (c != oMust) others += orgGrid_->GetColSize(c);
    const int room =
        orgGrid_->GetSize().GetWidth() - others - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X) - 4;
    orgGrid_->SetColSize(oMust, std::max(mustMin, room));
  });

  for (const wxString& h :
       {_("Year"), _("Round"), _("Subject"), wxString("HTXSNV"), wxString("HTTNV"), wxString("HTNV"),
        wxString("KHTNV"), _("Total"), _("Good or better"), _("Target")})
    yearsList_->AppendColumn(h);
  ui::stretchLastColumn(yearsList_);

  yearChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { showYear(); });
  cells_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showCell(); });
  cells_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { grid_->SetFocus(); });
  grid_->Bind(wxEVT_KEY_DOWN, &RatingsPage::onGridKey, this);
  grid_->Bind(wxEVT_GRID_CELL_CHANGED, &RatingsPage::onGridChanged, this);
  grid_->Bind(wxEVT_GRID_SELECT_CELL, [this](wxGridEvent& e) {
    e.Skip();
    CallAfter([this] { showRowInfo(); });
  });
  orgGrid_->Bind(wxEVT_KEY_DOWN, &RatingsPage::onOrgKey, this);
  orgGrid_->Bind(wxEVT_GRID_CELL_CHANGED, &RatingsPage::onOrgChanged, this);
  tabs_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    e.Skip();
    if (e.GetSelection() == 1) fillOrgGrid();
    if (e.GetSelection() == 2) fillSummary();
  });
  // Ctrl+PageDown / Ctrl+PageUp: the next or previous tab, wherever the focus is on the page.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    const int code = e.GetKeyCode();
    if (e.GetModifiers() == wxMOD_CONTROL && (code == WXK_PAGEDOWN || code == WXK_PAGEUP)) {
      const int n = int(tabs_->GetPageCount());
      tabs_->SetSelection((tabs_->GetSelection() + (code == WXK_PAGEDOWN ? 1 : n - 1)) % n);
      return;
    }
    e.Skip();
  });
  auto on = [this](const char* name, void (RatingsPage::*f)()) {
    ctrl<wxButton>(this, name)->Bind(wxEVT_BUTTON, [this, f](wxCommandEvent&) { (this->*f)(); });
  };
  on("openRound", &RatingsPage::openRound);
  on("lockRound", &RatingsPage::lockRound);
  on("reopenRound", &RatingsPage::reopenRound);
  on("savePdf", &RatingsPage::savePdf);
}

void RatingsPage::showRegister(services::Services& s) {
  services_ = &s;
  fillYears(year());
}

void RatingsPage::activate() {
  if (!cellCode_.empty() && grid_->GetNumberRows() > 0) {
    grid_->SetFocus();
    return;
  }
  if (cells_->GetItemCount() > 0 && ui::selectedRow(cells_) < 0)
    cells_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  cells_->SetFocus();
}

bool RatingsPage::office() const {
  const auto& a = currentActor();
  return a.role == "admin" || a.role == "office";
}

bool RatingsPage::roundOpen() const {
  const auto y = year();
  if (!y) return false;
  for (const auto& r : rounds_)
    if (r.year == *y) return r.status == "open";
  return false;
}

std::optional<int> RatingsPage::year() const {
  const int i = yearChoice_->GetSelection();
  if (i == wxNOT_FOUND || size_t(i) >= years_.size()) return std::nullopt;
  return years_[size_t(i)];
}

// ---------------------------------------------------------------------------------------------
// The year and its round

void RatingsPage::fillYears(std::optional<int> keep) {
  if (!services_) return;
  const int thisYear = core::Date::today().year();
  std::set<int> years = {thisYear - 1, thisYear};
  std::optional<int> latestRated;
  ui::attempt(this, [&] {
    rounds_ = services::ratingRounds(*services_, currentActor());
    for (const auto& r : rounds_) years.insert(r.year);
    for (const auto& y :
         services::ratingSummary(*services_, currentActor(), core::Date::kMinYear, thisYear).years) {
      years.insert(y.year);
      latestRated = y.year;
    }
  });
  years_.assign(years.rbegin(), years.rend());  // latest first
  if (!keep) {
    // the latest round, else the latest year with ratings, else last year
    keep = rounds_.empty() ? latestRated : std::optional<int>(rounds_.back().year);
    if (!keep) keep = thisYear - 1;
  }
  yearChoice_->Clear();
  for (int y : years_) yearChoice_->Append(wxString::Format("%d", y));
  auto it = std::find(years_.begin(), years_.end(), *keep);
  yearChoice_->SetSelection(it == years_.end() ? 0 : int(it - years_.begin()));
  showYear();
}

void RatingsPage::showYear() {
  lastWarnings_.clear();
  showRound();
  fillCells();
  if (tabs_->GetSelection() == 1) fillOrgGrid();
  if (tabs_->GetSelection() == 2) fillSummary();
}

void RatingsPage::showRound() {
  const auto y = year();
  const services::RatingRound* round = nullptr;
  for (const auto& r : rounds_)
    if (y && r.year == *y) round = &r;
  wxString text;
  if (!round)
    text = _("No round for this year: the ratings cannot be changed until the office opens it.");
  else if (round->status == "open")
    text = ui::fmt(_("Round open since {1}."), {ui::date(round->openedOn)});
  else
    text = ui::fmt(_("Round locked on {1} by {2}: reopen it, with a reason, to change it."),
                   {ui::wx(round->lockedAt.substr(0, 10)), ui::wx(round->lockedBy)});
  roundStatus_->SetLabelText(text);
  const bool isOffice = office();
  ctrl<wxButton>(this, "openRound")->Enable(isOffice && y && !round);
  ctrl<wxButton>(this, "lockRound")->Enable(isOffice && round && round->status == "open");
  ctrl<wxButton>(this, "reopenRound")->Enable(isOffice && round && round->status == "locked");
  Layout();
}

void RatingsPage::openRound() {
  const auto y = year();
  if (!services_ || !y) return;
  const core::Date today = core::Date::today();
  if (!ui::confirm(this,
                   ui::fmt(_("Open the rating round of {1} today ({2})? The cells can then enter their "
                             "members' ratings."),
                           {wxString::Format("%d", *y), ui::date(today)}),
                   _("Open the round")))
    return;
  if (ui::attempt(this, [&] { services::openRatingRound(*services_, currentActor(), *y, today); })) {
    fillYears(y);
    cells_->SetFocus();  // the button that had the focus is now disabled: the keyboard goes to the cells
  }
}

void RatingsPage::lockRound() {
  const auto y = year();
  if (!services_ || !y) return;
  if (!ui::confirm(this,
                   ui::fmt(_("Lock the rating round of {1}? After that the ratings change only by a reopen "
                             "with a reason."),
                           {wxString::Format("%d", *y)}),
                   _("Lock")))
    return;
  services::LockResult res;
  if (!ui::attempt(this, [&] { res = services::lockRatingRound(*services_, currentActor(), *y); })) return;
  if (!res.locked) {
    std::string reason;
    if (!askReason(
            this, _("Lock the rating round"),
            ui::fmt(_("The round of {1} breaks {2} rules (below). Correct the ratings, or lock anyway "
                      "with a reason that overrides them."),
                    {wxString::Format("%d", *y), ui::count(static_cast<long long>(res.violations.size()))}),
            res.violations, _("Lock anyway"), reason))
      return;
    if (!ui::attempt(this, [&] { res = services::lockRatingRound(*services_, currentActor(), *y, reason); }))
      return;
  }
  fillYears(y);
  cells_->SetFocus();
}

void RatingsPage::reopenRound() {
  const auto y = year();
  if (!services_ || !y) return;
  std::string reason;
  if (!askReason(this, _("Reopen the rating round"),
                 ui::fmt(_("Reopen the locked round of {1}? Give the reason; it is kept in the audit log."),
                         {wxString::Format("%d", *y)}),
                 {}, _("Reopen"), reason))
    return;
  if (ui::attempt(this, [&] { services::reopenRatingRound(*services_, currentActor(), *y, reason); })) {
    fillYears(y);
    cells_->SetFocus();
  }
}

// ---------------------------------------------------------------------------------------------
// The members of a cell

void RatingsPage::fillCells() {
  const auto y = year();
  progress_.clear();
  if (services_ && y)
    ui::attempt(this, [&] { progress_ = services::ratingProgress(*services_, currentActor(), *y); });
  long select = -1;
  cells_->Freeze();
  cells_->DeleteAllItems();
  for (size_t i = 0; i < progress_.size(); ++i) {
    const auto& p = progress_[i];
    long row = cells_->InsertItem(long(i), ui::wx(p.code));
    cells_->SetItem(row, 1, ui::wx(p.name));
    cells_->SetItem(row, 2, wxString::Format("%d/%d", p.rated, p.eligible));
    wxString warn;
    if (p.quotaExceeded) warn = _("quota");
    const int others = p.warnings - (p.quotaExceeded ? 1 : 0);
    if (others > 0) warn += (warn.empty() ? wxString() : wxString(", ")) + wxString::Format("%d", others);
    cells_->SetItem(row, 3, warn);
    if (p.warnings > 0)
      cells_->SetItemTextColour(row, ratings::warnText());
    else if (p.eligible > 0 && p.rated == p.eligible)
      cells_->SetItemTextColour(row, wxColour(0x1E, 0x6E, 0x2E));
    if (p.code == cellCode_) select = row;
  }
  cells_->Thaw();
  if (select < 0) {
    cellCode_.clear();
    if (!progress_.empty()) select = 0;
  }
  if (select >= 0) {
    filling_ = true;
    cells_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    cells_->EnsureVisible(select);
    filling_ = false;
  }
  showCell();
}

void RatingsPage::wrapTexts() {
  showQuota();
  showRowInfo();
  auto* heading = ctrl<wxStaticText>(this, "cellTitle");
  wxString title = heading->GetLabelText();
  title.Replace("\n", " ");
  heading->SetLabelText(title);
  heading->Wrap(std::max(
      200, grid_->GetSize().GetWidth() - ctrl<wxButton>(this, "savePdf")->GetSize().GetWidth() - 12));
  heading->GetParent()->Layout();
}

void RatingsPage::showCell() {
  if (filling_) return;
  const long row = ui::selectedRow(cells_);
  const bool changed = row < 0 || size_t(row) >= progress_.size() || progress_[size_t(row)].code != cellCode_;
  cellCode_ = row >= 0 && size_t(row) < progress_.size() ? progress_[size_t(row)].code : std::string();
  if (changed) lastWarnings_.clear();
  rows_.clear();
  const auto y = year();
  if (services_ && y && !cellCode_.empty())
    ui::attempt(this, [&] { rows_ = services::ratingSheet(*services_, currentActor(), *y, cellCode_); });
  wxString title;
  if (!cellCode_.empty()) {
    const auto& p = progress_[size_t(row)];
    title = ui::fmt(_("{1} ({2}), {3}: {4} members, {5} rated of {6} to rate"),
                    {ui::wx(p.name), ui::wx(p.code), wxString::Format("%d", *y), ui::count(p.members),
                     ui::count(p.rated), ui::count(p.eligible)});
    if (!p.level.empty()) title += ui::fmt(_("; the cell: {1}"), {ui::wx(p.level)});
  }
  auto* heading = ctrl<wxStaticText>(this, "cellTitle");
  heading->SetLabelText(title);
  // two lines rather than cut off by the button beside it; again once the page has its final width
  heading->Wrap(std::max(
      200, grid_->GetSize().GetWidth() - ctrl<wxButton>(this, "savePdf")->GetSize().GetWidth() - 12));
  CallAfter([this] { wrapTexts(); });
  ctrl<wxButton>(this, "savePdf")->Enable(!rows_.empty());
  if (changed && grid_->GetNumberRows() > 0) grid_->SetGridCursor(0, office() ? cDecision : cProposal);
  fillGrid();
  if (changed && grid_->GetNumberRows() > 0) {  // a new cell: its first member who is rated
    const int col = grid_->GetGridCursorCol();
    const int first = writableRow(grid_, 0, col);
    if (first > 0) {
      grid_->SetGridCursor(first, col);
      grid_->MakeCellVisible(first, col);
    }
  }
}

void RatingsPage::fillGrid() {
  const int keepRow = grid_->GetGridCursorRow(), keepCol = grid_->GetGridCursorCol();
  grid_->BeginBatch();
  if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
  grid_->AppendRows(int(rows_.size()));
  const bool open = roundOpen();
  const bool isOffice = office();
  const bool secretary = currentActor().role == "secretary";
  for (int r = 0; r < int(rows_.size()); ++r) {
    const auto& m = rows_[size_t(r)];
    const bool rated = m.eligibility.empty();
    grid_->SetCellValue(r, cCode, ui::wx(m.code));
    grid_->SetCellValue(r, cName, ui::wx(m.name));
    grid_->SetCellValue(r, cStatus, statusText(m));
    grid_->SetCellValue(r, cSelf, ui::wx(m.selfLevel));
    grid_->SetCellValue(r, cProposal, ui::wx(m.proposedLevel));
    // Only the committee's own decision: a level that still follows the proposal is not shown as decided.
    grid_->SetCellValue(r, cDecision, m.decided ? ui::wx(m.level) : wxString());
    grid_->SetCellValue(r, cScore, m.score ? wxString::Format("%d", *m.score) : wxString());
    grid_->SetCellValue(r, cException, ui::wx(m.exceptionReason));
    for (int c = 0; c < cMemberCols; ++c) {
      bool writable = open && rated;
      if (c <= cStatus) writable = false;
      if (c == cDecision || c == cException) writable = writable && isOffice;
      if (c == cSelf || c == cProposal || c == cScore) writable = writable && (isOffice || secretary);
      grid_->SetReadOnly(r, c, !writable);
      if (isLevelColumn(c)) {
        grid_->SetCellEditor(r, c, new wxGridCellChoiceEditor(levelChoices()));
        grid_->SetCellAlignment(r, c, wxALIGN_CENTRE, wxALIGN_CENTRE);
      }
      if (c == cScore) grid_->SetCellAlignment(r, c, wxALIGN_RIGHT, wxALIGN_CENTRE);
      grid_->SetCellBackgroundColour(r, c, rated ? grid_->GetDefaultCellBackgroundColour() : kNotRated);
      grid_->SetCellTextColour(r, c, grid_->GetDefaultCellTextColour());
    }
    if (m.disciplined && rated) grid_->SetCellTextColour(r, cStatus, ratings::warnText());
    if (flagged(m)) grid_->SetCellBackgroundColour(r, cDecision, flaggedColour());
    if (m.level != m.proposedLevel && !m.level.empty() && !m.proposedLevel.empty())
      grid_->SetCellFont(r, cDecision, grid_->GetDefaultCellFont().Bold());
  }
  grid_->EndBatch();
  if (!rows_.empty()) {
    const int row = std::clamp(keepRow, 0, int(rows_.size()) - 1);
    const int col = keepCol >= cSelf ? keepCol : (office() ? cDecision : cProposal);
    grid_->SetGridCursor(row, col);
    grid_->MakeCellVisible(row, col);
  }
  showQuota();
  showRowInfo();
}

void RatingsPage::showQuota() {
  auto* label = ctrl<wxStaticText>(this, "quota");
  const auto y = year();
  int excellent = 0, good = 0, rated = 0, eligible = 0, flaggedRows = 0;
  for (const auto& r : rows_) {
    if (!r.eligibility.empty()) continue;
    ++eligible;
    if (!r.level.empty()) ++rated;
    if (r.level == "HTXSNV") ++excellent;
    if (r.level == "HTTNV") ++good;
    if (flagged(r)) ++flaggedRows;
  }
  wxString text;
  bool warn = false;
  if (services_ && y && !cellCode_.empty()) {
    int percent = 0;
    ui::attempt(this, [&] {
      percent = services_->ruleBook().intOn("rating.excellent_max_percent_of_good", services::ratingDay(*y));
    });
    text = ui::fmt(_("Rated {1} of {2}. Excellent {3}, good {4}: excellent may be at most {5}% of good."),
                   {ui::count(rated), ui::count(eligible), ui::count(excellent), ui::count(good),
                    wxString::Format("%d", percent)});
    if (services::exceedsExcellentQuota(excellent, good, percent)) {
      warn = true;
      text +=
          " " + _("Over the quota: lower some excellent ratings, or the round cannot be locked without an "
                  "override.");
    }
    if (flaggedRows > 0) {
      warn = true;
      text += " " + ui::fmt(_("{1} disciplined members are rated above \"not complete\" without the office's "
                              "exception."),
                            {ui::count(flaggedRows)});
    }
  }
  for (const auto& w : lastWarnings_) {
    text += "\n" + ui::wx(w);
    warn = true;
  }
  label->SetForegroundColour(warn ? ratings::warnText()
                                  : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  label->SetLabelText(text);
  const int width = std::max(300, grid_->GetSize().GetWidth());
  label->Wrap(width);
  auto* legend = ctrl<wxStaticText>(this, "legend");  // the same text as in the form, wrapped to the grid
  legend->SetLabelText(
      _("Keys 1-4 set the level of the current column and go down to the next member rated "
        "(1 HTXSNV, 2 HTTNV, 3 HTNV, 4 KHTNV); Delete clears it; Esc goes back to the list of "
        "cells."));
  legend->Wrap(width);
  label->GetParent()->Layout();  // the label sits in the notebook's page: its lines take room there
}

void RatingsPage::showRowInfo() {
  auto* label = ctrl<wxStaticText>(this, "rowInfo");
  const int r = grid_->GetGridCursorRow();
  wxString text;
  if (r >= 0 && size_t(r) < rows_.size()) {
    const auto& m = rows_[size_t(r)];
    text = ui::wx(m.name) + ": ";
    if (!m.reason.empty())
      text += ui::wx(m.reason);
    else if (m.disciplined)
      text +=
          m.exceptionReason.empty()
              ? _("disciplined in the year: the level must be \"not complete\" unless the office records an "
                  "exception.")
              : ui::fmt(_("disciplined in the year; the office's exception: {1}"),
                        {ui::wx(m.exceptionReason)});
    else if (m.level.empty())
      text += _("not rated yet.");
    else
      text += ui::wx(core::enums::ratingLevel.label(m.level));
    if (!roundOpen()) text += "  " + _("(the round is not open: read only)");
  }
  label->SetLabelText(text);
  label->Wrap(std::max(300, grid_->GetSize().GetWidth()));
  label->GetParent()->Layout();
}

void RatingsPage::onGridKey(wxKeyEvent& e) {
  const int row = grid_->GetGridCursorRow(), col = grid_->GetGridCursorCol();
  const int code = e.GetKeyCode();
  if (code == WXK_ESCAPE && !e.HasAnyModifiers() && !grid_->IsCellEditControlShown()) {
    cells_->SetFocus();  // back to the list of cells, to choose the next one with the arrow keys
    return;
  }
  const int level = e.HasAnyModifiers() ? -1 : levelKey(code);
  const bool clear = !e.HasAnyModifiers() && (code == WXK_DELETE || code == WXK_BACK);
  if (row < 0 || !isLevelColumn(col) || (level < 0 && !clear) || grid_->IsCellEditControlShown()) {
    e.Skip();
    return;
  }
  if (grid_->IsReadOnly(row, col)) {
    wxBell();
    return;
  }
  setMember(row, col, level >= 0 ? kLevels[level] : "");
  // down to the next member who is rated (the rows of members not rated are passed over)
  const int next = level >= 0 ? writableRow(grid_, row + 1, col) : -1;
  if (next >= 0) {
    grid_->SetGridCursor(next, col);
    grid_->MakeCellVisible(next, col);
  }
}

void RatingsPage::onGridChanged(wxGridEvent& e) {
  const int row = e.GetRow(), col = e.GetCol();
  const std::string value = ui::utf8(grid_->GetCellValue(row, col).Strip(wxString::both));
  // after the editor has closed: the grid is filled again
  CallAfter([this, row, col, value] { setMember(row, col, value); });
}

void RatingsPage::setMember(int row, int col, const std::string& value) {
  const auto y = year();
  if (!services_ || !y || row < 0 || size_t(row) >= rows_.size()) return;
  const auto& m = rows_[size_t(row)];
  services::RatingInput in;
  in.subjectCode = m.code;
  switch (col) {
    case cSelf:
      in.stage = services::RatingStage::SelfAssessment;
      in.level = value;
      break;
    case cProposal:
      in.stage = services::RatingStage::Proposal;
      in.level = value;
      break;
    case cDecision:
      in.stage = services::RatingStage::Decision;
      in.level = value;
      break;
    case cScore: {
      if (value.empty()) {
        fillGrid();
        return;
      }
      long n = -1;
      if (!wxString::FromUTF8(value).ToLong(&n) || n < 0 || n > 100) {
        ui::showError(
            this, _("Score"),
            ui::fmt(_("The score must be a whole number from 0 to 100, not \"{1}\"."), {ui::wx(value)}));
        fillGrid();
        return;
      }
      in.stage = office() ? services::RatingStage::Decision : services::RatingStage::Proposal;
      in.score = int(n);
      break;
    }
    case cException:
      in.stage = services::RatingStage::Decision;
      in.level = m.level;
      in.exceptionReason = value;
      break;
    default:
      return;
  }
  std::vector<services::CheckFinding> warnings;
  const bool ok = ui::attempt(
      this, [&] { warnings = services::enterMemberRatings(*services_, currentActor(), *y, {in}); });
  if (ok) report(warnings);
  refreshAfterChange();
}

void RatingsPage::report(const std::vector<services::CheckFinding>& warnings) {
  lastWarnings_.clear();
  for (const auto& w : warnings)
    if (w.rule != "rating_quota") lastWarnings_.push_back(w.message);  // the quota has its own line
}

void RatingsPage::refreshAfterChange() {
  const auto y = year();
  if (!services_ || !y) return;
  ui::attempt(this, [&] {
    progress_ = services::ratingProgress(*services_, currentActor(), *y);
    rows_ = cellCode_.empty() ? std::vector<services::RatingSheetRow>()
                              : services::ratingSheet(*services_, currentActor(), *y, cellCode_);
  });
  for (size_t i = 0; i < progress_.size() && long(i) < cells_->GetItemCount(); ++i) {
    const auto& p = progress_[i];
    if (p.code != cellCode_) continue;
    cells_->SetItem(long(i), 2, wxString::Format("%d/%d", p.rated, p.eligible));
    wxString warn;
    if (p.quotaExceeded) warn = _("quota");
    const int others = p.warnings - (p.quotaExceeded ? 1 : 0);
    if (others > 0) warn += (warn.empty() ? wxString() : wxString(", ")) + wxString::Format("%d", others);
    cells_->SetItem(long(i), 3, warn);
    cells_->SetItemTextColour(long(i), p.warnings > 0 ? ratings::warnText()
                                       : p.eligible > 0 && p.rated == p.eligible
                                           ? wxColour(0x1E, 0x6E, 0x2E)
                                           : wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT));
  }
  fillGrid();
}

void RatingsPage::savePdf() {
  const auto y = year();
  if (!services_ || !y || cellCode_.empty()) return;
  const services::CellRatingProgress* cell = nullptr;
  for (const auto& p : progress_)
    if (p.code == cellCode_) cell = &p;
  if (!cell) return;
  wxFileDialog dlg(this, _("Save the rating list as PDF"), wxEmptyString,
                   wxString::Format("xep-loai-%d-%s.pdf", *y, ui::wx(cellCode_)),
                   _("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ui::showFileDialog(dlg) != wxID_OK) return;
  std::string status;
  for (const auto& r : rounds_)
    if (r.year == *y) status = r.status;
  const reports::RatingSheetInfo info{*y, cell->code, cell->name, status};
  const std::string path = ui::utf8(dlg.GetPath());
  if (ui::attempt(this, [&] {
        services::refuseOverwritingRegister(path, services_->path());
        reports::writeRatingSheetPdf(path, services_->committee(), info, rows_);
      }))
    ui::showInfo(this, ui::fmt(_("The rating list was saved to {1}."), {dlg.GetPath()}));
}

// ---------------------------------------------------------------------------------------------
// The cells rated by the office

}  // namespace dangbo::app
