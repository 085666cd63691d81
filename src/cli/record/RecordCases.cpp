// Case files, the inspection committee's only (the services refuse every other account, for reading too):
// `inspection` (services::recordInspection, updateInspection), `discipline` (recordDecision), `complaint`
// (fileComplaint, settleComplaint); and `removal` (the register's removal: recordRemoval).
#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Discipline.h"

namespace dangbo::cli::record {

namespace {

core::Id idOf(const std::string& key) {
  if (key.empty() || key.size() > 12 || key.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError(format(tr("The key \"{1}\" is not a number given by the register."), {key}));
  return std::stoll(key);
}

std::optional<core::Id> optionalId(const Values& v, const char* name) {
  const std::string t = v.text(name);
  return t.empty() ? std::nullopt : std::optional<core::Id>(idOf(t));
}

std::string idText(const std::optional<core::Id>& id) {
  return id ? std::to_string(*id) : std::string();
}

Kind inspectionKind() {
  Kind k{"inspection",
         N_("an inspection or supervision case (inspection committee only); KEY: its number in the register, "
            "given by add"),
         {field("kind", N_("Kind"), T::Enum, &core::enums::inspectionKind),
          field("subject_type", N_("Subject type"), T::Enum, &core::enums::subjectType),
          field("subject", N_("Subject (code)")), field("number", N_("Document number")),
          field("date", N_("Date"), T::Date), field("team", N_("Team")), field("findings", N_("Findings")),
          field("conclusion", N_("Conclusion")), field("follow_up", N_("Follow-up")),
          field("plan", N_("Plan item")), field("follows", N_("Follows case")),
          field("violation_on", N_("Violation on"), T::Date),
          field("findings_on", N_("Findings on"), T::Date), field("closed_on", N_("Closed on"), T::Date)}};
  k.keyAssigned = true;
  k.show = [](Context& c, const std::string& key) {
    const auto ic = services::openInspection(c.s, c.actor, idOf(key));
    const auto& i = ic.inspection;
    line(c.out, "kind", i.kind);
    line(c.out, "subject_type", i.subjectType);
    line(c.out, "subject", ic.subjectCode);
    line(c.out, "number", i.number);
    line(c.out, "date", i.date.iso());
    line(c.out, "team", i.team);
    line(c.out, "findings", i.findings);
    line(c.out, "conclusion", i.conclusion);
    line(c.out, "follow_up", i.followUp);
    line(c.out, "plan", idText(ic.planId));
    line(c.out, "follows", idText(ic.followsId));
    line(c.out, "violation_on", iso(ic.violationOn));
    line(c.out, "findings_on", iso(ic.findingsOn));
    line(c.out, "closed_on", iso(ic.closedOn));
  };
  k.add = [](Context& c, const std::string&, const Values& v) {
    services::InspectionInput in;
    in.kind = v.text("kind");
    in.subjectType = v.text("subject_type");
    in.subjectCode = v.text("subject");
    in.number = v.text("number");
    in.date = v.needDate("date");
    in.team = v.text("team");
    in.findings = v.text("findings");
    in.conclusion = v.text("conclusion");
    in.followUp = v.text("follow_up");
    in.planId = optionalId(v, "plan");
    in.followsId = optionalId(v, "follows");
    in.violationOn = v.date("violation_on");
    in.findingsOn = v.date("findings_on");
    in.closedOn = v.date("closed_on");
    const core::Id id = services::recordInspection(c.s, c.actor, in);
    c.out << id << "\n";
    c.err << format(tr("Inspection case {1} recorded."), {std::to_string(id)}) << "\n";
  };
  // The case's team, findings, conclusion, follow-up, dated steps and links (the dialog keeps the rest).
  k.set = [](Context& c, const std::string& key, const Values& v) {
    for (const char* fixed : {"kind", "subject_type", "subject", "number", "date"})
      if (v.has(fixed))
        throw core::DataError(format(
            tr("{1}: the kind, subject, number and date of a case stay as recorded."), {std::string(fixed)}));
    const auto ic = services::openInspection(c.s, c.actor, idOf(key));
    services::InspectionInput in{ic.inspection.kind,     ic.inspection.subjectType,
                                 ic.subjectCode,         ic.inspection.number,
                                 ic.inspection.date,     ic.inspection.team,
                                 ic.inspection.findings, ic.inspection.conclusion,
                                 ic.inspection.followUp, ic.planId,
                                 ic.followsId,           ic.violationOn,
                                 ic.findingsOn,          ic.closedOn};
    if (v.has("team")) in.team = v.text("team");
    if (v.has("findings")) in.findings = v.text("findings");
    if (v.has("conclusion")) in.conclusion = v.text("conclusion");
    if (v.has("follow_up")) in.followUp = v.text("follow_up");
    if (v.has("plan")) in.planId = optionalId(v, "plan");
    if (v.has("follows")) in.followsId = optionalId(v, "follows");
    if (v.has("violation_on")) in.violationOn = v.date("violation_on");
    if (v.has("findings_on")) in.findingsOn = v.date("findings_on");
    if (v.has("closed_on")) in.closedOn = v.date("closed_on");
    services::updateInspection(c.s, c.actor, idOf(key), in);
    c.err << format(tr("Inspection case {1} changed."), {key}) << "\n";
  };
  return k;
}

Kind disciplineKind() {
  Kind k{
      "discipline",
      N_("a disciplinary decision (inspection committee only); KEY: its number in the register, given by "
         "add"),
      {field("subject_type", N_("Subject type"), T::Enum, &core::enums::subjectType),
       field("subject", N_("Subject (code)")), field("number", N_("Document number")),
       field("date", N_("Date"), T::Date), field("form", N_("Form"), T::Enum, &core::enums::disciplineForm),
       field("body", N_("Deciding body")), field("violation", N_("Violation")),
       field("violation_on", N_("Violation on"), T::Date), field("announced_on", N_("Announced on"), T::Date),
       field("post", N_("Post")), field("override_reason", N_("Why past the statute of limitations")),
       field("move_to", N_("Members move to (code)")), field("inspection", N_("Inspection case"))}};
  k.keyAssigned = true;
  k.show = [](Context& c, const std::string& key) {
    const auto dc = services::openDecision(c.s, c.actor, idOf(key));
    const auto& d = dc.decision;
    line(c.out, "subject_type", d.subjectType);
    line(c.out, "subject", dc.subjectCode);
    line(c.out, "number", d.number);
    line(c.out, "date", d.date.iso());
    line(c.out, "form", d.form);
    line(c.out, "body", d.body);
    line(c.out, "violation", d.violation);
    line(c.out, "violation_on", iso(d.violationOn));
    line(c.out, "announced_on", iso(d.announcedOn));
    line(c.out, "post", dc.post);
    line(c.out, "inspection", idText(dc.inspectionId));
    for (const auto& cp : dc.complaints)
      line(c.out, "complaint", std::to_string(cp.id) + " " + cp.filedOn.iso() + " " + cp.outcome);
  };
  k.add = [](Context& c, const std::string&, const Values& v) {
    services::DecisionInput in;
    in.subjectType = v.text("subject_type");
    in.subjectCode = v.text("subject");
    in.number = v.text("number");
    in.date = v.needDate("date");
    in.form = v.text("form");
    in.body = v.text("body");
    in.violation = v.text("violation");
    in.violationOn = v.date("violation_on");
    in.announcedOn = v.date("announced_on");
    in.post = v.text("post");
    in.overrideReason = v.text("override_reason");
    in.moveToCellCode = v.text("move_to");
    in.inspectionId = optionalId(v, "inspection");
    const core::Id id = services::recordDecision(c.s, c.actor, in);
    c.out << id << "\n";
    c.err << format(tr("Disciplinary decision {1} recorded."), {std::to_string(id)}) << "\n";
  };
  return k;
}

Kind complaintKind() {
  Kind k{
      "complaint",
      N_("a complaint against a disciplinary decision (inspection committee only): add files it, set records "
         "its outcome; KEY: its number in the register, given by add"),
      {field("decision", N_("Decision")), field("received_on", N_("Received on"), T::Date),
       field("filed_on", N_("Filed on"), T::Date), field("content", N_("Complaint")),
       field("outcome", N_("Outcome")), field("outcome_on", N_("Outcome on"), T::Date)}};
  k.keyAssigned = true;
  k.add = [](Context& c, const std::string&, const Values& v) {
    services::ComplaintInput in{idOf(v.needText("decision")), v.needDate("received_on"),
                                v.needDate("filed_on"), v.text("content")};
    const core::Id id = services::fileComplaint(c.s, c.actor, in);
    c.out << id << "\n";
    c.err << format(tr("Complaint {1} recorded."), {std::to_string(id)}) << "\n";
  };
  k.set = [](Context& c, const std::string& key, const Values& v) {
    services::settleComplaint(c.s, c.actor, idOf(key), v.needText("outcome"), v.needDate("outcome_on"));
    c.err << format(tr("Complaint {1}: outcome recorded."), {key}) << "\n";
  };
  return k;
}

Kind removalKind() {
  Kind k{"removal",
         N_("a removal from the register (xóa tên) with the cell's proposal and the decision; KEY: the "
            "member code"),
         {field("ground", N_("Ground"), T::Enum, &core::enums::removalGround),
          field("proposed_on", N_("Proposed on"), T::Date), field("proposal_no", N_("Proposal number")),
          field("decision", N_("Decision number")), field("decision_on", N_("Decision date"), T::Date)}};
  k.add = [](Context& c, const std::string& key, const Values& v) {
    services::RemovalInput in{key,
                              v.text("ground"),
                              v.date("proposed_on"),
                              v.text("proposal_no"),
                              v.text("decision"),
                              v.needDate("decision_on")};
    services::recordRemoval(c.s, c.actor, in);
    c.err << format(tr("Removal of member {1} recorded."), {key}) << "\n";
  };
  return k;
}

}  // namespace

void addCaseKinds(std::vector<Kind>& k) {
  k.insert(k.end(), {inspectionKind(), disciplineKind(), complaintKind(), removalKind()});
}

}  // namespace dangbo::cli::record
