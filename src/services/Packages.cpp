#include "services/Packages.h"
#include "services/AuditText.h"
#include "services/PackageCellWork.h"
#include "services/PackageChecks.h"
#include "services/PackageRatings.h"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/VietText.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/PackageRepository.h"
#include "store/SettingsRepository.h"
#include "store/Sql.h"

namespace dangbo::services {

using core::DataError;
using core::format;
using core::N_;
using core::PackageValue;
using core::tr;

namespace {

// The tables whose fields a cell may change, and the fields it may not (identity, placement, derived keys).
const char* const kEditableTables[] = {"members", "candidates", "ratings"};
// A status (and the day it began) changes only through a dated action with its event, recorded at the office.
const std::set<std::string> kFixedColumns = {
    "id",           "code",       "search_key", "sort_key",     "updated_at", "cell_id",     "year",
    "subject_type", "subject_id", "member_id",  "candidate_id", "status",     "status_since"};

// The tables where a cell may add rows, the columns that find such a row at the office (its natural key)
// and what the office sets itself on inserting it. A candidate's stages add people checked and helpers; a
// rating proposed for a member who had none adds the member's rating of the open round.
struct InsertSpec {
  const char* table;
  std::vector<std::string> key;
};
const InsertSpec kInsertTables[] = {
    {"ratings", {"year", "subject_type", "subject_id"}},
    {"candidate_checks", {"candidate_id", "person", "relation"}},
    {"candidate_helpers", {"candidate_id", "member_id"}},
};

const InsertSpec* insertSpec(const std::string& t) {
  for (const auto& spec : kInsertTables)
    if (t == spec.table) return &spec;
  return nullptr;
}
// A field of an added row the cell sends: not its key, not an id or a derived or placement column.
bool insertField(const InsertSpec& spec, const std::string& column) {
  return std::find(spec.key.begin(), spec.key.end(), column) == spec.key.end() &&
         !kFixedColumns.count(column);
}
bool emptyValue(const PackageValue& v) {
  return v.kind == PackageValue::Null || (v.kind == PackageValue::Text && v.data.empty());
}

bool editableTable(const std::string& t) {
  return std::find(std::begin(kEditableTables), std::end(kEditableTables), t) != std::end(kEditableTables);
}
bool editable(const std::string& table, const std::string& column) {
  return editableTable(table) && !kFixedColumns.count(column);
}

std::string randomId() {
  static const int ready = sodium_init();
  (void)ready;
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  char hex[sizeof b * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, b, sizeof b);
  return hex;
}

int columnIndex(const core::PackageTable& t, const std::string& c) {
  auto it = std::find(t.columns.begin(), t.columns.end(), c);
  return it == t.columns.end() ? -1 : static_cast<int>(it - t.columns.begin());
}

std::string cell(const core::PackageRow& r, int i) {
  return i >= 0 && i < static_cast<int>(r.values.size()) ? r.values[i].data : std::string();
}

int64_t idAt(const core::PackageRow& r, int i) {
  std::string v = cell(r, i);
  return v.empty() || v.find_first_not_of("0123456789") != std::string::npos ? int64_t{0} : std::stoll(v);
}

// The label of a row of a cell file for people: "Name (code)", "Name (code), year 2026", "Candidate (code):
// person", "Name (code): Training".
class RowLabels {
 public:
  RowLabels(const core::PackageTable& members, const core::PackageTable& candidates, std::string cellCode)
      : cellCode_(std::move(cellCode)) {
    int name = columnIndex(members, "full_name"), code = columnIndex(members, "code");
    for (const auto& r : members.rows) members_[r.id] = cell(r, name) + " (" + cell(r, code) + ")";
    name = columnIndex(candidates, "full_name");
    code = columnIndex(candidates, "code");
    for (const auto& r : candidates.rows) candidates_[r.id] = cell(r, name) + " (" + cell(r, code) + ")";
  }
  // A member or candidate deleted in the cell is still named by its row as opened.
  void addMember(int64_t id, std::string label) { members_.emplace(id, std::move(label)); }
  void addCandidate(int64_t id, std::string label) { candidates_.emplace(id, std::move(label)); }

  std::string of(const core::PackageTable& t, const core::PackageRow& row) {
    auto at = [&](const char* column) { return columnIndex(t, column); };
    if (t.name == "members" || t.name == "candidates")
      return cell(row, at("full_name")) + " (" + cell(row, at("code")) + ")";
    if (t.name == "ratings") {
      std::string who =
          cell(row, at("subject_type")) == "dang_vien" ? members_[idAt(row, at("subject_id"))] : cellCode_;
      return format(tr("{1}, year {2}"), {who, cell(row, at("year"))});
    }
    if (t.name == "candidate_checks") {
      std::string person = cell(row, at("person"));
      std::string relation = cell(row, at("relation"));
      return format(tr("{1}: background check of {2}"),
                    {candidates_[idAt(row, at("candidate_id"))],
                     relation.empty() ? person : person + " (" + relation + ")"});
    }
    if (t.name == "candidate_helpers")
      return format(tr("{1}: helped by {2}"),
                    {candidates_[idAt(row, at("candidate_id"))], members_[idAt(row, at("member_id"))]});
    if (at("member_id") >= 0) return members_[idAt(row, at("member_id"))] + ": " + packageTableLabel(t.name);
    if (at("candidate_id") >= 0)
      return candidates_[idAt(row, at("candidate_id"))] + ": " + packageTableLabel(t.name);
    return packageTableLabel(t.name) + " (" + cellCode_ + ")";
  }

 private:
  std::string cellCode_;
  std::map<int64_t, std::string> members_, candidates_;
};

}  // namespace

int Review::conflicts() const {
  return static_cast<int>(
      std::count_if(items.begin(), items.end(), [](const ReviewItem& i) { return i.conflict; }));
}

std::string packageTableLabel(const std::string& table) {
  static const std::map<std::string, const char*> labels = {
      {"members", N_("Member")},
      {"candidates", N_("Candidate")},
      {"ratings", N_("Rating")},
      {"candidate_checks", N_("Person checked")},
      {"candidate_helpers", N_("Helper")},
      {"member_events", N_("Event in the history")},
      {"trainings", N_("Training")},
      {"recognitions", N_("Recognition as official member")},
      {"cell_leaders", N_("Cell leadership")},
      {"cell_committees", N_("Cell committee")},
      {"organizations", N_("Organization")},
      {"rating_rounds", N_("Rating round")},
  };
  auto it = labels.find(table);
  return it == labels.end() ? table : std::string(tr(it->second));
}

std::string packageFieldLabel(const std::string& table, const std::string& column) {
  static const std::map<std::string, const char*> common = {
      {"full_name", N_("Full name")},
      {"birth_name", N_("Birth name")},
      {"gender", N_("Gender")},
      {"birth_date", N_("Date of birth")},
      {"birth_place", N_("Place of birth")},
      {"hometown", N_("Home town")},
      {"residence", N_("Residence")},
      {"ethnicity", N_("Ethnic group")},
      {"religion", N_("Religion")},
      {"cccd", N_("Citizen ID")},
      {"phone", N_("Phone")},
      {"education", N_("Education")},
      {"qualification", N_("Qualification")},
      {"theory", N_("Political theory")},
      {"occupation", N_("Occupation")},
      {"admitted_on", N_("Admitted on")},
      {"ceremony_on", N_("Ceremony on")},
      {"official_on", N_("Official member on")},
      {"card_no", N_("Card number")},
      {"file_no", N_("File number")},
      {"status", N_("Status")},
      {"status_since", N_("Status since")},
      {"self_level", N_("Self-assessed level")},
      {"proposed_level", N_("Proposed level")},
      {"level", N_("Level")},
      {"score", N_("Score")},
      {"exception_reason", N_("Reason for exception")},
      {"checked_on", N_("Checked on")},
      {"result", N_("Result")},
      {"from_date", N_("Helping from")},
      {"application_on", N_("Application on")},
      {"certificate_on", N_("Certificate on")},
      {"certificate_no", N_("Certificate number")},
      {"history_on", N_("Personal history on")},
      {"background_check_on", N_("Background check on")},
      {"background_check_result", N_("Background check result")},
      {"mass_org_comment_on", N_("Comments of mass organizations on")},
      {"cell_vote_on", N_("Cell vote on")},
      {"decision_no", N_("Decision number")},
      {"decision_on", N_("Decision date")},
      {"date", N_("Date")},
      {"kind", N_("Kind")},
      {"place", N_("Place")},
      {"reason", N_("Reason")},
      {"received_on", N_("Received on")},
      {"year", N_("Year")},
      {"course", N_("Course")},
      {"role", N_("Role")},
      {"to_date", N_("Until")},
      {"name", N_("Name")},
      {"category", N_("Category")},
      {"founded", N_("Founded")},
      {"note", N_("Note")},
  };
  if (column == "from_date" && table != "candidate_helpers") return tr("From");
  auto it = common.find(column);
  return it == common.end() ? column : std::string(tr(it->second));
}

core::CellPackage Packages::exportCell(const Actor& actor, const std::string& cellCode,
                                       const std::function<void(const core::CellPackage&)>& deliver) {
  require(actor, Permission::WriteRegister);
  if (actor.cellId) throw core::PermissionError(tr("A cell secretary cannot export cell packages."));
  std::optional<core::Organization> org;
  for (const auto& o : s_.organizations(actor))
    if (core::sameCode(o.code, cellCode)) org = o;
  if (!org) throw DataError(format(tr("There is no organization with code {1}."), {cellCode}));
  core::CellPackage pkg;
  store::Database& db = storeOf(s_);
  db.transaction([&] {
    store::PackageRepository repo(db);
    if (repo.origin())
      throw DataError(
          tr("This file is a cell file opened from a package; only the office file exports packages."));
    if (repo.databaseId().empty()) repo.setDatabaseId(randomId());
    pkg.exportId = randomId();
    pkg.officeId = repo.databaseId();
    pkg.officeRevision = store::SettingsRepository(db).revision();
    pkg.committee = s_.committee().name;
    pkg.cellId = org->id;
    pkg.cellCode = org->code;
    pkg.cellName = org->name;
    pkg.exportedAt = store::sql::nowUtc();
    pkg.exportedBy = actor.username;
    pkg.tables = repo.cellTables(org->id);
    repo.recordExport({pkg.exportId, org->id, pkg.officeRevision, pkg.exportedAt, actor.username});
    if (deliver) deliver(pkg);
  });
  return pkg;
}

std::unique_ptr<Services> Packages::createCellFile(const std::filesystem::path& path,
                                                   const core::CellPackage& pkg) {
  if (pkg.exportId.empty() || pkg.officeId.empty() || pkg.cellId <= 0)
    throw DataError(tr("The package does not say where it comes from."));
  core::CommitteeInfo info;
  info.name = pkg.committee.empty() ? pkg.cellName : pkg.committee;
  auto s = Services::create(path, info);
  try {
    store::Database& db = storeOf(*s);
    db.transaction([&] {
      store::PackageRepository repo(db);
      repo.writeCellTables(pkg.tables);
      repo.saveOrigin({pkg.exportId, pkg.officeId, pkg.committee, pkg.cellCode, "", pkg.officeRevision,
                       pkg.cellId, pkg.cellName, pkg.exportedAt, pkg.exportedBy});
      // Every record of the cell as opened: the changes to send are computed against it, and any other
      // difference is named before a change package is saved (unsentChanges).
      std::vector<core::PackageTable> baseRows;
      for (const auto& t : store::PackageRepository::recordTables()) baseRows.push_back(repo.rows(t));
      repo.saveBaseline(baseRows);
      for (const auto& spec : kInsertTables) repo.markTracked(spec.table);
      for (const auto& t : store::PackageRepository::recordTables()) repo.markComplete(t);
    });
  } catch (...) {
    s.reset();
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path.string() + "-wal", ec);
    std::filesystem::remove(path.string() + "-shm", ec);
    throw;
  }
  return s;
}

std::optional<CellFileInfo> Packages::cellOrigin() {
  auto o = store::PackageRepository(storeOf(s_)).origin();
  if (!o) return std::nullopt;
  CellFileInfo info{o->exportId,       o->officeId, o->committee, o->cellCode,   o->openedAt,
                    o->officeRevision, o->cellId,   o->cellName,  o->exportedAt, o->exportedBy};
  if (info.cellName.empty()) {
    core::PackageTable orgs = store::PackageRepository(storeOf(s_)).rows("organizations");
    int name = columnIndex(orgs, "name");
    for (const auto& r : orgs.rows)
      if (r.id == info.cellId) info.cellName = cell(r, name);
  }
  return info;
}

core::ChangePackage Packages::changes(const Actor& actor, const std::string& secretary) {
  store::PackageRepository repo(storeOf(s_));
  auto origin = repo.origin();
  if (!origin)
    throw DataError(tr("This file was not opened from a cell package: it has no changes to send."));
  core::ChangePackage out;
  out.packageId = randomId();
  out.exportId = origin->exportId;
  out.officeId = origin->officeId;
  out.baseRevision = origin->officeRevision;
  out.committee = origin->committee;
  out.cellId = origin->cellId;
  out.cellCode = origin->cellCode;
  out.secretary = core::normalizeText(secretary).empty() ? actor.username : core::normalizeText(secretary);
  out.createdAt = store::sql::nowUtc();

  const core::PackageTable members = repo.rows("members");
  const core::PackageTable candidates = repo.rows("candidates");
  RowLabels labels(members, candidates, origin->cellCode);
  auto labelOf = [&](const core::PackageTable& t, const core::PackageRow& row) { return labels.of(t, row); };

  // Fields changed in rows the package carried.
  for (const char* tableName : kEditableTables) {
    const std::string name = tableName;
    const core::PackageTable t = name == "members"      ? members
                                 : name == "candidates" ? candidates
                                                        : repo.rows(name);
    for (const auto& row : t.rows) {
      std::string label;
      for (size_t i = 0; i < t.columns.size(); ++i) {
        if (!editable(t.name, t.columns[i])) continue;
        auto base = repo.baseline(t.name, row.id, t.columns[i]);
        if (!base || *base == row.values[i]) continue;
        if (label.empty()) label = labelOf(t, row);
        out.changes.push_back({t.name, row.id, label, t.columns[i], *base, row.values[i]});
      }
    }
  }
  // Rows the cell added: each non-empty field, with the row's natural key (at least one field per row).
  for (const auto& spec : kInsertTables) {
    // A cell file made before added rows were recorded: only its ratings had a baseline.
    if (!repo.tracked(spec.table) && std::string(spec.table) != "ratings") continue;
    const core::PackageTable t = repo.rows(spec.table);
    std::vector<int> keyAt;
    for (const auto& k : spec.key) keyAt.push_back(columnIndex(t, k));
    if (std::find(keyAt.begin(), keyAt.end(), -1) != keyAt.end()) continue;
    for (const auto& row : t.rows) {
      if (repo.inBaseline(t.name, row.id)) continue;
      if (t.name == "ratings" && cell(row, columnIndex(t, "subject_type")) != "dang_vien") continue;
      core::FieldChange base;
      base.table = t.name;
      base.recordId = row.id;
      base.recordLabel = labelOf(t, row);
      base.kind = core::FieldChange::Insert;
      base.keyColumns = spec.key;
      for (int k : keyAt) base.keyValues.push_back(row.values[static_cast<size_t>(k)]);
      size_t before = out.changes.size();
      int firstField = -1;
      for (size_t i = 0; i < t.columns.size(); ++i) {
        if (!insertField(spec, t.columns[i])) continue;
        if (firstField < 0) firstField = static_cast<int>(i);
        if (emptyValue(row.values[i])) continue;
        core::FieldChange c = base;
        c.column = t.columns[i];
        c.newValue = row.values[i];
        out.changes.push_back(std::move(c));
      }
      if (out.changes.size() == before && firstField >= 0) {
        core::FieldChange c = base;
        c.column = t.columns[static_cast<size_t>(firstField)];
        c.newValue = row.values[static_cast<size_t>(firstField)];
        out.changes.push_back(std::move(c));
      }
    }
  }
  // The cell's monthly work recorded in this file (meetings, attendance, leaves, dues), by natural keys.
  for (auto& c : cellWorkChanges(s_)) out.changes.push_back(std::move(c));
  return out;
}

std::vector<std::string> Packages::unsentChanges() {
  store::PackageRepository repo(storeOf(s_));
  auto origin = repo.origin();
  if (!origin)
    throw DataError(tr("This file was not opened from a cell package: it has no changes to send."));
  // Columns the file keeps up to date by itself.
  static const std::set<std::string> kDerived = {"updated_at", "search_key", "sort_key"};
  RowLabels labels(repo.rows("members"), repo.rows("candidates"), origin->cellCode);
  // Rows deleted in the cell, as opened (a deleted member or candidate is named by its own row).
  auto asOpened = [](const core::PackageTable& t, int64_t id,
                     const std::map<std::string, PackageValue>& values) {
    core::PackageRow row;
    row.id = id;
    for (const auto& c : t.columns) {
      auto v = values.find(c);
      row.values.push_back(v == values.end() ? PackageValue() : v->second);
    }
    return row;
  };
  std::vector<std::string> out;
  for (const auto& name : store::PackageRepository::recordTables()) {
    if (!repo.complete(name)) continue;  // a file made by an earlier version: no full record as opened
    const core::PackageTable t = repo.rows(name);
    auto base = repo.baselineRows(name);
    if (name == "members" || name == "candidates")
      for (const auto& [id, values] : base) {
        core::PackageRow row = asOpened(t, id, values);
        std::string label =
            cell(row, columnIndex(t, "full_name")) + " (" + cell(row, columnIndex(t, "code")) + ")";
        if (name == "members")
          labels.addMember(id, label);
        else
          labels.addCandidate(id, label);
      }
    const InsertSpec* inserts = insertSpec(name);
    const int subjectType = columnIndex(t, "subject_type");
    for (const auto& row : t.rows) {
      auto b = base.find(row.id);
      if (b == base.end()) {
        // Sent: a rating of a member, a person checked, a helper.
        bool sent = inserts && (name != "ratings" || cell(row, subjectType) == "dang_vien");
        if (!sent) out.push_back(format(tr("{1}: added in the cell"), {labels.of(t, row)}));
        continue;
      }
      std::string fields;
      for (size_t i = 0; i < t.columns.size(); ++i) {
        const std::string& c = t.columns[i];
        if (kDerived.count(c) || editable(name, c)) continue;
        auto v = b->second.find(c);
        if (v == b->second.end() || v->second == row.values[i])
          continue;  // a column added since: not compared
        fields += (fields.empty() ? "" : ", ") + packageFieldLabel(name, c);
      }
      if (!fields.empty())
        out.push_back(format(tr("{1}: {2} changed in the cell"), {labels.of(t, row), fields}));
      base.erase(b);
    }
    for (const auto& [id, values] : base)
      out.push_back(format(tr("{1}: deleted in the cell"), {labels.of(t, asOpened(t, id, values))}));
  }
  return out;
}

Review Packages::review(const core::ChangePackage& pkg) {
  // The names a package carries reach messages and the audit: no control character or escape code in them.
  bool control = hasControlCharacters(pkg.secretary) || hasControlCharacters(pkg.cellCode) ||
                 hasControlCharacters(pkg.committee);
  for (const auto& c : pkg.changes)
    control = control || hasControlCharacters(c.recordLabel) || hasControlCharacters(c.table) ||
              hasControlCharacters(c.column);
  if (control) throw DataError(format(tr("The content of the package is damaged ({1})."), {"control"}));
  store::PackageRepository repo(storeOf(s_));
  if (repo.origin())
    throw DataError(tr("This file is a cell file; change packages are applied to the office file."));
  std::string self = repo.databaseId();
  if (self.empty() || pkg.officeId != self)
    throw DataError(
        format(tr("This change package belongs to another register ({1}): it was not made from a cell "
                  "package of this file. Nothing was written."),
               {pkg.committee}));
  auto exported = repo.exportById(pkg.exportId);
  if (!exported || exported->cellId != pkg.cellId)
    throw DataError(
        tr("This change package was not made from a cell package exported by this file. Nothing was "
           "written."));
  if (repo.importApplied(pkg.packageId))
    throw DataError(
        format(tr("This change package of {1} (cell {2}) was already applied; applying it again would "
                  "change nothing. Nothing was written."),
               {pkg.secretary, pkg.cellCode}));
  auto latest = repo.latestExport(pkg.cellId);
  if (latest && latest->id != exported->id)
    throw DataError(
        format(tr("This change package was made from the cell package of {1} (revision {2}), but the "
                  "office exported a newer package for cell {3} on {4} (revision {5}). Ask the cell to "
                  "make its changes on the newer package. Nothing was written."),
               {exported->exportedAt, std::to_string(exported->revision), pkg.cellCode, latest->exportedAt,
                std::to_string(latest->revision)}));
  Review r;
  r.package = pkg;
  std::set<std::tuple<std::string, int64_t, std::string>> seen;
  std::map<std::pair<std::string, int64_t>, std::vector<PackageValue>> addedKeys;
  auto idOf = [](const PackageValue& v) -> int64_t {
    if (v.kind != PackageValue::Integer || v.data.empty() ||
        v.data.find_first_not_of("0123456789") != std::string::npos || v.data.size() > 18)
      return 0;
    return std::stoll(v.data);
  };
  auto ofCell = [&](const char* table, const PackageValue& id) {
    auto owner = repo.value(table, idOf(id), "cell_id");
    return owner && *owner == PackageValue::integer(pkg.cellId);
  };
  for (const auto& c : pkg.changes) {
    if (isCellWorkTable(c.table)) {
      // Checked below through the cell-work door; listed for the office as added or changed records.
      ReviewItem item;
      item.change = c;
      item.fieldLabel = packageFieldLabel(c.table, c.column);
      item.newRecord = true;
      r.items.push_back(std::move(item));
      continue;
    }
    if (c.kind == core::FieldChange::Insert) {
      const InsertSpec* spec = insertSpec(c.table);
      if (!spec || !insertField(*spec, c.column) || !repo.hasColumn(c.table, c.column) ||
          c.keyColumns != spec->key || c.keyValues.size() != spec->key.size() ||
          !seen.insert({"+" + c.table, c.recordId, c.column}).second)
        throw DataError(
            format(tr("The change package changes a field a cell may not change: {1}. Nothing was written."),
                   {c.table + "." + c.column}));
      auto [known, fresh] = addedKeys.try_emplace({c.table, c.recordId}, c.keyValues);
      if (!fresh && known->second != c.keyValues)
        throw DataError(format(tr("The content of the package is damaged ({1})."), {"key"}));
      auto key = [&](const std::string& column) {
        return c.keyValues[static_cast<size_t>(std::find(c.keyColumns.begin(), c.keyColumns.end(), column) -
                                               c.keyColumns.begin())];
      };
      bool owned = false;
      if (c.table == "ratings")
        owned =
            key("subject_type") == PackageValue::text("dang_vien") && ofCell("members", key("subject_id"));
      else
        owned = ofCell("candidates", key("candidate_id")) &&
                (c.table != "candidate_helpers" || ofCell("members", key("member_id")));
      if (!owned)
        throw DataError(
            format(tr("The change package changes {1}, which is not a record of cell {2} here. Nothing was "
                      "written."),
                   {c.recordLabel, pkg.cellCode}));
      if (c.table == "ratings" &&
          !repo.findRow("rating_rounds", {"year", "status"}, {key("year"), PackageValue::text("open")}))
        throw DataError(
            format(tr("The change package adds a rating of {1}, but the rating round of {2} is not "
                      "open at the office. Reopen the round or ask the cell to leave it out. Nothing "
                      "was written."),
                   {c.recordLabel, key("year").display()}));
      ReviewItem item;
      item.change = c;
      item.fieldLabel = packageFieldLabel(c.table, c.column);
      auto row = repo.findRow(c.table, c.keyColumns, c.keyValues);
      item.newRecord = !row;
      if (row) item.officeValue = repo.value(c.table, *row, c.column).value_or(PackageValue{});
      item.unchanged = row && item.officeValue == c.newValue;
      // The office added the same row meanwhile: a field it left empty takes the cell's value.
      item.conflict = row && !item.unchanged && !emptyValue(item.officeValue);
      r.items.push_back(std::move(item));
      continue;
    }
    if (!editable(c.table, c.column) || !repo.hasColumn(c.table, c.column) ||
        !seen.insert({c.table, c.recordId, c.column}).second)
      throw DataError(
          format(tr("The change package changes a field a cell may not change: {1}. Nothing was written."),
                 {c.table + "." + c.column}));
    auto office = repo.value(c.table, c.recordId, c.column);
    auto owner = repo.value(c.table, c.recordId, "cell_id");
    if (!office || !owner || *owner != PackageValue::integer(pkg.cellId))
      throw DataError(
          format(tr("The change package changes {1}, which is not a record of cell {2} here. Nothing was "
                    "written."),
                 {c.recordLabel, pkg.cellCode}));
    ReviewItem item;
    item.change = c;
    item.fieldLabel = packageFieldLabel(c.table, c.column);
    item.officeValue = *office;
    item.unchanged = *office == c.newValue;
    item.conflict = !item.unchanged && *office != c.oldValue;
    r.items.push_back(std::move(item));
  }
  auto problems = packageValueProblems(s_, repo, pkg);
  for (auto& p : cellWorkProblems(s_, Actor{"office", "office", std::nullopt}, pkg))
    problems.push_back(std::move(p));
  if (!problems.empty()) {
    std::string text;
    for (const auto& p : problems) text += p + "\n";
    throw DataError(text + tr("The change package is refused. Nothing was written."));
  }
  return r;
}

int Packages::apply(const Actor& actor, const core::ChangePackage& pkg, const std::vector<Choice>& choices,
                    core::Progress* progress) {
  require(actor, Permission::WriteRegister);
  if (actor.cellId) throw core::PermissionError(tr("A cell secretary cannot apply change packages."));
  int applied = 0, declined = 0;
  store::Database& db = storeOf(s_);
  db.transaction([&] {
    Review r = review(pkg);
    store::PackageRepository repo(db);
    // The author of every change is the account applying it; the secretary's name is what the package
    // claims, kept as a note only.
    std::string reason =
        format(tr("change package {1} of cell {2}; the package names {3} as its sender"),
               {pkg.packageId.substr(0, 8), pkg.cellCode, core::normalizeText(pkg.secretary)});
    std::set<std::pair<std::string, int64_t>> inserted;
    // A rating goes through the ratings page's door (its round, eligibility and audit row).
    auto text = [](const std::optional<PackageValue>& v) { return v ? v->data : std::string(); };
    auto rating = [&](const PackageValue& year, const PackageValue& type, const PackageValue& subject,
                      const std::string& level,
                      const std::vector<std::pair<std::string, std::string>>& fields) {
      const std::string y = year.data, id = subject.data;
      if (y.empty() || y.size() > 4 || y.find_first_not_of("0123456789") != std::string::npos || id.empty() ||
          id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos)
        throw DataError(format(tr("The content of the package is damaged ({1})."), {"rating"}));
      const bool member = type.data == "dang_vien";
      const std::string code = text(repo.value(member ? "members" : "organizations", std::stoll(id), "code"));
      writePackageRating(s_, actor, std::stoi(y), type.data, code, level, fields);
    };
    std::vector<const ReviewItem*> keptLevels;
    auto storedRating = [&](int64_t row, const std::string& column, const PackageValue& value) {
      rating(*repo.value("ratings", row, "year"), *repo.value("ratings", row, "subject_type"),
             *repo.value("ratings", row, "subject_id"), text(repo.value("ratings", row, "level")),
             {{column, value.data}});
    };
    // Cancelling throws core::Cancelled inside the transaction: nothing of the package is kept.
    core::ProgressStage stage(progress, tr("Applying the changes"), r.items.size());
    for (size_t i = 0; i < r.items.size(); ++i) {
      stage.step();
      const ReviewItem& it = r.items[i];
      if (it.unchanged || isCellWorkTable(it.change.table)) continue;  // the cell's work: below, by its door
      if (it.conflict && i >= choices.size())
        throw DataError(format(tr("The conflict on {1} ({2}) is not resolved. Nothing was written."),
                               {it.change.recordLabel, it.fieldLabel}));
      bool take = !it.conflict || choices[i] == Choice::Cell;
      if (!take) {
        ++declined;
        // A rating's level the office keeps: once the cell's other values are in, the level the office chose
        // stands as its decision (through the door the level follows a proposal until the office decides).
        if (it.change.table == "ratings" && it.change.column == "level") keptLevels.push_back(&it);
        continue;
      }
      const auto& c = it.change;
      if (c.kind == core::FieldChange::Insert) {
        if (inserted.count({c.table, c.recordId})) continue;  // written with the first field of its row
        if (auto row = repo.findRow(c.table, c.keyColumns, c.keyValues)) {
          if (c.table == "ratings") {
            storedRating(*row, c.column, c.newValue);
            ++applied;
            continue;
          }
          repo.setValue(c.table, *row, c.column, c.newValue);
          s_.audit(actor, "package.change", c.table + "#" + std::to_string(*row) + "." + c.column,
                   it.officeValue.display(), c.newValue.display(), reason);
          ++applied;
          continue;
        }
        // The whole row at once: its key, its fields (none is a conflict: the office had no such row).
        std::vector<std::string> columns = c.keyColumns;
        std::vector<PackageValue> values = c.keyValues;
        std::vector<const core::FieldChange*> fields;
        for (const auto& other : r.items)
          if (other.change.kind == core::FieldChange::Insert && other.change.table == c.table &&
              other.change.recordId == c.recordId) {
            columns.push_back(other.change.column);
            values.push_back(other.change.newValue);
            fields.push_back(&other.change);
          }
        if (c.table == "ratings") {
          auto key = [&](const char* k) {
            return c.keyValues[size_t(std::find(c.keyColumns.begin(), c.keyColumns.end(), k) -
                                      c.keyColumns.begin())];
          };
          std::vector<std::pair<std::string, std::string>> entered;
          for (const auto* f : fields) entered.emplace_back(f->column, f->newValue.data);
          rating(key("year"), key("subject_type"), key("subject_id"), "", entered);
          inserted.insert({c.table, c.recordId});
          applied += int(fields.size());
          continue;
        }
        int64_t id = repo.insertRow(c.table, columns, values);
        inserted.insert({c.table, c.recordId});
        for (const auto* f : fields) {
          s_.audit(actor, "package.add", c.table + "#" + std::to_string(id) + "." + f->column, "",
                   f->newValue.display(), reason);
          ++applied;
        }
        continue;
      }
      if (c.table == "ratings") {
        storedRating(c.recordId, c.column, c.newValue);
        ++applied;
        continue;
      }
      repo.setValue(c.table, c.recordId, c.column, c.newValue);
      if (c.column == "full_name" && (c.table == "members" || c.table == "candidates")) {
        std::string name = core::normalizeText(c.newValue.data);
        repo.setValue(c.table, c.recordId, "search_key", PackageValue::text(core::fold(name)));
        if (c.table == "members")
          repo.setValue(c.table, c.recordId, "sort_key", {PackageValue::Blob, core::nameSortKey(name)});
      }
      if (c.table == "members")
        repo.setValue(c.table, c.recordId, "updated_at", PackageValue::text(store::sql::nowUtc()));
      if (c.table == "members") {
        // The record, old and new values as the dialog writes them for the same change.
        const auto code = repo.value("members", c.recordId, "code");
        const auto [before, after] =
            auditValues({{c.column, it.officeValue.display(), c.newValue.display()}});
        s_.audit(actor, "package.change", "member:" + (code ? code->data : std::to_string(c.recordId)),
                 before, after, reason);
      } else {
        s_.audit(actor, "package.change", c.table + "#" + std::to_string(c.recordId) + "." + c.column,
                 it.officeValue.display(), c.newValue.display(), reason);
      }
      ++applied;
    }
    for (const ReviewItem* it : keptLevels) {
      const auto& c = it->change;
      auto row = c.kind == core::FieldChange::Insert ? repo.findRow(c.table, c.keyColumns, c.keyValues)
                                                     : std::optional<int64_t>(c.recordId);
      if (row && text(repo.value("ratings", *row, "level")) != it->officeValue.data)
        storedRating(*row, "level", it->officeValue);
    }
    stage.finish();
    applied += applyCellWork(s_, actor, pkg);
    repo.recordImport(pkg.packageId, pkg.exportId, pkg.secretary, actor.username, applied, declined);
    s_.audit(
        actor, "package.apply", "cell " + pkg.cellCode, "",
        format(tr("{1} changes applied, {2} declined"), {std::to_string(applied), std::to_string(declined)}),
        pkg.secretary + " " + pkg.packageId);
  });
  return applied;
}

}  // namespace dangbo::services
