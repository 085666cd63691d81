// The summary tab of the ratings page: counts per level over the years against the targets, and each cell
// compared with its earlier years.
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/Forms.h"
#include "app/RatingsPage.h"
#include "app/RatingsText.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Ratings.h"
#include "services/Services.h"

namespace dangbo::app {

using ratings::percent;

void RatingsPage::fillSummary() {
  const auto y = year();
  if (!services_ || !y) return;
  const int from = *y - 4;
  services::RatingSummary sum;
  if (!ui::attempt(this, [&] { sum = services::ratingSummary(*services_, currentActor(), from, *y); }))
    return;

  auto roundLabel = [](const std::string& status) -> wxString {
    if (status == "open") return _("open");
    if (status == "locked") return _("locked");
    return _("imported");
  };
  yearsList_->Freeze();
  yearsList_->DeleteAllItems();
  wxString headline = ui::fmt(_("{1}: no ratings yet."), {wxString::Format("%d", *y)});
  for (auto it = sum.years.rbegin(); it != sum.years.rend(); ++it) {
    const auto& ys = *it;
    for (int k = 0; k < 2; ++k) {
      const services::RatingLevels& l = k == 0 ? ys.organizations : ys.members;
      const auto& target = k == 0 ? ys.organizationTarget : ys.memberTarget;
      long row = yearsList_->InsertItem(yearsList_->GetItemCount(),
                                        k == 0 ? wxString::Format("%d", ys.year) : wxString());
      yearsList_->SetItem(row, 1, k == 0 ? roundLabel(ys.roundStatus) : wxString());
      yearsList_->SetItem(row, 2, k == 0 ? _("Cells") : _("Members"));
      yearsList_->SetItem(row, 3, ui::count(l.htxsnv));
      yearsList_->SetItem(row, 4, ui::count(l.httnv));
      yearsList_->SetItem(row, 5, ui::count(l.htnv));
      yearsList_->SetItem(row, 6, ui::count(l.khtnv));
      yearsList_->SetItem(row, 7, ui::count(l.rated));
      yearsList_->SetItem(row, 8, percent(l.goodOrBetterPercent));
      yearsList_->SetItem(row, 9, percent(target));
      if (l.goodOrBetterPercent && target && *l.goodOrBetterPercent < *target)
        yearsList_->SetItemTextColour(row, ratings::warnText());
    }
    if (ys.year == *y) {
      auto part = [&](const services::RatingLevels& l, const std::optional<int64_t>& target,
                      const wxString& what) {
        wxString s = ui::fmt(
            _("{1}: {2} of {3} good or better ({4})"),
            {what, ui::count(l.htxsnv + l.httnv), ui::count(l.rated), percent(l.goodOrBetterPercent)});
        if (target && l.goodOrBetterPercent)
          s += " " + ui::fmt(*l.goodOrBetterPercent >= *target ? _("- target {1} met")
                                                               : _("- below the target {1}"),
                             {percent(target)});
        return s;
      };
      headline = wxString::Format("%d", *y) + " (" + roundLabel(ys.roundStatus) + "). " +
                 part(ys.organizations, ys.organizationTarget, _("Cells")) + "; " +
                 part(ys.members, ys.memberTarget, _("Members")) + ".";
    }
  }
  ratings::fitColumns(yearsList_, 56);
  yearsList_->Thaw();
  auto* summary = ctrl<wxStaticText>(this, "summaryText");
  summary->SetLabelText(headline);
  summary->Wrap(
      std::max(400, yearsList_->GetClientSize().GetWidth()));  // the headline is longer than the page

  history_->Freeze();
  history_->ClearAll();
  history_->AppendColumn(_("Code"));
  history_->AppendColumn(_("Cell"));
  for (int yr = from; yr <= *y; ++yr)
    history_->AppendColumn(wxString::Format("%d", yr), wxLIST_FORMAT_CENTER);
  for (const auto& c : sum.cells) {
    long row = history_->InsertItem(history_->GetItemCount(), ui::wx(c.code));
    history_->SetItem(row, 1, ui::wx(c.name));
    std::optional<int64_t> previous;
    for (const auto& cy : c.years) {
      wxString text = cy.level.empty() ? wxString("-") : ui::wx(cy.level);
      if (cy.members.rated > 0) text += " / " + percent(cy.members.goodOrBetterPercent);
      history_->SetItem(row, 2 + (cy.year - from), text);
      // the chosen year below the one before: shown in red
      if (cy.year == *y && previous && cy.members.goodOrBetterPercent &&
          *cy.members.goodOrBetterPercent < *previous)
        history_->SetItemTextColour(row, ratings::warnText());
      if (cy.members.goodOrBetterPercent) previous = cy.members.goodOrBetterPercent;
    }
  }
  ratings::fitColumns(history_, 56);
  history_->Thaw();
  summary->GetParent()->Layout();
  Layout();
}

}  // namespace dangbo::app
