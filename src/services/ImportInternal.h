#pragma once
// The import's working parts shared by its files (ImportApply.cpp plans and writes, ImportScope.cpp keeps a
// row within the account's scope and the dialog's date rules, ImportDoors.cpp hands rows to the records'
// service doors, ImportNewMembers.cpp writes new records and a members' file on two cores): a file spec's
// positions, the outcome of evaluating a row, a row's storage values, and the import's context.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/Date.h"
#include "core/I18n.h"
#include "core/Progress.h"
#include "core/Rules.h"
#include "core/VietText.h"
#include "services/Actor.h"
#include "services/CellWork.h"
#include "services/Import.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "services/YearRatings.h"
#include "store/ImportRepository.h"

namespace dangbo::services::import_detail {

using core::format;
using core::tr;

inline constexpr std::string_view kNewPrefix = "new:";  // a reference to a record created by this import

// Hash and equality accepting std::string_view for std::string keys.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;

// Texts that outlive the table (views into an import's rows, or into its planned rows) each with a value: an
// open-addressing table whose slots hold an entry's index and a part of its hash, so that a province's file
// costs no allocation per text and a probe reads an entry only when the hashes agree.
template <class V>
class ViewTable {
 public:
  // Room for `more` texts.
  void reserve(size_t more) {
    const size_t want = (entries_.size() + more) * 2;
    if (slots_.size() >= want) return;
    size_t size = 16;
    while (size < want) size *= 2;
    slots_.assign(size, kEmpty);
    for (uint32_t i = 0; i < entries_.size(); ++i) {
      const uint64_t h = hashOf(entries_[i].first);
      slots_[slotOf(entries_[i].first, h)] = slotValue(i, h);
    }
  }
  // The value of `text`, or null.
  const V* find(std::string_view text) const {
    const uint64_t slot = slots_[slotOf(text, hashOf(text))];
    return slot == kEmpty ? nullptr : &entries_[uint32_t(slot)].second;
  }
  bool contains(std::string_view text) const { return find(text) != nullptr; }
  // Adds `text` (which must stay where it is while the table lives) with `value` unless it is there already;
  // true when added.
  bool emplace(std::string_view text, const V& value) {
    if ((entries_.size() + 1) * 2 > slots_.size()) reserve(entries_.size() + 1);
    const uint64_t h = hashOf(text);
    uint64_t& slot = slots_[slotOf(text, h)];
    if (slot != kEmpty) return false;
    slot = slotValue(uint32_t(entries_.size()), h);
    entries_.emplace_back(text, value);
    return true;
  }
  void clear() {
    entries_ = {};
    slots_.assign(16, kEmpty);
  }

 private:
  static constexpr uint64_t kEmpty = UINT64_MAX;
  static uint64_t hashOf(std::string_view text) { return std::hash<std::string_view>{}(text); }
  static uint64_t slotValue(uint32_t index, uint64_t hash) { return (hash & 0xFFFFFFFF00000000u) | index; }
  // The slot of `text` (hash `h`), or the empty one where it would go.
  size_t slotOf(std::string_view text, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t at = size_t(h) & mask;; at = (at + 1) & mask) {
      const uint64_t slot = slots_[at];
      if (slot == kEmpty) return at;
      if ((slot ^ h) >> 32 == 0 && entries_[uint32_t(slot)].first == text) return at;
    }
  }
  std::vector<uint64_t> slots_ = std::vector<uint64_t>(16, kEmpty);
  std::vector<std::pair<std::string_view, V>> entries_;
};

// What a reference column names.
enum class Ref { None, Organizations, Members, Subject };

// A file spec with the positions the evaluation needs, computed once.
struct SpecInfo {
  const ImportFileSpec* spec = nullptr;
  std::string kind, table;
  std::vector<int> keys;                   // spec positions of the key fields
  uint64_t keyMask = 0;                    // the same as bits
  std::vector<std::string> storedColumns;  // every column but has_committee, in spec order
  std::vector<int> storedAt;               // spec position -> index in storedColumns (-1: none)
  std::vector<int> byField;                // spec positions in the order of their field names
  std::vector<Ref> refs;                   // per spec position
  int origin = -1;  // chi_tieu: the optional key column "Đơn vị cũ" ("" when absent or empty)
  int code = -1, committee = -1, status = -1, statusSince = -1, fromYear = -1, toYear = -1, subjectType = -1,
      mergedInto = -1, cellId = -1, subjectId = -1, founded = -1, officialOn = -1, admittedOn = -1,
      transferredInOn = -1, year = -1, birthDate = -1, listedOn = -1;
  bool keyedByCode = false;  // the key is the record's code
};

/// The positions of a file spec (computed once per spec).
const SpecInfo& infoOf(const ImportFileSpec& spec);

// Ethnic groups by name and other names.
class EthnicIndex {
 public:
  explicit EthnicIndex(const std::vector<store::EthnicGroupNames>& groups) {
    for (const auto& g : groups) {
      own_[core::fold(g.name)] = g.code;
      byCode_[g.code] = g.name;
      size_t start = 0;
      while (start <= g.otherNames.size()) {
        size_t end = g.otherNames.find(';', start);
        if (end == std::string::npos) end = g.otherNames.size();
        std::string piece = core::normalizeText(g.otherNames.substr(start, end - start));
        addOther(piece, g.code);
        // "Tày Khao (Thái Trắng)": both names count.
        size_t open = piece.find('('), close = piece.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open) {
          addOther(core::normalizeText(piece.substr(0, open)), g.code);
          addOther(core::normalizeText(piece.substr(open + 1, close - open - 1)), g.code);
        }
        start = end + 1;
      }
    }
  }
  // The group code, or a reason in `error`. Resolved names are remembered (a file repeats a few names).
  std::optional<std::string> resolve(std::string_view text, std::string& error) {
    if (auto it = memo_.find(text); it != memo_.end()) return it->second;
    auto code = lookUp(std::string(text), error);
    if (code) memo_.emplace(std::string(text), *code);
    return code;
  }
  // The group's name for display.
  std::string name(const std::string& code) const {
    auto it = byCode_.find(code);
    return it == byCode_.end() ? code : it->second;
  }

 private:
  std::optional<std::string> lookUp(const std::string& text, std::string& error) const {
    std::string key = core::fold(text);
    if (auto it = own_.find(key); it != own_.end()) return it->second;
    if (auto it = other_.find(key); it != other_.end()) {
      if (it->second.size() == 1) return *it->second.begin();
      std::string names;
      for (const auto& code : it->second) names += (names.empty() ? "" : ", ") + byCode_.at(code);
      error =
          format(tr("\"{1}\" is another name of several ethnic groups ({2}): write the group's own name."),
                 {text, names});
      return std::nullopt;
    }
    if (byCode_.count(text)) return text;
    error = format(tr("\"{1}\" is not one of the 54 ethnic groups or their other names."), {text});
    return std::nullopt;
  }
  void addOther(const std::string& piece, const std::string& code) {
    if (!piece.empty()) other_[core::fold(piece)].insert(code);
  }
  std::map<std::string, std::string> own_, byCode_;
  std::map<std::string, std::set<std::string>> other_;
  TextMap<std::string> memo_;
};

// What evaluating a row found. One Outcome is reused from row to row (its buffers stay allocated).
struct Outcome {
  ImportAction action = ImportAction::Unchanged;
  std::string key;
  std::vector<ImportChange> changes;
  std::vector<std::string> problems;
  std::vector<std::string> values;  // storage values of the present, non-empty columns, by spec position
  uint64_t present = 0;             // bit k: values[k] holds a value
  uint64_t updates = 0;             // bit k: the column changes the stored record
  std::optional<store::StoredRecord> stored;
  std::optional<bool> committee;  // to_chuc: Có chi ủy
  bool committeeChanges = false;

  void reset(size_t columns) {
    action = ImportAction::Unchanged;
    key.clear();
    changes.clear();
    problems.clear();
    if (values.size() != columns) values.assign(columns, std::string());
    present = updates = 0;
    stored.reset();
    committee.reset();
    committeeChanges = false;
  }
  bool has(int k) const { return k >= 0 && ((present >> k) & 1u); }
  void set(int k, std::string_view v) {
    values[size_t(k)].assign(v);
    present |= uint64_t(1) << k;
  }
  // The stored value of spec position k (nullopt: NULL, or no stored record).
  std::optional<std::string_view> old(const SpecInfo& info, int k) const {
    if (!stored || k < 0 || info.storedAt[size_t(k)] < 0) return std::nullopt;
    const auto& v = stored->values[size_t(info.storedAt[size_t(k)])];
    if (!v) return std::nullopt;
    return std::string_view(*v);
  }
};

struct Context {
  Services& s;
  const Actor& actor;
  std::optional<core::Id> scopeCell;  // a secretary: the one cell whose records the import may touch
  store::ImportRepository repo;
  EthnicIndex ethnic;
  core::Date today;
  core::RuleBook rules;  // the dated rule values (the youngest admission age)
  bool applying = false;
  bool merged = false;  // a merge's combined registers (ImportBatch::merged)
  // The codes the import defines (planning only; views into the batch's rows, which outlive the plan).
  ViewTable<bool> importOrgs, importMembers;
  std::map<std::string, TextMap<core::Id>> ids;  // table -> code -> id of stored records, read on first use
  TextMap<std::string> terms;                    // term name -> id (as text) of stored terms
  std::unique_ptr<CellWorkDoor> cellWork;      // the door of the cells' monthly work (dry run while planning)
  std::unique_ptr<YearRatingDoor> ratingDoor;  // the door of xep_loai's ratings, made on first use

  Context(Services& svc, const Actor& a)
      : s(svc),
        actor(a),
        scopeCell(a.role == "secretary" ? std::optional<core::Id>(a.cellId.value_or(0)) : std::nullopt),
        repo(storeOf(svc)),
        ethnic(repo.ethnicGroups()),
        today(core::Date::today()),
        rules(svc.ruleBook()) {}

  TextMap<core::Id>& idsOf(const std::string& table) {
    auto it = ids.find(table);
    if (it == ids.end()) {
      TextMap<core::Id> m;
      auto codes = repo.idsByCode(table);
      m.reserve(codes.size());
      for (auto& [code, id] : codes) m.emplace(std::move(code), id);
      it = ids.emplace(table, std::move(m)).first;
    }
    return it->second;
  }
  // Room for `more` codes of `table` to come (no rehashing while a large file is written).
  void expect(const std::string& table, size_t more) {
    auto& m = idsOf(table);
    m.reserve(m.size() + more);
  }
  // A record was written: later rows find it by its code.
  void inserted(const std::string& table, std::string_view code, core::Id id) {
    if (auto it = ids.find(table); it != ids.end()) it->second.emplace(std::string(code), id);
  }
  // Forgets what was read (the register may have changed since).
  void forget() {
    ids.clear();
    terms.clear();
    ratingDoor.reset();
  }
  YearRatingDoor& ratings() {
    if (!ratingDoor) ratingDoor = std::make_unique<YearRatingDoor>(s, actor);
    return *ratingDoor;
  }

  // The id (as text) of a referenced code, "new:CODE" when the import creates it, nullopt when unknown.
  std::optional<std::string> ref(const std::string& table, std::string_view code) {
    auto& m = idsOf(table);
    if (auto it = m.find(code); it != m.end()) return std::to_string(it->second);
    const auto& pool = table == "organizations" ? importOrgs : importMembers;
    if (pool.contains(code)) return std::string(kNewPrefix).append(code);
    return std::nullopt;
  }
  // The id (as text) of a term, created when applying.
  std::string term(std::string_view name) {
    if (auto it = terms.find(name); it != terms.end()) return it->second;
    if (auto id = repo.termId(name))
      return terms.emplace(std::string(name), std::to_string(*id)).first->second;
    if (!applying) return std::string(kNewPrefix).append(name);
    core::Term t;
    t.name = std::string(name);
    t.fromYear = std::stoi(t.name.substr(0, 4));
    t.toYear = std::stoi(t.name.substr(5, 4));
    return terms.emplace(t.name, std::to_string(repo.insertTerm(t))).first->second;
  }
};

inline bool isNewRef(std::string_view v) {
  return v.substr(0, kNewPrefix.size()) == kNewPrefix;
}

// The values of a row's column as dates and ids (nullopt: none, or a record the import has yet to write).
inline std::optional<core::Date> dateOf(const Outcome& o, int k) {
  if (!o.has(k)) return std::nullopt;
  return core::Date::parse(o.values[size_t(k)]);
}
inline std::optional<core::Date> storedDate(const SpecInfo& info, const Outcome& o, int k) {
  auto v = o.old(info, k);
  if (!v) return std::nullopt;
  return core::Date::parse(*v);
}
inline std::optional<core::Id> idOf(std::optional<std::string_view> v) {
  if (!v || isNewRef(*v)) return std::nullopt;
  return std::stoll(std::string(*v));
}
inline std::optional<core::Id> idOf(const Outcome& o, int k) {
  if (!o.has(k)) return std::nullopt;
  return idOf(std::string_view(o.values[size_t(k)]));
}

/// An organization row that sets or clears "has a cell committee", through the organization action dialog's
/// door (setCellCommittee: office, audit cell_committee.open / .close): opens it from the row's founding day
/// (else the stored one; none: from the cell's beginning), or closes it today. Nothing when the row leaves it
/// as it was (ImportDoors.cpp).
void applyCellCommittee(Context& ctx, const SpecInfo& info, const Outcome& o);

/// The header of column `c` as the file writes it.
std::string headerOf(const ImportFile& f, const ImportColumn& c);
/// The table holding the code a reference column names ("" when none, or when the subject type is missing).
std::string refTable(const SpecInfo& info, int k, const ImportRow& row);
// The storage values of the present, non-empty, readable columns of `row` into `out` (reset first), with a
// problem for each reference or ethnicity that does not resolve; the columns of `skip` are taken as empty.
// `src` resolves names and codes: the import's Context, or the members' helper thread's own (MemberSources).
template <class Sources>
void storageValues(Sources& src, const SpecInfo& info, const ImportFile& file, const ImportRow& row,
                   Outcome& out, uint64_t skip) {
  const ImportFileSpec& spec = *info.spec;
  const size_t n = spec.columns.size();
  out.reset(n);
  out.problems = row.problems;
  auto problem = [&](int k, const std::string& reason) {
    out.problems.push_back(
        importProblem(file.source, row.row, headerOf(file, spec.columns[size_t(k)]), reason));
  };
  auto text = [&](int k) { return (skip >> k) & 1u ? std::string_view() : row.value(size_t(k)); };
  for (int k = 0; k < int(n); ++k) {
    const std::string_view v = text(k);
    if (v.empty() || row.isInvalid(size_t(k))) continue;
    const ImportColumn& c = spec.columns[size_t(k)];
    if (k == info.committee) {
      out.committee = v == "1";
    } else if (c.type == ImportType::Ethnic) {
      std::string err;
      if (auto code = src.ethnic.resolve(v, err))
        out.set(k, *code);
      else
        problem(k, err);
    } else if (c.type == ImportType::TermName) {
      out.set(k, src.term(v));
    } else if (c.type == ImportType::Code && k != info.code) {
      std::string t = refTable(info, k, row);
      if (t.empty()) continue;  // subject type missing or unreadable: reported elsewhere
      if (auto id = src.ref(t, v))
        out.set(k, *id);
      else if (t == "organizations")
        problem(k, format(tr("no organization has the code \"{1}\" in the import or the register."),
                          {std::string(v)}));
      else
        problem(
            k, format(tr("no member has the code \"{1}\" in the import or the register."), {std::string(v)}));
    } else {
      out.set(k, v);
    }
  }
}

// A new record made ready to write: its values (views into its Outcome), its insert made without the
// database, and a new member's history events (their member id set when the member is written).
struct NewRecord {
  store::ImportValues values;
  store::RowToInsert row;
  std::vector<core::MemberEvent> events;
};

// ImportNewMembers.cpp: what an import writes for a new record, and the members' file written on two cores.
/// The history event of a member status ("" for active).
std::string statusEventKind(std::string_view status);
/// Makes the new record of an evaluated row ready (nothing of the database or of the Context: a helper thread
/// may run it); `today` dates a status event whose row gives no day.
void prepareNew(const core::Date& today, const SpecInfo& info, const Outcome& o, NewRecord& r);
/// Writes a new record made ready by prepareNew. Later rows find it by its code: in the Context's codes when
/// `remember`, else in the register once the caller has let the Context forget the table's codes.
void writeNew(Context& ctx, const SpecInfo& info, const Outcome& o, NewRecord& r, bool remember = true);
/// Writes a members' file whose rows the plan found new on two cores: a helper thread makes each row's record
/// ready (its storage values, keys and events, nothing of the database), the calling thread writes them in
/// order. A row the helper cannot make ready goes to `writeRow` on the calling thread, as it would without
/// it.
void writeNewMembers(Context& ctx, const SpecInfo& info, const ImportFile& file,
                     const std::vector<PlannedRow>& planned, core::ProgressStage& stage,
                     const std::function<void(size_t)>& writeRow);

/// Reports a problem of the row at spec column k.
using ProblemAt = std::function<void(int k, const std::string& reason)>;
/// A secretary's import touches only the records of their own cell (see ImportScope.cpp).
bool withinScope(Context& ctx, const SpecInfo& info, Outcome& out, const ProblemAt& problem);
/// The dialog's date rules on a new member or candidate, or one whose dates change (see ImportScope.cpp).
void checkDates(Context& ctx, const SpecInfo& info, const Outcome& out, const ProblemAt& problem);

// The records' service doors (ImportDoors.cpp): organizations, targets and inspection cases are written by
// the window's own service calls (their scope, validation and audit row); a stored disciplinary decision is
// never rewritten (no door can).
/// The door's refusals of an evaluated row that the dry run can know before writing, added through `problem`.
void doorProblems(Context& ctx, const SpecInfo& info, const ImportRow& row, const Outcome& o,
                  const ProblemAt& problem);
/// Writes an evaluated row through its record's door; false for the kinds the import writes itself. A refusal
/// of the door throws core::DataError naming the file and row.
bool writeThroughDoor(Context& ctx, const SpecInfo& info, const ImportFile& file, const ImportRow& row,
                      Outcome& o);
/// What a door keeps for the end of a file (the ratings of open rounds: one call of the page per year).
void finishDoorFile(Context& ctx, const SpecInfo& info, const ImportFile& file);
/// True when the door of file kind `kind` writes the audit row of the field `field` of a changed record (of a
/// new record when `field` is empty), so the import writes none for it.
bool doorAudits(std::string_view kind, std::string_view field);
/// True when the door of file kind `kind` writes the new record of `row` (and its audit row): not a candidate
/// whose file already records the decision or the ceremony (the import's history of a completed file), nor
/// one a merge carries over (`merged`).
bool doorWritesNew(std::string_view kind, const ImportRow& row, bool merged);
/// True for a stage of a candidate's file (certificate, sponsors, the cell's vote, decision, ceremony):
/// walked through the admissions page's rules by services/CandidateStages, which writes its audit rows.
bool candidateStageField(std::string_view field);
/// For a new record whose door writes its audit row: true when that row holds the field `field` (a new
/// candidate's stages are not the admissions form's: the import lists them in its own row).
bool doorAuditsNew(std::string_view kind, std::string_view field);

}  // namespace dangbo::services::import_detail
