#include "app/DisciplineDialogs.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "app/Forms.h"
#include "app/Ui.h"
#include "core/Enums.h"

namespace dangbo::app {

namespace {
std::vector<std::pair<std::string, wxString>> enumItems(const core::EnumSet& set) {
  std::vector<std::pair<std::string, wxString>> out;
  for (const auto& i : set.items()) out.emplace_back(std::string(i.code), ui::wx(set.label(i.code)));
  return out;
}
std::vector<std::pair<std::string, wxString>> subjectItems() {
  return {{"dang_vien", _("Member")}, {"to_chuc", _("Party organization")}};
}
}  // namespace

DisciplineDialog::DisciplineDialog(wxWindow* parent, const char* name) {
  wxXmlResource::Get()->LoadDialog(this, parent, name);
}

bool DisciplineDialog::runWith(const std::function<bool()>& save) {
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this, save](wxCommandEvent&) {
    if (save()) EndModal(wxID_OK);
  });
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
  return ShowModal() == wxID_OK;
}

std::string DisciplineDialog::text(const char* name) {
  return ui::utf8(ctrl<wxTextCtrl>(this, name)->GetValue().Strip(wxString::both));
}

void DisciplineDialog::setText(const char* name, const std::string& value) {
  ctrl<wxTextCtrl>(this, name)->SetValue(ui::wx(value));
}

bool DisciplineDialog::optionalDate(const char* name, const wxString& what, std::optional<core::Date>& out) {
  auto* field = ctrl<wxTextCtrl>(this, name);
  out.reset();
  if (field->GetValue().Strip(wxString::both).empty()) return true;
  out = ui::readDate(this, field, what);
  return out.has_value();
}

bool DisciplineDialog::requiredDate(const char* name, const wxString& what, core::Date& out) {
  auto d = ui::readDate(this, ctrl<wxTextCtrl>(this, name), what);
  if (!d) return false;
  out = *d;
  return true;
}

void DisciplineDialog::fillChoice(const char* name,
                                  const std::vector<std::pair<std::string, wxString>>& items,
                                  const std::string& selected) {
  auto* c = ctrl<wxChoice>(this, name);
  c->Clear();
  auto& codes = codes_[name];
  codes.clear();
  int sel = 0;
  for (const auto& [code, label] : items) {
    if (code == selected) sel = static_cast<int>(codes.size());
    codes.push_back(code);
    c->Append(label);
  }
  if (!codes.empty()) c->SetSelection(sel);
}

std::string DisciplineDialog::chosen(const char* name) {
  int i = ctrl<wxChoice>(this, name)->GetSelection();
  const auto& codes = codes_[name];
  return i >= 0 && static_cast<size_t>(i) < codes.size() ? codes[static_cast<size_t>(i)] : std::string();
}

// --- case ---

CaseDialog::CaseDialog(wxWindow* parent, const std::vector<services::PlanItem>& plans)
    : DisciplineDialog(parent, "CaseDialog") {
  fillChoice("kind", enumItems(core::enums::inspectionKind), "");
  fillChoice("subjectType", subjectItems(), "");
  std::vector<std::pair<std::string, wxString>> items{{"", _("(not in the plan)")}};
  for (const auto& p : plans)
    items.emplace_back(std::to_string(p.id), ui::fmt("{1} — {2}", {ui::wx(p.number), ui::wx(p.title)}));
  fillChoice("plan", items, "");
}

bool CaseDialog::run(services::InspectionInput& in, bool existing,
                     const std::function<void(const services::InspectionInput&)>& submit) {
  if (existing) {
    SetTitle(ui::fmt(_("Inspection case {1}"), {ui::wx(in.number)}));
    fillChoice("kind", enumItems(core::enums::inspectionKind), in.kind);
    fillChoice("subjectType", subjectItems(), in.subjectType);
    setText("subjectCode", in.subjectCode);
    setText("number", in.number);
    setText("date", in.date.vn());
    for (const char* n : {"kind", "subjectType"}) ctrl<wxChoice>(this, n)->Disable();
    for (const char* n : {"subjectCode", "number", "date"}) ctrl<wxTextCtrl>(this, n)->Disable();
    setText("team", in.team);
    setText("findings", in.findings);
    setText("conclusion", in.conclusion);
    setText("followUp", in.followUp);
    for (auto [name, d] :
         {std::pair{"violationOn", in.violationOn}, {"findingsOn", in.findingsOn}, {"closedOn", in.closedOn}})
      if (d) setText(name, d->vn());
    if (in.planId) {
      auto* c = ctrl<wxChoice>(this, "plan");
      for (unsigned i = 0; i < c->GetCount(); ++i) {
        c->SetSelection(static_cast<int>(i));
        if (chosen("plan") == std::to_string(*in.planId)) break;
      }
    }
  }
  ctrl<wxWindow>(this, existing ? "team" : "subjectCode")->SetFocus();
  return runWith([&] {
    services::InspectionInput out = in;
    out.kind = chosen("kind");
    out.subjectType = chosen("subjectType");
    out.subjectCode = text("subjectCode");
    out.number = text("number");
    if (!existing && !requiredDate("date", _("Date of the decision to inspect"), out.date)) return false;
    out.team = text("team");
    out.findings = text("findings");
    out.conclusion = text("conclusion");
    out.followUp = text("followUp");
    if (!optionalDate("violationOn", _("Date of the violation found"), out.violationOn) ||
        !optionalDate("findingsOn", _("Date of the findings"), out.findingsOn) ||
        !optionalDate("closedOn", _("Date of the conclusion"), out.closedOn))
      return false;
    std::string plan = chosen("plan");
    out.planId = plan.empty() ? std::nullopt : std::optional<core::Id>(std::stoll(plan));
    if (!ui::attempt(this, [&] { submit(out); })) return false;
    in = out;
    return true;
  });
}

// --- decision ---

DecisionDialog::DecisionDialog(wxWindow* parent) : DisciplineDialog(parent, "DecisionDialog") {}

bool DecisionDialog::run(services::DecisionInput in,
                         const std::function<void(const services::DecisionInput&)>& submit) {
  fillChoice("subjectType", subjectItems(), in.subjectType);
  fillChoice("form", enumItems(core::enums::disciplineForm), in.form);
  setText("subjectCode", in.subjectCode);
  if (in.violationOn) setText("violationOn", in.violationOn->vn());
  ctrl<wxWindow>(this, in.subjectCode.empty() ? "subjectCode" : "number")->SetFocus();
  return runWith([&] {
    services::DecisionInput out = in;
    out.subjectType = chosen("subjectType");
    out.subjectCode = text("subjectCode");
    out.form = chosen("form");
    out.number = text("number");
    out.body = text("body");
    out.violation = text("violation");
    out.post = text("post");
    out.overrideReason = text("overrideReason");
    out.moveToCellCode = text("moveTo");
    if (!requiredDate("date", _("Date of the decision"), out.date) ||
        !optionalDate("violationOn", _("Date of the violation"), out.violationOn) ||
        !optionalDate("announcedOn", _("Date announced"), out.announcedOn))
      return false;
    return ui::attempt(this, [&] { submit(out); });
  });
}

// --- complaint and outcome ---

ComplaintDialog::ComplaintDialog(wxWindow* parent) : DisciplineDialog(parent, "ComplaintDialog") {}

bool ComplaintDialog::run(core::Id decisionId,
                          const std::function<void(const services::ComplaintInput&)>& submit) {
  ctrl<wxWindow>(this, "receivedOn")->SetFocus();
  return runWith([&] {
    services::ComplaintInput in;
    in.decisionId = decisionId;
    in.content = text("content");
    if (!requiredDate("receivedOn", _("Date the decision was received"), in.receivedOn) ||
        !requiredDate("filedOn", _("Date filed"), in.filedOn))
      return false;
    return ui::attempt(this, [&] { submit(in); });
  });
}

OutcomeDialog::OutcomeDialog(wxWindow* parent) : DisciplineDialog(parent, "OutcomeDialog") {
  fillChoice("outcome",
             {{"rejected", _("Complaint rejected")},
              {"upheld", _("Decision upheld")},
              {"changed", _("Decision changed")},
              {"annulled", _("Decision annulled")}},
             "");
}

bool OutcomeDialog::run(const std::function<void(const std::string&, const core::Date&)>& submit) {
  return runWith([&] {
    core::Date on;
    if (!requiredDate("on", _("Date of the outcome"), on)) return false;
    std::string outcome = chosen("outcome");
    return ui::attempt(this, [&] { submit(outcome, on); });
  });
}

// --- removal and plan ---

RemovalDialog::RemovalDialog(wxWindow* parent) : DisciplineDialog(parent, "RemovalDialog") {
  fillChoice("ground", enumItems(core::enums::removalGround), "");
}

void RemovalDialog::prefill(const std::string& memberCode, const std::string& ground,
                            const core::Date& proposedOn) {
  setText("memberCode", memberCode);
  fillChoice("ground", enumItems(core::enums::removalGround), ground);
  setText("proposedOn", ui::utf8(ui::date(proposedOn)));
}

bool RemovalDialog::run(const std::function<void(const services::RemovalInput&)>& submit) {
  ctrl<wxWindow>(this, text("memberCode").empty() ? "memberCode" : "proposalNo")->SetFocus();
  return runWith([&] {
    services::RemovalInput in;
    in.memberCode = text("memberCode");
    in.ground = chosen("ground");
    in.proposalNo = text("proposalNo");
    in.decisionNo = text("decisionNo");
    if (!optionalDate("proposedOn", _("Date of the cell's proposal"), in.proposedOn) ||
        !requiredDate("decisionOn", _("Date of the decision"), in.decisionOn))
      return false;
    return ui::attempt(this, [&] { submit(in); });
  });
}

PlanDialog::PlanDialog(wxWindow* parent) : DisciplineDialog(parent, "PlanDialog") {}

bool PlanDialog::run(int year, const std::function<void(const services::PlanItem&)>& submit) {
  ctrl<wxSpinCtrl>(this, "year")->SetValue(year);
  ctrl<wxWindow>(this, "title")->SetFocus();
  return runWith([&] {
    services::PlanItem p;
    p.year = ctrl<wxSpinCtrl>(this, "year")->GetValue();
    p.number = text("number");
    p.title = text("title");
    p.plannedOrganizations = ctrl<wxSpinCtrl>(this, "organizations")->GetValue();
    p.plannedMembers = ctrl<wxSpinCtrl>(this, "members")->GetValue();
    return ui::attempt(this, [&] { submit(p); });
  });
}

}  // namespace dangbo::app
