#pragma once
// Inspection cases, disciplinary decisions, complaints and removals as the inspection committee reads
// them (issue 7). Confidentiality is checked by services/Discipline; this layer only speaks SQL.
// Inserting inspections and decisions goes through RecordsRepository.
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// The dated steps and links of an inspection case (schema step 4) beside core::Inspection.
struct InspectionLinks {
  std::optional<core::Id> planId;         ///< the plan item it carries out
  std::optional<core::Id> followsId;      ///< the case it follows from
  std::optional<core::Date> violationOn;  ///< the violation found (the statute counts from it)
  std::optional<core::Date> findingsOn;   ///< the day of the findings
  std::optional<core::Date> closedOn;     ///< the day of the conclusion
};

/// An inspection case with its subject's code and name.
struct InspectionRow {
  core::Inspection inspection;  ///< the case (findings and conclusion included)
  std::string subjectCode;      ///< the organization's or member's code
  std::string subjectName;      ///< its name
  InspectionLinks links;        ///< dated steps and links
};

/// An item of the annual inspection plan.
struct PlanRow {
  core::Id id = 0;               ///< row id (0: assigned on insert)
  int year = 0;                  ///< the plan's year
  std::string number;            ///< the plan's number
  std::string title;             ///< what is inspected or supervised
  int plannedOrganizations = 0;  ///< organizations to inspect
  int plannedMembers = 0;        ///< members to inspect
  int doneOrganizations = 0;     ///< distinct organizations of linked cases with a conclusion (read only)
  int doneMembers = 0;           ///< distinct members of linked cases with a conclusion (read only)
  int linkedCases = 0;           ///< linked cases (read only)
};

/// Filters of the inspection list; empty/unset fields do not filter.
struct InspectionQuery {
  std::optional<int> year;  ///< the year of the inspection's date
  std::string kind;         ///< a code of core::enums::inspectionKind
  std::string subjectType;  ///< to_chuc | dang_vien
};

/// A disciplinary decision with its subject's code and name.
struct DisciplineRow {
  core::Discipline discipline;           ///< the decision (violation included)
  std::string subjectCode;               ///< the organization's or member's code
  std::string subjectName;               ///< its name
  std::string post;                      ///< cach_chuc: the post held
  std::optional<core::Id> inspectionId;  ///< the case the decision follows from
};

/// A complaint against a disciplinary decision.
struct ComplaintRow {
  core::Id id = 0;                       ///< row id (0: assigned on insert)
  core::Id disciplineId = 0;             ///< the decision complained about
  std::optional<core::Date> receivedOn;  ///< the day the subject received the decision
  core::Date filedOn;                    ///< the day the complaint was filed
  std::string content;                   ///< the complaint
  std::string outcome = "pending";       ///< pending | upheld | changed | annulled | rejected
  std::optional<core::Date> outcomeOn;   ///< the day of the outcome
};

/// A removal (xóa tên) with the member's code and name.
struct RemovalRow {
  core::Removal removal;   ///< the removal
  std::string memberCode;  ///< the member's code
  std::string memberName;  ///< the member's full name
  std::string proposalNo;  ///< the number of the cell's proposal
};

/// Decisions dated in a period counted by subject type, form and deciding body.
struct DecisionCount {
  std::string subjectType;  ///< to_chuc | dang_vien
  std::string form;         ///< khien_trach | canh_cao | cach_chuc | khai_tru | giai_tan
  std::string body;         ///< the deciding body as written ("" when not recorded)
  int count = 0;            ///< decisions
};

/// Distinct subjects of the inspections of one kind dated in a period.
struct InspectionKindCount {
  std::string kind;       ///< a code of core::enums::inspectionKind
  int organizations = 0;  ///< distinct organizations
  int members = 0;        ///< distinct members
};

/// Reads the case tables.
class CaseRepository {
 public:
  /// Works on `db`.
  explicit CaseRepository(Database& db) : db_(db) {}

  /// Inspection cases matching `q`, by date then number.
  std::vector<InspectionRow> inspections(const InspectionQuery& q);
  /// One inspection case.
  std::optional<InspectionRow> inspectionById(core::Id id);
  /// True when an inspection with this number exists for the subject.
  bool inspectionExists(const std::string& number, const std::string& subjectType, core::Id subjectId);

  /// Sets the dated steps and links of a case (after RecordsRepository::insertInspection or on an edit).
  void setInspectionLinks(core::Id id, const InspectionLinks& l);
  /// Replaces the team, findings, conclusion and follow-up text of a case.
  void updateInspectionText(core::Id id, const std::string& team, const std::string& findings,
                            const std::string& conclusion, const std::string& followUp);
  /// The cases that follow from case `id`, by date.
  std::vector<InspectionRow> inspectionsFollowing(core::Id id);

  /// Inserts a plan item; returns its id.
  core::Id insertPlan(const PlanRow& p);
  /// The plan items of a year with their progress, by number then id.
  std::vector<PlanRow> plans(int year);
  /// One plan item with its progress.
  std::optional<PlanRow> planById(core::Id id);

  /// Sets the post and the case of a decision (after RecordsRepository::insertDiscipline).
  void setDisciplineLinks(core::Id id, const std::string& post, std::optional<core::Id> inspectionId);
  /// The decisions that follow from case `inspectionId`, by date.
  std::vector<DisciplineRow> disciplinesOfInspection(core::Id inspectionId);

  /// Demo data: gives the cases of the demo their dated steps and links (findings 10 days and conclusion 25
  /// days after the decision to inspect, when on or before `today`; each decision linked to the latest case
  /// on signs of violation of its subject, whose violation date it takes) and one plan item per year and
  /// kind group (`routineTitle`: routine, finance and discipline-work inspections; `supervisionTitle`:
  /// supervision), planned as many as the year's cases, carried out by them.
  void completeDemoCases(const core::Date& today, const std::string& routineTitle,
                         const std::string& supervisionTitle);

  /// Sets the cell's proposal of the removal of a member decided on `decisionOn`.
  void setRemovalProposal(core::Id memberId, const core::Date& decisionOn,
                          std::optional<core::Date> proposedOn, const std::string& proposalNo);

  /// Every decision, by date then id; only those of one subject when `subjectType` is not empty.
  std::vector<DisciplineRow> disciplines(const std::string& subjectType = {}, core::Id subjectId = 0);
  /// One decision.
  std::optional<DisciplineRow> disciplineById(core::Id id);
  /// True when a decision with this number exists for the subject.
  bool disciplineExists(const std::string& number, const std::string& subjectType, core::Id subjectId);

  /// Inserts a complaint; returns its id.
  core::Id insertComplaint(const ComplaintRow& c);
  /// Sets the outcome of a complaint.
  void setComplaintOutcome(core::Id complaintId, const std::string& outcome, const core::Date& on);
  /// One complaint.
  std::optional<ComplaintRow> complaintById(core::Id id);
  /// The complaints of a decision (every decision when `disciplineId` is 0), by filing date.
  std::vector<ComplaintRow> complaints(core::Id disciplineId = 0);

  /// Removals decided in [from, to], by date.
  std::vector<RemovalRow> removals(const core::Date& from, const core::Date& to);

  /// Decisions dated in [from, to] by subject type, form and body.
  std::vector<DecisionCount> decisionCounts(const core::Date& from, const core::Date& to);
  /// Inspections dated in [from, to] by kind, distinct subjects.
  std::vector<InspectionKindCount> inspectionKindCounts(const core::Date& from, const core::Date& to);
  /// Total rows of inspections and of disciplines (for counts shown to every role).
  std::pair<int, int> caseRowCounts();

  /// True when the member holds a post on `on`: a cell leadership open that day (from <= on, no end or
  /// end after on), or a seat in the committee of a term covering on's year.
  bool holdsPost(core::Id memberId, const core::Date& on);
  /// The first post held on `on`: a cell leadership (role code, cell name) or else a committee seat
  /// (position code, "" as name); nullopt when none.
  std::optional<std::pair<std::string, std::string>> postHeld(core::Id memberId, const core::Date& on);

 private:
  Database& db_;
};

}  // namespace dangbo::store
