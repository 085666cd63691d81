#pragma once
// Import of the office's Excel lists (spec/import.md): the description of the template files, the
// parsed rows handed over by the exchange layer (ImportBatch, independent of the file format), and the
// use cases that plan (dry run) and apply an import in one transaction.
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/Enums.h"
#include "services/Actor.h"

namespace dangbo::core {
class Progress;
}

namespace dangbo::services {

class Services;

/// How the text of a column is read.
enum class ImportType {
  Text,       ///< free text, normalized (NFC, spaces collapsed)
  Code,       ///< a code (of the row, or a reference to another record's code)
  Date,       ///< dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd; stored as ISO
  BirthDate,  ///< a date or mm/yyyy, m/yyyy, yyyy; stored as the partial date's storage form
  Enum,       ///< a code or label of `ImportColumn::set`; stored as the code
  YesNo,      ///< Có / Không; stored as "1" / "0"
  Year,       ///< a four-digit year
  Count,      ///< a non-negative whole number
  Number,     ///< a decimal number (comma or point); stored in shortest form ("12.5")
  Cccd,       ///< exactly 12 digits
  Ethnic,     ///< an ethnic group's name or other name; resolved to the group code when planning
  TermName,   ///< "2025-2030"
};

/// One column of a template file.
struct ImportColumn {
  const char* field;   ///< internal name: the database column, or for references the column that holds the id
  const char* header;  ///< the header of spec/import.md, e.g. "Ngày vào Đảng"
  ImportType type;     ///< how the value is read
  bool optional = false;               ///< the column may be absent from the file
  bool requiredForNew = false;         ///< a new record needs a value (keys always need one)
  const core::EnumSet* set = nullptr;  ///< the enumeration of an Enum column
};

/// One template file.
struct ImportFileSpec {
  const char* kind;                       ///< the file name without ".csv", also the sheet name: "dang_vien"
  std::span<const ImportColumn> columns;  ///< in template order
  std::vector<std::string> keyFields;     ///< the fields identifying a row
};

/// Every template file in the order they are applied (organizations first).
const std::vector<ImportFileSpec>& importFileSpecs();
/// The spec of a file kind, or nullptr.
const ImportFileSpec* importFileSpec(std::string_view kind);
/// The column of `field` in `spec`, or nullptr.
const ImportColumn* importColumn(const ImportFileSpec& spec, std::string_view field);
/// The position of the column of `field` in `spec`, or -1.
int importColumnIndex(const ImportFileSpec& spec, std::string_view field);

/// One data row of an import file, already parsed. The values are kept by the column's position in the
/// file's ImportFileSpec::columns, all in one string (a row of a 100.000-row file costs one allocation for
/// its text, one for the ends); columns absent from the file read as "".
struct ImportRow {
  int row = 0;                 ///< record number in the file, the header being 1
  std::string text;            ///< the values one after the other
  std::vector<uint32_t> ends;  ///< per spec column: the end of its value in `text`
  uint64_t invalid = 0;        ///< bit i: the value of spec column i could not be read (see `problems`)
  std::vector<std::string> problems;  ///< Vietnamese messages naming file, row, column and reason
  /// The canonical value of spec column `column` ("" = empty cell or absent column); for an unreadable
  /// value its normalized text.
  std::string_view value(size_t column) const {
    if (column >= ends.size()) return {};
    const uint32_t from = column ? ends[column - 1] : 0;
    return std::string_view(text).substr(from, ends[column] - from);
  }
  /// The value of the column of `field` in `spec` ("" when the spec has no such column).
  std::string_view value(const ImportFileSpec& spec, std::string_view field) const;
  /// True when the value of spec column `column` could not be read.
  bool isInvalid(size_t column) const { return column < 64 && ((invalid >> column) & 1u); }
  /// Appends the value of the next spec column (columns are appended in spec order).
  void append(std::string_view v, bool isInvalid = false) {
    if (isInvalid) invalid |= uint64_t(1) << ends.size();
    text.append(v);
    ends.push_back(static_cast<uint32_t>(text.size()));
  }
};

/// The rows of one file (or sheet).
struct ImportFile {
  std::string kind;    ///< "to_chuc", "dang_vien", ...
  std::string source;  ///< the name used in messages: "dang_vien.csv" or "ds.xlsx, sheet dang_vien"
  std::map<std::string, std::string> headers;  ///< field -> header as written in the file
  std::vector<ImportRow> rows;                 ///< data rows in file order (blank rows skipped)
  std::vector<std::string> problems;           ///< file-level problems (syntax, unknown or missing columns)
};

/// Everything read from one import folder or workbook.
struct ImportBatch {
  std::vector<ImportFile> files;     ///< the files found, in importFileSpecs() order
  std::vector<std::string> notices;  ///< other files or sheets that were ignored, one message each
  /// The combined registers of a merge (services/Merge, office or administrator): a candidate's file is
  /// carried over as the former commune kept it (the import's own writer and audit row), not listed anew
  /// through the admissions page's door, whose rules judge a listing made today.
  bool merged = false;
};

/// What importing a row does.
enum class ImportAction { New, Update, Unchanged, Error };

/// One field whose stored value changes.
struct ImportChange {
  std::string column;    ///< the header of the column (or the internal name for derived values)
  std::string oldValue;  ///< as stored, references shown by code ("" = none)
  std::string newValue;  ///< as it will be stored
  std::string field;     ///< the field's internal name ("full_name"), as in the audit row
};

/// The plan for one row.
struct PlannedRow {
  int row = 0;      ///< record number in the file
  std::string key;  ///< the row's key, e.g. "DV001" or "2024 / dang_vien / DV001"
  ImportAction action = ImportAction::Unchanged;  ///< what happens
  std::vector<ImportChange> changes;              ///< for updates: the fields that change
  std::vector<std::string> problems;              ///< for errors: every reason, in Vietnamese
};

/// The plan for one file.
struct PlannedFile {
  std::string kind;                                       ///< "dang_vien"
  std::string source;                                     ///< as in messages
  std::vector<PlannedRow> rows;                           ///< in file order
  int added = 0, updated = 0, unchanged = 0, errors = 0;  ///< counts by action
};

/// A new member who looks like another member (stored or imported): listed for review, never merged.
struct LikelyDuplicate {
  std::string source;          ///< the file of the new row
  int row = 0;                 ///< its record number
  std::string code;            ///< its member code
  std::string otherCode;       ///< the code of the look-alike
  bool otherInImport = false;  ///< the look-alike is another row of the import (else a stored member)
  std::string reason;          ///< Vietnamese: "same CCCD number 0123...", ...
};

/// What an import would do: per file and row, and the look-alikes to review.
struct ImportPlan {
  std::vector<PlannedFile> files;     ///< in apply order
  std::vector<std::string> problems;  ///< every problem of the import (file-level and per row), in order
  std::vector<LikelyDuplicate> duplicates;  ///< new members resembling others
  std::vector<std::string> notices;         ///< ignored files (copied from the batch)
  /// True when nothing stops the import.
  bool ok() const { return problems.empty(); }
  /// True when applying would write anything.
  bool changesAnything() const;
};

/// The outcome of applyImport.
struct ImportResult {
  ImportPlan plan;       ///< what was done
  bool written = false;  ///< false when every row was unchanged (nothing, not even an audit row, was written)
  int added = 0, updated = 0, unchanged = 0;  ///< totals over all files
};

/// Why `actor` may not import the file `kind` at all ("" when it may): organizations, committees and targets
/// need the office or an administrator; inspections and disciplines the inspection committee (which alone
/// reads case files); the rest the right to change the register (a secretary: only their own cell's rows).
std::string importFileRefusal(const Actor& actor, std::string_view kind);
/// Plans an import without writing anything (the dry run): every row checked against the register. A file
/// the actor may not import is refused as a whole, its rows left unread (a dry run shows nothing of them).
/// `progress` (may be null) follows the rows; cancelling throws core::Cancelled.
ImportPlan planImport(Services& s, const Actor& actor, const ImportBatch& batch,
                      core::Progress* progress = nullptr);
/// How the new members of a large import reach the indexes: kAuto writes them without the secondary indexes
/// of members and member_events and without the name search index, and builds those once after the
/// members' files (the search index of a filled register: its new members only), when bulkLoadPays;
/// kRowByRow always keeps every index current row by row (the same rows, search hits and audit rows: the
/// tests compare the two).
enum class IndexLoad { kAuto, kRowByRow };
/// Plans, refuses with core::DataError listing every problem (one per line) if any, else writes the whole
/// import in one transaction with one revision bump and its audit rows: one per file (the counts), one per
/// changed record (ENTITY.update, the old and new value of each changed field, as the dialog writes it) and
/// one per new record (its values; a bulk load of kImportBulkRows new records or more in a file: one row
/// naming them). Re-importing the same rows writes nothing. `progress` (may be null) follows the checking,
/// then the writing of the rows; cancelling throws core::Cancelled and rolls the whole import back.
ImportResult applyImport(Services& s, const Actor& actor, const ImportBatch& batch,
                         core::Progress* progress = nullptr, IndexLoad load = IndexLoad::kAuto);
/// Whether `added` new members are written into a register of `stored` members faster by dropping the
/// indexes and rebuilding them (a pass over the whole table each) than row by row (a search in each index
/// per row, which at a large register no longer fits the cache): from kBulkLoadRows new members, when they
/// are at least 1/kBulkLoadShare of the register.
bool bulkLoadPays(int64_t added, int64_t stored);
inline constexpr int kBulkLoadRows = 5000;
inline constexpr int kBulkLoadShare = 5;
/// Whether `added` new members written row by row (no bulk load) into a register of `stored` members cost
/// less with the members' counts counted afresh once after the members' files than kept by their triggers row
/// by row: from kBulkLoadRows new members, when they are at least 1/kRecountShare of the register (at a
/// million members the triggers cost about 55 us a new member, the count afresh about 3 us a member stored).
bool recountPays(int64_t added, int64_t stored);
inline constexpr int kRecountShare = 16;

/// New records of one file from which their audit is one row for the file (a first load of a province).
inline constexpr int kImportBulkRows = 5000;

/// The Vietnamese word for an action ("mới", "cập nhật", ...).
std::string importActionLabel(ImportAction a);
/// A problem message naming the file, the row (record number, header = 1), the column as written and the
/// reason.
std::string importProblem(const std::string& source, int row, const std::string& column,
                          const std::string& reason);
/// Adds a planned row to its file: the action Error when it has problems (appended to `problems`), else New
/// when `isNew`, Update when it has changes, Unchanged otherwise; the file's counts follow.
void addPlannedRow(PlannedFile& pf, PlannedRow pr, bool isNew, std::vector<std::string>& problems);
/// Refuses a row at a column (its field name) for a reason.
using ImportProblemAt = std::function<void(const std::string& field, const std::string& reason)>;
/// Plans (dryRun) or writes a file whose rows a record's door writes one by one (tap_huan, bi_thu_chi_bo):
/// each row gets its key (the values of the spec's key fields joined by " / ") and the reader's problems, a
/// key repeated in the file is refused at the last key column, and `row(r, pr, problem)` checks (or writes) a
/// row without problems and returns whether it is new (it adds changes to `pr` for an update). The rows are
/// added to `pf` (addPlannedRow); writing throws core::DataError at the first refused row.
void planDoorFile(const ImportFile& file, const ImportFileSpec& spec, bool dryRun, PlannedFile& pf,
                  std::vector<std::string>& problems,
                  const std::function<bool(const ImportRow&, PlannedRow&, const ImportProblemAt&)>& row);

}  // namespace dangbo::services
