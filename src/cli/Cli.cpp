#include "cli/Cli.h"

#include "cli/CliCommon.h"
#include "cli/CliProgress.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <new>
#include <optional>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "exchange/Backup.h"
#include "exchange/Import.h"
#include "exchange/ImportTemplate.h"
#include "exchange/RegisterExport.h"
#include "reports/CongressReport.h"
#include "reports/DeadlinesReport.h"
#include "reports/DisciplineReport.h"
#include "reports/MemberOutput.h"
#include "reports/PdfRenderer.h"
#include "reports/RatingsReport.h"
#include "reports/SummaryReport.h"
#include "services/Administration.h"
#include "services/Admissions.h"
#include "services/CellWork.h"
#include "services/CongressReport.h"
#include "services/DataPaths.h"
#include "services/Deadlines.h"
#include "services/Discipline.h"
#include "services/Import.h"
#include "services/MemberList.h"
#include "services/Paths.h"
#include "services/Ratings.h"
#include "services/RuleChecks.h"
#include "services/Services.h"
#include "services/TemplateData.h"

#ifndef DANGBO_VERSION
#define DANGBO_VERSION "0.0.0"
#endif

namespace dangbo::cli {

using core::format;
using core::tr;
namespace fs = std::filesystem;

namespace {

std::string usage() {
  return std::string(tr("Usage: dangbo-cli [--db PATH] COMMAND [OPTIONS]")) + "\n\n" + tr("Commands:") +
         "\n" + "  init [--committee NAME] [--place NAME] [--province NAME]\n      " +
         tr("create a new, empty database (refuses an existing file)") + "\n" +
         "  demo [--seed N] [--today DATE]\n      " +
         tr("create a demo commune in a new database; the same N (and day) gives the same data") + "\n" +
         "  summary [--as-of DATE] [--format text|json]\n      " + tr("the register's figures on a day") +
         "\n" + "  backup --out FILE\n      " + tr("copy the database to FILE") + "\n" +
         "  restore FILE\n      " + tr("restore FILE into --db, keeping the replaced file as a backup") +
         "\n" + "  import PATH [PATH ...] [--dry-run]\n      " +
         tr("import a folder of CSV files or an .xlsx workbook (all or nothing); --dry-run writes nothing") +
         "\n      " +
         tr("several folders or workbooks are one import, in one transaction (a register sent as several "
            "files)") +
         "\n" + "  templates FOLDER\n      " + tr("write the empty import templates into FOLDER") + "\n" +
         "  templates --out FILE.xlsx\n      " +
         tr("write the import template workbook: a sheet per file, an example row, drop-down lists") + "\n" +
         "  members [--cell CODE] [--origin NAME] [--search TEXT] [--as-of DATE] [--format csv|json]\n     "
         " " +
         tr("the members active or exempt on a day, in Vietnamese name order") + "\n" +
         "  export register --out FILE [--as-of DATE]\n      " +
         tr("the member register (form 7-HSĐV) as .csv or .xlsx") + "\n" +
         "  check [--as-of DATE] [--format text|json]\n      " +
         tr("check the register (exit 1 when problems are found)") + "\n" + reportUsage() + packageUsage() +
         userUsage() + transferUsage() + fileSupplementUsage() + recordUsage() + mergeUsage() +
         reconcileUsage() + "  --version, --help\n\n" +
         tr("--db PATH: the database file; default: $XDG_DATA_HOME/dangbo/dangbo.db "
            "(~/.local/share/dangbo/dangbo.db).") +
         "\n" + tr("Dates: YYYY-MM-DD or dd/mm/yyyy.") + "\n" +
         tr("--out FILE never replaces an existing file unless --force is given, and never the register, its "
            "copies or another database.") +
         "\n" +
         tr("Exit status: 0 done; 1 data refused; 2 wrong usage; 3 database cannot be opened, damaged or "
            "newer.") +
         "\n";
}

// "Đảng bộ xã Phiêng Pằn" -> place "Phiêng Pằn", executive "ĐẢNG ỦY XÃ PHIÊNG PẰN".
core::CommitteeInfo committeeFrom(const Parsed& p) {
  core::CommitteeInfo c;
  c.name = core::normalizeText(p.get("--committee").value_or(tr("Party Committee")));
  c.province = core::normalizeText(p.get("--province").value_or(""));
  std::string rest = c.name;
  const std::string prefix = "Đảng bộ ";
  if (rest.rfind(prefix, 0) == 0) rest = rest.substr(prefix.size());
  std::string place = rest;
  for (const char* unit : {"xã ", "phường ", "thị trấn ", "đặc khu "})
    if (place.rfind(unit, 0) == 0) place = place.substr(std::string(unit).size());
  c.place = core::normalizeText(p.get("--place").value_or(place));
  c.executive = core::toUpper("Đảng ủy " + rest);
  if (!c.province.empty()) c.superior = core::toUpper("Đảng bộ tỉnh " + c.province);
  return c;
}

int cmdInit(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--committee", "--place", "--province"}, 0);
  fs::path path = dbPath(p);
  ensureParent(path);
  auto s = services::Services::create(path, committeeFrom(p));
  err << format(tr("Created {1} for {2}."), {path.string(), s->committee().name}) << "\n";
  (void)out;
  return kOk;
}

int cmdDemo(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--seed", "--today"}, 0);
  services::DemoOptions opt;
  if (auto v = p.get("--seed")) {
    try {
      size_t used = 0;
      opt.seed = std::stoull(*v, &used);
      if (used != v->size()) throw std::invalid_argument(*v);
    } catch (const std::exception&) {
      throw UsageError(format(tr("--seed: \"{1}\" is not a whole number."), {*v}));
    }
  }
  opt.today = dateOption(p, "--today", core::Date::today());
  fs::path path = dbPath(p);
  ensureParent(path);
  auto summary = services::Services::createDemo(path, opt);
  out << reports::summaryLine(summary) << "\n";
  return kOk;
}

int cmdSummary(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--as-of", "--format"}, 0);
  std::string fmt = p.get("--format").value_or("text");
  if (fmt != "text" && fmt != "json")
    throw UsageError(format(tr("--format: \"{1}\" is not one of: {2}."), {fmt, "text, json"}));
  core::Date asOf = dateOption(p, "--as-of", core::Date::today());
  auto s = services::Services::openForReading(dbPath(p));
  actingUser(p, *s);  // a register with accounts is read by its users only
  auto sum = s->summary(asOf);
  if (fmt == "json")
    reports::writeSummaryJson(out, sum);
  else
    out << reports::summaryLine(sum) << "\n";
  return kOk;
}

// Prints what an import does (or would do): per file the counts, then look-alikes to review.
void printPlan(const services::ImportPlan& plan, bool dryRun, std::ostream& out) {
  for (const auto& f : plan.files)
    out << format(tr("{1}: {2} new, {3} updated, {4} unchanged"),
                  {f.source, std::to_string(f.added), std::to_string(f.updated), std::to_string(f.unchanged)})
        << "\n";
  for (const auto& d : plan.duplicates)
    out << format(tr("To review: {1}, row {2}: member {3} looks like {4} ({5})."),
                  {d.source, std::to_string(d.row), d.code, d.otherCode, d.reason})
        << "\n";
  if (dryRun) out << tr("Dry run: nothing was written.") << "\n";
}

int cmdImport(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--dry-run"}, SIZE_MAX);
  if (p.positional.empty())
    throw UsageError(tr("import needs the folder of CSV files or the .xlsx workbook."));
  bool dryRun = p.has("--dry-run");
  services::ImportBatch batch;
  try {
    // Several folders or workbooks are one import: one transaction, a large register loaded once.
    batch = exchange::readImports(std::vector<fs::path>(p.positional.begin(), p.positional.end()));
  } catch (const std::bad_alloc&) {
    std::string named;
    for (const auto& path : p.positional) named += (named.empty() ? "" : ", ") + path;
    throw core::DataError(format(tr("{1} is too large to be read in the memory of this computer. Nothing was "
                                    "written."),
                                 {named}));
  }
  for (const auto& n : batch.notices) err << n << "\n";
  auto lock = dryRun ? nullptr : lockForWriting(p);  // not while a window has the register open
  auto s = services::Services::open(dbPath(p));
  s->setHeldAlone(lock != nullptr);  // a first load may write without the WAL
  const auto actor = actingUser(p, *s);
  auto progress = terminalProgress(err);
  if (dryRun) {
    auto plan = services::planImport(*s, actor, batch, progress.get());
    progress.reset();
    if (!plan.ok()) {
      for (const auto& problem : plan.problems) err << problem << "\n";
      err << tr("The import would be refused; nothing was written.") << "\n";
      return kRefused;
    }
    printPlan(plan, true, out);
    return kOk;
  }
  auto result = services::applyImport(*s, actor, batch, progress.get());
  progress.reset();
  printPlan(result.plan, false, out);
  if (!result.written) err << tr("Nothing to change: the register already holds these rows.") << "\n";
  return kOk;
}

int cmdMembers(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--cell", "--search", "--as-of", "--format", "--origin"}, 0);
  services::MemberFilter f;
  f.origin = p.get("--origin").value_or("");
  f.asOf = dateOption(p, "--as-of", core::Date::today());
  f.cellCode = p.get("--cell").value_or("");
  f.search = p.get("--search").value_or("");
  std::string fmt = formatOption(p, "csv", {"csv", "json"});
  auto s = services::Services::openForReading(dbPath(p));
  auto rows = services::listMembers(*s, actingUser(p, *s), f);
  if (fmt == "json")
    reports::writeMembersJson(out, rows);
  else
    reports::writeMembersCsv(out, rows);
  return kOk;
}

int cmdExport(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {"--out", "--as-of"}, 1);
  if (p.positional.empty() || p.positional[0] != "register")
    throw UsageError(tr("export knows one kind: export register --out FILE [--as-of DATE]."));
  auto to = p.get("--out");
  if (!to) throw UsageError(tr("export register needs --out FILE (.csv or .xlsx)."));
  checkOutTarget(p, *to);
  exchange::RegisterExportOptions o;
  o.asOf = dateOption(p, "--as-of", core::Date::today());
  auto s = services::Services::openForReading(dbPath(p));
  auto progress = terminalProgress(err);  // its line cleared before the message
  o.progress = progress.get();
  int rows = exchange::exportRegister(*s, actingUser(p, *s), *to, o);
  progress.reset();
  err << format(tr("Wrote the register of {1} members on {2} to {3}."),
                {std::to_string(rows), o.asOf.vn(), *to})
      << "\n";
  return kOk;
}

int cmdCheck(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--as-of", "--format"}, 0);
  core::Date asOf = dateOption(p, "--as-of", core::Date::today());
  std::string fmt = formatOption(p, "text", {"text", "json"});
  auto s = services::Services::open(dbPath(p));
  const auto actor = actingUser(p, *s);
  auto findings = services::checkRegister(*s, actor, asOf);
  for (auto& f : services::checkRules(*s, actor, asOf)) findings.push_back(std::move(f));
  for (auto& f : services::checkOverdue(*s, actor, asOf)) findings.push_back(std::move(f));
  for (auto& f : services::checkCellWork(*s, actor, asOf)) findings.push_back(std::move(f));
  for (auto& f : services::checkIntegrity(*s, actor)) findings.push_back(std::move(f));
  if (fmt == "json")
    reports::writeFindingsJson(out, findings);
  else
    reports::writeFindingsText(out, findings);
  return findings.empty() ? kOk : kRefused;
}

int cmdTemplates(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {"--out"}, 1);
  if (auto book = p.get("--out")) {
    // One workbook: a sheet per file, an example row, drop-down lists, identifiers as text.
    if (!p.positional.empty())
      throw UsageError(tr("templates takes either a FOLDER or --out FILE.xlsx, not both."));
    checkOutTarget(p, *book);
    exchange::writeImportTemplateWorkbook(*book, services::referenceEthnicGroupNames());
    err << *book << "\n";
    return kOk;
  }
  if (p.positional.empty()) throw UsageError(tr("templates needs the folder to write into."));
  for (const auto& f : exchange::writeImportTemplates(p.positional[0])) err << f.string() << "\n";
  return kOk;
}

int cmdBackup(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {"--out"}, 0);
  auto to = p.get("--out");
  if (!to) throw UsageError(tr("backup needs --out FILE."));
  if (p.has("--force")) throw UsageError(tr("backup never replaces a file: give a new file name."));
  checkOutTarget(p, *to);
  auto s = services::Services::open(dbPath(p));
  services::requireBackupRights(actingUser(p, *s));
  {
    auto progress = terminalProgress(err);  // its line cleared before the message
    exchange::backupDatabase(*s, *to, progress.get());
  }
  err << format(tr("Backed up to {1}."), {*to}) << "\n";
  return kOk;
}

int cmdRestore(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {}, 1);
  if (p.positional.empty()) throw UsageError(tr("restore needs the backup FILE."));
  fs::path path = dbPath(p);
  ensureParent(path);
  auto lock = lockForWriting(p);  // not while a window has the register open
  std::error_code ec;
  if (fs::exists(path, ec)) {
    // A register with accounts is restored by its administrator; a damaged one cannot be asked.
    std::unique_ptr<services::Services> current;
    try {
      current = services::Services::open(path);
    } catch (const core::DatabaseError&) {
    }
    if (current) services::requireBackupRights(actingUser(p, *current));
  }
  fs::path kept;
  {
    auto progress = terminalProgress(err);  // its line cleared before the message
    kept = exchange::restoreDatabase(path, p.positional[0], progress.get());
  }
  err << format(tr("Restored {1} from {2}."), {path.string(), p.positional[0]}) << "\n";
  if (!kept.empty()) err << format(tr("The replaced file was kept as {1}."), {kept.string()}) << "\n";
  return kOk;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    Parsed p = parse(args);
    if (std::find(p.flags.begin(), p.flags.end(), "--help") != p.flags.end() || p.command == "help") {
      out << usage();
      return kOk;
    }
    if (std::find(p.flags.begin(), p.flags.end(), "--version") != p.flags.end()) {
      out << "dangbo-cli " << DANGBO_VERSION << "\n";
      const fs::path data = services::dataFolder();
      out << format(tr("Guide and report templates: {1}"), {data.empty() ? tr("not found") : data.string()})
          << "\n";
      return kOk;
    }
    if (p.command.empty()) throw UsageError(tr("No command given."));
    if (p.command == "init") return cmdInit(p, out, err);
    if (p.command == "demo") return cmdDemo(p, out, err);
    if (p.command == "summary") return cmdSummary(p, out, err);
    if (p.command == "backup") return cmdBackup(p, out, err);
    if (p.command == "import") return cmdImport(p, out, err);
    if (p.command == "templates") return cmdTemplates(p, out, err);
    if (p.command == "members") return cmdMembers(p, out, err);
    if (p.command == "export") return cmdExport(p, out, err);
    if (p.command == "check") return cmdCheck(p, out, err);
    if (p.command == "report") return cmdReport(p, out, err);
    if (p.command == "restore") return cmdRestore(p, out, err);
    if (p.command == "package") return cmdPackage(p, out, err);
    if (p.command == "user") return cmdUser(p, out, err);
    if (p.command == "audit") return cmdAudit(p, out, err);
    if (p.command == "record") return cmdRecord(p, out, err);
    if (p.command == "merge") return cmdMerge(p, out, err);
    if (p.command == "reconcile") return cmdReconcile(p, out, err);
    if (p.command == "transfer-received") return cmdTransferReceived(p, out, err);
    if (p.command == "transfer-letter") return cmdTransferLetter(p, out, err);
    if (p.command == "file-supplement") return cmdFileSupplement(p, out, err);
    throw UsageError(format(tr("Unknown command \"{1}\"."), {p.command}));
  } catch (const UsageError& e) {
    err << "dangbo-cli: " << e.what() << "\n" << tr("Run dangbo-cli --help for the commands.") << "\n";
    return kUsage;
  } catch (const core::DatabaseError& e) {
    err << "dangbo-cli: " << e.what() << "\n";
    return kDatabase;
  } catch (const core::DataError& e) {
    err << "dangbo-cli: " << e.what() << "\n";
    return kRefused;
  } catch (const core::PermissionError& e) {
    err << "dangbo-cli: " << e.what() << "\n";
    return kRefused;
  } catch (const std::bad_alloc&) {
    // Never "damaged database" for a file too large to read: the register was not touched.
    err << "dangbo-cli: "
        << tr("There is not enough memory for this file; it is far larger than a register. Nothing was "
              "written.")
        << "\n";
    return kRefused;
  } catch (const std::exception& e) {
    err << "dangbo-cli: " << format(tr("Unexpected error: {1}"), {e.what()}) << "\n";
    return kDatabase;
  }
}

}  // namespace dangbo::cli
