#include "app/OverviewPage.h"

#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <string>

#include "app/CellWorkFindings.h"
#include "app/FigureListDialog.h"
#include "app/FigureTile.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Numbers.h"
#include "services/Services.h"

namespace dangbo::app {

using services::DashboardFigure;
using services::FigureStatus;

namespace {

const char* const kFigureKeys[] = {"admissions", "members_good", "cells_good", "village_committee",
                                   "secretaries_trained"};
const char* const kCards[] = {"orgs",       "members", "probationary", "exempt",     "women",
                              "candidates", "ratings", "inspections",  "disciplines"};
const wxColour kRed(0xC5, 0x22, 0x1F);

// "12,3%" of the members, or an empty text when there are none.
wxString shareOf(long long part, long long whole) {
  auto tenths = core::percentTenths(part, whole);
  return tenths ? ui::fmt(_("{1} of the members"), {ui::wx(core::formatPercentVn(*tenths))}) : wxString();
}

wxString percent(int64_t tenths) {
  return ui::wx(core::formatPercentVn(tenths));
}

wxColour colourOf(FigureStatus s) {
  switch (s) {
    case FigureStatus::Met:
      return wxColour(0x1E, 0x8E, 0x3E);
    case FigureStatus::OnTrack:
      return wxColour(0xE3, 0x74, 0x00);
    case FigureStatus::Behind:
      return kRed;
    case FigureStatus::NoTarget:
      break;
  }
  return wxColour(0x80, 0x86, 0x8B);
}

bool isRatingKey(const std::string& key) {
  return key == "members_good" || key == "cells_good";
}

wxString captionOf(const DashboardFigure& f) {
  if (f.key == "admissions") return ui::fmt(_("Admissions in {1}"), {wxString::Format("%d", f.year)});
  if (f.key == "members_good")
    return f.year ? ui::fmt(_("Members rated good or better in {1}"), {wxString::Format("%d", f.year)})
                  : _("Members rated good or better");
  if (f.key == "cells_good")
    return f.year ? ui::fmt(_("Organizations rated good or better in {1}"), {wxString::Format("%d", f.year)})
                  : _("Organizations rated good or better");
  if (f.key == "village_committee") return _("Village cells with a cell committee");
  return ui::fmt(_("Cell secretaries trained in {1}"), {wxString::Format("%d", f.year)});
}

// What a tile shows for a figure.
TileContent contentOf(const DashboardFigure& f) {
  TileContent c;
  c.caption = captionOf(f);
  c.colour = colourOf(f.status);
  const int missing =
      f.isShare ? f.base - f.actual : int(std::max<int64_t>(0, f.target.value_or(0) - f.actual));
  if (f.isShare && f.base == 0) {
    c.value = wxString::FromUTF8("—");
    c.status = isRatingKey(f.key) && !f.year ? _("No completed rating year yet") : _("Nothing to count yet");
    c.footer =
        f.target ? ui::fmt(_("Target {1}, term {2}"), {percent(*f.target), ui::wx(f.period)}) : wxString();
    return c;
  }
  if (f.isShare) {
    c.value = f.percent ? percent(*f.percent) : wxString("—");
    c.valueNote = ui::fmt(_("{1} out of {2}"), {ui::count(f.actual), ui::count(f.base)});
    c.fill = f.percent ? double(*f.percent) / 1000.0 : 0;
    c.mark = f.target ? double(*f.target) / 1000.0 : -1;
  } else {
    c.value = ui::count(f.actual);
    if (f.target) {
      c.valueNote = ui::fmt(_("of {1} (target)"), {ui::count(*f.target)});
      c.fill = *f.target > 0 ? double(f.actual) / double(*f.target) : 1;
    }
  }
  if (f.pending > 0) {
    // The admissions report counts members; the figure also counts decisions awaiting their ceremony.
    const wxString waiting = ui::fmt(_("({1} awaiting the ceremony)"), {ui::count(f.pending)});
    c.valueNote = c.valueNote.empty() ? waiting : waiting + " " + c.valueNote;
  }
  switch (f.status) {
    case FigureStatus::Met:
      c.status = f.progress && !f.isShare ? ui::fmt(_("Target reached ({1})"), {percent(*f.progress)})
                                          : _("Target reached");
      break;
    case FigureStatus::OnTrack:
      c.status = f.key == "admissions" ? ui::fmt(_("On pace, {1} more to admit"), {ui::count(missing)})
                 : f.key == "village_committee"
                     ? ui::fmt(_("{1} cells still without one"), {ui::count(missing)})
                 : f.key == "secretaries_trained" ? ui::fmt(_("{1} not trained yet"), {ui::count(missing)})
                                                  : _("Target not reached yet");
      break;
    case FigureStatus::Behind:
      c.status = f.key == "admissions"
                     ? ui::fmt(_("Behind the year's pace, {1} more to admit"), {ui::count(missing)})
                 : f.key == "secretaries_trained"
                     ? ui::fmt(_("{1} not trained this year"), {ui::count(missing)})
                     : _("Target not reached");
      break;
    case FigureStatus::NoTarget:
      c.status = _("No target set");
      break;
  }
  if (f.key == "secretaries_trained")
    c.footer = _("Target: every secretary, every year");
  else if (!f.target)
    c.footer = currentActor().role == "secretary" ? _("Figures of your cell")
                                                  : _("Set targets in Settings, Targets");
  else if (f.isShare)
    c.footer = ui::fmt(_("Target {1}, term {2}"), {percent(*f.target), ui::wx(f.period)});
  else
    c.footer = ui::fmt(_("Target {1} a year, term {2}"), {ui::count(*f.target), ui::wx(f.period)});
  return c;
}

wxString stateOf(int overdueDays) {
  if (overdueDays > 0) return ui::fmt(_("{1} days overdue"), {ui::count(overdueDays)});
  if (overdueDays == 0) return _("Due today");
  return ui::fmt(_("{1} days left"), {ui::count(-overdueDays)});
}

wxString cellOf(const services::DashboardRow& r) {
  return ui::wx(r.cellName.empty() ? r.cellCode : r.cellName);
}

wxString taskOf(const services::DashboardDeadline& d) {
  return d.subject.detail.empty() ? ui::wx(d.label) : ui::wx(d.label) + " (" + ui::wx(d.subject.detail) + ")";
}

}  // namespace

OverviewPage::OverviewPage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "OverviewPage");
  auto* scroll = ctrl<wxScrolledWindow>(this, "scroll");
  scroll->SetScrollRate(0, 20);
  for (const char* card : kCards) {
    auto* panel = ctrl<wxPanel>(this, (std::string("card_") + card).c_str());
    panel->DisableFocusFromKeyboard();
    // Its width comes from the grid, not from the unwrapped text.
    ctrl<wxStaticText>(this, (std::string("det_") + card).c_str())->SetMinSize(wxSize(FromDIP(60), -1));
    auto* caption = ctrl<wxStaticText>(this, (std::string("cap_") + card).c_str());
    captions_[card] = caption->GetLabelText();
    caption->SetMinSize(wxSize(FromDIP(60), -1));
    // The detail wraps at the card's width (cut mid-phrase otherwise).
    const std::string name = card;
    panel->Bind(wxEVT_SIZE, [this, name](wxSizeEvent& e) {
      e.Skip();
      CallAfter([this, name] { wrapDetail(name); });
    });
  }
  for (const char* key : kFigureKeys) {
    auto* tile = new FigureTile(scroll, wxString("tile_") + key);
    wxXmlResource::Get()->AttachUnknownControl(wxString("tile_") + key, tile, this);
    const std::string k = key;
    tile->setAction([this, k] { openFigure(k); });
    tiles_[k] = tile;
  }
  deadlines_ = ctrl<wxListCtrl>(this, "deadlines");
  ui::sortable(deadlines_);
  deadlines_->AppendColumn(_("Due"));
  deadlines_->AppendColumn(_("Deadline"));
  deadlines_->AppendColumn(_("Code"));
  deadlines_->AppendColumn(_("Subject"));
  deadlines_->AppendColumn(_("Cell"));
  deadlines_->AppendColumn(_("State"));
  deadlines_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    const long row = ui::filledIndex(deadlines_, e.GetIndex());
    if (hasDashboard_ && row >= 0) openDeadlines(size_t(row) < dashboard_.overdue.size());
  });
  ctrl<wxStaticText>(this, "secTargets")->SetLabel(wxString());
  ctrl<wxStaticText>(this, "secDeadlines")->SetLabel(wxString());
  // The cells' monthly work, at the end of the page.
  cellWork_ = new CellWorkFindings(scroll);
  scroll->GetSizer()->Add(cellWork_, 0, wxLEFT | wxRIGHT | wxTOP | wxBOTTOM | wxEXPAND, FromDIP(16));
}

void OverviewPage::setCard(const char* name, long long value, const wxString& detail) {
  auto* number = ctrl<wxStaticText>(this, (std::string("val_") + name).c_str());
  number->SetLabel(ui::count(value));
  // The form gives the figure 72 pixels; "100.000" needs more and must never lose a digit.
  number->SetMinSize(
      wxSize(std::max(FromDIP(72), number->GetTextExtent(number->GetLabel()).x + FromDIP(2)), -1));
  details_[name] = detail;
  wrapDetail(name);
}

void OverviewPage::wrapDetail(const std::string& name) {
  auto* card = ctrl<wxPanel>(this, ("card_" + name).c_str());
  auto* number = ctrl<wxStaticText>(this, ("val_" + name).c_str());
  auto* detail = ctrl<wxStaticText>(this, ("det_" + name).c_str());
  // The card less the number and the borders of the form (10 + 10 + 10 pixels).
  const int width = card->GetClientSize().x - number->GetSize().x - FromDIP(34);
  const wxString text = details_[name];
  detail->SetLabelText(text);
  auto* caption = ctrl<wxStaticText>(this, ("cap_" + name).c_str());
  caption->SetLabelText(captions_[name]);
  if (width > FromDIP(40)) {
    detail->Wrap(width);
    caption->Wrap(width);
  }
  if (detail->GetLabel() + caption->GetLabel() != wrapped_[name]) {
    wrapped_[name] = detail->GetLabel() + caption->GetLabel();
    card->Layout();
    Layout();
    ctrl<wxScrolledWindow>(this, "scroll")->FitInside();
  }
}

void OverviewPage::showRegister(services::Services& s) {
  showSummary(s.summary(core::Date::today()));
  showDashboard(s);
}

void OverviewPage::activate() {
  if (welcome_ && welcome_->IsShown()) {
    welcome_->FindWindow("welcomeImport")->SetFocus();
    return;
  }
  if (auto it = tiles_.find("admissions"); it != tiles_.end() && hasDashboard_) it->second->SetFocus();
}

void OverviewPage::setWelcome(WelcomeActions actions) {
  auto* scroll = ctrl<wxScrolledWindow>(this, "scroll");
  welcome_ = new WelcomePanel(scroll, std::move(actions));
  // Under the committee's name and the date of the figures.
  scroll->GetSizer()->Insert(2, welcome_, 0, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, FromDIP(16));
  welcome_->Hide();
}

void OverviewPage::showSummary(const services::Summary& sum) {
  if (welcome_) welcome_->Show(sum.organizations == 0 && sum.members == 0 && sum.candidates == 0);
  ctrl<wxStaticText>(this, "heading")->SetLabelText(ui::wx(sum.committee));
  ctrl<wxStaticText>(this, "asOf")
      ->SetLabel(ui::fmt(_("Figures of the register on {1}"), {ui::wx(sum.on.vn())}));

  setCard("orgs", sum.organizations,
          ui::fmt(_("{1} grassroots cells, {2} subordinate cells"),
                  {ui::count(sum.grassroots), ui::count(sum.subordinate)}) +
              "\n" +
              ui::fmt(_("subordinate: {1} village cells, {2} school cells"),
                      {ui::count(sum.villageCells), ui::count(sum.schoolCells)}));
  setCard(
      "members", sum.members,
      ui::fmt(_("{1} official, {2} probationary"), {ui::count(sum.official), ui::count(sum.probationary)}));
  setCard("probationary", sum.probationary, shareOf(sum.probationary, sum.members));
  setCard("exempt", sum.exempt, shareOf(sum.exempt, sum.members));
  setCard("women", sum.women, shareOf(sum.women, sum.members));
  setCard("candidates", sum.candidates, _("in the admission process now"));
  setCard("ratings", sum.ratings, _("ratings of cells and members, all years"));
  setCard("inspections", sum.inspections, _("inspection cases recorded, all years"));
  setCard("disciplines", sum.disciplines,
          ui::fmt(_("{1} removals from the list"), {ui::count(sum.removals)}));
  Layout();
  ctrl<wxScrolledWindow>(this, "scroll")->FitInside();
}

void OverviewPage::showCounting() {
  ctrl<wxStaticText>(this, "secTargets")
      ->SetLabelText(_("Counting the targets, deadlines and the cells' work..."));
  if (hasDashboard_) return;
  for (auto& [key, tile] : tiles_) tile->Hide();
  deadlines_->Hide();
  cellWork_->Hide();
  Layout();
}

void OverviewPage::showDashboard(services::Services& s) {
  showDashboard(countDashboard(s, currentActor(), core::Date::today()));
}

void OverviewPage::showDashboard(const DashboardAnswer& answer) {
  hasDashboard_ = answer.dashboardProblem.empty();
  if (hasDashboard_)
    dashboard_ = answer.dashboard;
  else  // the page still shows the summary; the reason replaces the targets' heading
    ctrl<wxStaticText>(this, "secTargets")->SetLabelText(ui::wx(answer.dashboardProblem));
  for (auto& [key, tile] : tiles_) tile->Show(hasDashboard_);
  deadlines_->Show(hasDashboard_);
  cellWork_->Show(hasDashboard_);
  if (hasDashboard_) {
    // Shown again after the counting: the lists take their width before their columns are fitted to it.
    Layout();
    ctrl<wxScrolledWindow>(this, "scroll")->Layout();
    wxString heading =
        ui::fmt(_("Progress on the targets of {1}"), {wxString::Format("%d", dashboard_.year)});
    heading += "   ";
    heading += _("(click a figure or press Enter on it to see its list)");
    ctrl<wxStaticText>(this, "secTargets")->SetLabelText(heading);
    for (const auto& f : dashboard_.figures) showFigure(f);
    fillDeadlines();
    cellWork_->show(answer.findings, answer.findingsProblem);
  } else {
    ctrl<wxStaticText>(this, "secDeadlines")->SetLabel(wxString());
  }
  Layout();
  ctrl<wxScrolledWindow>(this, "scroll")->FitInside();
}

void OverviewPage::showFigure(const DashboardFigure& f) {
  if (auto it = tiles_.find(f.key); it != tiles_.end()) it->second->setContent(contentOf(f));
}

void OverviewPage::fillDeadlines() {
  const auto& d = dashboard_;
  wxString heading =
      ui::fmt(_("Deadlines: {1} overdue, {2} due within {3} days"),
              {ui::count(long(d.overdue.size())), ui::count(long(d.soon.size())), ui::count(d.soonDays)});
  if (!d.disciplineShown) heading += "  " + _("(without the discipline deadlines)");
  ctrl<wxStaticText>(this, "secDeadlines")->SetLabelText(heading);
  deadlines_->Freeze();
  deadlines_->DeleteAllItems();
  auto add = [&](const services::DashboardDeadline& x) {
    long row = deadlines_->InsertItem(deadlines_->GetItemCount(), ui::date(x.subject.date));
    deadlines_->SetItem(row, 1, taskOf(x));
    deadlines_->SetItem(row, 2, ui::wx(x.subject.code));
    deadlines_->SetItem(row, 3, ui::wx(x.subject.name));
    deadlines_->SetItem(row, 4, cellOf(x.subject));
    deadlines_->SetItem(row, 5, stateOf(x.overdueDays));
    if (x.overdueDays > 0) deadlines_->SetItemTextColour(row, kRed);
  };
  for (const auto& x : d.overdue) add(x);
  for (const auto& x : d.soon) add(x);
  if (d.overdue.empty() && d.soon.empty())
    deadlines_->InsertItem(0, ui::fmt(_("Nothing overdue or due within {1} days."), {ui::count(d.soonDays)}));
  ui::fitColumns(deadlines_, 360);
  ui::stretchLastColumn(deadlines_);
  deadlines_->Thaw();
}

void OverviewPage::openFigure(const std::string& key) {
  if (!hasDashboard_) return;
  auto it = std::find_if(dashboard_.figures.begin(), dashboard_.figures.end(),
                         [&](const auto& f) { return f.key == key; });
  if (it == dashboard_.figures.end()) return;
  const DashboardFigure& f = *it;
  const TileContent c = contentOf(f);
  const bool cellRows = key == "cells_good" || key == "village_committee";
  const bool dated = key == "admissions" || key == "secretaries_trained";
  std::vector<wxString> columns = {_("Code"), cellRows ? _("Party organization") : _("Full name")};
  if (!cellRows) columns.push_back(_("Cell"));
  if (dated) columns.push_back(key == "admissions" ? _("Decision date") : _("Training date"));
  columns.push_back(key == "admissions"          ? _("Status")
                    : isRatingKey(key)           ? _("Rating")
                    : key == "village_committee" ? _("Cell committee")
                                                 : _("Training course"));
  std::vector<FigureListRow> rows;
  for (const auto& r : f.rows) {
    FigureListRow row;
    row.cells = {ui::wx(r.code), ui::wx(r.name)};
    if (!cellRows) row.cells.push_back(cellOf(r));
    if (dated) row.cells.push_back(ui::date(r.date));
    row.cells.push_back(ui::wx(r.detail));
    row.shortfall = !r.counts;
    rows.push_back(std::move(row));
  }
  wxString summary = c.caption + ": " + c.value + (c.valueNote.empty() ? wxString() : " " + c.valueNote) +
                     (c.status.empty() ? wxString() : wxString::FromUTF8(" — ") + c.status);
  wxString hint = key == "admissions" ? _("Decisions of this committee dated this year up to today, "
                                          "including candidates whose ceremony is still to be held.")
                                      : _("Rows in red fall short of the target and are not counted.");
  FigureListDialog dlg(this, c.caption, summary, hint, columns, rows);
  dlg.ShowModal();
  tiles_[key]->SetFocus();
}

void OverviewPage::openDeadlines(bool overdue) {
  const auto& list = overdue ? dashboard_.overdue : dashboard_.soon;
  std::vector<wxString> columns = {_("Due"), _("Deadline"), _("Code"), _("Subject"), _("Cell"), _("State")};
  std::vector<FigureListRow> rows;
  for (const auto& x : list)
    rows.push_back({{ui::date(x.subject.date), taskOf(x), ui::wx(x.subject.code), ui::wx(x.subject.name),
                     cellOf(x.subject), stateOf(x.overdueDays)},
                    x.overdueDays > 0});
  const wxString title = overdue ? _("Overdue deadlines")
                                 : ui::fmt(_("Deadlines within {1} days"), {ui::count(dashboard_.soonDays)});
  FigureListDialog dlg(this, title, ui::fmt(_("{1}: {2}"), {title, ui::count(long(list.size()))}), wxString(),
                       columns, rows);
  dlg.ShowModal();
  deadlines_->SetFocus();
}

}  // namespace dangbo::app
