#pragma once
// Inspection, supervision and discipline (issue 7): confidential case files with their legal deadlines.
//
// Confidentiality: case contents (findings, conclusions, violations, complaints) are read and written
// only with Permission::ReadCaseFiles (role "inspection"). Every other reading role gets counts
// (disciplineFigures) and, for a member, the number, date and form of the decisions
// (decisionSummaries). Opening a case writes an audit row "case.open".
//
// Every rule value (statute of limitations, complaint days, lapse months) is the one in force on the day
// the rule counts from, from the dated settings (discipline.*).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// A new inspection or supervision case.
struct InspectionInput {
  std::string kind;                       ///< a code of core::enums::inspectionKind
  std::string subjectType;                ///< to_chuc | dang_vien
  std::string subjectCode;                ///< the cell's or member's code
  std::string number;                     ///< the plan's or decision's number
  core::Date date;                        ///< the day of the decision to inspect
  std::string team;                       ///< the inspection team
  std::string findings;                   ///< what was found
  std::string conclusion;                 ///< the conclusion
  std::string followUp;                   ///< the follow-up it leads to
  std::optional<core::Id> planId;         ///< the plan item it carries out (same year)
  std::optional<core::Id> followsId;      ///< the earlier case it follows from
  std::optional<core::Date> violationOn;  ///< the violation found: the statute of limitations counts from it
  std::optional<core::Date> findingsOn;   ///< the day of the findings
  std::optional<core::Date> closedOn;     ///< the day of the conclusion (counts as done in the plan)
};

/// An inspection case as the inspection committee sees it.
struct InspectionCase {
  core::Inspection inspection;            ///< the case, contents included
  std::string subjectCode;                ///< the subject's code
  std::string subjectName;                ///< the subject's name
  std::optional<core::Id> planId;         ///< the plan item it carries out
  std::optional<core::Id> followsId;      ///< the case it follows from
  std::optional<core::Date> violationOn;  ///< the violation found
  std::optional<core::Date> findingsOn;   ///< the day of the findings
  std::optional<core::Date> closedOn;     ///< the day of the conclusion
};

/// Filters of the case list; empty fields do not filter.
struct InspectionFilter {
  std::optional<int> year;  ///< the year of the case's date
  std::string kind;         ///< a code of core::enums::inspectionKind
  std::string subjectType;  ///< to_chuc | dang_vien
};

/// A new disciplinary decision.
struct DecisionInput {
  std::string subjectType;                ///< to_chuc | dang_vien
  std::string subjectCode;                ///< the cell's or member's code
  std::string number;                     ///< the decision's number
  core::Date date;                        ///< the decision's date
  std::string form;                       ///< khien_trach | canh_cao | cach_chuc | khai_tru | giai_tan
  std::string body;                       ///< the deciding body
  std::string violation;                  ///< the violation (confidential)
  std::optional<core::Date> violationOn;  ///< the violation's date; required unless the form has no statute
  std::optional<core::Date> announcedOn;  ///< the announcement (the lapse counts from it)
  std::string post;            ///< cach_chuc: the post, needed when the register shows none on the date
  std::string overrideReason;  ///< why a decision past its statute of limitations is recorded (audited)
  std::string moveToCellCode;  ///< giai_tan: the cell the members still present move to
  std::optional<core::Id> inspectionId;  ///< the inspection case the decision follows from
  bool violationDateUnknown = false;  ///< a decision copied from the paper files without its violation's date
                                      ///< (an import's optional "Ngày vi phạm"): the statute is not judged,
                                      ///< and the audit row says so
};

/// A complaint against a decision, as filed.
struct ComplaintInput {
  core::Id decisionId = 0;  ///< the decision complained about
  core::Date receivedOn;    ///< the day the subject received the decision
  core::Date filedOn;       ///< the day the complaint was filed
  std::string content;      ///< the complaint
};

/// A complaint with its outcome.
struct Complaint {
  core::Id id = 0;                       ///< the complaint's id
  core::Id decisionId = 0;               ///< the decision
  std::optional<core::Date> receivedOn;  ///< the day the decision was received
  core::Date filedOn;                    ///< the day it was filed
  std::string content;                   ///< the complaint
  std::string outcome;                   ///< pending | upheld | changed | annulled | rejected
  std::optional<core::Date> outcomeOn;   ///< the day of the outcome
};

/// A decision as the inspection committee sees it.
struct DecisionCase {
  core::Discipline decision;             ///< the decision, violation included
  std::string subjectCode;               ///< the subject's code
  std::string subjectName;               ///< the subject's name
  std::vector<Complaint> complaints;     ///< by filing date
  std::string post;                      ///< cach_chuc: the post held
  std::optional<core::Id> inspectionId;  ///< the case it follows from
};

/// What every reading role may see of a decision that affects a member's record.
struct DecisionSummary {
  std::string number;       ///< the decision's number
  core::Date date;          ///< its date
  std::string form;         ///< its form code
  std::string subjectCode;  ///< the member's code
};

/// The statute of limitations of a form for a violation, on a decision date.
struct StatuteCheck {
  bool applies = false;            ///< false for khai_tru and giai_tan (no statute)
  int years = 0;                   ///< the rule's years
  std::optional<core::Date> ends;  ///< the last day a decision may be taken (violation + years)
  bool expired = false;            ///< the decision date is after `ends`
};

/// A decision's lapse (khai_tru and giai_tan never lapse).
struct LapseInfo {
  core::Id decisionId = 0;  ///< the decision
  std::string number;       ///< its number
  std::string subjectType;  ///< to_chuc | dang_vien
  std::string subjectCode;  ///< the subject's code
  std::string subjectName;  ///< the subject's name
  std::string form;         ///< its form
  core::Date announcedOn;   ///< the announcement
  core::Date lapseOn;       ///< announcement + discipline.lapse_months
  bool lapsed = false;      ///< lapseOn <= asOf
};

/// A deadline of the discipline work, for the overview: it names no case contents, only the kind, the
/// subject and the date.
struct CaseDeadline {
  std::string kind;         ///< complaint_due | lapse_due | statute_expiry
  std::string subjectCode;  ///< the cell's or member's code
  std::string subjectName;  ///< its name
  core::Date due;           ///< the last day to complain / the lapse day / the last day of the statute
  int overdueDays = 0;      ///< asOf - due in calendar days (negative: still ahead)
  std::string note;         ///< the decision's number, or the forms the statute concerns
};

/// A removal (xóa tên) in the summary.
struct RemovalEntry {
  std::string memberCode;                ///< the member's code
  std::string memberName;                ///< the member's name
  std::string ground;                    ///< a code of core::enums::removalGround
  std::string decisionNo;                ///< the decision's number
  core::Date decisionOn;                 ///< the decision's date
  std::optional<core::Date> proposedOn;  ///< the day of the cell's proposal
  std::string proposalNo;                ///< the number of the cell's proposal
};

/// A removal (xóa tên) to record: the ground, the cell's proposal, the decision.
struct RemovalInput {
  std::string memberCode;                ///< the member
  std::string ground;                    ///< a code of core::enums::removalGround
  std::optional<core::Date> proposedOn;  ///< the day of the cell's proposal
  std::string proposalNo;                ///< the number of the cell's proposal
  std::string decisionNo;                ///< the decision's number
  core::Date decisionOn;                 ///< the decision's date (the member leaves the list that day)
};

/// An item of the annual inspection and supervision plan with its progress.
struct PlanItem {
  core::Id id = 0;               ///< the item's id (0 for a new one)
  int year = 0;                  ///< the plan's year
  std::string number;            ///< the plan's number
  std::string title;             ///< what is inspected or supervised
  int plannedOrganizations = 0;  ///< organizations to inspect
  int plannedMembers = 0;        ///< members to inspect
  int doneOrganizations = 0;     ///< distinct organizations of linked cases with a conclusion
  int doneMembers = 0;           ///< distinct members of linked cases with a conclusion
  int linkedCases = 0;           ///< cases linked to the item
  double percentDone = 0;        ///< (done organizations + members) / planned, in percent (0 if none planned)
};

/// A dated step of a case's timeline.
struct TimelineStep {
  core::Date date;     ///< the step's day
  std::string kind;    ///< inspect | findings | conclusion | follow_case | decision | announced | complaint |
                       ///< outcome | lapse | statute
  std::string label;   ///< the step in Vietnamese
  std::string detail;  ///< numbers, forms, outcome (contents: inspection role only)
  bool ahead = false;  ///< after asOf: a date still to come
};

/// The removals decided in a period.
struct RemovalSummary {
  int total = 0;                        ///< removals recorded in the period
  std::map<std::string, int> byGround;  ///< ground code -> removals
  std::vector<RemovalEntry> entries;    ///< by date
};

/// Decisions of one form by one deciding body.
struct BodyFormCount {
  std::string subjectType;  ///< to_chuc | dang_vien
  std::string body;         ///< the deciding body ("" when not recorded)
  std::string form;         ///< the form code
  int count = 0;            ///< decisions
};

/// Distinct subjects inspected, for one kind or overall.
struct InspectedCount {
  int organizations = 0;  ///< distinct organizations
  int members = 0;        ///< distinct members
};

/// The discipline figures of a period (congress-report definitions): counts only.
struct DisciplineFigures {
  std::map<std::string, int> memberForms;        ///< decisions on members dated in the period, by form
  std::map<std::string, int> organizationForms;  ///< decisions on organizations, by form
  std::vector<BodyFormCount> byBody;             ///< decisions by subject type, deciding body and form
  int removals = 0;  ///< members whose status became removed in the period (xoa_ten)
  std::map<std::string, int> removalsByGround;  ///< removals-table decisions in the period by ground
  std::map<std::string, InspectedCount> inspectionsByKind;  ///< distinct subjects by inspection kind
  InspectedCount inspected;                                 ///< distinct subjects of any kind
};

/// Records an inspection case; needs ReadCaseFiles. Returns its id.
core::Id recordInspection(Services& s, const Actor& actor, const InspectionInput& in);
/// The case list with filters (contents included); needs ReadCaseFiles.
std::vector<InspectionCase> inspections(Services& s, const Actor& actor, const InspectionFilter& f = {});
/// Opens one case; needs ReadCaseFiles; writes an audit row "case.open".
InspectionCase openInspection(Services& s, const Actor& actor, core::Id id);
/// Updates a case's team, findings, conclusion, follow-up, dated steps and links (the kind, subject, number
/// and date stay); needs ReadCaseFiles.
void updateInspection(Services& s, const Actor& actor, core::Id id, const InspectionInput& in);
/// The timeline of a case on asOf: the decision to inspect, the findings, the conclusion, the cases and
/// decisions it led to with their announcement, complaints, outcomes and lapse, or the statute of
/// limitations while no decision was taken. By date. Needs ReadCaseFiles.
std::vector<TimelineStep> caseTimeline(Services& s, const Actor& actor, core::Id inspectionId,
                                       core::Date asOf);

/// Adds an item to the annual plan; needs ReadCaseFiles. Returns its id.
core::Id addPlanItem(Services& s, const Actor& actor, const PlanItem& item);
/// The plan of a year with its progress (titles and counts, no contents); needs ReadRegister.
std::vector<PlanItem> inspectionPlan(Services& s, const Actor& actor, int year);

/// The statute of limitations of `form` for a violation on `violationOn`, judged on `decisionOn`.
StatuteCheck statuteOf(Services& s, const std::string& form, const core::Date& violationOn,
                       const core::Date& decisionOn);
/// Records a disciplinary decision after checking the form against the subject and the statute; needs
/// ReadCaseFiles. khai_tru records the member's "expelled" action and giai_tan dissolves the cell, in the
/// same transaction (unless the register already records that expulsion or dissolution on the decision's
/// day). Returns the decision's id.
core::Id recordDecision(Services& s, const Actor& actor, const DecisionInput& in);
/// The checks of recordDecision alone (an import's plan): throws its refusal, writes nothing. `field`, when
/// given, names the field of DecisionInput refused (number, form, subject, post, violation_on, announced_on,
/// inspection).
void checkDecision(Services& s, const Actor& actor, const DecisionInput& in, std::string* field = nullptr);
/// Every decision with its complaints (contents included); needs ReadCaseFiles.
std::vector<DecisionCase> decisions(Services& s, const Actor& actor);
/// Opens one decision with its complaints; needs ReadCaseFiles; writes an audit row "case.open".
DecisionCase openDecision(Services& s, const Actor& actor, core::Id id);
/// The decisions on a member: number, date and form only. Needs ReadRegister (a secretary: own cell).
std::vector<DecisionSummary> decisionSummaries(Services& s, const Actor& actor,
                                               const std::string& memberCode);

/// Records a complaint; refused after discipline.complaint_days calendar days from receipt. Needs
/// ReadCaseFiles. Returns its id.
core::Id fileComplaint(Services& s, const Actor& actor, const ComplaintInput& in);
/// Records a complaint's outcome (upheld | changed | annulled | rejected); needs ReadCaseFiles.
void settleComplaint(Services& s, const Actor& actor, core::Id complaintId, const std::string& outcome,
                     const core::Date& on);

/// The lapses of announced decisions other than khai_tru/giai_tan that have no pending complaint, were
/// not annulled, and have no newer decision on the same subject dated on or before the lapse day; by
/// lapse date. Needs ReadCaseFiles.
std::vector<LapseInfo> lapses(Services& s, const Actor& actor, const core::Date& asOf);
/// The deadlines on asOf, by due date then kind and code:
/// - complaint_due: decisions without a complaint whose window (discipline.complaint_days, counted from
///   the announcement or else the decision date) is still open;
/// - lapse_due: lapses still ahead (see lapses);
/// - statute_expiry: inspection cases that found a violation (violation date recorded) and lead to no
///   decision yet: the last day of the reprimand statute, or once it has run out, of the warning and
///   dismissal statute (overdueDays > 0 when that has run out as well).
/// Readable by office, leadership, inspection and the local administrator (no case contents).
std::vector<CaseDeadline> disciplineDeadlines(Services& s, const Actor& actor, core::Date asOf);

/// Records a removal through the register's dated action "removed" with the cell's proposal, in one
/// transaction. Needs WriteRegister; a cell's secretary proposes but may not decide.
void recordRemoval(Services& s, const Actor& actor, const RemovalInput& in);
/// The removals decided in [from, to] (removals table). Needs ReadRegister.
RemovalSummary removalSummary(Services& s, const Actor& actor, const core::Date& from, const core::Date& to);
/// The discipline figures of [from, to]; needs ReadRegister (counts only).
DisciplineFigures disciplineFigures(Services& s, const Actor& actor, const core::Date& from,
                                    const core::Date& to);

}  // namespace dangbo::services
