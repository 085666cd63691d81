#pragma once
// The SQL of the import (spec/import.md): records looked up by their import key, stored values read for
// comparison, and inserts and partial updates of every kind the template files carry. Values travel as
// their storage text (ISO dates, codes, ids and numbers as decimal text); nullopt stands for NULL.
// Every statement is prepared once per repository and reused (an import of 100.000 rows runs the same few
// statements over and over); the repository must not outlive its Database.
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// Column -> storage text of the values written (never NULL: an absent value is not written).
using ImportValues = std::vector<std::pair<std::string_view, std::string_view>>;

/// A record made ready to insert without the database (on any thread): its values, the keys derived from its
/// name, and the key of its statement. The values' texts stay the caller's and must outlive the insert.
struct RowToInsert {
  std::string table;
  ImportValues values;
  std::string searchKey, sortKey;  ///< derived from the name ("" when the values hold no name)
  bool named = false;              ///< the values hold the name: its keys are written with them
  std::string statementKey;        ///< table and columns: the statement's key in the repository
};

/// A stored record found by its key.
struct StoredRecord {
  core::Id rowid = 0;                              ///< the row's id (rowid for tables with a composite key)
  std::vector<std::optional<std::string>> values;  ///< the requested columns, in the order asked, as storage
                                                   ///< text (REAL in shortest form); nullopt = NULL
};

/// An ethnic group's names as stored.
struct EthnicGroupNames {
  std::string code;        ///< "03"
  std::string name;        ///< "Thái"
  std::string otherNames;  ///< "Tày; Tày Khao (Thái Trắng); ..."
};

/// The identifying values of a stored member, for the look-alike check.
struct MemberIdentity {
  std::string code;       ///< member code
  std::string searchKey;  ///< folded full name
  std::string birthDate;  ///< storage form or ""
  std::string cccd;       ///< 12 digits or ""
  std::string cardNo;     ///< party card number or ""
};

/// Reads and writes what the import needs. Only the tables and columns of the template files are accepted
/// (anything else is a programming error: std::logic_error).
class ImportRepository {
 public:
  /// Works on `db`; writes only inside the caller's transaction.
  explicit ImportRepository(Database& db);
  ~ImportRepository();
  ImportRepository(const ImportRepository&) = delete;
  ImportRepository& operator=(const ImportRepository&) = delete;

  /// Every code of `table` (organizations | members | candidates) with its id, read in one statement.
  std::vector<std::pair<std::string, core::Id>> idsByCode(const std::string& table);
  /// The id of the organization, member or candidate (`table` = organizations | members | candidates) with
  /// `code`.
  std::optional<core::Id> idByCode(const std::string& table, std::string_view code);
  /// The code of the row `id` of `table` (organizations | members | candidates); "" when none.
  std::string codeById(const std::string& table, core::Id id);
  /// The id of the term named `name` ("2025-2030").
  std::optional<core::Id> termId(std::string_view name);
  /// The years whose rating round is locked.
  std::set<int> lockedRatingYears();
  /// The name of term `id`; "" when none.
  std::string termName(core::Id id);
  /// Inserts a term; returns its id.
  core::Id insertTerm(const core::Term& t);

  /// The record of `table` whose key columns equal `key`, with `columns` read.
  std::optional<StoredRecord> find(const std::string& table, const ImportValues& key,
                                   const std::vector<std::string>& columns);
  /// The record of `table` with rowid `rowid`, with `columns` read.
  std::optional<StoredRecord> findById(const std::string& table, core::Id rowid,
                                       const std::vector<std::string>& columns);
  /// Inserts a record; members and candidates get their search (and sort) keys, organizations their search
  /// key. Returns the rowid.
  core::Id insert(const std::string& table, const ImportValues& values);
  /// The same insert in two steps: `prepareInsert` needs no database (a helper thread makes rows ready while
  /// the writer writes those before them), `insert(row)` writes one. Returns the rowid.
  static void prepareInsert(const std::string& table, const ImportValues& values, RowToInsert& out);
  core::Id insert(const RowToInsert& row);
  /// Inserts rows made ready by prepareInsert, all of the same statement key (std::logic_error otherwise), by
  /// one statement; they get consecutive rowids in their order. Returns the first rowid.
  core::Id insertRows(std::span<const RowToInsert* const> rows);
  /// Sets the given columns of row `rowid` (nothing else); keeps the derived keys in step with a changed
  /// name.
  void update(const std::string& table, core::Id rowid, const ImportValues& values);

  /// True when the organization has an open cell committee period.
  bool hasOpenCellCommittee(core::Id orgId);
  /// Opens a cell committee period from `from` (NULL when unknown).
  void openCellCommittee(core::Id orgId, const std::optional<core::Date>& from);
  /// Closes the open cell committee periods of the organization on `on`.
  void closeCellCommittee(core::Id orgId, const core::Date& on);
  /// Appends a member history event.
  void insertMemberEvent(const core::MemberEvent& e);
  /// Appends member history events in their order, several by one statement.
  void insertMemberEvents(std::span<const core::MemberEvent> events);
  /// The events insertMemberEvents writes by one statement.
  static constexpr size_t kEventRows = 32;
  /// The cell a member is in now (0 when unknown).
  core::Id memberCell(core::Id memberId);

  /// Every ethnic group with its names.
  std::vector<EthnicGroupNames> ethnicGroups();
  /// Calls `visit` with the identifying values of every stored member, by code (one statement; nothing is
  /// kept).
  void forEachMemberIdentity(const std::function<void(const MemberIdentity&)>& visit);
  /// The identifying values of every stored member, by code.
  std::vector<MemberIdentity> memberIdentities();

  /// Settings for writing many rows at once (a page cache large enough to hold what the import touches,
  /// temporary storage in memory); endBulkWrite restores the previous ones and frees the cache.
  void beginBulkWrite();
  /// Restores what beginBulkWrite changed (no effect without it).
  void endBulkWrite();
  /// The number of rows of `table` (members | member_events | organizations).
  int64_t rowCount(const std::string& table);
  /// Whether `table` (one of those of rowCount) holds a row, without counting them.
  bool hasRows(const std::string& table);
  /// For a load that adds many rows, inside the caller's transaction: drops the secondary (non-unique,
  /// named) indexes of `tables` and returns their definitions; rebuildIndexes puts them back, built by one
  /// sort each rather than row by row. For members, the triggers keeping the name search index current go
  /// too, and rebuildIndexes rebuilds that index in one pass. A rollback restores them with everything else.
  std::vector<std::string> dropSecondaryIndexes(const std::vector<std::string>& tables);
  /// For a load that adds many members to a register too large for dropSecondaryIndexes to pay, inside the
  /// caller's transaction: the triggers keeping the name search index current go (the entries of the members
  /// stored before stay current) and their definitions are returned; rebuildIndexes indexes the members
  /// added in one statement and puts the triggers back. Row by row, the index (FTS5) writes each member's
  /// entries apart at the end of each statement, most of the time of such a load. With `counts`, the
  /// triggers keeping the members' counts go too, and rebuildIndexes counts them afresh.
  std::vector<std::string> deferSearchIndex(bool counts);
  /// Recreates the indexes returned by dropSecondaryIndexes (or the triggers of deferSearchIndex).
  void rebuildIndexes(const std::vector<std::string>& definitions);

  /// A value to bind: text, or a blob (the sort key). The repository's own (public for its helpers).
  struct Bound {
    std::string_view column;
    std::string_view text;
    bool blob = false;
  };

 private:
  // The statement of `sql`, prepared on first use (after `checkFirst` validated it), reset and unbound.
  SQLite::Statement& prepared(const std::string& sql, const std::function<void()>& checkFirst = {});
  Database& db_;
  std::string now_;                      // the time stamp of this import's writes
  std::vector<std::string> scratch_;     // bound values (kept until the statement ran)
  std::string key_;                      // a bound code or name
  RowToInsert row_;                      // the row of insert(table, values) and update
  std::vector<Bound> bound_;             // its values and derived columns, as bound
  std::string insertKey_;                // the key of an insert statement: table, columns and rows
  std::vector<std::string> eventDates_;  // the dates of the events being inserted, as bound
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  class Insert;  // an insert bound in place (ImportRepository.cpp)
  std::unordered_map<std::string, std::unique_ptr<Insert>> inserts_;  // by table, columns and rows
  // The inserts of the members (by their key in inserts_) and of the events (one and kEventRows at a time).
  Insert& insertOf(const std::string& key, const std::function<std::string()>& sql);
  std::optional<std::pair<int64_t, int64_t>> bulk_;  // cache_size and temp_store before beginBulkWrite
};

}  // namespace dangbo::store
