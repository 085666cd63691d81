#pragma once
// Lists of members on a day (the `members` command, the members page), the rows of the member
// register, and the register checks missing_field and duplicate of `check`.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// What listMembers shows. Empty strings mean "any".
struct MemberFilter {
  core::Date asOf;        ///< the day the list is taken on (the CLI's default: today)
  std::string cellCode;   ///< only members of this cell on the day (unknown code: DataError)
  std::string search;     ///< part of the full name, case and diacritics ignored ("pan" finds "Pằn")
  std::string gender;     ///< nam | nu
  std::string ethnicity;  ///< ethnic group code ("03")
  std::string status;     ///< active | exempt (on the day)
  std::string standing;   ///< official | probationary (on the day)
  std::string ageGroup;   ///< one of ageGroups(): completed years on the day
  std::string theory;     ///< political theory code (chua .. cu_nhan)
  std::string origin;  ///< the former commune of the member's cell on the day (case and diacritics ignored)
  size_t limit = 0;    ///< at most this many rows, the first in list order (0: every row)
};

/// One member in a list, as on the filter's day (the list's columns; the whole file is in RegisterEntry).
struct MemberRow {
  core::Id id = 0;                             ///< row id
  std::string code;                            ///< member code
  std::string name;                            ///< full name
  std::string cellCode;                        ///< the cell on the day
  std::string cellName;                        ///< its name
  std::string origin;                          ///< the former commune of that cell ("" when none)
  std::string status;                          ///< active | exempt on the day
  std::optional<core::Date> exemptSince;       ///< when status is exempt: from when (if recorded)
  std::string standing;                        ///< official | probationary on the day
  std::string gender;                          ///< nam | nu
  std::optional<core::PartialDate> birthDate;  ///< may be year or month/year only
  std::optional<int> age;                      ///< completed years on the day (partial dates anchored)
  std::string ethnicity;                       ///< ethnic group code
  std::string ethnicityName;                   ///< "Thái"
  std::string theory;                          ///< code (chua .. cu_nhan)
  std::optional<core::Date> admittedOn;        ///< admission decision
  std::optional<core::Date> officialOn;        ///< became official
  std::optional<core::Date> transferredInOn;   ///< joined this committee by transfer
  std::string cardNo;                          ///< party card number
};

/// The age groups of the congress report: "18-30", "31-40", "41-50", "51-60", "61-70", "71+".
const std::vector<std::string>& ageGroups();
/// The age group of an age ("18-30" also takes any age under 18).
std::string ageGroupOf(int age);
/// The printed name of an age group, worded as the report bands of ../data/age_bands.csv: "Từ 18 - 30
/// tuổi", "Từ 31 - 40 tuổi", ..., "Trên 70 tuổi".
std::string ageGroupLabel(const std::string& group);

/// The members active or exempt on filter.asOf (spec/congress-report.md) matching the filter, in the
/// Vietnamese name order then by code. Needs ReadRegister; a secretary sees only members of their cell
/// on that day. Throws DataError for an unknown cell code or filter value. A list without a search reads
/// every member once (store::loadListSnapshot) and keeps that snapshot; later calls filter it in memory
/// and read it again only when the file's data changed (store::dataStamp), so typing a search stays fast.
/// A search while no current snapshot is kept (a fresh `members --search`) reads only the matching
/// members through the search index (store::searchMembersOn) and keeps nothing; so does a list with a
/// limit and no filter but the search (the first page: read walking the list order, at once).
std::vector<MemberRow> listMembers(Services& services, const Actor& actor, const MemberFilter& filter);

/// Frees the member snapshot kept by listMembers (it is read again on the next call).
void dropMemberListCache();

/// One member of the register (sổ danh sách đảng viên) with the history needed by its columns.
struct RegisterEntry {
  core::Member member;                    ///< the file as stored
  std::string cellCode;                   ///< the cell on the day
  std::string cellName;                   ///< its name
  std::string cellCategory;               ///< its category (quan_su, cong_an, ...)
  std::string ethnicityName;              ///< "Thái"
  bool present = true;                    ///< active or exempt on the day; false: left on or before it
  std::vector<core::MemberEvent> events;  ///< events dated on or before the day, oldest first
  std::string badgeNo{};  ///< the number of the latest Party badge decided by the day (column 8)
};

/// The register on `asOf`: the members active or exempt then (with includeDeparted, also those who had
/// joined and left on or before it), in the Vietnamese name order then by code. Needs ReadRegister; a
/// secretary gets only their cell.
std::vector<RegisterEntry> registerEntries(Services& services, const Actor& actor, const core::Date& asOf,
                                           bool includeDeparted = false);

/// The entries registerEntries gives (without those departed), in the same order, each handed to `visit` as
/// it is read from the register a page at a time (store::forEachMemberOn): the register of a province is
/// never held whole. With `limit`, only the first `limit` entries are read; with `includeDeparted`, those
/// registerEntries gives with it. Needs ReadRegister.
void forEachRegisterEntry(Services& services, const Actor& actor, const core::Date& asOf,
                          const std::function<void(RegisterEntry&&)>& visit, size_t limit = 0,
                          bool includeDeparted = false);
/// Every `every`-th entry forEachRegisterEntry gives (the first, the every+1-th, ...) with its place in the
/// register (from 1), reading only those members (store::forEachMemberSampleOn): a sample spread over the
/// whole register, to size its columns before its rows are read once. Needs ReadRegister.
void forEachRegisterSample(Services& services, const Actor& actor, const core::Date& asOf, size_t every,
                           const std::function<void(RegisterEntry&&, size_t)>& visit);
/// How many entries forEachRegisterEntry gives, counted by one aggregate query. Needs ReadRegister.
int64_t registerCount(Services& services, const Actor& actor, const core::Date& asOf);

/// A problem found by `check`.
struct CheckFinding {
  std::string rule;         ///< missing_field | invalid_dates | duplicate (here)
  std::string subject;      ///< the member code
  std::optional<int> year;  ///< none for these rules
  std::string message;      ///< Vietnamese
};

/// The rules missing_field (a member on the register now lacks a required field: full name, date of
/// birth, gender, ethnicity, admission or transfer-in date, cell; one finding per field) and duplicate
/// (members of any status sharing a CCCD, a party card number, or folded name and full date of birth;
/// one finding for each member of a group but the first by code, naming the others). Needs
/// ReadRegister; a secretary gets findings about members of their cell only. Rule invalid_dates: a member's
/// stored dates break a rule of core/MemberRules (one finding per problem). `asOf` is kept for the
/// rules judged on a day; these two do not depend on it.
std::vector<CheckFinding> checkRegister(Services& services, const Actor& actor, const core::Date& asOf);

}  // namespace dangbo::services
