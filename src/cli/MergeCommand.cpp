// `merge --on DATE --decision TEXT --source "NAME=PATH" ... [--cells MAP.csv] [--pairs PAIRS.csv]
// [--dry-run]`: the registers of former communes merged into --db (spec/merger.md), all or nothing.
#include <filesystem>

#include "cli/CliCommon.h"
#include "cli/CliProgress.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "core/VietText.h"
#include "exchange/MergeFiles.h"
#include "services/Merge.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;
namespace fs = std::filesystem;

std::string mergeUsage() {
  return std::string(
             "  merge --on DATE --decision TEXT --source \"NAME=PATH\" ... [--cells MAP.csv] [--pairs "
             "PAIRS.csv] "
             "[--dry-run] [--committee NAME]\n      ") +
         tr("merge the registers of former communes (dangbo files, CSV folders or workbooks) into --db, all "
            "or "
            "nothing; --dry-run prints the plan and writes nothing") +
         "\n  merge --case-files --source \"NAME=PATH\" ... [--dry-run]\n      " +
         tr("bring in the case files (inspections, disciplines) of the merged sources, with the new codes "
            "(the "
            "inspection committee)") +
         "\n";
}

namespace {

void printPlan(const services::MergePlan& plan, bool dryRun, std::ostream& out) {
  for (const auto& c : plan.codes)
    out << format(tr("{1} {2}: {3} -> {4}"), {c.origin,
                                              c.entity == "organization" ? tr("cell")
                                              : c.entity == "member"     ? tr("member")
                                                                         : tr("candidate"),
                                              c.oldCode, c.newCode})
        << "\n";
  for (const auto& g : plan.cellGroups) {
    std::string from;
    for (const auto& c : g.fromCodes) from += (from.empty() ? "" : ", ") + c;
    out << format(tr("New cell {1} ({2}) takes in {3}."), {g.newCode, g.newName, from}) << "\n";
  }
  for (const auto& p : plan.pairs)
    out << format(tr("Pair: {1} {2} ({3}) / {4} {5} ({6}): {7} - {8}"),
                  {p.origin1, p.code1, p.name1, p.origin2, p.code2, p.name2, p.reason,
                   !p.same   ? tr("undecided")
                   : *p.same ? "cùng người"
                             : "khác người"})
        << "\n";
  for (const auto& c : plan.conflicts) out << format(tr("Conflict: {1}"), {c}) << "\n";
  for (const auto& f : plan.import.files)
    out << format(tr("{1}: {2} new, {3} updated, {4} unchanged"),
                  {f.source, std::to_string(f.added), std::to_string(f.updated), std::to_string(f.unchanged)})
        << "\n";
  out << format(tr("Merge: {1} cells, {2} members ({3} the same person as another), {4} candidates."),
                {std::to_string(plan.cells), std::to_string(plan.members), std::to_string(plan.samePersons),
                 std::to_string(plan.candidates)})
      << "\n";
  if (dryRun) out << tr("Dry run: nothing was written.") << "\n";
}

}  // namespace

namespace {

// `merge --case-files`: the inspection committee's second step, into a register the office merged.
int mergeCaseFiles(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--case-files", "--source", "--dry-run"}, 0);
  if (!p.get("--source")) throw UsageError(tr("merge needs at least one --source \"NAME=PATH\"."));
  std::vector<services::MergeSource> sources;
  for (const auto& [name, value] : p.all)
    if (name == "--source") {
      auto [commune, path] = exchange::splitSourceArgument(value);
      sources.push_back(exchange::readMergeSource(commune, path));
    }
  const bool dryRun = p.has("--dry-run");
  auto lock = dryRun ? nullptr : lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  const auto actor = actingUser(p, *s);
  auto progress = terminalProgress(err);
  const services::ImportPlan plan = services::mergeCaseFiles(*s, actor, sources, dryRun, progress.get());
  progress.reset();
  int added = 0, updated = 0, unchanged = 0;
  for (const auto& f : plan.files) {
    out << format(tr("{1}: {2} new, {3} updated, {4} unchanged"),
                  {f.source, std::to_string(f.added), std::to_string(f.updated), std::to_string(f.unchanged)})
        << "\n";
    added += f.added;
    updated += f.updated;
    unchanged += f.unchanged;
  }
  for (const auto& m : plan.problems) err << m << "\n";
  if (!plan.ok()) return kRefused;
  out << format(tr("Case files: {1} new, {2} updated, {3} unchanged."),
                {std::to_string(added), std::to_string(updated), std::to_string(unchanged)})
      << "\n";
  if (dryRun) out << tr("Dry run: nothing was written.") << "\n";
  return kOk;
}

}  // namespace

int cmdMerge(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (p.has("--case-files")) return mergeCaseFiles(p, out, err);
  allowOnly(p, {"--on", "--decision", "--source", "--cells", "--pairs", "--dry-run", "--committee"}, 0);
  if (!p.get("--on")) throw UsageError(tr("merge needs --on DATE, the day of the merger."));
  if (!p.get("--decision")) throw UsageError(tr("merge needs --decision TEXT, the decision of the merger."));
  if (!p.get("--source")) throw UsageError(tr("merge needs at least one --source \"NAME=PATH\"."));
  const bool dryRun = p.has("--dry-run");
  services::MergeRequest request;
  request.on = dateOption(p, "--on", core::Date::today());
  request.decision = *p.get("--decision");
  for (const auto& [name, value] : p.all)
    if (name == "--source") {
      auto [commune, path] = exchange::splitSourceArgument(value);
      request.sources.push_back(exchange::readMergeSource(commune, path));
    }
  for (const auto& s : request.sources)
    for (const auto& n : s.batch.notices) err << s.name << ": " << n << "\n";
  if (auto cells = p.get("--cells")) {
    request.cells = exchange::readCellMap(*cells);
    request.cellsSource = fs::path(*cells).filename().string();
  }
  if (auto pairs = p.get("--pairs")) {
    request.pairs = exchange::readPairDecisions(*pairs);
    request.pairsGiven = true;
    request.pairsSource = fs::path(*pairs).filename().string();
  }
  const fs::path db = dbPath(p);
  std::error_code ec;
  const bool fresh = !fs::exists(db, ec);
  // A dry run into a register not made yet plans against an empty one, removed afterwards.
  fs::path planned = db;
  if (fresh && dryRun)
    planned =
        fs::temp_directory_path() / ("dangbo-merge-" + std::to_string(core::platform::processId()) + ".db");
  struct Remove {
    fs::path p;
    bool on;
    ~Remove() {
      if (!on) return;
      std::error_code e;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix, e);
    }
  } remove{planned, fresh && dryRun};
  auto lock = dryRun ? nullptr : lockForWriting(p);
  if (fresh) ensureParent(planned);
  // A new register is the committee of the commune the first source names (Phiêng Pằn took the name of one of
  // its former communes); --committee names it otherwise. The office corrects the names in the settings.
  core::CommitteeInfo committee;
  committee.place = request.sources.front().name;
  committee.name = p.get("--committee").value_or("Đảng bộ xã " + committee.place);
  committee.executive = core::toUpper("Đảng ủy xã " + committee.place);
  auto s = fresh ? services::Services::create(planned, committee) : services::Services::open(planned);
  const auto actor = actingUser(p, *s);
  auto progress = terminalProgress(err);
  // A refused merge throws DataError listing every problem and undecided pair (exit 1, nothing written).
  services::MergePlan plan = dryRun ? services::planMerge(*s, actor, request, progress.get())
                                    : services::applyMerge(*s, actor, request, progress.get());
  progress.reset();
  for (const auto& n : plan.notices) err << n << "\n";
  if (dryRun && !plan.ok()) {
    for (const auto& m : plan.problems) err << m << "\n";
    for (const auto& m : plan.undecided) err << format(tr("Undecided: {1}"), {m}) << "\n";
    err << tr("The merge would be refused; nothing was written.") << "\n";
    return kRefused;
  }
  printPlan(plan, dryRun, out);
  return kOk;
}

}  // namespace dangbo::cli
