// The cells' tab of the ratings page: the office rates each cell of the year, with keys 1-4 or a choice
// per row, a score and the exception that lets a disciplined cell keep its level.
#include <wx/grid.h>
#include <wx/settings.h>
#include <wx/stattext.h>

#include "app/Forms.h"
#include "app/RatingsPage.h"
#include "app/RatingsText.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Ratings.h"
#include "services/Services.h"

namespace dangbo::app {

using namespace ratings;

void RatingsPage::fillOrgGrid() {
  const auto y = year();
  orgs_.clear();
  if (services_ && y)
    ui::attempt(this, [&] { orgs_ = services::organizationSheet(*services_, currentActor(), *y); });
  std::map<std::string, const services::CellRatingProgress*> progress;
  for (const auto& p : progress_) progress[p.code] = &p;
  const int keepRow = orgGrid_->GetGridCursorRow();
  const bool writable = roundOpen() && office();
  orgGrid_->BeginBatch();
  if (orgGrid_->GetNumberRows() > 0) orgGrid_->DeleteRows(0, orgGrid_->GetNumberRows());
  orgGrid_->AppendRows(int(orgs_.size()));
  int rated = 0, mustFlag = 0;
  for (int r = 0; r < int(orgs_.size()); ++r) {
    const auto& o = orgs_[size_t(r)];
    orgGrid_->SetCellValue(r, oCode, ui::wx(o.code));
    orgGrid_->SetCellValue(r, oName, ui::wx(o.name));
    if (auto it = progress.find(o.code); it != progress.end() && it->second->rated > 0)
      orgGrid_->SetCellValue(r, oMembers,
                             ui::fmt(_("{1} of {2}"), {ui::count(it->second->excellent + it->second->good),
                                                       ui::count(it->second->rated)}));
    wxString must;
    for (const auto& m : o.mustBeNotComplete)
      must += (must.empty() ? wxString() : wxString("; ")) + ui::wx(m);
    orgGrid_->SetCellValue(r, oMust, must);
    orgGrid_->SetCellValue(r, oLevel, ui::wx(o.level));
    orgGrid_->SetCellValue(r, oScore, o.score ? wxString::Format("%d", *o.score) : wxString());
    orgGrid_->SetCellValue(r, oException, ui::wx(o.exceptionReason));
    for (int c = 0; c < oOrgCols; ++c) {
      orgGrid_->SetReadOnly(r, c, !(writable && (c == oLevel || c == oScore || c == oException)));
      orgGrid_->SetCellBackgroundColour(r, c, orgGrid_->GetDefaultCellBackgroundColour());
    }
    orgGrid_->SetCellEditor(r, oLevel, new wxGridCellChoiceEditor(levelChoices()));
    orgGrid_->SetCellAlignment(r, oLevel, wxALIGN_CENTRE, wxALIGN_CENTRE);
    orgGrid_->SetCellAlignment(r, oMembers, wxALIGN_RIGHT, wxALIGN_CENTRE);
    if (!o.level.empty()) ++rated;
    if (!o.mustBeNotComplete.empty() && !o.level.empty() && o.level != "KHTNV" && o.exceptionReason.empty()) {
      orgGrid_->SetCellBackgroundColour(r, oLevel, flaggedColour());
      ++mustFlag;
    }
    if (!o.mustBeNotComplete.empty()) orgGrid_->SetCellTextColour(r, oMust, ratings::warnText());
  }
  orgGrid_->EndBatch();
  if (!orgs_.empty()) {
    const int row = std::clamp(keepRow, 0, int(orgs_.size()) - 1);
    orgGrid_->SetGridCursor(row, oLevel);
  }
  wxString info = ui::fmt(_("{1} of {2} cells rated by the office for {3}."),
                          {ui::count(rated), ui::count(static_cast<long long>(orgs_.size())),
                           y ? wxString::Format("%d", *y) : wxString("-")});
  if (mustFlag > 0)
    info += " " + ui::fmt(_("{1} cells must be \"not complete\" but are rated higher without an exception."),
                          {ui::count(mustFlag)});
  info += " " + _("Keys 1-4 set the level and go down.");
  auto* label = ctrl<wxStaticText>(this, "orgInfo");
  label->SetForegroundColour(mustFlag > 0 ? ratings::warnText()
                                          : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
  label->SetLabelText(info);
}

void RatingsPage::onOrgKey(wxKeyEvent& e) {
  const int row = orgGrid_->GetGridCursorRow(), col = orgGrid_->GetGridCursorCol();
  const int code = e.GetKeyCode();
  const int level = e.HasAnyModifiers() ? -1 : levelKey(code);
  const bool clear = !e.HasAnyModifiers() && (code == WXK_DELETE || code == WXK_BACK);
  if (row < 0 || col != oLevel || (level < 0 && !clear) || orgGrid_->IsCellEditControlShown()) {
    e.Skip();
    return;
  }
  if (orgGrid_->IsReadOnly(row, col)) {
    wxBell();
    return;
  }
  setOrg(row, col, level >= 0 ? kLevels[level] : "");
  if (level >= 0 && row + 1 < orgGrid_->GetNumberRows()) {
    orgGrid_->SetGridCursor(row + 1, col);
    orgGrid_->MakeCellVisible(row + 1, col);
  }
}

void RatingsPage::onOrgChanged(wxGridEvent& e) {
  const int row = e.GetRow(), col = e.GetCol();
  const std::string value = ui::utf8(orgGrid_->GetCellValue(row, col).Strip(wxString::both));
  CallAfter([this, row, col, value] { setOrg(row, col, value); });
}

void RatingsPage::setOrg(int row, int col, const std::string& value) {
  const auto y = year();
  if (!services_ || !y || row < 0 || size_t(row) >= orgs_.size()) return;
  const auto& o = orgs_[size_t(row)];
  services::RatingInput in;
  in.subjectCode = o.code;
  in.stage = services::RatingStage::Decision;
  if (col == oLevel) {
    in.level = value;
  } else if (col == oScore) {
    long n = -1;
    if (value.empty()) {
      fillOrgGrid();
      return;
    }
    if (!wxString::FromUTF8(value).ToLong(&n) || n < 0 || n > 100) {
      ui::showError(
          this, _("Score"),
          ui::fmt(_("The score must be a whole number from 0 to 100, not \"{1}\"."), {ui::wx(value)}));
      fillOrgGrid();
      return;
    }
    in.score = int(n);
  } else if (col == oException) {
    in.level = o.level;
    in.exceptionReason = value;
  } else {
    return;
  }
  std::vector<services::CheckFinding> warnings;
  if (ui::attempt(this,
                  [&] { warnings = services::rateOrganizations(*services_, currentActor(), *y, {in}); })) {
    wxString text;
    for (const auto& w : warnings) text += (text.empty() ? wxString() : wxString("\n")) + ui::wx(w.message);
    if (!text.empty()) ui::showInfo(this, text);
  }
  fillOrgGrid();
}

// ---------------------------------------------------------------------------------------------
// The summary

}  // namespace dangbo::app
