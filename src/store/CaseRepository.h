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

/// An inspection case with its subject's code and name.
struct InspectionRow {
  core::Inspection inspection;  ///< the case (findings and conclusion included)
  std::string subjectCode;      ///< the organization's or member's code
  std::string subjectName;      ///< its name
};

/// Filters of the inspection list; empty/unset fields do not filter.
struct InspectionQuery {
  std::optional<int> year;  ///< the year of the inspection's date
  std::string kind;         ///< a code of core::enums::inspectionKind
  std::string subjectType;  ///< to_chuc | dang_vien
};

/// A disciplinary decision with its subject's code and name.
struct DisciplineRow {
  core::Discipline discipline;  ///< the decision (violation included)
  std::string subjectCode;      ///< the organization's or member's code
  std::string subjectName;      ///< its name
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

 private:
  Database& db_;
};

}  // namespace dangbo::store
