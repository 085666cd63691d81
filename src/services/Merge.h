#pragma once
// Merging the registers of former communes into one (spec/merger.md): the sources (read by the exchange
// layer as import batches, or from dangbo files), the cell map, the same-person pairs, the plan (the dry run)
// and the merge itself, all or nothing in one transaction through the import's door (the same scope,
// validation and audit rows), the cell mergers through mergeOrganizations, the old codes kept, every member
// event of a dangbo source carried with its dates, and one audit row naming the sources and their checksums.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"
#include "services/Import.h"

namespace dangbo::core {
class Progress;
}

namespace dangbo::services {

class Services;

/// A dated member event of a dangbo source, its member and cells named by their codes in that source.
struct SourceEvent {
  std::string memberCode, date, kind, fromCell, toCell, place, decisionNo, reason;
};

/// One former committee's register.
struct MergeSource {
  std::string name;                 ///< the former commune: the origin of every cell of the source
  std::string path;                 ///< as given (messages, audit)
  std::string checksum;             ///< hex SHA-256 of what was read
  ImportBatch batch;                ///< its records as import rows (sources named "NAME: file")
  std::vector<SourceEvent> events;  ///< a dangbo file: its whole member history (else empty)
};

/// A row of MAP.csv: an old cell of a source mapped to a new cell.
struct MergeCellRow {
  int row = 0;                 ///< record number in MAP.csv (header = 1)
  std::string origin;          ///< Đơn vị cũ
  std::string oldCode;         ///< Mã chi bộ cũ
  std::string newCode;         ///< Mã chi bộ mới
  std::string newName;         ///< Tên chi bộ mới
  std::string kind, category;  ///< optional Loại, Khối (codes or labels)
};

/// A row of PAIRS.csv: a decision on a proposed pair.
struct MergePairRow {
  int row = 0;
  std::string origin1, code1, origin2, code2;
  std::string decision;  ///< as written: "cùng người" / "khác người"
};

/// What to merge.
struct MergeRequest {
  core::Date on;                        ///< the merge day
  std::string decision;                 ///< the decision (number and date)
  std::vector<MergeSource> sources;     ///< in the order given (the earlier wins)
  std::vector<MergeCellRow> cells;      ///< MAP.csv rows
  std::string cellsSource = "MAP.csv";  ///< its name in messages
  std::vector<MergePairRow> pairs;      ///< PAIRS.csv rows
  bool pairsGiven = false;              ///< a PAIRS.csv was given
  std::string pairsSource = "PAIRS.csv";
};

/// A proposed same-person pair.
struct MergePair {
  size_t source1 = 0, source2 = 0;  ///< indexes into the sources (source1 < source2)
  std::string origin1, code1, name1, origin2, code2, name2;
  std::string reason;        ///< Vietnamese: "cùng số CCCD 0123...; ..."
  std::optional<bool> same;  ///< the decision, when given
};

/// An old code and the new one.
struct MergeCode {
  std::string entity;  ///< organization | member | candidate
  std::string origin, oldCode, newCode;
};

/// A new cell of the map and the cells merged into it.
struct MergeCellGroup {
  std::string newCode, newName;
  std::vector<std::string> fromCodes;  ///< the old cells' codes in the new register
};

/// What a merge does (the dry run) or did.
struct MergePlan {
  std::vector<std::string>
      problems;                  ///< every reason the merge is refused (Vietnamese, naming file/row/field)
  std::vector<MergePair> pairs;  ///< the proposed pairs with their decisions
  std::vector<std::string> undecided;      ///< the proposed pairs PAIRS.csv does not decide, one line each
  std::vector<std::string> conflicts;      ///< a same person's fields that differ (the earlier source kept)
  std::vector<std::string> notices;        ///< what is left out and why
  std::vector<MergeCode> codes;            ///< every old code and its new code
  std::vector<MergeCellGroup> cellGroups;  ///< the cells merged into the new cells of the map
  int cells = 0, members = 0, candidates = 0, samePersons = 0;
  ImportPlan import;     ///< the import of the combined rows
  bool written = false;  ///< applyMerge wrote it
  bool ok() const { return problems.empty() && undecided.empty(); }
};

/// Why `actor` may not merge ("" when it may): the office or an administrator only.
std::string mergeRefusal(const Actor& actor);
/// The same-person pairs proposed between the sources (equal CCCD, card number or file number, or folded name
/// and birth date as written), decisions unset.
std::vector<MergePair> proposeMergePairs(const std::vector<MergeSource>& sources);
/// Plans the merge without writing anything (the dry run).
MergePlan planMerge(Services& s, const Actor& actor, const MergeRequest& request,
                    core::Progress* progress = nullptr);
/// Plans; refuses with core::DataError (every problem and undecided pair, one a line) when anything stops it;
/// else writes the whole merge in one transaction. Cancelling throws core::Cancelled: nothing is kept.
MergePlan applyMerge(Services& s, const Actor& actor, const MergeRequest& request,
                     core::Progress* progress = nullptr);
/// The case files of the sources (their kiem_tra and ky_luat rows), brought in after the register's merge by
/// the inspection committee, which alone reads and writes them (the office's merge leaves them out). Each
/// row's cell or member is named by the code the merge gave it, found by the source's name (its origin) and
/// the old code. Through the import's door with the committee's scope, checks and audit; `dryRun` plans and
/// writes nothing. Refused (core::DataError, nothing written) when a source's commune was never merged or
/// a row's subject was not brought in; core::PermissionError for any other account.
ImportPlan mergeCaseFiles(Services& s, const Actor& actor, const std::vector<MergeSource>& sources,
                          bool dryRun, core::Progress* progress = nullptr);
/// Reads a dangbo file as a merge source (its records as import rows, its member history); `name` is the
/// former commune. Throws DataError or DatabaseError when the file cannot be opened as a register.
MergeSource readRegisterSource(const std::string& name, const std::string& path);
/// The day the latest merge brought in the registers of the former commune `origin` (nullopt when none).
std::optional<core::Date> mergedOn(Services& s, const std::string& origin);
/// The members (ids) that had the old code `code` before a merge.
std::vector<core::Id> membersByOldCode(Services& s, const std::string& code);
/// The old codes of a member ("ORIGIN: CODE" each).
std::vector<std::string> memberOldCodes(Services& s, core::Id memberId);

}  // namespace dangbo::services
