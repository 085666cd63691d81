#include "services/Packages.h"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Services.h"
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
const std::set<std::string> kFixedColumns = {"id",         "code",      "search_key",  "sort_key",
                                             "updated_at", "cell_id",   "year",        "subject_type",
                                             "subject_id", "member_id", "candidate_id"};

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

}  // namespace

int Review::conflicts() const {
  return static_cast<int>(
      std::count_if(items.begin(), items.end(), [](const ReviewItem& i) { return i.conflict; }));
}

std::string packageTableLabel(const std::string& table) {
  if (table == "members") return tr("Member");
  if (table == "candidates") return tr("Candidate");
  if (table == "ratings") return tr("Rating");
  return table;
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
  };
  (void)table;
  auto it = common.find(column);
  return it == common.end() ? column : std::string(tr(it->second));
}

core::CellPackage Packages::exportCell(const Actor& actor, const std::string& cellCode,
                                       const std::function<void(const core::CellPackage&)>& deliver) {
  require(actor, Permission::WriteRegister);
  if (actor.cellId) throw core::PermissionError(tr("A cell secretary cannot export cell packages."));
  std::optional<core::Organization> org;
  for (const auto& o : s_.organizations(actor))
    if (o.code == core::normalizeText(cellCode)) org = o;
  if (!org) throw DataError(format(tr("There is no organization with code {1}."), {cellCode}));
  core::CellPackage pkg;
  store::Database& db = s_.database();
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
    store::Database& db = s->database();
    db.transaction([&] {
      store::PackageRepository repo(db);
      repo.writeCellTables(pkg.tables);
      repo.saveOrigin(
          {pkg.exportId, pkg.officeId, pkg.committee, pkg.cellCode, "", pkg.officeRevision, pkg.cellId});
      std::vector<core::PackageTable> editableRows;
      for (const char* t : kEditableTables) editableRows.push_back(repo.rows(t));
      repo.saveBaseline(editableRows);
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
  auto o = store::PackageRepository(s_.database()).origin();
  if (!o) return std::nullopt;
  return CellFileInfo{o->exportId, o->officeId,       o->committee, o->cellCode,
                      o->openedAt, o->officeRevision, o->cellId};
}

core::ChangePackage Packages::changes(const Actor& actor, const std::string& secretary) {
  store::PackageRepository repo(s_.database());
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

  core::PackageTable members = repo.rows("members");
  std::map<int64_t, std::string> memberLabels;
  {
    int name = columnIndex(members, "full_name"), code = columnIndex(members, "code");
    for (const auto& r : members.rows) memberLabels[r.id] = cell(r, name) + " (" + cell(r, code) + ")";
  }
  for (const char* tableName : kEditableTables) {
    core::PackageTable t = std::string(tableName) == "members" ? members : repo.rows(tableName);
    int name = columnIndex(t, "full_name"), code = columnIndex(t, "code");
    int year = columnIndex(t, "year"), subjectType = columnIndex(t, "subject_type"),
        subject = columnIndex(t, "subject_id");
    for (const auto& row : t.rows) {
      std::string label;
      if (t.name == "ratings") {
        std::string who = cell(row, subjectType) == "dang_vien"
                              ? memberLabels[std::stoll("0" + cell(row, subject))]
                              : origin->cellCode;
        label = format(tr("{1}, year {2}"), {who, cell(row, year)});
      } else {
        label = cell(row, name) + " (" + cell(row, code) + ")";
      }
      for (size_t i = 0; i < t.columns.size(); ++i) {
        if (!editable(t.name, t.columns[i])) continue;
        auto base = repo.baseline(t.name, row.id, t.columns[i]);
        if (!base || *base == row.values[i]) continue;
        out.changes.push_back({t.name, row.id, label, t.columns[i], *base, row.values[i]});
      }
    }
  }
  return out;
}

Review Packages::review(const core::ChangePackage& pkg) {
  store::PackageRepository repo(s_.database());
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
  for (const auto& c : pkg.changes) {
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
  return r;
}

int Packages::apply(const Actor& actor, const core::ChangePackage& pkg, const std::vector<Choice>& choices) {
  require(actor, Permission::WriteRegister);
  if (actor.cellId) throw core::PermissionError(tr("A cell secretary cannot apply change packages."));
  int applied = 0, declined = 0;
  store::Database& db = s_.database();
  db.transaction([&] {
    Review r = review(pkg);
    store::PackageRepository repo(db);
    Actor secretary{pkg.secretary, "secretary", pkg.cellId};
    std::string reason = format(tr("change package {1} of cell {2}, applied by {3}"),
                                {pkg.packageId.substr(0, 8), pkg.cellCode, actor.username});
    for (size_t i = 0; i < r.items.size(); ++i) {
      const ReviewItem& it = r.items[i];
      if (it.unchanged) continue;
      if (it.conflict && i >= choices.size())
        throw DataError(format(tr("The conflict on {1} ({2}) is not resolved. Nothing was written."),
                               {it.change.recordLabel, it.fieldLabel}));
      bool take = !it.conflict || choices[i] == Choice::Cell;
      if (!take) {
        ++declined;
        continue;
      }
      const auto& c = it.change;
      repo.setValue(c.table, c.recordId, c.column, c.newValue);
      if (c.column == "full_name" && (c.table == "members" || c.table == "candidates")) {
        std::string name = core::normalizeText(c.newValue.data);
        repo.setValue(c.table, c.recordId, "search_key", PackageValue::text(core::fold(name)));
        if (c.table == "members")
          repo.setValue(c.table, c.recordId, "sort_key", {PackageValue::Blob, core::nameSortKey(name)});
      }
      if (c.table == "members")
        repo.setValue(c.table, c.recordId, "updated_at", PackageValue::text(store::sql::nowUtc()));
      s_.audit(secretary, "package.change", c.table + "#" + std::to_string(c.recordId) + "." + c.column,
               it.officeValue.display(), c.newValue.display(), reason);
      ++applied;
    }
    repo.recordImport(pkg.packageId, pkg.exportId, pkg.secretary, actor.username, applied, declined);
    s_.audit(
        actor, "package.apply", "cell " + pkg.cellCode, "",
        format(tr("{1} changes applied, {2} declined"), {std::to_string(applied), std::to_string(declined)}),
        pkg.secretary + " " + pkg.packageId);
  });
  return applied;
}

}  // namespace dangbo::services
