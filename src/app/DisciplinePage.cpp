#include "app/DisciplinePage.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/DisciplineDialogs.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "core/Errors.h"
#include "services/Actor.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
constexpr int kYears = 12;  // years offered in the year filter, counting back from this one

wxString outcomeText(const std::string& outcome) {
  if (outcome == "upheld") return _("Decision upheld");
  if (outcome == "changed") return _("Decision changed");
  if (outcome == "annulled") return _("Decision annulled");
  if (outcome == "rejected") return _("Complaint rejected");
  return _("Pending");
}

void columns(wxListCtrl* list, std::initializer_list<wxString> headers) {
  for (const auto& h : headers) list->AppendColumn(h);
  ui::stretchLastColumn(list);
}

void selectFirst(wxListCtrl* list) {
  if (list->GetItemCount() > 0)
    list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}
}  // namespace

DisciplinePage::DisciplinePage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "DisciplinePage");
  year_ = ctrl<wxChoice>(this, "year");
  kind_ = ctrl<wxChoice>(this, "kind");
  subject_ = ctrl<wxChoice>(this, "subject");
  state_ = ctrl<wxChoice>(this, "state");
  counts_ = ctrl<wxStaticText>(this, "counts");
  refusal_ = ctrl<wxStaticText>(this, "refusal");
  // The note spans the page's whole width, wrapped again when the window is resized.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    if (refusal_->IsShown()) CallAfter([this] { wrapRefusal(); });
  });
  tabs_ = ctrl<wxNotebook>(this, "tabs");
  cases_ = ctrl<wxListCtrl>(this, "cases");
  timeline_ = ctrl<wxListCtrl>(this, "timeline");
  decisions_ = ctrl<wxListCtrl>(this, "decisions");
  complaints_ = ctrl<wxListCtrl>(this, "complaints");
  removals_ = ctrl<wxListCtrl>(this, "removals");
  plan_ = ctrl<wxListCtrl>(this, "plan");
  figures_ = ctrl<wxListCtrl>(this, "figures");
  for (wxListCtrl* l : {cases_, timeline_, decisions_, complaints_, removals_, plan_, figures_})
    ui::sortable(l);
  columns(cases_, {_("Date"), _("Case no."), _("Kind"), _("Subject"), _("State"), _("Conclusion")});
  columns(timeline_, {_("Date"), _("Step"), _("Details")});
  columns(decisions_, {_("Date"), _("Decision no."), _("Form"), _("Subject"), _("Deciding body"),
                       _("Statute"), _("Complaint"), _("Violation")});
  columns(complaints_, {_("Filed"), _("Received"), _("Outcome"), _("Outcome date"), _("Complaint")});
  columns(removals_, {_("Decision date"), _("Decision"), _("Member"), _("Ground"), _("Cell's proposal")});
  columns(plan_, {_("Plan no."), _("Content"), _("Organizations"), _("Members"), _("Cases"), _("Done")});
  columns(figures_, {_("Figure"), _("Count")});

  year_->Append(_("All years"));
  const int thisYear = core::Date::today().year();
  for (int y = thisYear; y > thisYear - kYears; --y) year_->Append(wxString::Format("%d", y));
  year_->SetSelection(1);
  kind_->Append(_("All kinds"));
  for (const auto& i : core::enums::inspectionKind.items())
    kind_->Append(ui::wx(core::enums::inspectionKind.label(i.code)));
  kind_->SetSelection(0);
  for (const wxString& s : {_("Organizations and members"), _("Party organizations"), _("Members")})
    subject_->Append(s);
  subject_->SetSelection(0);
  for (const wxString& s : {_("All"), _("Open"), _("Concluded"), _("Led to a decision")}) state_->Append(s);
  state_->SetSelection(0);
  for (wxChoice* c : {year_, kind_, subject_, state_})
    c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });

  cases_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showTimeline(); });
  cases_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { editCase(); });
  decisions_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showComplaints(); });
  auto on = [this](const char* name, std::function<void()> f) {
    ctrl<wxButton>(this, name)->Bind(wxEVT_BUTTON, [f](wxCommandEvent&) { f(); });
  };
  on("newCase", [this] { newCase(); });
  on("editCase", [this] { editCase(); });
  on("decide", [this] { decideFromCase(); });
  on("newDecision", [this] { newDecision({}); });
  on("complaint", [this] { fileComplaint(); });
  on("outcome", [this] { settleComplaint(); });
  on("newRemoval", [this] { newRemoval(); });
  on("newPlan", [this] { newPlan(); });
}

void DisciplinePage::showRegister(services::Services& s) {
  services_ = &s;
  refresh();
}

bool DisciplinePage::addNew() {
  if (!services_ || !canRead_) return false;
  newCase();
  return true;
}

void DisciplinePage::activate() {
  if (canRead_)
    cases_->SetFocus();
  else
    year_->SetFocus();
}

std::optional<int> DisciplinePage::year() const {
  int i = year_->GetSelection();
  if (i <= 0) return std::nullopt;
  return core::Date::today().year() - (i - 1);
}

std::pair<core::Date, core::Date> DisciplinePage::period() const {
  if (auto y = year()) return {*core::Date::make(*y, 1, 1), *core::Date::make(*y, 12, 31)};
  return {*core::Date::make(core::Date::kMinYear, 1, 1), *core::Date::make(core::Date::kMaxYear, 12, 31)};
}

void DisciplinePage::refresh() {
  if (!services_) return;
  services::Services& s = *services_;
  const services::Actor& actor = currentActor();
  auto [from, to] = period();

  // Figures: counts only, every reading role.
  figures_->DeleteAllItems();
  auto figure = [&](const wxString& label, long long n) {
    long row = figures_->InsertItem(figures_->GetItemCount(), label);
    figures_->SetItem(row, 1, ui::count(n));
  };
  try {
    services::DisciplineFigures f = services::disciplineFigures(s, actor, from, to);
    int orgDecisions = 0, memberDecisions = 0;
    for (const auto& [form, n] : f.organizationForms) orgDecisions += n;
    for (const auto& [form, n] : f.memberForms) memberDecisions += n;
    counts_->SetLabel(ui::fmt(
        _("Inspected: {1} organizations, {2} members. Disciplined: {3} organizations, {4} members. Removed "
          "from the list: {5}."),
        {ui::count(f.inspected.organizations), ui::count(f.inspected.members), ui::count(orgDecisions),
         ui::count(memberDecisions), ui::count(f.removals)}));
    figure(_("Organizations inspected"), f.inspected.organizations);
    figure(_("Members inspected"), f.inspected.members);
    for (const auto& [kind, c] : f.inspectionsByKind) {
      long row = figures_->InsertItem(
          figures_->GetItemCount(),
          ui::fmt(_("{1}: organizations / members"), {ui::wx(core::enums::inspectionKind.label(kind))}));
      figures_->SetItem(row, 1, ui::fmt("{1} / {2}", {ui::count(c.organizations), ui::count(c.members)}));
    }
    for (const auto& [form, n] : f.organizationForms)
      figure(ui::fmt(_("Organizations: {1}"), {ui::wx(core::enums::disciplineForm.label(form))}), n);
    for (const auto& [form, n] : f.memberForms)
      figure(ui::fmt(_("Members: {1}"), {ui::wx(core::enums::disciplineForm.label(form))}), n);
    figure(_("Removed from the list"), f.removals);
    for (const auto& [ground, n] : f.removalsByGround)
      figure(ui::fmt(_("Removed: {1}"), {ui::wx(core::enums::removalGround.label(ground))}), n);
  } catch (const std::exception& e) {
    counts_->SetLabel(ui::wx(e.what()));
  }
  ui::fitColumns(figures_);

  // Removals: register facts, every reading role.
  removals_->DeleteAllItems();
  try {
    for (const auto& r : services::removalSummary(s, actor, from, to).entries) {
      long row = removals_->InsertItem(removals_->GetItemCount(), ui::date(r.decisionOn));
      removals_->SetItem(row, 1, ui::wx(r.decisionNo));
      removals_->SetItem(row, 2, ui::fmt("{1} ({2})", {ui::wx(r.memberName), ui::wx(r.memberCode)}));
      removals_->SetItem(row, 3, ui::wx(core::enums::removalGround.label(r.ground)));
      wxString proposal = ui::wx(r.proposalNo);
      if (r.proposedOn)
        proposal += (proposal.empty() ? "" : " ") + ui::fmt(_("of {1}"), {ui::date(r.proposedOn)});
      removals_->SetItem(row, 4, proposal);
    }
  } catch (const std::exception&) {
  }
  ui::fitColumns(removals_);

  // The annual plan: titles and counts, every reading role.
  plan_->DeleteAllItems();
  planItems_.clear();
  try {
    planItems_ = services::inspectionPlan(s, actor, year().value_or(core::Date::today().year()));
    for (const auto& p : planItems_) {
      long row = plan_->InsertItem(plan_->GetItemCount(), ui::wx(p.number));
      plan_->SetItem(row, 1, ui::wx(p.title));
      plan_->SetItem(
          row, 2, ui::fmt("{1} / {2}", {ui::count(p.doneOrganizations), ui::count(p.plannedOrganizations)}));
      plan_->SetItem(row, 3, ui::fmt("{1} / {2}", {ui::count(p.doneMembers), ui::count(p.plannedMembers)}));
      plan_->SetItem(row, 4, ui::count(p.linkedCases));
      wxString pct = wxString::Format("%.1f%%", p.percentDone);
      pct.Replace(".", ",");
      plan_->SetItem(row, 5, pct);
    }
  } catch (const std::exception&) {
  }
  ui::fitColumns(plan_);

  // Case files: the inspection committee only; for any other role the service's refusal is shown.
  allCases_.clear();
  decisionList_.clear();
  try {
    allCases_ = services::inspections(s, actor, {year(), "", ""});
    decisionList_ = services::decisions(s, actor);
    canRead_ = true;
    refusal_->Hide();
  } catch (const core::PermissionError& e) {
    canRead_ = false;
    refusalText_ =
        ui::fmt(_("{1} Case files, timelines and complaints are shown only to the inspection committee."),
                {ui::wx(e.what())}) +
        " " +
        _("To see them, log in with an account of the inspection committee; the administrator creates one in "
          "Tools > User accounts.");
    refusal_->SetLabel(refusalText_);
    refusal_->Show();
    wrapRefusal();
  }
  for (const char* name : {"newCase", "editCase", "decide", "newDecision", "complaint", "outcome", "newPlan"})
    ctrl<wxButton>(this, name)->Enable(canRead_);
  ctrl<wxButton>(this, "newRemoval")
      ->Enable(services::allows(actor, services::Permission::WriteRegister) && actor.role != "secretary");
  fillCases();
  Layout();
}

void DisciplinePage::wrapRefusal() {
  const int width = GetClientSize().GetWidth() - FromDIP(40);
  if (width <= 0 || refusalText_.empty()) return;
  refusal_->SetLabel(refusalText_);
  refusal_->Wrap(width);
  Layout();
}

void DisciplinePage::fillCases() {
  const services::InspectionCase* keep = selectedCase();
  core::Id keepId = keep ? keep->inspection.id : 0;
  std::set<core::Id> decided;
  for (const auto& d : decisionList_)
    if (d.inspectionId) decided.insert(*d.inspectionId);
  const int kind = kind_->GetSelection(), subject = subject_->GetSelection(), state = state_->GetSelection();
  cases_->Freeze();
  cases_->DeleteAllItems();
  shownCases_.clear();
  long select = -1;
  for (size_t k = allCases_.size(); k-- > 0;) {  // the latest case first
    const size_t i = k;
    const auto& c = allCases_[i];
    if (kind > 0 &&
        c.inspection.kind != core::enums::inspectionKind.items()[static_cast<size_t>(kind - 1)].code)
      continue;
    if (subject == 1 && c.inspection.subjectType != "to_chuc") continue;
    if (subject == 2 && c.inspection.subjectType != "dang_vien") continue;
    const bool isDecided = decided.count(c.inspection.id) > 0;
    if (state == 1 && c.closedOn) continue;
    if (state == 2 && !c.closedOn) continue;
    if (state == 3 && !isDecided) continue;
    long row = cases_->InsertItem(cases_->GetItemCount(), ui::date(c.inspection.date));
    shownCases_.push_back(i);
    if (c.inspection.id == keepId) select = row;
    cases_->SetItem(row, 1, ui::wx(c.inspection.number));
    cases_->SetItem(row, 2, ui::wx(core::enums::inspectionKind.label(c.inspection.kind)));
    cases_->SetItem(row, 3, ui::fmt("{1} ({2})", {ui::wx(c.subjectName), ui::wx(c.subjectCode)}));
    cases_->SetItem(row, 4,
                    isDecided    ? _("Led to a decision")
                    : c.closedOn ? ui::fmt(_("Concluded {1}"), {ui::date(c.closedOn)})
                                 : _("Open"));
    cases_->SetItem(row, 5, ui::wx(c.inspection.conclusion));
  }
  ui::fitColumns(cases_, 320);
  cases_->Thaw();
  if (select >= 0)
    cases_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  else
    selectFirst(cases_);
  showTimeline();

  // Decisions of the chosen year (all years: every decision).
  decisions_->Freeze();
  decisions_->DeleteAllItems();
  shownDecisions_.clear();
  for (size_t k = decisionList_.size(); k-- > 0;) {  // the latest decision first
    const size_t i = k;
    const auto& d = decisionList_[i];
    if (year() && d.decision.date.year() != *year()) continue;
    if (subject == 1 && d.decision.subjectType != "to_chuc") continue;
    if (subject == 2 && d.decision.subjectType != "dang_vien") continue;
    long row = decisions_->InsertItem(decisions_->GetItemCount(), ui::date(d.decision.date));
    shownDecisions_.push_back(i);
    decisions_->SetItem(row, 1, ui::wx(d.decision.number));
    wxString form = ui::wx(core::enums::disciplineForm.label(d.decision.form));
    if (!d.post.empty()) form += " — " + ui::wx(d.post);
    decisions_->SetItem(row, 2, form);
    decisions_->SetItem(row, 3, ui::fmt("{1} ({2})", {ui::wx(d.subjectName), ui::wx(d.subjectCode)}));
    decisions_->SetItem(row, 4, ui::wx(d.decision.body));
    if (d.decision.violationOn) {
      auto st = services::statuteOf(*services_, d.decision.form, *d.decision.violationOn, d.decision.date);
      if (st.applies)
        decisions_->SetItem(row, 5,
                            st.expired ? ui::fmt(_("RAN OUT on {1}"), {ui::date(st.ends)})
                                       : ui::fmt(_("until {1}"), {ui::date(st.ends)}));
      if (st.expired) decisions_->SetItemTextColour(row, *wxRED);
    }
    if (!d.complaints.empty()) decisions_->SetItem(row, 6, outcomeText(d.complaints.back().outcome));
    decisions_->SetItem(row, 7, ui::wx(d.decision.violation));
  }
  ui::fitColumns(decisions_, 320);
  decisions_->Thaw();
  selectFirst(decisions_);
  showComplaints();
}

const services::InspectionCase* DisciplinePage::selectedCase() const {
  long row = ui::selectedRow(cases_);
  if (row < 0 || static_cast<size_t>(row) >= shownCases_.size()) return nullptr;
  return &allCases_[shownCases_[static_cast<size_t>(row)]];
}

const services::DecisionCase* DisciplinePage::selectedDecision() const {
  long row = ui::selectedRow(decisions_);
  if (row < 0 || static_cast<size_t>(row) >= shownDecisions_.size()) return nullptr;
  return &decisionList_[shownDecisions_[static_cast<size_t>(row)]];
}

void DisciplinePage::showTimeline() {
  timeline_->DeleteAllItems();
  const auto* c = selectedCase();
  if (!c || !services_) return;
  try {
    for (const auto& step :
         services::caseTimeline(*services_, currentActor(), c->inspection.id, core::Date::today())) {
      long row = timeline_->InsertItem(timeline_->GetItemCount(), ui::date(step.date));
      timeline_->SetItem(row, 1, ui::wx(step.label));
      timeline_->SetItem(row, 2, ui::wx(step.detail));
      if (step.ahead) timeline_->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
      if (step.kind == "statute" && !step.ahead) timeline_->SetItemTextColour(row, *wxRED);
    }
  } catch (const std::exception& e) {
    long row = timeline_->InsertItem(0, wxString());
    timeline_->SetItem(row, 2, ui::wx(e.what()));
  }
  ui::fitColumns(timeline_, 360);
}

void DisciplinePage::showComplaints() {
  complaints_->DeleteAllItems();
  const auto* d = selectedDecision();
  if (!d) return;
  for (const auto& c : d->complaints) {
    long row = complaints_->InsertItem(complaints_->GetItemCount(), ui::date(c.filedOn));
    complaints_->SetItem(row, 1, ui::date(c.receivedOn));
    complaints_->SetItem(row, 2, outcomeText(c.outcome));
    complaints_->SetItem(row, 3, ui::date(c.outcomeOn));
    complaints_->SetItem(row, 4, ui::wx(c.content));
  }
  ui::fitColumns(complaints_);
}

void DisciplinePage::newCase() {
  if (!services_) return;
  services::InspectionInput in;
  in.date = core::Date::today();
  CaseDialog dlg(this, planItems_);
  if (dlg.run(in, false, [&](const services::InspectionInput& x) {
        services::recordInspection(*services_, currentActor(), x);
      }))
    refresh();
}

void DisciplinePage::editCase() {
  const auto* c = selectedCase();
  if (!c || !services_) return;
  services::InspectionInput in;
  in.kind = c->inspection.kind;
  in.subjectType = c->inspection.subjectType;
  in.subjectCode = c->subjectCode;
  in.number = c->inspection.number;
  in.date = c->inspection.date;
  in.team = c->inspection.team;
  in.findings = c->inspection.findings;
  in.conclusion = c->inspection.conclusion;
  in.followUp = c->inspection.followUp;
  in.planId = c->planId;
  in.followsId = c->followsId;
  in.violationOn = c->violationOn;
  in.findingsOn = c->findingsOn;
  in.closedOn = c->closedOn;
  const core::Id id = c->inspection.id;
  std::vector<services::PlanItem> plans;
  ui::attempt(this, [&] { plans = services::inspectionPlan(*services_, currentActor(), in.date.year()); });
  CaseDialog dlg(this, plans);
  if (dlg.run(in, true, [&](const services::InspectionInput& x) {
        services::updateInspection(*services_, currentActor(), id, x);
      }))
    refresh();
}

void DisciplinePage::decideFromCase() {
  const auto* c = selectedCase();
  if (!c) return;
  services::DecisionInput in;
  in.subjectType = c->inspection.subjectType;
  in.subjectCode = c->subjectCode;
  in.violationOn = c->violationOn;
  in.inspectionId = c->inspection.id;
  newDecision(in);
}

void DisciplinePage::newDecision(services::DecisionInput preset) {
  if (!services_) return;
  DecisionDialog dlg(this);
  if (dlg.run(preset, [&](const services::DecisionInput& x) {
        services::recordDecision(*services_, currentActor(), x);
      }))
    refresh();
}

void DisciplinePage::fileComplaint() {
  const auto* d = selectedDecision();
  if (!d || !services_) return;
  ComplaintDialog dlg(this);
  if (dlg.run(d->decision.id, [&](const services::ComplaintInput& x) {
        services::fileComplaint(*services_, currentActor(), x);
      }))
    refresh();
}

void DisciplinePage::settleComplaint() {
  const auto* d = selectedDecision();
  if (!d || !services_) return;
  const services::Complaint* pending = nullptr;
  for (const auto& c : d->complaints)
    if (c.outcome == "pending") pending = &c;
  if (!pending) {
    ui::showInfo(this, _("The decision has no pending complaint."));
    return;
  }
  const core::Id id = pending->id;
  OutcomeDialog dlg(this);
  if (dlg.run([&](const std::string& outcome, const core::Date& on) {
        services::settleComplaint(*services_, currentActor(), id, outcome, on);
      }))
    refresh();
}

void DisciplinePage::newRemoval() {
  if (!services_) return;
  RemovalDialog dlg(this);
  if (dlg.run(
          [&](const services::RemovalInput& x) { services::recordRemoval(*services_, currentActor(), x); }))
    refresh();
}

void DisciplinePage::newPlan() {
  if (!services_) return;
  PlanDialog dlg(this);
  if (dlg.run(year().value_or(core::Date::today().year()),
              [&](const services::PlanItem& p) { services::addPlanItem(*services_, currentActor(), p); }))
    refresh();
}

}  // namespace dangbo::app
