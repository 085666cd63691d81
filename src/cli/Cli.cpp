#include "cli/Cli.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "exchange/Backup.h"
#include "exchange/Import.h"
#include "exchange/RegisterExport.h"
#include "reports/MemberOutput.h"
#include "services/MemberList.h"
#include "services/RuleChecks.h"
#include "services/CongressReport.h"
#include "reports/CongressReport.h"
#include "reports/DeadlinesReport.h"
#include "reports/DisciplineReport.h"
#include "services/Discipline.h"
#include "reports/PdfRenderer.h"
#include "reports/RatingsReport.h"
#include "services/Admissions.h"
#include "services/Deadlines.h"
#include "services/Ratings.h"
#include "services/Import.h"
#include "reports/SummaryReport.h"
#include "services/Paths.h"
#include "services/Services.h"

#ifndef DANGBO_VERSION
#define DANGBO_VERSION "0.0.0"
#endif

namespace dangbo::cli {

using core::format;
using core::tr;
namespace fs = std::filesystem;

namespace {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Options of one command: --name VALUE pairs, flags, and positional arguments.
struct Parsed {
  std::string command;
  std::map<std::string, std::string> options;
  std::vector<std::string> flags;
  std::vector<std::string> positional;
  std::optional<std::string> get(const std::string& k) const {
    auto it = options.find(k);
    return it == options.end() ? std::nullopt : std::optional(it->second);
  }
};

const std::vector<std::string> kValueOptions = {"--db",     "--committee", "--place", "--province", "--seed",
                                                "--as-of",  "--today",     "--out",   "--format",   "--cell",
                                                "--search", "--from",      "--to"};

Parsed parse(const std::vector<std::string>& args) {
  Parsed p;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) == 0 && a.size() > 2) {
      std::string name = a, value;
      bool hasValue = false;
      if (auto eq = a.find('='); eq != std::string::npos) {
        name = a.substr(0, eq);
        value = a.substr(eq + 1);
        hasValue = true;
      }
      bool takes = std::find(kValueOptions.begin(), kValueOptions.end(), name) != kValueOptions.end();
      if (takes && !hasValue) {
        if (i + 1 >= args.size()) throw UsageError(format(tr("The option {1} needs a value."), {name}));
        value = args[++i];
      } else if (!takes && hasValue) {
        throw UsageError(format(tr("The option {1} takes no value."), {name}));
      }
      if (takes) p.options[name] = value;
      else p.flags.push_back(name);
    } else if (p.command.empty()) {
      p.command = a;
    } else {
      p.positional.push_back(a);
    }
  }
  return p;
}

void allowOnly(const Parsed& p, std::initializer_list<const char*> allowed, size_t positional) {
  auto ok = [&](const std::string& n) {
    if (n == "--db") return true;
    for (const char* a : allowed)
      if (n == a) return true;
    return false;
  };
  for (const auto& [k, v] : p.options)
    if (!ok(k)) throw UsageError(format(tr("The command {1} has no option {2}."), {p.command, k}));
  for (const auto& f : p.flags)
    if (!ok(f)) throw UsageError(format(tr("The command {1} has no option {2}."), {p.command, f}));
  if (p.positional.size() > positional)
    throw UsageError(format(tr("Unexpected argument \"{1}\"."), {p.positional[positional]}));
}

core::Date dateOption(const Parsed& p, const std::string& name, core::Date fallback) {
  auto v = p.get(name);
  if (!v) return fallback;
  auto d = core::Date::parse(*v);
  if (!d) throw UsageError(format(tr("{1}: \"{2}\" is not a date (YYYY-MM-DD or dd/mm/yyyy)."), {name, *v}));
  return *d;
}

fs::path dbPath(const Parsed& p) {
  if (auto v = p.get("--db")) return *v;
  return services::defaultDatabasePath();
}

void ensureParent(const fs::path& p) {
  std::error_code ec;
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
}

std::string usage() {
  return std::string(tr("Usage: dangbo-cli [--db PATH] COMMAND [OPTIONS]")) + "\n\n" + tr("Commands:") + "\n" +
         "  init [--committee NAME] [--place NAME] [--province NAME]\n      " +
         tr("create a new, empty database (refuses an existing file)") + "\n" +
         "  demo [--seed N] [--today DATE]\n      " +
         tr("create a demo commune in a new database; the same N (and day) gives the same data") + "\n" +
         "  summary [--as-of DATE] [--format text|json]\n      " + tr("the register's figures on a day") + "\n" +
         "  backup --out FILE\n      " + tr("copy the database to FILE") + "\n" + "  restore FILE\n      " +
         tr("restore FILE into --db, keeping the replaced file as a backup") + "\n" +
         "  import PATH [--dry-run]\n      " +
         tr("import a folder of CSV files or an .xlsx workbook (all or nothing); --dry-run writes nothing") + "\n" +
         "  templates FOLDER\n      " + tr("write the empty import templates into FOLDER") + "\n" +
         "  members [--cell CODE] [--search TEXT] [--as-of DATE] [--format csv|json]\n      " +
         tr("the members active or exempt on a day, in Vietnamese name order") + "\n" +
         "  export register --out FILE [--as-of DATE]\n      " +
         tr("the member register (form 7-HSĐV) as .csv or .xlsx") + "\n" +
         "  check [--as-of DATE] [--format text|json]\n      " +
         tr("check the register (exit 1 when problems are found)") + "\n" + "  report NAME [--from DATE] [--to DATE] [--as-of DATE] [--format F] [--out FILE]\n      " +
         tr("a report; in this version: congress (html, json, pdf, docx, xlsx), admissions, deadlines, ratings, discipline (json, csv)") + "\n" + "  --version, --help\n\n" +
         tr("--db PATH: the database file; default: $XDG_DATA_HOME/dangbo/dangbo.db (~/.local/share/dangbo/dangbo.db).") +
         "\n" + tr("Dates: YYYY-MM-DD or dd/mm/yyyy.") + "\n" +
         tr("Exit status: 0 done; 1 data refused; 2 wrong usage; 3 database cannot be opened, damaged or newer.") + "\n";
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
  if (fmt != "text" && fmt != "json") throw UsageError(format(tr("--format: \"{1}\" is not one of: {2}."), {fmt, "text, json"}));
  core::Date asOf = dateOption(p, "--as-of", core::Date::today());
  auto s = services::Services::open(dbPath(p));
  auto sum = s->summary(asOf);
  if (fmt == "json") reports::writeSummaryJson(out, sum);
  else out << reports::summaryLine(sum) << "\n";
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
  allowOnly(p, {"--dry-run"}, 1);
  if (p.positional.empty()) throw UsageError(tr("import needs the folder of CSV files or the .xlsx workbook."));
  bool dryRun = std::find(p.flags.begin(), p.flags.end(), "--dry-run") != p.flags.end();
  auto batch = exchange::readImport(p.positional[0]);
  for (const auto& n : batch.notices) err << n << "\n";
  auto s = services::Services::open(dbPath(p));
  const auto actor = services::Actor::localOffice();
  if (dryRun) {
    auto plan = services::planImport(*s, actor, batch);
    if (!plan.ok()) {
      for (const auto& problem : plan.problems) err << problem << "\n";
      err << tr("The import would be refused; nothing was written.") << "\n";
      return kRefused;
    }
    printPlan(plan, true, out);
    return kOk;
  }
  auto result = services::applyImport(*s, actor, batch);
  printPlan(result.plan, false, out);
  if (!result.written) err << tr("Nothing to change: the register already holds these rows.") << "\n";
  return kOk;
}

std::string formatOption(const Parsed& p, const std::string& fallback, std::initializer_list<const char*> allowed) {
  std::string fmt = p.get("--format").value_or(fallback);
  std::string list;
  for (const char* a : allowed) {
    if (fmt == a) return fmt;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  throw UsageError(format(tr("--format: \"{1}\" is not one of: {2}."), {fmt, list}));
}

int cmdMembers(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--cell", "--search", "--as-of", "--format"}, 0);
  services::MemberFilter f;
  f.asOf = dateOption(p, "--as-of", core::Date::today());
  f.cellCode = p.get("--cell").value_or("");
  f.search = p.get("--search").value_or("");
  std::string fmt = formatOption(p, "csv", {"csv", "json"});
  auto s = services::Services::open(dbPath(p));
  auto rows = services::listMembers(*s, services::Actor::localOffice(), f);
  if (fmt == "json") reports::writeMembersJson(out, rows);
  else reports::writeMembersCsv(out, rows);
  return kOk;
}

int cmdExport(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {"--out", "--as-of"}, 1);
  if (p.positional.empty() || p.positional[0] != "register")
    throw UsageError(tr("export knows one kind: export register --out FILE [--as-of DATE]."));
  auto to = p.get("--out");
  if (!to) throw UsageError(tr("export register needs --out FILE (.csv or .xlsx)."));
  exchange::RegisterExportOptions o;
  o.asOf = dateOption(p, "--as-of", core::Date::today());
  auto s = services::Services::open(dbPath(p));
  int rows = exchange::exportRegister(*s, services::Actor::localOffice(), *to, o);
  err << format(tr("Wrote the register of {1} members on {2} to {3}."), {std::to_string(rows), o.asOf.vn(), *to})
      << "\n";
  return kOk;
}

int cmdCheck(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--as-of", "--format"}, 0);
  core::Date asOf = dateOption(p, "--as-of", core::Date::today());
  std::string fmt = formatOption(p, "text", {"text", "json"});
  auto s = services::Services::open(dbPath(p));
  const auto actor = services::Actor::localOffice();
  auto findings = services::checkRegister(*s, actor, asOf);
  for (auto& f : services::checkRules(*s, actor, asOf)) findings.push_back(std::move(f));
  for (auto& f : services::checkOverdue(*s, actor, asOf)) findings.push_back(std::move(f));
  for (auto& f : services::checkIntegrity(*s, actor)) findings.push_back(std::move(f));
  if (fmt == "json") reports::writeFindingsJson(out, findings);
  else reports::writeFindingsText(out, findings);
  return findings.empty() ? kOk : kRefused;
}

// Writes to --out FILE when given (whole or nothing), else to standard output.
void emit(const Parsed& p, std::ostream& out, const std::function<void(std::ostream&)>& write) {
  auto file = p.get("--out");
  if (!file) {
    write(out);
    return;
  }
  std::string part = *file + ".part";
  {
    std::ofstream f(part, std::ios::binary);
    if (!f) throw core::DataError(format(tr("Cannot write the file {1}."), {*file}));
    write(f);
    if (!f) throw core::DataError(format(tr("Cannot write the file {1}."), {*file}));
  }
  std::error_code ec;
  fs::rename(part, *file, ec);
  if (ec) throw core::DataError(format(tr("Cannot write the file {1}."), {*file}));
}

int cmdReport(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--from", "--to", "--as-of", "--format", "--out"}, 1);
  if (p.positional.empty()) throw UsageError(tr("report needs the name of a report."));
  const std::string& name = p.positional[0];
  const std::vector<std::string> known = {"congress", "organizations", "members", "admissions", "ratings", "discipline",
                                          "committee", "register", "badges", "deadlines"};
  if (std::find(known.begin(), known.end(), name) == known.end())
    throw UsageError(format(tr("Unknown report \"{1}\"."), {name}));
  // The formats each report has in this version.
  const std::map<std::string, std::vector<std::string>> formats = {{"congress", {"html", "json", "pdf", "docx", "xlsx"}},
                                                                   {"admissions", {"json", "csv"}},
                                                                   {"deadlines", {"json", "csv"}},
                                                                   {"ratings", {"json", "csv"}},
                                                                   {"discipline", {"json", "csv"}}};
  auto fmts = formats.find(name);
  if (fmts == formats.end())
    throw UsageError(format(tr("The report {1} is not available in this version yet."), {name}));
  std::string fmt = formatOption(p, fmts->second.front(), {"json", "html", "csv", "pdf", "docx", "xlsx"});
  if (std::find(fmts->second.begin(), fmts->second.end(), fmt) == fmts->second.end())
    throw UsageError(format(tr("The format {1} of the report {2} is not available in this version yet."), {fmt, name}));
  core::Date today = core::Date::today();
  core::Date from = dateOption(p, "--from", *core::Date::make(today.year(), 1, 1));
  core::Date to = dateOption(p, "--to", today);
  core::Date asOf = dateOption(p, "--as-of", name == "deadlines" ? today : to);
  if (to < from) throw core::DataError(format(tr("The period ends ({2}) before it begins ({1})."), {from.vn(), to.vn()}));
  auto s = services::Services::open(dbPath(p));
  const auto actor = services::Actor::localOffice();
  if (name == "congress") {
    auto figures = services::congressFigures(*s, actor, from, to, asOf);
    auto committee = s->committee();
    if (fmt == "docx" || fmt == "xlsx") {
      auto file = p.get("--out");
      if (!file) throw UsageError(format(tr("The {1} format needs --out FILE."), {fmt}));
      reports::writeCongressDocument(*file + ".part", figures, committee, fmt);
      fs::rename(*file + ".part", *file);
      return kOk;
    }
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json") reports::writeCongressJson(o, figures);
      else if (fmt == "pdf") reports::renderPdf(o, reports::congressDocument(figures, committee));
      else reports::writeCongressHtml(o, figures, committee);
    });
  } else if (name == "admissions") {
    auto years = services::admissionsByYear(*s, actor, from.year(), to.year(), asOf);
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json") reports::writeAdmissionsJson(o, years);
      else reports::writeAdmissionsCsv(o, years);
    });
  } else if (name == "deadlines") {
    auto list = services::deadlines(*s, actor, asOf);
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json") reports::writeDeadlinesJson(o, list);
      else reports::writeDeadlinesCsv(o, list);
    });
  } else if (name == "discipline") {
    auto figures = services::disciplineFigures(*s, actor, from, to);
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json") reports::writeDisciplineJson(o, figures, from, to);
      else reports::writeDisciplineCsv(o, figures);
    });
  } else if (name == "ratings") {
    auto sum = services::ratingSummary(*s, actor, from.year(), to.year());
    emit(p, out, [&](std::ostream& o) {
      if (fmt == "json") reports::writeRatingsJson(o, sum);
      else reports::writeRatingsCsv(o, sum);
    });
  }
  return kOk;
}

int cmdTemplates(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {}, 1);
  if (p.positional.empty()) throw UsageError(tr("templates needs the folder to write into."));
  for (const auto& f : exchange::writeImportTemplates(p.positional[0])) err << f.string() << "\n";
  return kOk;
}

int cmdBackup(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {"--out"}, 0);
  auto to = p.get("--out");
  if (!to) throw UsageError(tr("backup needs --out FILE."));
  auto s = services::Services::open(dbPath(p));
  exchange::backupDatabase(*s, *to);
  err << format(tr("Backed up to {1}."), {*to}) << "\n";
  return kOk;
}

int cmdRestore(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {}, 1);
  if (p.positional.empty()) throw UsageError(tr("restore needs the backup FILE."));
  fs::path path = dbPath(p);
  ensureParent(path);
  fs::path kept = exchange::restoreDatabase(path, p.positional[0]);
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
  } catch (const std::exception& e) {
    err << "dangbo-cli: " << format(tr("Unexpected error: {1}"), {e.what()}) << "\n";
    return kDatabase;
  }
}

}  // namespace dangbo::cli
