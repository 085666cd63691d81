#include "services/Discipline.h"
#include "services/AuditText.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Lookup.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/CaseRepository.h"
#include "store/Database.h"
#include "store/RecordsRepository.h"
#include "store/RegisterRepository.h"
#include "store/ReportQueries.h"

namespace dangbo::services {

using core::DataError;
using core::Date;
using core::format;
using core::tr;

namespace {

std::vector<LapseInfo> lapsesOf(Services& s, const Date& asOf);

std::string outcomeLabel(const std::string& outcome) {
  if (outcome == "upheld") return tr("decision upheld");
  if (outcome == "changed") return tr("decision changed");
  if (outcome == "annulled") return tr("decision annulled");
  if (outcome == "rejected") return tr("complaint rejected");
  return tr("pending");
}

bool noLapse(const std::string& form) {
  return form == "khai_tru" || form == "giai_tan";
}

// The subject's id after checking the type and the code.
core::Id subjectId(store::RegisterRepository& repo, const std::string& type, const std::string& code,
                   core::Organization* org = nullptr, core::Member* member = nullptr) {
  if (type == "to_chuc") {
    core::Organization o = organizationByCode(repo, code);
    if (org) *org = o;
    return o.id;
  }
  if (type == "dang_vien") {
    core::Member m = memberByCode(repo, code);
    if (member) *member = m;
    return m.id;
  }
  throw DataError(format(tr("\"{1}\" is not a subject type (to_chuc or dang_vien)."), {type}));
}

InspectionCase toCase(store::InspectionRow r) {
  return {std::move(r.inspection), std::move(r.subjectCode), std::move(r.subjectName), r.links.planId,
          r.links.followsId,       r.links.violationOn,      r.links.findingsOn,       r.links.closedOn};
}

// The dated steps and links of a case after checking them against the case's date and subject.
store::InspectionLinks checkedLinks(store::CaseRepository& cases, const InspectionInput& in, const Date& on,
                                    core::Id self) {
  store::InspectionLinks l{in.planId, in.followsId, in.violationOn, in.findingsOn, in.closedOn};
  if (l.planId) {
    auto p = cases.planById(*l.planId);
    if (!p) throw DataError(format(tr("There is no plan item {1}."), {std::to_string(*l.planId)}));
    if (p->year != on.year())
      throw DataError(format(tr("The case is dated {1} but the plan item \"{2}\" is of {3}."),
                             {on.vn(), p->title, std::to_string(p->year)}));
  }
  if (l.followsId) {
    auto f = cases.inspectionById(*l.followsId);
    if (!f || *l.followsId == self)
      throw DataError(format(tr("There is no earlier inspection case {1}."), {std::to_string(*l.followsId)}));
    if (f->inspection.date > on)
      throw DataError(format(tr("The case {1} it follows from is dated {2}, after this case."),
                             {f->inspection.number, f->inspection.date.vn()}));
  }
  if (l.findingsOn && *l.findingsOn < on)
    throw DataError(format(tr("The findings are dated {1}, before the decision to inspect ({2})."),
                           {l.findingsOn->vn(), on.vn()}));
  if (l.closedOn && *l.closedOn < (l.findingsOn ? *l.findingsOn : on))
    throw DataError(format(tr("The conclusion is dated {1}, before the findings or the decision to inspect."),
                           {l.closedOn->vn()}));
  std::optional<Date> found = l.findingsOn ? l.findingsOn : l.closedOn;
  if (l.violationOn && found && *l.violationOn > *found)
    throw DataError(format(tr("The violation is dated {1}, after it was found ({2})."),
                           {l.violationOn->vn(), found->vn()}));
  return l;
}

Complaint toComplaint(const store::ComplaintRow& c) {
  return {c.id, c.disciplineId, c.receivedOn, c.filedOn, c.content, c.outcome, c.outcomeOn};
}

DecisionCase toDecision(store::CaseRepository& cases, store::DisciplineRow r) {
  DecisionCase out{std::move(r.discipline),  std::move(r.subjectCode),
                   std::move(r.subjectName), {},
                   std::move(r.post),        r.inspectionId};
  for (const auto& c : cases.complaints(out.decision.id)) out.complaints.push_back(toComplaint(c));
  return out;
}

// Reading a case file: the audit row, without bumping the file's revision (nothing changed).
void auditOpen(Services& s, const Actor& actor, const std::string& record) {
  storeOf(s).transaction(
      [&] { store::AuditRepository(storeOf(s)).append(actor.username, "case.open", record, "", "", ""); });
}

// The register's effect of a decision (expulsion, dissolution) is carried out for the inspection
// committee, which may not edit the register otherwise: same user name, office rights.
Actor registerEffectActor(const Actor& actor) {
  return Actor{actor.username, "office", std::nullopt};
}

}  // namespace

// --- inspections ---

core::Id recordInspection(Services& s, const Actor& actor, const InspectionInput& in) {
  require(actor, Permission::ReadCaseFiles);
  if (!core::enums::inspectionKind.contains(in.kind))
    throw DataError(format(tr("\"{1}\" is not a kind of inspection."), {in.kind}));
  std::string number = core::normalizeText(in.number);
  if (number.empty()) throw DataError(tr("Enter the number of the plan or decision of the inspection."));
  store::RegisterRepository repo(storeOf(s));
  core::Id id = subjectId(repo, in.subjectType, in.subjectCode);
  store::CaseRepository cases(storeOf(s));
  if (cases.inspectionExists(number, in.subjectType, id))
    throw DataError(format(tr("The inspection {1} of {2} is already recorded."), {number, in.subjectCode}));
  store::InspectionLinks links = checkedLinks(cases, in, in.date, 0);
  core::Inspection i{
      0,           number,        in.date,    in.subjectType, id, in.kind, core::normalizeText(in.team),
      in.findings, in.conclusion, in.followUp};
  core::Id out = 0;
  storeOf(s).transaction([&] {
    out = store::RecordsRepository(storeOf(s)).insertInspection(i);
    cases.setInspectionLinks(out, links);
    s.audit(actor, "inspection.add", "inspection:" + std::to_string(out), "",
            in.kind + " " + in.subjectType + ":" + in.subjectCode + " " + in.date.iso(), number);
  });
  return out;
}

std::vector<InspectionCase> inspections(Services& s, const Actor& actor, const InspectionFilter& f) {
  require(actor, Permission::ReadCaseFiles);
  std::vector<InspectionCase> out;
  for (auto& r : store::CaseRepository(storeOf(s)).inspections({f.year, f.kind, f.subjectType}))
    out.push_back(toCase(std::move(r)));
  return out;
}

InspectionCase openInspection(Services& s, const Actor& actor, core::Id id) {
  require(actor, Permission::ReadCaseFiles);
  auto r = store::CaseRepository(storeOf(s)).inspectionById(id);
  if (!r) throw DataError(format(tr("There is no inspection case {1}."), {std::to_string(id)}));
  auditOpen(s, actor, "inspection:" + std::to_string(id));
  return toCase(std::move(*r));
}

void updateInspection(Services& s, const Actor& actor, core::Id id, const InspectionInput& in) {
  require(actor, Permission::ReadCaseFiles);
  store::CaseRepository cases(storeOf(s));
  auto r = cases.inspectionById(id);
  if (!r) throw DataError(format(tr("There is no inspection case {1}."), {std::to_string(id)}));
  store::InspectionLinks links = checkedLinks(cases, in, r->inspection.date, id);
  // One row with the old and new value of each changed field, as an import of the same change writes it.
  const std::string team = core::normalizeText(in.team);
  std::vector<ChangedField> changes;
  auto field = [&](const char* name, const std::string& before, const std::string& after) {
    if (before != after) changes.push_back({name, before, after});
  };
  auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
  auto num = [](const std::optional<core::Id>& v) { return v ? std::to_string(*v) : std::string(); };
  const auto& was = r->inspection;
  field("team", was.team, team);
  field("findings", was.findings, in.findings);
  field("conclusion", was.conclusion, in.conclusion);
  field("follow_up", was.followUp, in.followUp);
  field("plan", num(r->links.planId), num(links.planId));
  field("follows", num(r->links.followsId), num(links.followsId));
  field("violation_on", iso(r->links.violationOn), iso(links.violationOn));
  field("findings_on", iso(r->links.findingsOn), iso(links.findingsOn));
  field("closed_on", iso(r->links.closedOn), iso(links.closedOn));
  if (changes.empty()) return;
  const auto [before, after] = auditValues(changes);
  storeOf(s).transaction([&] {
    cases.updateInspectionText(id, team, in.findings, in.conclusion, in.followUp);
    cases.setInspectionLinks(id, links);
    s.audit(actor, "inspection.edit", "inspection:" + std::to_string(id), before, after, was.number);
  });
}

std::vector<TimelineStep> caseTimeline(Services& s, const Actor& actor, core::Id inspectionId, Date asOf) {
  require(actor, Permission::ReadCaseFiles);
  store::CaseRepository cases(storeOf(s));
  auto r = cases.inspectionById(inspectionId);
  if (!r) throw DataError(format(tr("There is no inspection case {1}."), {std::to_string(inspectionId)}));
  const auto& i = r->inspection;
  std::vector<TimelineStep> out;
  auto add = [&](const Date& on, const char* kind, std::string label, std::string detail) {
    out.push_back({on, kind, std::move(label), std::move(detail), on > asOf});
  };
  if (r->links.followsId)
    if (auto f = cases.inspectionById(*r->links.followsId))
      add(f->inspection.date, "follow_case", format(tr("Follows from case {1}"), {f->inspection.number}),
          core::enums::inspectionKind.label(f->inspection.kind));
  add(i.date, "inspect", format(tr("Decision to inspect {1}"), {i.number}),
      core::enums::inspectionKind.label(i.kind) + (i.team.empty() ? "" : " — " + i.team));
  if (r->links.violationOn) add(*r->links.violationOn, "violation", tr("Violation found, dated"), "");
  if (r->links.findingsOn) add(*r->links.findingsOn, "findings", tr("Findings"), i.findings);
  if (r->links.closedOn)
    add(*r->links.closedOn, "conclusion", tr("Conclusion"),
        i.conclusion + (i.followUp.empty() ? "" : " — " + i.followUp));
  for (const auto& f : cases.inspectionsFollowing(inspectionId))
    add(f.inspection.date, "follow_case", format(tr("Led to case {1}"), {f.inspection.number}),
        core::enums::inspectionKind.label(f.inspection.kind) + " — " + f.subjectName);
  auto decided = cases.disciplinesOfInspection(inspectionId);
  auto lapsed = lapsesOf(s, asOf);
  core::RuleBook rules = s.ruleBook();
  for (const auto& d : decided) {
    const auto& x = d.discipline;
    add(x.date, "decision",
        format(tr("Decision {1}: {2}"), {x.number, core::enums::disciplineForm.label(x.form)}),
        d.subjectName + (x.body.empty() ? "" : " — " + x.body) + (d.post.empty() ? "" : " — " + d.post));
    if (x.announcedOn) add(*x.announcedOn, "announced", tr("Decision announced"), x.number);
    for (const auto& c : cases.complaints(x.id)) {
      add(c.filedOn, "complaint", format(tr("Complaint against decision {1}"), {x.number}), c.content);
      if (c.outcomeOn) add(*c.outcomeOn, "outcome", tr("Outcome of the complaint"), outcomeLabel(c.outcome));
    }
    for (const auto& l : lapsed)
      if (l.decisionId == x.id)
        add(l.lapseOn, "lapse", l.lapsed ? tr("Decision lapsed") : tr("Decision lapses"), x.number);
  }
  if (decided.empty() && r->links.violationOn) {
    for (const char* form : {"khien_trach", "canh_cao"}) {
      StatuteCheck c = statuteOf(s, form, *r->links.violationOn, asOf);
      add(*c.ends, "statute",
          format(tr("Statute of limitations ends ({1} years)"), {std::to_string(c.years)}),
          core::enums::disciplineForm.label(form));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineStep& a, const TimelineStep& b) { return a.date < b.date; });
  return out;
}

// --- the annual plan ---

namespace {
PlanItem toPlan(const store::PlanRow& p) {
  int planned = p.plannedOrganizations + p.plannedMembers;
  double pct = planned > 0 ? 100.0 * (p.doneOrganizations + p.doneMembers) / planned : 0.0;
  return {p.id,
          p.year,
          p.number,
          p.title,
          p.plannedOrganizations,
          p.plannedMembers,
          p.doneOrganizations,
          p.doneMembers,
          p.linkedCases,
          pct};
}
}  // namespace

core::Id addPlanItem(Services& s, const Actor& actor, const PlanItem& item) {
  require(actor, Permission::ReadCaseFiles);
  store::PlanRow p;
  p.year = item.year;
  p.number = core::normalizeText(item.number);
  p.title = core::normalizeText(item.title);
  if (p.year < core::Date::kMinYear || p.year > core::Date::kMaxYear)
    throw DataError(format(tr("{1} is not a year."), {std::to_string(item.year)}));
  if (p.title.empty()) throw DataError(tr("Enter what the plan item inspects or supervises."));
  if (item.plannedOrganizations < 0 || item.plannedMembers < 0 ||
      item.plannedOrganizations + item.plannedMembers == 0)
    throw DataError(tr("Enter how many organizations or members the plan item inspects."));
  p.plannedOrganizations = item.plannedOrganizations;
  p.plannedMembers = item.plannedMembers;
  core::Id out = 0;
  storeOf(s).transaction([&] {
    out = store::CaseRepository(storeOf(s)).insertPlan(p);
    s.audit(actor, "inspection_plan.add", "inspection_plan:" + std::to_string(out), "",
            std::to_string(p.year) + " " + p.title, p.number);
  });
  return out;
}

std::vector<PlanItem> inspectionPlan(Services& s, const Actor& actor, int year) {
  require(actor, Permission::ReadRegister);
  std::vector<PlanItem> out;
  for (const auto& p : store::CaseRepository(storeOf(s)).plans(year)) out.push_back(toPlan(p));
  return out;
}

// --- decisions ---

StatuteCheck statuteOf(Services& s, const std::string& form, const Date& violationOn,
                       const Date& decisionOn) {
  StatuteCheck c;
  const char* key = form == "khien_trach"                         ? "discipline.limitation_years_reprimand"
                    : (form == "canh_cao" || form == "cach_chuc") ? "discipline.limitation_years_warning"
                                                                  : nullptr;
  if (!key) return c;
  c.applies = true;
  c.years = s.ruleBook().intOn(key, decisionOn);
  c.ends = violationOn.addYears(c.years);
  c.expired = decisionOn > *c.ends;
  return c;
}

namespace {

// A decision recordDecision would write, after its checks.
struct CheckedDecision {
  std::string number, post, overrideReason;
  core::Organization org;
  core::Member member;
  core::Id subject = 0;
  std::optional<StatuteCheck> statute;
  bool effectRecorded = false;  ///< the expulsion or dissolution is already in the register, on that day
};

// A refusal of recordDecision about `field` of DecisionInput (an import names the column).
[[noreturn]] void refuseField(std::string* at, const char* field, const std::string& why) {
  if (at) *at = field;
  throw DataError(why);
}

// recordDecision's checks (the refusal thrown otherwise); `field`, when given, is set to the field refused.
CheckedDecision checkedDecision(Services& s, const Actor& actor, const DecisionInput& in,
                                std::string* field) {
  require(actor, Permission::ReadCaseFiles);
  CheckedDecision c;
  c.number = core::normalizeText(in.number);
  if (c.number.empty()) refuseField(field, "number", tr("Enter the number of the decision."));
  if (!core::enums::disciplineForm.contains(in.form))
    refuseField(field, "form", format(tr("\"{1}\" is not a form of discipline."), {in.form}));
  store::RegisterRepository repo(storeOf(s));
  store::CaseRepository cases(storeOf(s));
  if (field) *field = "subject";
  c.subject = subjectId(repo, in.subjectType, in.subjectCode, &c.org, &c.member);
  const std::string formLabel = core::enums::disciplineForm.label(in.form);
  const bool isMember = in.subjectType == "dang_vien";
  const std::string who =
      isMember ? c.member.fullName + " (" + c.member.code + ")" : c.org.name + " (" + c.org.code + ")";
  auto refuse = [&](const char* f, const std::string& why) {
    refuseField(field, f,
                format(tr("{1} for {2} on {3} is refused: {4}"), {formLabel, who, in.date.vn(), why}));
  };
  c.post = core::normalizeText(in.post);
  if (isMember) {
    if (in.form == "giai_tan") refuse("form", tr("dissolution applies only to an organization."));
    const bool probationary = !c.member.officialOn || *c.member.officialOn > in.date;
    if (probationary && in.form != "khien_trach" && in.form != "canh_cao")
      refuse("form", tr("a probationary member may only be reprimanded or warned."));
    if (in.form == "cach_chuc" && !cases.holdsPost(c.member.id, in.date) && c.post.empty())
      refuse("post", tr("the member holds no post on that day (enter the post held)."));
    c.effectRecorded =
        in.form == "khai_tru" && c.member.status == "expelled" && c.member.statusSince == in.date;
  } else {
    if (in.form == "cach_chuc" || in.form == "khai_tru")
      refuse("form", tr("an organization may only be reprimanded, warned or dissolved."));
    c.effectRecorded = in.form == "giai_tan" && c.org.ceased == in.date;
  }
  if (in.violationOn && *in.violationOn > in.date)
    refuse("violation_on", tr("the violation is dated after the decision."));
  if (in.announcedOn && *in.announcedOn < in.date)
    refuse("announced_on", tr("the announcement is dated before the decision."));
  c.overrideReason = core::normalizeText(in.overrideReason);
  if (!noLapse(in.form)) {
    if (!in.violationOn && !in.violationDateUnknown)
      refuse("violation_on",
             tr("enter the date of the violation (the statute of limitations counts from it)."));
    if (in.violationOn) c.statute = statuteOf(s, in.form, *in.violationOn, in.date);
    if (c.statute && c.statute->expired && c.overrideReason.empty())
      refuse(
          "violation_on",
          format(tr("the statute of limitations of {1} years ran out on {2}; enter the reason to record it "
                    "anyway."),
                 {std::to_string(c.statute->years), c.statute->ends->vn()}));
  }
  if (cases.disciplineExists(c.number, in.subjectType, c.subject))
    refuse("number", format(tr("the decision {1} is already recorded for this subject."), {c.number}));
  if (in.inspectionId) {
    auto i = cases.inspectionById(*in.inspectionId);
    if (!i)
      refuse("inspection",
             format(tr("there is no inspection case {1}."), {std::to_string(*in.inspectionId)}));
    if (i->inspection.date > in.date)
      refuse("inspection", format(tr("the inspection case {1} is dated {2}, after the decision."),
                                  {i->inspection.number, i->inspection.date.vn()}));
  }
  if (in.form == "cach_chuc" && c.post.empty())
    if (auto held = cases.postHeld(c.member.id, in.date))
      c.post = held->second.empty() ? core::format(tr("{1} of the party committee"),
                                                   {core::enums::committeePosition.label(held->first)})
                                    : core::enums::cellRole.label(held->first) + " " + held->second;
  if (field) field->clear();
  return c;
}

}  // namespace

void checkDecision(Services& s, const Actor& actor, const DecisionInput& in, std::string* field) {
  checkedDecision(s, actor, in, field);
}

core::Id recordDecision(Services& s, const Actor& actor, const DecisionInput& in) {
  const CheckedDecision c = checkedDecision(s, actor, in, nullptr);
  store::CaseRepository cases(storeOf(s));
  core::Discipline d{0,
                     c.number,
                     in.date,
                     in.subjectType,
                     c.subject,
                     in.form,
                     core::normalizeText(in.body),
                     in.violation,
                     in.violationOn,
                     in.announcedOn};
  core::Id out = 0;
  storeOf(s).transaction([&] {
    out = store::RecordsRepository(storeOf(s)).insertDiscipline(d);
    cases.setDisciplineLinks(out, in.form == "cach_chuc" ? c.post : "", in.inspectionId);
    s.audit(actor, "discipline.add", "discipline:" + std::to_string(out), "",
            in.form + " " + in.subjectType + ":" + in.subjectCode + " " + in.date.iso() +
                (c.post.empty() ? "" : " post: " + c.post) +
                (!in.violationOn && in.violationDateUnknown ? " violation date unknown" : ""),
            c.number);
    if (c.statute && c.statute->expired)
      s.audit(actor, "discipline.statute_override", "discipline:" + std::to_string(out), "",
              "statute ended " + c.statute->ends->iso(), c.overrideReason);
    // The expulsion or dissolution the decision brings, unless the register already records it that day (a
    // member's file imported with the decision).
    if (in.form == "khai_tru" && !c.effectRecorded)
      recordAction(s, registerEffectActor(actor), c.member.code,
                   MemberAction{"expelled", in.date, "", "", c.number, ""});
    if (in.form == "giai_tan" && !c.effectRecorded)
      dissolveOrganization(s, registerEffectActor(actor), c.org.code, in.date, c.number, in.moveToCellCode);
  });
  return out;
}

std::vector<DecisionCase> decisions(Services& s, const Actor& actor) {
  require(actor, Permission::ReadCaseFiles);
  store::CaseRepository cases(storeOf(s));
  std::vector<DecisionCase> out;
  for (auto& r : cases.disciplines()) out.push_back(toDecision(cases, std::move(r)));
  return out;
}

DecisionCase openDecision(Services& s, const Actor& actor, core::Id id) {
  require(actor, Permission::ReadCaseFiles);
  store::CaseRepository cases(storeOf(s));
  auto r = cases.disciplineById(id);
  if (!r) throw DataError(format(tr("There is no disciplinary decision {1}."), {std::to_string(id)}));
  auditOpen(s, actor, "discipline:" + std::to_string(id));
  return toDecision(cases, std::move(*r));
}

std::vector<DecisionSummary> decisionSummaries(Services& s, const Actor& actor,
                                               const std::string& memberCode) {
  require(actor, Permission::ReadRegister);
  store::RegisterRepository repo(storeOf(s));
  core::Member m = memberByCode(repo, memberCode);
  if (actor.role == "secretary" && actor.cellId != m.cellId)
    throw core::PermissionError(
        format(tr("The account {1} may read only the members of its own cell."), {actor.username}));
  std::vector<DecisionSummary> out;
  for (const auto& r : store::CaseRepository(storeOf(s)).disciplines("dang_vien", m.id))
    out.push_back({r.discipline.number, r.discipline.date, r.discipline.form, m.code});
  return out;
}

// --- complaints ---

core::Id fileComplaint(Services& s, const Actor& actor, const ComplaintInput& in) {
  require(actor, Permission::ReadCaseFiles);
  store::CaseRepository cases(storeOf(s));
  auto d = cases.disciplineById(in.decisionId);
  if (!d)
    throw DataError(format(tr("There is no disciplinary decision {1}."), {std::to_string(in.decisionId)}));
  if (in.receivedOn < d->discipline.date)
    throw DataError(format(tr("The decision {1} is dated {2}: it cannot have been received before."),
                           {d->discipline.number, d->discipline.date.vn()}));
  if (in.filedOn < in.receivedOn)
    throw DataError(tr("A complaint cannot be filed before the decision was received."));
  int days = s.ruleBook().intOn("discipline.complaint_days", in.receivedOn);
  Date due = in.receivedOn.addDays(days);
  if (in.filedOn > due)
    throw DataError(
        format(tr("The complaint against decision {1} is late: it had to be filed within {2} days of "
                  "receiving the decision, by {3}."),
               {d->discipline.number, std::to_string(days), due.vn()}));
  for (const auto& c : cases.complaints(in.decisionId))
    if (c.outcome == "pending")
      throw DataError(
          format(tr("A complaint against decision {1} is still pending."), {d->discipline.number}));
  core::Id out = 0;
  storeOf(s).transaction([&] {
    out = cases.insertComplaint(
        {0, in.decisionId, in.receivedOn, in.filedOn, in.content, "pending", std::nullopt});
    s.audit(actor, "complaint.add", "discipline:" + std::to_string(in.decisionId), "",
            "complaint:" + std::to_string(out) + " " + in.filedOn.iso());
  });
  return out;
}

void settleComplaint(Services& s, const Actor& actor, core::Id complaintId, const std::string& outcome,
                     const Date& on) {
  require(actor, Permission::ReadCaseFiles);
  if (outcome != "upheld" && outcome != "changed" && outcome != "annulled" && outcome != "rejected")
    throw DataError(format(
        tr("\"{1}\" is not an outcome of a complaint (upheld, changed, annulled, rejected)."), {outcome}));
  store::CaseRepository cases(storeOf(s));
  auto c = cases.complaintById(complaintId);
  if (!c) throw DataError(format(tr("There is no complaint {1}."), {std::to_string(complaintId)}));
  if (c->outcome != "pending") throw DataError(tr("The complaint already has an outcome."));
  if (on < c->filedOn) throw DataError(tr("The outcome cannot be dated before the complaint was filed."));
  storeOf(s).transaction([&] {
    cases.setComplaintOutcome(complaintId, outcome, on);
    s.audit(actor, "complaint.outcome", "discipline:" + std::to_string(c->disciplineId), "pending",
            outcome + " " + on.iso());
  });
}

// --- lapses and deadlines ---

namespace {

std::vector<LapseInfo> lapsesOf(Services& s, const Date& asOf) {
  store::CaseRepository cases(storeOf(s));
  core::RuleBook rules = s.ruleBook();
  auto all = cases.disciplines();
  auto complaints = cases.complaints();
  std::vector<LapseInfo> out;
  for (const auto& r : all) {
    const auto& d = r.discipline;
    if (noLapse(d.form) || !d.announcedOn) continue;
    bool blocked = false;
    for (const auto& c : complaints)
      if (c.disciplineId == d.id && (c.outcome == "pending" || c.outcome == "annulled")) blocked = true;
    Date lapseOn = d.announcedOn->addMonths(rules.intOn("discipline.lapse_months", *d.announcedOn));
    for (const auto& o : all)
      if (o.discipline.id != d.id && o.discipline.subjectType == d.subjectType &&
          o.discipline.subjectId == d.subjectId && o.discipline.date > d.date && o.discipline.date <= lapseOn)
        blocked = true;
    if (blocked) continue;
    out.push_back({d.id, d.number, d.subjectType, r.subjectCode, r.subjectName, d.form, *d.announcedOn,
                   lapseOn, lapseOn <= asOf});
  }
  std::sort(out.begin(), out.end(), [](const LapseInfo& a, const LapseInfo& b) {
    return std::tie(a.lapseOn, a.decisionId) < std::tie(b.lapseOn, b.decisionId);
  });
  return out;
}

}  // namespace

std::vector<LapseInfo> lapses(Services& s, const Actor& actor, const Date& asOf) {
  require(actor, Permission::ReadCaseFiles);
  return lapsesOf(s, asOf);
}

std::vector<CaseDeadline> disciplineDeadlines(Services& s, const Actor& actor, Date asOf) {
  // No case contents here: the office and the leadership see the deadlines too, a cell's secretary not.
  if (actor.role != "office" && actor.role != "leadership" && actor.role != "inspection" &&
      actor.role != "admin")
    throw core::PermissionError(
        format(tr("The account {1} ({2}) may not read the deadlines of the discipline work."),
               {actor.username, core::enums::userRole.label(actor.role)}));
  store::CaseRepository cases(storeOf(s));
  core::RuleBook rules = s.ruleBook();
  auto complaints = cases.complaints();
  std::vector<CaseDeadline> out;
  auto add = [&](const char* kind, const std::string& code, const std::string& name, const Date& due,
                 std::string note) {
    out.push_back({kind, code, name, due, static_cast<int>(asOf.serial() - due.serial()), std::move(note)});
  };
  std::set<core::Id> decidedCases;
  for (const auto& r : cases.disciplines()) {
    const auto& d = r.discipline;
    if (r.inspectionId) decidedCases.insert(*r.inspectionId);
    if (d.date > asOf) continue;
    bool complained = std::any_of(complaints.begin(), complaints.end(),
                                  [&](const store::ComplaintRow& c) { return c.disciplineId == d.id; });
    if (complained) continue;
    Date from = d.announcedOn.value_or(d.date);
    Date due = from.addDays(rules.intOn("discipline.complaint_days", from));
    if (due >= asOf) add("complaint_due", r.subjectCode, r.subjectName, due, d.number);
  }
  for (const auto& l : lapsesOf(s, asOf))
    if (!l.lapsed && l.announcedOn <= asOf)
      add("lapse_due", l.subjectCode, l.subjectName, l.lapseOn, l.number);
  // Cases that found a violation and lead to no decision yet: the statute runs.
  for (const auto& r : cases.inspections({})) {
    if (!r.links.violationOn || decidedCases.count(r.inspection.id) || r.inspection.date > asOf) continue;
    StatuteCheck reprimand = statuteOf(s, "khien_trach", *r.links.violationOn, asOf);
    StatuteCheck warning = statuteOf(s, "canh_cao", *r.links.violationOn, asOf);
    const bool first = !reprimand.expired;
    const StatuteCheck& c = first ? reprimand : warning;
    add("statute_expiry", r.subjectCode, r.subjectName, *c.ends,
        format(tr("{1} ({2} years)"), {first ? core::enums::disciplineForm.label("khien_trach")
                                             : core::enums::disciplineForm.label("canh_cao") + ", " +
                                                   core::enums::disciplineForm.label("cach_chuc"),
                                       std::to_string(c.years)}));
  }
  std::sort(out.begin(), out.end(), [](const CaseDeadline& a, const CaseDeadline& b) {
    return std::tie(a.due, a.kind, a.subjectCode) < std::tie(b.due, b.kind, b.subjectCode);
  });
  return out;
}

// --- removals and figures ---

void recordRemoval(Services& s, const Actor& actor, const RemovalInput& in) {
  require(actor, Permission::WriteRegister);
  if (actor.role == "secretary")
    throw core::PermissionError(
        format(tr("The account {1} may propose a removal but not decide it: the commune committee decides."),
               {actor.username}));
  if (!core::enums::removalGround.contains(in.ground))
    throw DataError(tr("Choose the ground of the removal."));
  if (in.proposedOn && *in.proposedOn > in.decisionOn)
    throw DataError(format(tr("The cell's proposal is dated {1}, after the decision ({2})."),
                           {in.proposedOn->vn(), in.decisionOn.vn()}));
  store::RegisterRepository repo(storeOf(s));
  core::Member m = memberByCode(repo, in.memberCode);
  std::string proposalNo = core::normalizeText(in.proposalNo);
  storeOf(s).transaction([&] {
    recordAction(s, actor, m.code, MemberAction{"removed", in.decisionOn, "", "", in.decisionNo, in.ground});
    store::CaseRepository(storeOf(s)).setRemovalProposal(m.id, in.decisionOn, in.proposedOn, proposalNo);
  });
}

RemovalSummary removalSummary(Services& s, const Actor& actor, const Date& from, const Date& to) {
  require(actor, Permission::ReadRegister);
  RemovalSummary out;
  for (const auto& r : store::CaseRepository(storeOf(s)).removals(from, to)) {
    ++out.total;
    ++out.byGround[r.removal.ground];
    out.entries.push_back({r.memberCode, r.memberName, r.removal.ground, r.removal.decisionNo,
                           r.removal.decisionOn, r.removal.proposedOn, r.proposalNo});
  }
  return out;
}

DisciplineFigures disciplineFigures(Services& s, const Actor& actor, const Date& from, const Date& to) {
  require(actor, Permission::ReadRegister);
  store::CaseRepository cases(storeOf(s));
  DisciplineFigures f;
  for (const auto& c : cases.decisionCounts(from, to)) {
    (c.subjectType == "to_chuc" ? f.organizationForms : f.memberForms)[c.form] += c.count;
    f.byBody.push_back({c.subjectType, c.body, c.form, c.count});
  }
  f.removals = store::membersRemovedIn(storeOf(s), from, to);
  for (const auto& r : cases.removals(from, to)) ++f.removalsByGround[r.removal.ground];
  for (const auto& k : cases.inspectionKindCounts(from, to))
    f.inspectionsByKind[k.kind] = {k.organizations, k.members};
  auto all = store::inspectedSubjects(storeOf(s), from, to);
  f.inspected = {all.organizations, all.members};
  return f;
}

}  // namespace dangbo::services
