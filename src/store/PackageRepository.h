#pragma once
// Cell packages in the database: the rows of one cell read and written generically (table by table,
// column by column, typed values), the office's record of exports and applied change packages, and in a
// cell file its origin and the values as opened. Only tables and columns known to the schema are touched.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/PackageData.h"
#include "store/Database.h"

namespace dangbo::store {

/// An export recorded at the office.
struct PackageExport {
  std::string id;
  int64_t cellId = 0;
  int64_t revision = 0;
  std::string exportedAt, exportedBy;
};

/// Where a cell file came from.
struct CellOrigin {
  std::string exportId, officeId, committee, cellCode, openedAt;
  int64_t officeRevision = 0;
  int64_t cellId = 0;
  std::string cellName, exportedAt, exportedBy;  ///< empty in a cell file made before schema step 9
};

/// Reads and writes the package tables and the rows packages carry.
class PackageRepository {
 public:
  explicit PackageRepository(Database& db) : db_(db) {}

  /// The file's identity ("" before the first export).
  std::string databaseId();
  /// Sets the file's identity.
  void setDatabaseId(const std::string& id);

  /// Office: every row a cell package of `cellId` carries (the cell, its members with their history, its
  /// candidates, the open rating round and its ratings, the committee and the settings), table by table.
  std::vector<core::PackageTable> cellTables(int64_t cellId);
  /// Cell: writes the tables of a package into a fresh file (settings tables are replaced, the committee row
  /// updated); references to rows the package does not carry are cleared, or their rows left out when the
  /// reference is required. Throws DataError for a table or column the schema does not know.
  void writeCellTables(const std::vector<core::PackageTable>& tables);
  /// Every row of `table` (one of the tables a package may carry).
  core::PackageTable rows(const std::string& table);

  /// Office: the value of `column` in row `id` of `table`; nullopt when there is no such row.
  std::optional<core::PackageValue> value(const std::string& table, int64_t id, const std::string& column);
  /// Office: sets `column` of row `id` of `table`.
  void setValue(const std::string& table, int64_t id, const std::string& column, const core::PackageValue& v);
  /// True when `table` has `column`.
  bool hasColumn(const std::string& table, const std::string& column);
  /// Office: the id of the row of `table` whose `columns` hold `values` (a natural key); nullopt when none.
  std::optional<int64_t> findRow(const std::string& table, const std::vector<std::string>& columns,
                                 const std::vector<core::PackageValue>& values);
  /// Office: inserts a row of `table` with `columns` set to `values` (the others take their defaults);
  /// returns its id. Throws DataError naming the table when the row breaks a constraint.
  int64_t insertRow(const std::string& table, const std::vector<std::string>& columns,
                    const std::vector<core::PackageValue>& values);

  /// Office: records an export.
  void recordExport(const PackageExport& e);
  /// Office: an export by id.
  std::optional<PackageExport> exportById(const std::string& id);
  /// Office: the newest export of a cell.
  std::optional<PackageExport> latestExport(int64_t cellId);
  /// Office: true when the change package `id` was applied.
  bool importApplied(const std::string& id);
  /// Office: records an applied change package.
  void recordImport(const std::string& id, const std::string& exportId, const std::string& secretary,
                    const std::string& appliedBy, int accepted, int declined);

  /// Cell: records where the file came from.
  void saveOrigin(const CellOrigin& o);
  /// Cell: where the file came from; nullopt in an office file.
  std::optional<CellOrigin> origin();
  /// Cell: stores the value of every cell of `tables` as opened.
  void saveBaseline(const std::vector<core::PackageTable>& tables);
  /// Cell: the value of (table, row, column) as opened; nullopt when it was not stored.
  std::optional<core::PackageValue> baseline(const std::string& table, int64_t id, const std::string& column);
  /// Cell: records that the rows of `table` as opened are in the baseline, so that a row without baseline
  /// values is one the cell added (a cell file made before this was recorded knows no added rows there).
  void markTracked(const std::string& table);
  /// Cell: true when markTracked(table) was recorded.
  bool tracked(const std::string& table);
  /// Cell: true when row `id` of `table` has baseline values (it was in the package).
  bool inBaseline(const std::string& table, int64_t id);
  /// The tables of a cell package that hold the cell's own records (not the committee row or settings),
  /// in the order they are written.
  static std::vector<std::string> recordTables();
  /// Cell: records that every row and every column of `table` as opened is in the baseline, so that any
  /// difference (an added, deleted or changed row) can be found.
  void markComplete(const std::string& table);
  /// Cell: true when markComplete(table) was recorded (not in files made before schema step 12).
  bool complete(const std::string& table);
  /// Cell: the rows of `table` as opened, by row id, each column with its value.
  std::map<int64_t, std::map<std::string, core::PackageValue>> baselineRows(const std::string& table);

 private:
  std::vector<std::string> columnsOf(const std::string& table);
  void setMarker(const std::string& table, const char* column);
  bool hasMarker(const std::string& table, const char* column);
  Database& db_;
};

}  // namespace dangbo::store
