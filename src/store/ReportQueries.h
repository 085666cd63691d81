#pragma once
// The reads behind the congress report figures (spec/congress-report.md): organizations and members
// standing on a day, and the events of a period (admissions, ratings, inspections, discipline,
// removals), the committee of a term with its members' files. Each function runs one statement;
// counting and the definitions' arithmetic are left to services/CongressReport.
#include <map>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// An organization existing on a day, with whether a cell committee is open on it.
struct OrganizationOnDay {
  core::Id id = 0;       ///< row id
  std::string code;      ///< "CB01"
  std::string kind;      ///< co_so | truc_thuoc
  std::string category;  ///< ban | truong | co_quan_dang | chinh_quyen | quan_su | cong_an | y_te | khac
  bool cellCommittee = false;  ///< a cell_committees period covers the day
};

/// Organizations existing on `day`: founded on or before it (or no founding date) and not ceased on or
/// before it. cellCommittee: a cell_committees row with from_date on or before the day (or NULL) and
/// to_date after it (or NULL). By code.
std::vector<OrganizationOnDay> organizationsOn(Database& db, const core::Date& day);

/// Members active or exempt on `day` (store::presentOn of MemberQuery.h). Only these fields are read:
/// id, code, full name, gender, birth date, ethnicity, qualification, theory, admitted, official and
/// transfer-in dates, cell, status and its date. By code.
std::vector<core::Member> membersPresentOn(Database& db, const core::Date& day);

/// Members present on a day alike in birth date, gender and ethnicity, how many they are, and how many of
/// them are official and exempt on the day.
struct PresentGroup {
  std::optional<core::PartialDate> birthDate;  ///< as stored
  std::string gender;                          ///< nam | nu | ""
  std::string ethnicity;                       ///< ethnic group code, "" when not recorded
  int64_t count = 0;                           ///< members
  int64_t official = 0;                        ///< of them official on the day (official_on on or before it)
  int64_t exempt = 0;                          ///< of them exempt on the day (rule::kExemptOn)
};
/// The members present on `day` (rule::kPresentOn) grouped by birth date, gender and ethnicity, by one
/// aggregate query over an index (no member's row is read).
std::vector<PresentGroup> presentGroups(Database& db, const core::Date& day);

/// The members with an event dated in [from, to] and those whose code is among `codes`, by id: the members a
/// list of changes names, found through indexes and one pass over the events (never the members' rows).
std::vector<core::Id> membersChangedBetween(Database& db, const core::Date& from, const core::Date& to,
                                            const std::vector<std::string>& codes);

/// Admissions by this committee (members with no transfer-in date) whose admitted_on lies in
/// [from, to], counted by calendar year of admitted_on, whatever the member's later status.
/// Years without admissions are absent.
std::map<int, int> admissionsByYear(Database& db, const core::Date& from, const core::Date& to);

/// The same admissions counted by the cell the member belonged to on the admission day (rule::cellOnDayOf
/// the admitted_on), by one aggregate query.
std::map<core::Id, int> admissionsByCell(Database& db, const core::Date& from, const core::Date& to);

/// The number of ratings of one year, subject type and level.
struct RatingCount {
  int year = 0;             ///< rating year
  std::string subjectType;  ///< to_chuc | dang_vien
  std::string level;        ///< HTXSNV | HTTNV | HTNV | KHTNV
  int count = 0;            ///< ratings
};

/// Ratings of the years fromYear..toYear counted by year, subject type and level (by year).
std::vector<RatingCount> ratingCounts(Database& db, int fromYear, int toYear);

/// Distinct subjects of inspections dated in a period.
struct InspectedSubjects {
  int organizations = 0;  ///< distinct organizations (subject_type to_chuc)
  int members = 0;        ///< distinct members (subject_type dang_vien)
};

/// Which inspection rows inspectedSubjects counts.
enum class InspectionKinds {
  All,           ///< every kind
  Inspections,   ///< every kind but giam_sat
  Supervisions,  ///< giam_sat only (Giám sát chuyên đề)
};

/// Distinct organizations and members that were the subject of an inspection dated in [from, to].
InspectedSubjects inspectedSubjects(Database& db, const core::Date& from, const core::Date& to,
                                    InspectionKinds kinds = InspectionKinds::All);

/// An organization's structure over time: what the founded and merged figures read.
struct OrganizationLife {
  core::Id id = 0;                     ///< row id
  std::string category;                ///< category code
  std::string origin;                  ///< former commune, "" for none
  std::optional<core::Date> founded;   ///< founding day
  std::optional<core::Date> ceased;    ///< ceased (merged or dissolved) on this day
  std::optional<core::Id> mergedInto;  ///< the cell it was merged into
};

/// Every organization with its founding, ceasing and origin, by id.
std::vector<OrganizationLife> organizationLives(Database& db);

/// The distinct members who were secretary (cell_leaders role bi_thu) of a village cell on `day`: from_date
/// on or before it, to_date (the last day in office) on or after it or NULL, the cell existing on it.
std::vector<core::Id> villageSecretariesOn(Database& db, const core::Date& day);

/// The distinct members with a training of `year` (its date in the year; without a date, its year column).
std::vector<core::Id> membersTrainedIn(Database& db, int year);

/// Whether any training is recorded.
bool anyTraining(Database& db);

/// The number of disciplinary decisions of one subject type and form.
struct DisciplineCount {
  std::string subjectType;  ///< to_chuc | dang_vien
  std::string form;         ///< khien_trach | canh_cao | cach_chuc | khai_tru | giai_tan
  int count = 0;            ///< decisions
};

/// Disciplinary decisions dated in [from, to] counted by subject type and form (counts only: no case
/// content is read).
std::vector<DisciplineCount> disciplineCounts(Database& db, const core::Date& from, const core::Date& to);

/// Members whose status became removed (xóa tên) in [from, to]: status 'removed' with status_since in
/// the period. (The members table is the source: a removal decision without the member's status
/// change is not yet in force on the register; a removed member without status_since cannot be dated.)
int membersRemovedIn(Database& db, const core::Date& from, const core::Date& to);

/// A seat of a term's committee with the member's file (fields as in membersPresentOn).
struct SeatHolder {
  std::string position;  ///< bi_thu | pho_bi_thu | uv_btv | uv_bch
  core::Member member;   ///< the member
};

/// The committee seats of a term joined with their members, by member code.
std::vector<SeatHolder> committeeOfTerm(Database& db, core::Id termId);

/// Every term, by from_year then id.
std::vector<core::Term> termsByStart(Database& db);

/// The targets with this key (ket_nap_nhiem_ky, ket_nap_nam, ...), by from_year then to_year, then origin.
std::vector<core::Target> targetsWithKey(Database& db, const std::string& key);

}  // namespace dangbo::store
