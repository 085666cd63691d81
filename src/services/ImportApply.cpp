// Planning and applying an import (spec/import.md). Each row is evaluated against the register: the codes
// and ids of stored records are read once into hash maps, stored records are fetched through statements
// prepared once, and a row's values stay where the reader put them (ImportRow, by column position).
// applyImport plans once, then writes each row in one transaction, evaluating it again against what was
// written before it (references to records created by the import then resolve to their new ids); a new
// member, checked whole by the plan, only has its values and references resolved again, on a helper thread
// while this one writes the members before it (writeNewMembers, ImportNewMembers.cpp).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/Date.h"
#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/MemberFields.h"
#include "core/MemberRules.h"
#include "core/Progress.h"
#include "core/VietText.h"
#include "services/AuditText.h"
#include "services/BulkWrite.h"
#include "services/CellWork.h"
#include "services/Import.h"
#include "services/ImportCellWork.h"
#include "services/ImportInternal.h"
#include "services/ImportSecretaries.h"
#include "services/ImportTraining.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/ImportRepository.h"
#include "store/SettingsRepository.h"

namespace dangbo::services {

using core::format;
using core::tr;
using T = ImportType;
using namespace import_detail;

namespace {

const std::string& tableOf(std::string_view kind) {
  static const std::map<std::string, std::string, std::less<>> k = {
      {"to_chuc", "organizations"},
      {"dang_vien", "members"},
      {"quan_chung", "candidates"},
      {"xep_loai", "ratings"},
      {"kiem_tra", "inspections"},
      {"ky_luat", "disciplines"},
      {"cap_uy", "committee_seats"},
      {"chi_tieu", "targets"},
      // Written through services/CellWork's door (ImportCellWork), never by this file's generic writer.
      {"sinh_hoat", "meetings"},
      {"diem_danh", "meeting_attendance"},
      {"tam_mien", "activity_leaves"},
      {"muc_dang_phi", "dues_bases"},
      {"dang_phi", "dues_payments"},
      // Written through their own doors (ImportTraining, ImportSecretaries).
      {"tap_huan", "trainings"},
      {"bi_thu_chi_bo", "cell_leaders"}};
  return k.find(kind)->second;
}

SpecInfo makeInfo(const ImportFileSpec& spec) {
  SpecInfo i;
  i.spec = &spec;
  i.kind = spec.kind;
  i.table = tableOf(spec.kind);
  const size_t n = spec.columns.size();
  if (n > 64) throw std::logic_error("import: too many columns");
  for (const auto& f : spec.keyFields) {
    i.keys.push_back(importColumnIndex(spec, f));
    i.keyMask |= uint64_t(1) << i.keys.back();
  }
  i.keyedByCode = spec.keyFields.size() == 1 && spec.keyFields[0] == "code";
  i.storedAt.assign(n, -1);
  i.refs.assign(n, Ref::None);
  for (size_t k = 0; k < n; ++k) {
    const std::string_view f = spec.columns[k].field;
    if (f != "has_committee") {
      i.storedAt[k] = int(i.storedColumns.size());
      i.storedColumns.emplace_back(f);
    }
    if (f == "cell_id" || f == "merged_into") i.refs[k] = Ref::Organizations;
    if (f == "sponsor1" || f == "sponsor2" || f == "member_id") i.refs[k] = Ref::Members;
    if (f == "subject_id") i.refs[k] = Ref::Subject;
    i.byField.push_back(int(k));
  }
  std::sort(i.byField.begin(), i.byField.end(), [&](int a, int b) {
    return std::string_view(spec.columns[a].field) < std::string_view(spec.columns[b].field);
  });
  auto at = [&](const char* f) { return importColumnIndex(spec, f); };
  i.code = at("code");
  i.committee = at("has_committee");
  i.status = at("status");
  i.statusSince = at("status_since");
  i.fromYear = at("from_year");
  i.toYear = at("to_year");
  i.subjectType = at("subject_type");
  i.mergedInto = at("merged_into");
  i.cellId = at("cell_id");
  i.subjectId = at("subject_id");
  i.founded = at("founded");
  i.officialOn = at("official_on");
  i.admittedOn = at("admitted_on");
  i.transferredInOn = at("transferred_in_on");
  i.year = at("year");
  i.birthDate = at("birth_date");
  i.listedOn = at("listed_on");
  if (spec.kind == std::string_view("chi_tieu")) i.origin = at("origin");
  return i;
}

}  // namespace

const SpecInfo& import_detail::infoOf(const ImportFileSpec& spec) {
  static const std::vector<SpecInfo> infos = [] {
    std::vector<SpecInfo> v;
    for (const auto& s : importFileSpecs()) v.push_back(makeInfo(s));
    return v;
  }();
  for (const auto& i : infos)
    if (i.spec == &spec) return i;
  throw std::logic_error("import: unknown file spec");
}

std::string import_detail::headerOf(const ImportFile& f, const ImportColumn& c) {
  auto it = f.headers.find(c.field);
  return it != f.headers.end() ? it->second : std::string(c.header);
}

// The table holding the code a reference column names ("" when none, or when the subject type is missing).
std::string import_detail::refTable(const SpecInfo& info, int k, const ImportRow& row) {
  switch (info.refs[size_t(k)]) {
    case Ref::Organizations:
      return "organizations";
    case Ref::Members:
      return "members";
    case Ref::Subject: {
      const std::string_view t = row.value(size_t(info.subjectType));
      if (t.empty() || row.isInvalid(size_t(info.subjectType))) return {};
      return t == "to_chuc" ? "organizations" : "members";
    }
    case Ref::None:
      break;
  }
  return {};
}

namespace {

// The text shown for a stored or new value of a column.
std::string display(Context& ctx, std::string_view field, const std::string& table,
                    const std::optional<std::string_view>& v) {
  if (!v) return {};
  if (isNewRef(*v)) return std::string(v->substr(kNewPrefix.size()));
  if (!table.empty()) {
    if (field == "term_id") return ctx.repo.termName(std::stoll(std::string(*v)));
    return ctx.repo.codeById(table, std::stoll(std::string(*v)));
  }
  if (field == "ethnicity") return ctx.ethnic.name(std::string(*v));
  return std::string(*v);
}

// Evaluates `row` against the register into `out`; the columns of `skip` are taken as empty.
void evaluate(Context& ctx, const SpecInfo& info, const ImportFile& file, const ImportRow& row, Outcome& out,
              uint64_t skip = 0) {
  const ImportFileSpec& spec = *info.spec;
  const size_t n = spec.columns.size();
  auto problem = [&](int k, const std::string& reason) {
    out.problems.push_back(
        importProblem(file.source, row.row, headerOf(file, spec.columns[size_t(k)]), reason));
  };
  auto text = [&](int k) { return (skip >> k) & 1u ? std::string_view() : row.value(size_t(k)); };

  // Storage values of the present, non-empty, readable columns.
  storageValues(ctx, info, file, row, out, skip);

  // A target without "Đơn vị cũ" is the committee's own: its origin is "".
  if (info.origin >= 0 && !out.has(info.origin) && !row.isInvalid(size_t(info.origin)))
    out.set(info.origin, "");

  // The key.
  bool keyComplete = true, keyNew = false;
  for (int k : info.keys) {
    const std::string_view t = text(k);
    if (!out.key.empty()) out.key += " / ";
    out.key += t;
    if (!out.has(k)) {
      keyComplete = false;
      if (t.empty() && !row.isInvalid(size_t(k))) problem(k, tr("a value is required."));
      continue;
    }
    keyNew = keyNew || isNewRef(out.values[size_t(k)]);
  }
  if (!keyComplete) {
    out.action = ImportAction::Error;
    return;
  }

  if (!keyNew) {
    if (info.keyedByCode) {
      auto& m = ctx.idsOf(info.table);
      if (auto it = m.find(out.values[size_t(info.code)]); it != m.end())
        out.stored = ctx.repo.findById(info.table, it->second, info.storedColumns);
    } else {
      store::ImportValues key;
      for (int k : info.keys) key.emplace_back(spec.columns[size_t(k)].field, out.values[size_t(k)]);
      out.stored = ctx.repo.find(info.table, key, info.storedColumns);
    }
  }

  if (!withinScope(ctx, info, out, problem)) {
    out.action = ImportAction::Error;
    return;
  }

  if (!out.stored) {
    for (int k = 0; k < int(n); ++k) {
      const ImportColumn& c = spec.columns[size_t(k)];
      if (c.requiredForNew && !out.has(k) && !row.isInvalid(size_t(k)) && text(k).empty() &&
          !((info.keyMask >> k) & 1u) && file.headers.count(c.field)) {
        std::string t = c.type == T::Code && k != info.code ? refTable(info, k, row) : "x";
        if (!t.empty()) problem(k, tr("a value is required for a new record."));
      }
    }
  }
  // Member status: a status other than active needs the day it began when it is new or changes.
  if (info.kind == "dang_vien" && out.has(info.status) && out.values[size_t(info.status)] != "active" &&
      !out.has(info.statusSince) && !row.isInvalid(size_t(info.statusSince))) {
    const auto old = out.old(info, info.status);
    bool changes = !out.stored || !old || *old != out.values[size_t(info.status)];
    if (changes) problem(info.statusSince, tr("required for every status but \"Đang sinh hoạt\"."));
  }
  if (info.kind == "chi_tieu" && out.has(info.fromYear) && out.has(info.toYear) &&
      std::stoi(out.values[size_t(info.toYear)]) < std::stoi(out.values[size_t(info.fromYear)]))
    problem(info.toYear, tr("the last year is before the first year."));

  // Changes against the stored record, in the order of the field names.
  if (out.stored) {
    for (int k : info.byField) {
      if (!out.has(k) || ((info.keyMask >> k) & 1u)) continue;
      const std::string& v = out.values[size_t(k)];
      const auto old = out.old(info, k);
      if (old && *old == v) continue;
      out.updates |= uint64_t(1) << k;
      const ImportColumn& c = spec.columns[size_t(k)];
      std::string t = c.type == T::Code || c.type == T::TermName ? refTable(info, k, row) : std::string();
      out.changes.push_back({headerOf(file, c), display(ctx, c.field, t, old),
                             display(ctx, c.field, t, std::string_view(v)), c.field});
    }
    if (out.committee && *out.committee != ctx.repo.hasOpenCellCommittee(out.stored->rowid)) {
      out.committeeChanges = true;
      out.changes.push_back({headerOf(file, spec.columns[size_t(info.committee)]),
                             *out.committee ? tr("No") : tr("Yes"), *out.committee ? tr("Yes") : tr("No"),
                             "has_committee"});
    }
  }

  checkDates(ctx, info, out, problem);
  doorProblems(ctx, info, row, out, problem);

  if (!out.problems.empty())
    out.action = ImportAction::Error;
  else if (!out.stored)
    out.action = ImportAction::New;
  else if (!out.changes.empty())
    out.action = ImportAction::Update;
  else
    out.action = ImportAction::Unchanged;
}

// Writes one evaluated row (applying).
void write(Context& ctx, const SpecInfo& info, const ImportFile& file, const ImportRow& row, Outcome& o) {
  if (writeThroughDoor(ctx, info, file, row, o)) return;
  const ImportFileSpec& spec = *info.spec;
  auto& repo = ctx.repo;
  const std::string& kind = info.kind;
  if (o.action == ImportAction::New) {
    NewRecord r;
    prepareNew(ctx.today, info, o, r);
    writeNew(ctx, info, o, r);
    return;
  }
  if (o.action != ImportAction::Update) return;
  core::Id id = o.stored->rowid;
  store::ImportValues updates;
  for (int k = 0; k < int(spec.columns.size()); ++k)
    if ((o.updates >> k) & 1u) updates.emplace_back(spec.columns[size_t(k)].field, o.values[size_t(k)]);
  repo.update(info.table, id, updates);
  auto updated = [&](int k) { return k >= 0 && ((o.updates >> k) & 1u); };
  if (kind == "dang_vien") {
    auto oldCell = idOf(o.old(info, info.cellId));
    if (updated(info.cellId)) {
      core::MemberEvent e;
      e.memberId = id;
      e.date = ctx.today;
      e.kind = "moved";
      e.fromCell = oldCell;
      e.toCell = idOf(o, info.cellId);
      repo.insertMemberEvent(e);
    }
    if (updated(info.officialOn) && !o.old(info, info.officialOn)) {
      core::MemberEvent e;
      e.memberId = id;
      e.date = *dateOf(o, info.officialOn);
      e.kind = "recognized";
      repo.insertMemberEvent(e);
    }
    if (updated(info.status)) {
      const std::string status = o.values[size_t(info.status)];
      const std::string before = std::string(o.old(info, info.status).value_or("active"));
      std::string k = statusEventKind(status);
      if (k.empty() && status == "active" && before == "exempt") k = "exemption_ended";
      if (!k.empty()) {
        core::MemberEvent e;
        e.memberId = id;
        e.date = dateOf(o, info.statusSince).value_or(ctx.today);
        e.kind = k;
        e.fromCell = idOf(o, info.cellId) ? idOf(o, info.cellId) : oldCell;
        repo.insertMemberEvent(e);
      }
    }
  }
  (void)row;
}

// The files whose rows a record's door writes one by one, with its audit rows: a member's trainings
// (ImportTraining) and the cells' secretaries over time (ImportSecretaries).
bool isDoorFile(std::string_view kind) {
  return kind == trainingFileSpec().kind || kind == secretaryFileSpec().kind;
}
void importDoorFile(Services& s, const Actor& actor, const ImportFile& file, bool dryRun,
                    const std::function<bool(std::string_view)>& definedByImport, PlannedFile& pf,
                    std::vector<std::string>& problems) {
  if (file.kind == trainingFileSpec().kind)
    importTrainingFile(s, actor, file, dryRun, definedByImport, pf, problems);
  else
    importSecretaryFile(s, actor, file, dryRun, definedByImport, pf, problems);
}

// The files of `kind` in the batch, in batch order (a merge hands over one per source).
std::vector<const ImportFile*> filesOf(const ImportBatch& batch, std::string_view kind) {
  std::vector<const ImportFile*> out;
  for (const auto& f : batch.files)
    if (f.kind == kind) out.push_back(&f);
  return out;
}

}  // namespace

// Defined in ImportDuplicates.cpp.
// The rows of a members' file grouped for the look-alike check (on any thread), and the check itself.
struct LookAlikeGroups;
std::shared_ptr<const LookAlikeGroups> groupLookAlikes(const ImportFileSpec& spec, const ImportFile& file);
void findLikelyDuplicates(store::ImportRepository& repo, const LookAlikeGroups& groups,
                          const ImportFileSpec& spec, const ImportFile& file,
                          const std::vector<PlannedRow>& planned, std::vector<LikelyDuplicate>& out);
// Defined in ImportAudit.cpp: the audit rows of one applied file, and the rights an import needs at least.
void auditRecords(store::AuditRepository& audit, const Actor& actor, const PlannedFile& f,
                  const ImportFile& file, bool merged);
void requireSomeImport(const Actor& actor);

namespace {

// The row that first had a key, and its file's name.
struct FirstRow {
  int row;
  const std::string* source;
};

// The rows of every file of `batch`, for a progress stage over all of them.
uint64_t rowCount(const ImportBatch& batch) {
  uint64_t n = 0;
  for (const auto& f : batch.files) n += f.rows.size();
  return n;
}

ImportPlan plan(Context& ctx, const ImportBatch& batch, core::Progress* progress) {
  core::ProgressStage stage(progress, tr("Checking the rows"), rowCount(batch));
  ImportPlan p;
  p.notices = batch.notices;
  for (auto [kind, pool] :
       {std::pair{"to_chuc", &ctx.importOrgs}, std::pair{"dang_vien", &ctx.importMembers}})
    for (const ImportFile* f : filesOf(batch, kind)) {
      const int code = importColumnIndex(*importFileSpec(kind), "code");
      pool->reserve(f->rows.size());
      for (const auto& r : f->rows)
        if (auto v = r.value(size_t(code)); !v.empty()) pool->emplace(v, true);
    }

  Outcome o;
  for (const auto& spec : importFileSpecs()) {
    // The first row of each key, over every file of the kind: views into the planned rows' own keys, which
    // stay in place (each file's planned rows are reserved whole).
    ViewTable<FirstRow> keys;
    for (const ImportFile* file : filesOf(batch, spec.kind)) {
      const SpecInfo& info = infoOf(spec);
      PlannedFile pf{file->kind, file->source, {}, 0, 0, 0, 0};
      for (const auto& m : file->problems) p.problems.push_back(m);
      // A file without rows (a template's sheet left empty) asks for nothing and reveals nothing: no refusal.
      if (std::string why = importFileRefusal(ctx.actor, file->kind); !why.empty() && !file->rows.empty()) {
        p.problems.push_back(file->source + ": " + why);
        pf.errors = int(file->rows.size());
        p.files.push_back(std::move(pf));
        continue;
      }
      if (isDoorFile(file->kind)) {
        importDoorFile(
            ctx.s, ctx.actor, *file, true,
            [&](std::string_view code) {
              return ctx.importMembers.contains(code) || ctx.importOrgs.contains(code);
            },
            pf, p.problems);
        for (size_t i = 0; i < file->rows.size(); ++i) stage.step();
        p.files.push_back(std::move(pf));
        continue;
      }
      if (isCellWorkImport(file->kind)) {
        if (!ctx.cellWork) ctx.cellWork = std::make_unique<CellWorkDoor>(ctx.s, ctx.actor, ctx.today);
        importCellWorkFile(
            *ctx.cellWork, spec, *file, true,
            [&](std::string_view code) {
              return ctx.importMembers.contains(code) || ctx.importOrgs.contains(code);
            },
            pf, p.problems);
        for (size_t i = 0; i < file->rows.size(); ++i) stage.step();
        p.files.push_back(std::move(pf));
        continue;
      }
      // The look-alike check's grouping of the members needs nothing of the plan: a second thread makes it
      // while this one evaluates the rows.
      std::future<std::shared_ptr<const LookAlikeGroups>> lookAlikes;
      if (file->kind == "dang_vien")
        lookAlikes = std::async(std::launch::async | std::launch::deferred,
                                [&spec, file] { return groupLookAlikes(spec, *file); });
      pf.rows.reserve(file->rows.size());
      keys.reserve(file->rows.size());
      for (const auto& row : file->rows) {
        stage.step();
        evaluate(ctx, info, *file, row, o);
        const bool keyed = o.action != ImportAction::Error || (o.present & info.keyMask) == info.keyMask;
        const FirstRow* first = keyed ? keys.find(o.key) : nullptr;
        if (first) {
          const std::string at = std::to_string(first->row);
          o.problems.push_back(importProblem(
              file->source, row.row, headerOf(*file, spec.columns[size_t(info.keys.front())]),
              *first->source == file->source
                  ? format(tr("the key {1} already appears at row {2}."), {o.key, at})
                  : format(tr("the key {1} already appears in {2}, row {3}."), {o.key, *first->source, at})));
          o.action = ImportAction::Error;
        }
        for (const auto& m : o.problems) p.problems.push_back(m);
        switch (o.action) {
          case ImportAction::New:
            ++pf.added;
            break;
          case ImportAction::Update:
            ++pf.updated;
            break;
          case ImportAction::Unchanged:
            ++pf.unchanged;
            break;
          case ImportAction::Error:
            ++pf.errors;
            break;
        }
        pf.rows.push_back({row.row, o.key, o.action, std::move(o.changes), std::move(o.problems)});
        if (keyed && !first) keys.emplace(pf.rows.back().key, {row.row, &file->source});
      }
      if (file->kind == "dang_vien") {
        findLikelyDuplicates(ctx.repo, *lookAlikes.get(), spec, *file, pf.rows, p.duplicates);
        // A secretary is not told about stored members of other cells (not even that one shares a CCCD).
        if (ctx.scopeCell)
          std::erase_if(p.duplicates, [&](const LikelyDuplicate& d) {
            if (d.otherInImport) return false;
            auto& ids = ctx.idsOf("members");
            auto it = ids.find(d.otherCode);
            return it == ids.end() || ctx.repo.memberCell(it->second) != *ctx.scopeCell;
          });
      }
      p.files.push_back(std::move(pf));
    }
  }
  stage.finish();
  return p;
}

}  // namespace

ImportPlan planImport(Services& s, const Actor& actor, const ImportBatch& batch, core::Progress* progress) {
  requireSomeImport(actor);
  Context ctx(s, actor);
  ctx.merged = batch.merged;
  return plan(ctx, batch, progress);
}

bool bulkLoadPays(int64_t added, int64_t stored) {
  return added >= kBulkLoadRows && added * kBulkLoadShare >= stored;
}

bool recountPays(int64_t added, int64_t stored) {
  return added >= kBulkLoadRows && added * kRecountShare >= stored;
}

ImportResult applyImport(Services& s, const Actor& actor, const ImportBatch& batch, core::Progress* progress,
                         IndexLoad load) {
  requireSomeImport(actor);
  ImportResult result;
  Context ctx(s, actor);
  ctx.merged = batch.merged;
  result.plan = plan(ctx, batch, progress);
  if (!result.plan.ok()) {
    std::string text;
    for (const auto& m : result.plan.problems) text += (text.empty() ? "" : "\n") + m;
    throw core::DataError(text);
  }
  for (const auto& f : result.plan.files) {
    result.added += f.added;
    result.updated += f.updated;
    result.unchanged += f.unchanged;
  }
  if (!result.plan.changesAnything()) return result;

  store::Database& db = storeOf(s);
  ctx.repo.beginBulkWrite();
  struct EndBulk {
    store::ImportRepository& repo;
    ~EndBulk() {
      try {
        repo.endBulkWrite();
      } catch (...) {
      }
    }
  } endBulk{ctx.repo};
  // A load large beside the register (the first import of a commune or a province, or the next file of a
  // province's register) writes its members without their secondary indexes and builds those once after the
  // members' files; the files after them (the cells' work, trainings, secretaries) find them in place. A load
  // of many members into a register too large for that (the next file of a province) defers the name search
  // index (the new members' names indexed in one statement after the members' files) and, when they are a
  // good share of the register, the members' counts (counted afresh then).
  int64_t newMembers = 0;
  for (const auto& f : result.plan.files)
    if (f.kind == "dang_vien") newMembers += f.added;
  // A first load of many members into a register held alone (the command line) writes without the WAL.
  const bool firstLoad = s.heldAlone() && load == IndexLoad::kAuto && newMembers >= kImportBulkRows &&
                         !ctx.repo.hasRows("members");
  auto writeAll = [&] {
    db.deferForeignKeys();
    std::vector<std::string> dropped;
    const int64_t stored = load == IndexLoad::kAuto ? ctx.repo.rowCount("members") : 0;
    if (load == IndexLoad::kAuto && bulkLoadPays(newMembers, stored))
      dropped = ctx.repo.dropSecondaryIndexes({"members", "member_events"});
    else if (load == IndexLoad::kAuto && newMembers >= kImportBulkRows)
      dropped = ctx.repo.deferSearchIndex(recountPays(newMembers, stored));
    // Every reference resolves in the register by the time its row is written; what was read while
    // planning is read again inside the transaction.
    ctx.applying = true;
    ctx.importOrgs.clear();
    ctx.importMembers.clear();
    ctx.forget();
    for (const auto& [kind, table] :
         {std::pair{"to_chuc", "organizations"}, std::pair{"dang_vien", "members"}})
      for (const ImportFile* f : filesOf(batch, kind)) ctx.expect(table, f->rows.size());
    Outcome o;
    std::unique_ptr<CellWorkDoor> cellWorkDoor;
    // The files in the order they were planned (result.plan.files holds one entry per file, in this order).
    std::vector<const ImportFile*> applied;
    for (const auto& spec : importFileSpecs())
      for (const ImportFile* f : filesOf(batch, spec.kind)) applied.push_back(f);
    // The files written before the dropped indexes come back: up to the last members' file.
    size_t split = applied.size();
    if (!dropped.empty())
      for (size_t i = 0; i < applied.size(); ++i)
        if (applied[i]->kind == "dang_vien") split = i + 1;
    auto rowsOf = [&](size_t from, size_t to) {
      uint64_t n = 0;
      for (size_t i = from; i < to; ++i) n += applied[i]->rows.size();
      return n;
    };
    // Cancelling throws core::Cancelled from inside the transaction: nothing of the import is kept.
    std::optional<core::ProgressStage> stagePart;
    stagePart.emplace(progress, tr("Writing the rows"), rowsOf(0, split));
    auto rebuild = [&] {
      stagePart->finish();
      if (progress) progress->stage(tr("Building the indexes"), 0);
      ctx.repo.rebuildIndexes(dropped);
      dropped.clear();
    };
    // The records' doors write as one bulk: one revision step; a first load's new records named in one row.
    BulkWrite bulk(s);
    for (size_t index = 0; index < applied.size(); ++index) {
      if (index == split && !dropped.empty()) {
        // The members are written: their indexes come back before the files that read them.
        rebuild();
        stagePart.emplace(progress, tr("Writing the rows"), rowsOf(split, applied.size()));
      }
      const ImportFile* file = applied[index];
      core::ProgressStage& stage = *stagePart;
      const ImportFileSpec& spec = *importFileSpec(file->kind);
      bulk.quietAdds(result.plan.files[index].added >= kImportBulkRows);
      if (isDoorFile(file->kind)) {
        // Through the record's door, which writes its audit rows.
        PlannedFile ignored;
        std::vector<std::string> none;
        importDoorFile(
            s, actor, *file, false, [](std::string_view) { return false; }, ignored, none);
        for (size_t i = 0; i < file->rows.size(); ++i) stage.step();
        continue;
      }
      if (isCellWorkImport(file->kind)) {
        // The cell's work goes through its own door, which writes its audit rows; it reads the members
        // this import has just written.
        if (!cellWorkDoor) cellWorkDoor = std::make_unique<CellWorkDoor>(s, actor, ctx.today);
        PlannedFile ignored;
        std::vector<std::string> none;
        importCellWorkFile(
            *cellWorkDoor, spec, *file, false, [](std::string_view) { return false; }, ignored, none);
        for (size_t i = 0; i < file->rows.size(); ++i) stage.step();
        continue;
      }
      const SpecInfo& info = infoOf(spec);
      if (file->kind == "to_chuc") {
        // First every organization without its merge target (which may come later in the file).
        for (const auto& row : file->rows) {
          evaluate(ctx, info, *file, row, o, uint64_t(1) << info.mergedInto);
          write(ctx, info, *file, row, o);
        }
      }
      // A new member was checked whole by the plan (no stored record to compare, no check that waits for a
      // record this import adds): writing it needs only its storage values, its references now resolved to
      // the records written before it. Anything else is evaluated again against what was written before it.
      const std::vector<PlannedRow>& planned = result.plan.files[index].rows;
      const bool newMembers = file->kind == "dang_vien" && planned.size() == file->rows.size();
      auto writeRow = [&](size_t r) {
        const ImportRow& row = file->rows[r];
        if (newMembers && planned[r].action == ImportAction::New) {
          storageValues(ctx, info, *file, row, o, 0);
          if (o.problems.empty()) {
            o.action = ImportAction::New;
            write(ctx, info, *file, row, o);
            return;
          }
        }
        evaluate(ctx, info, *file, row, o);
        if (o.action == ImportAction::Error)
          throw core::DataError(o.problems.empty() ? std::string(tr("The import could not be applied."))
                                                   : o.problems.front());
        write(ctx, info, *file, row, o);
      };
      if (newMembers) {
        writeNewMembers(ctx, info, *file, planned, stage, writeRow);
      } else {
        for (size_t r = 0; r < file->rows.size(); ++r) {
          stage.step();
          writeRow(r);
        }
      }
      finishDoorFile(ctx, info, *file);
    }
    if (dropped.empty())
      stagePart->finish();
    else
      rebuild();
    store::AuditRepository audit(db);
    for (size_t i = 0; i < result.plan.files.size(); ++i)
      if (!isCellWorkImport(result.plan.files[i].kind) && !isDoorFile(result.plan.files[i].kind))
        auditRecords(audit, actor, result.plan.files[i], *applied[i], batch.merged);
    for (const auto& f : result.plan.files)
      audit.append(actor.username, "import", f.source, "",
                   format(tr("{1} new, {2} updated, {3} unchanged"),
                          {std::to_string(f.added), std::to_string(f.updated), std::to_string(f.unchanged)}),
                   "");
    store::SettingsRepository(db).bumpRevision();
  };
  if (firstLoad)
    db.transactionWithoutWal(writeAll);
  else
    db.transaction(writeAll);
  result.written = true;
  return result;
}

}  // namespace dangbo::services
