#include "app/AdmissionsPage.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>

#include "app/AdmissionBoard.h"
#include "app/AdmissionRecognitionDialog.h"
#include "app/CandidateDialog.h"
#include "app/FormPrinting.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "services/Admissions.h"
#include "services/Deadlines.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
using services::Stage;

// How far ahead the page looks for deadlines (the list and the amber cards).
constexpr int kLookAheadDays = 30;

// The board's column of a candidate's last recorded stage.
int columnOf(Stage st) {
  switch (st) {
    case Stage::Listed:
    case Stage::Certificate:
      return 0;
    case Stage::Application:
    case Stage::History:
      return 1;
    case Stage::BackgroundCheck:
      return 2;
    case Stage::Sponsors:
    case Stage::MassOrgComment:
      return 3;
    case Stage::CellVote:
      return 4;
    case Stage::CommitteeResolution:
      return 5;
    case Stage::Decision:
    case Stage::Ceremony:
      return 6;
  }
  return 0;
}

std::vector<wxString> columnTitles() {
  return {_("Listed, awareness course"),   _("Application, history"),  _("Background check"),
          _("Sponsors, comments"),         _("Cell vote passed"),      _("Committee resolution"),
          _("Decided, awaiting ceremony"), _("Probation, recognition")};
}

int urgencyOf(const services::Deadline& d) {
  if (d.overdueDays > 0) return 2;
  return d.overdueDays >= -kLookAheadDays ? 1 : 0;
}

// The card's third line for a deadline.
wxString deadlineLine(const services::Deadline& d) {
  const wxString label = ui::wx(services::deadlineKindLabel(d.kind));
  if (d.overdueDays > 0) return ui::fmt(_("{1} days overdue: {2}"), {ui::count(d.overdueDays), label});
  if (d.overdueDays == 0) return ui::fmt(_("Due today: {1}"), {label});
  return ui::fmt(_("{1}: {2}"), {ui::date(d.due), label});
}

wxString percentText(const std::optional<int64_t>& tenths) {
  return tenths ? ui::wx(core::formatPercentVn(*tenths)) : wxString("-");
}
}  // namespace

AdmissionsPage::AdmissionsPage(wxWindow* parent, std::function<void()> onChanged)
    : onChanged_(std::move(onChanged)) {
  wxXmlResource::Get()->LoadPanel(this, parent, "AdmissionsPage");
  board_ = new AdmissionBoard(this, [this](const BoardCard& c) { openCard(c); });
  wxXmlResource::Get()->AttachUnknownControl("board", board_, this);
  cell_ = ctrl<wxChoice>(this, "cell");
  due_ = ctrl<wxListCtrl>(this, "dueList");
  cells_ = ctrl<wxListCtrl>(this, "cellList");
  for (wxListCtrl* l : {due_, cells_}) {
    ui::sortable(l);
    // Narrower than their columns when the page is (1024x768): they scroll sideways, the cells' box stays
    // in view instead of going past the window's edge.
    l->SetMinSize(wxSize(FromDIP(120), -1));
  }
  yearText_ = ctrl<wxStaticText>(this, "yearProgress");
  termText_ = ctrl<wxStaticText>(this, "termProgress");
  yearGauge_ = ctrl<wxGauge>(this, "yearGauge");
  termGauge_ = ctrl<wxGauge>(this, "termGauge");

  due_->AppendColumn(_("Due"));
  due_->AppendColumn(_("Deadline"));
  due_->AppendColumn(_("Full name"));
  due_->AppendColumn(_("Cell"));
  due_->AppendColumn(_("Days"), wxLIST_FORMAT_RIGHT);
  cells_->AppendColumn(_("Cell"));
  cells_->AppendColumn(_("Admitted"), wxLIST_FORMAT_RIGHT);
  cells_->AppendColumn(_("Awaiting ceremony"), wxLIST_FORMAT_RIGHT);
  ui::stretchLastColumn(cells_);

  cell_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ui::attempt(this, [this] { reload(); }); });
  ctrl<wxButton>(this, "add")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addNew(); });
  ctrl<wxButton>(this, "open")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (const BoardCard* c = board_->selected()) {
      BoardCard copy = *c;
      openCard(copy);
    }
  });
  due_->Bind(wxEVT_LIST_ITEM_ACTIVATED,
             [this](wxListEvent& e) { openDue(ui::filledIndex(due_, e.GetIndex())); });
}

void AdmissionsPage::activate() {
  board_->SetFocus();
}

std::string AdmissionsPage::chosenCell() const {
  const int i = cell_->GetSelection();
  return i > 0 && size_t(i) <= orgs_.size() ? orgs_[size_t(i - 1)].code : std::string();
}

void AdmissionsPage::showRegister(services::Services& s) {
  services_ = &s;
  const std::string keep = chosenCell();
  orgs_.clear();
  const core::Date today = core::Date::today();
  for (auto& o : s.organizations(currentActor()))
    if (!o.ceased || *o.ceased > today) orgs_.push_back(std::move(o));
  std::sort(orgs_.begin(), orgs_.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  cell_->Clear();
  cell_->Append(_("All cells"));
  int sel = 0;
  for (size_t i = 0; i < orgs_.size(); ++i) {
    cell_->Append(ui::wx(orgs_[i].code + " – " + orgs_[i].name));
    if (orgs_[i].code == keep) sel = int(i + 1);
  }
  cell_->SetSelection(sel);
  reload();
}

void AdmissionsPage::reload() {
  if (!services_) return;
  services::Services& s = *services_;
  const services::Actor& actor = currentActor();
  const core::Date today = core::Date::today();
  const std::string cell = chosenCell();

  // Deadlines of the admission files (badges are not this page's business); the transfer papers due are
  // listed with them (the members leaving), but not on the board.
  std::vector<services::Deadline> deadlines, listed;
  for (auto& d : services::deadlines(s, actor, today)) {
    if (d.kind == "badge_due" || (!cell.empty() && d.cellCode != cell)) continue;
    listed.push_back(d);
    if (d.kind != "transfer_due") deadlines.push_back(std::move(d));
  }
  std::map<std::string, const services::Deadline*> nextOf;  // "c:CODE" / "m:CODE" -> the first due
  for (const auto& d : deadlines) {
    auto& slot = nextOf[(d.subjectType == "member" ? "m:" : "c:") + d.code];
    if (!slot || d.due < slot->due) slot = &d;
  }

  std::vector<BoardColumn> columns;
  for (const auto& t : columnTitles()) columns.push_back({t, {}});
  auto cellText = [](const std::string& code, const std::string& name) {
    return ui::wx(name.empty() ? code : name);
  };
  std::vector<std::pair<int, BoardCard>> cards;
  std::vector<std::optional<core::Date>> dues;
  for (const auto& r : services::listCandidates(s, actor, {cell, "", "in_progress"})) {
    BoardCard c;
    c.code = r.candidate.code;
    c.name = ui::wx(r.candidate.fullName);
    c.cell = cellText(r.cellCode, r.cellName);
    c.flag = r.overMaxAge;
    std::optional<core::Date> due;
    if (auto it = nextOf.find("c:" + c.code); it != nextOf.end()) {
      c.urgency = urgencyOf(*it->second);
      c.line = deadlineLine(*it->second);
      due = it->second->due;
    } else if (r.stage != Stage::Ceremony) {
      c.line = ui::fmt(_("Next: {1}"), {ui::wx(services::stageLabel(Stage(int(r.stage) + 1)))});
    }
    if (c.flag) c.line = _("Over the age limit: provincial approval") + ui::wx(" · ") + c.line;
    cards.emplace_back(columnOf(r.stage), std::move(c));
    dues.push_back(due);
  }
  std::map<std::string, std::string> cellNames;
  for (const auto& o : orgs_) cellNames[o.code] = o.name;
  for (const auto& d : deadlines) {
    if (d.kind != "recognition_due") continue;
    BoardCard c;
    c.code = d.code;
    c.member = true;
    c.name = ui::wx(d.name);
    c.cell = cellText(d.cellCode, cellNames[d.cellCode]);
    c.urgency = urgencyOf(d);
    c.line = deadlineLine(d);
    cards.emplace_back(7, std::move(c));
    dues.push_back(d.due);
  }
  // In each column: overdue first, then due soon, then by due date, then by name.
  std::vector<size_t> order(cards.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (cards[a].second.urgency != cards[b].second.urgency)
      return cards[a].second.urgency > cards[b].second.urgency;
    if (dues[a] != dues[b]) return dues[a] && (!dues[b] || *dues[a] < *dues[b]);
    return core::compareNames(ui::utf8(cards[a].second.name), ui::utf8(cards[b].second.name)) < 0;
  });
  for (size_t i : order) columns[size_t(cards[i].first)].cards.push_back(cards[i].second);
  board_->setColumns(std::move(columns));

  // The due list: overdue and the next 30 days.
  due_->Freeze();
  due_->DeleteAllItems();
  dueCards_.clear();
  dueTransfers_.clear();
  for (const auto& d : listed) {
    if (d.overdueDays < -kLookAheadDays) continue;
    const long row = due_->InsertItem(due_->GetItemCount(), ui::date(d.due));
    due_->SetItem(row, 1, ui::wx(services::deadlineKindLabel(d.kind)));
    due_->SetItem(row, 2, ui::wx(d.name));
    due_->SetItem(row, 3, ui::wx(d.cellCode));
    due_->SetItem(row, 4,
                  d.overdueDays > 0 ? ui::fmt(_("{1} overdue"), {ui::count(d.overdueDays)})
                                    : ui::fmt(_("in {1}"), {ui::count(-d.overdueDays)}));
    if (d.overdueDays > 0) due_->SetItemTextColour(row, wxColour(198, 40, 40));
    BoardCard c;
    c.code = d.code;
    c.member = d.subjectType == "member";
    dueCards_.push_back(c);
    dueTransfers_.push_back(d.kind == "transfer_due"
                                ? std::optional<OpenTransfer>(OpenTransfer{d.code, d.name, d.from, d.step})
                                : std::nullopt);
  }
  if (due_->GetItemCount() == 0) {
    due_->InsertItem(0, "");
    due_->SetItem(0, 2, _("Nothing due in the next 30 days."));
    dueCards_.push_back({});
    dueTransfers_.push_back(std::nullopt);
  }
  ui::fitColumns(due_, 300);
  due_->Thaw();

  // The year's progress, for the committee and per cell.
  const auto p = services::admissionProgress(s, actor, today.year(), today);
  wxString year = ui::fmt(_("Admitted in {1}: {2}"), {wxString::Format("%d", p.year), ui::count(p.total)});
  if (p.target)
    year += ui::fmt(_(" of the target {1} ({2})"), {ui::count(*p.target), percentText(p.percentOfTarget)});
  if (p.awaitingCeremony > 0)
    year += ui::fmt(_(", of them {1} awaiting the ceremony"), {ui::count(p.awaitingCeremony)});
  yearText_->SetLabel(year);
  yearGauge_->SetValue(int(std::clamp<int64_t>(p.percentOfTarget.value_or(0), 0, 1000)));
  if (!p.termName.empty()) {
    wxString term = ui::fmt(_("Term {1}: {2}"), {ui::wx(p.termName), ui::count(p.termTotal)});
    if (p.termTarget)
      term += ui::fmt(_(" of {1} ({2})"), {ui::count(*p.termTarget), percentText(p.termPercent)});
    termText_->SetLabel(term);
  } else {
    termText_->SetLabel(_("No term covers this year (Settings, Targets)."));
  }
  termGauge_->SetValue(int(std::clamp<int64_t>(p.termPercent.value_or(0), 0, 1000)));

  cells_->Freeze();
  cells_->DeleteAllItems();
  for (const auto& c : p.cells) {
    if (!cell.empty() && c.cellCode != cell) continue;
    const long row = cells_->InsertItem(cells_->GetItemCount(), ui::wx(c.cellCode + " – " + c.cellName));
    cells_->SetItem(row, 1, ui::count(c.admitted));
    cells_->SetItem(row, 2, ui::count(c.awaitingCeremony));
  }
  if (cells_->GetItemCount() == 0) cells_->InsertItem(0, _("No admission yet this year."));
  ui::fitColumns(cells_, 320);
  cells_->Thaw();
  Layout();
}

bool AdmissionsPage::addNew() {
  if (!services_) return false;
  CandidateDialog dlg(this, *services_, "", chosenCell());
  if (dlg.run()) changed();
  return true;
}

bool AdmissionsPage::printPaper() {
  const BoardCard* card = board_ ? board_->selected() : nullptr;
  if (!services_ || !card || card->code.empty()) return false;
  // A card of the recognition column is a probationary member: the recognition papers.
  printSubjectForm(this, *services_, card->member ? FormSubject::Member : FormSubject::Candidate, card->code);
  return true;
}

void AdmissionsPage::openCard(const BoardCard& card) {
  if (!services_ || card.code.empty()) return;
  bool edited = false;
  if (card.member) {
    AdmissionRecognitionDialog dlg(this, *services_, card.code);
    edited = dlg.run();
  } else {
    CandidateDialog dlg(this, *services_, card.code, "");
    edited = dlg.run();
  }
  if (edited) changed();
  board_->SetFocus();
}

void AdmissionsPage::changed() {
  if (onChanged_)
    onChanged_();  // every page, this one included: the ceremony or the recognition changed the register
  else
    ui::attempt(this, [this] { reload(); });
}

void AdmissionsPage::openDue(long row) {
  if (row < 0 || size_t(row) >= dueCards_.size()) return;
  if (services_ && row < long(dueTransfers_.size()) && dueTransfers_[size_t(row)]) {
    const OpenTransfer t = *dueTransfers_[size_t(row)];
    if (askTransferReceipt(this, *services_, t)) changed();
    due_->SetFocus();
    return;
  }
  BoardCard c = dueCards_[size_t(row)];
  openCard(c);
}

}  // namespace dangbo::app
