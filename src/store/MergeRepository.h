#pragma once
// The SQL of a merge of former communes' registers (spec/merger.md) beyond what the import writes: the old
// codes kept with their origin ("Mã cũ"), the dated member events a dangbo source carries, and the reading
// of a dangbo file's records as the import's rows. Statements are prepared once and reused.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// One stored member event, its member and cells named by code (for carrying it into another register).
struct CodedMemberEvent {
  std::string memberCode;        ///< the member's code in its register
  std::string date;              ///< ISO date
  std::string kind;              ///< core::enums::memberEvent code
  std::string fromCell, toCell;  ///< cell codes ("" when none)
  std::string place, decisionNo, reason;
};

/// Reads and writes what a merge needs beyond the import.
class MergeRepository {
 public:
  /// Works on `db`; writes only inside the caller's transaction.
  explicit MergeRepository(Database& db);
  ~MergeRepository();
  MergeRepository(const MergeRepository&) = delete;
  MergeRepository& operator=(const MergeRepository&) = delete;

  /// Keeps `oldCode` of the former commune `origin` for the record `id` of `entity` (organization | member |
  /// candidate), merged on `mergedOn` (ISO).
  void insertOldCode(std::string_view entity, core::Id id, std::string_view origin, std::string_view oldCode,
                     std::string_view mergedOn);
  /// The ids of the records of `entity` that had the old code `code` (case ignored).
  std::vector<core::Id> idsByOldCode(std::string_view entity, std::string_view code);
  /// The code today of the record of `entity` (organization | member) that had `oldCode` (case ignored) in
  /// the register of the former commune `origin` ("" when none).
  std::string currentCode(std::string_view entity, std::string_view origin, std::string_view oldCode);
  /// The old codes of a record, "ORIGIN: CODE" each.
  std::vector<std::string> oldCodes(std::string_view entity, core::Id id);
  /// The day of the latest merge that brought in records of `origin` ("" when none).
  std::string mergedOn(std::string_view origin);
  /// Every code already kept as an old code of `entity`, by origin: origin + '\n' + code (lower case).
  std::vector<std::string> oldCodeKeys(std::string_view entity);

  /// Every member event as (member id, kind, date), for keeping an event of the same kind and date once.
  std::vector<std::tuple<core::Id, std::string, std::string>> memberEventKeys();
  /// Sets the cells of the member's events of `kind` on `date` (ISO) to those given.
  void setEventCells(core::Id memberId, std::string_view kind, std::string_view date,
                     std::optional<core::Id> from, std::optional<core::Id> to);
  /// Appends a member event.
  void insertMemberEvent(const core::MemberEvent& e);

  /// Every row of `table` (organizations | members | candidates | ratings | inspections | disciplines |
  /// committee_seats | targets) with `columns` as storage text (nullopt = NULL). References are read as the
  /// referenced code: cell_id, merged_into -> organization code; sponsor1, sponsor2, member_id -> member
  /// code; subject_id -> the code of the organization or member by subject_type; term_id -> the term's name;
  /// has_committee -> "1" / "0" (an open cell committee). A column the table lacks reads as NULL.
  std::vector<std::vector<std::optional<std::string>>> rowsOf(const std::string& table,
                                                              const std::vector<std::string>& columns);
  /// Every member event with codes, oldest first per member.
  std::vector<CodedMemberEvent> codedMemberEvents();

 private:
  SQLite::Statement& prepared(const std::string& sql);
  Database& db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace dangbo::store
