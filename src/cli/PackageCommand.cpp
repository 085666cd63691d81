// `package export|open|changes|apply`: cell packages for offline work (issue 9).
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/CliCommon.h"
#include "cli/CliProgress.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "exchange/CellPackage.h"
#include "services/Packages.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;
namespace fs = std::filesystem;

std::string packageUsage() {
  return std::string("  package export --cell CODE --out FILE [--passphrase-fd N]\n      ") +
         tr("the cell package of one cell (its members, candidates, open rating round and settings), "
            "encrypted "
            "with a passphrase (asked for, or read from file descriptor N)") +
         "\n  package open FILE --db CELL.db [--passphrase-fd N]\n      " +
         tr("makes a cell file from a cell package (the secretary's side)") +
         "\n  package changes --db CELL.db --out FILE [--secretary NAME] [--passphrase-fd N]\n      " +
         tr("the change package of a cell file: only the fields changed since it was opened") +
         "\n  package apply FILE [--dry-run] [--accept-cell | --accept-office] [--resolve N=cell,M=office]"
         " [--passphrase-fd N]\n      " +
         tr("lists the changes of a change package against the register and applies them in one transaction; "
            "a "
            "conflict (changed at the office too) must be resolved: --accept-cell or --accept-office for "
            "all, "
            "--resolve for single items by their number in the list; --dry-run writes nothing") +
         "\n";
}

namespace {

// Reads the passphrase from --passphrase-fd (up to the first newline), or asks for it on a terminal without
// echo (twice when `confirm`). Never from an argument.
std::string passphrase(const Parsed& p, std::ostream& err, bool confirm) {
  if (auto fd = p.get("--passphrase-fd")) {
    int n = -1;
    try {
      n = std::stoi(*fd);
    } catch (const std::exception&) {
    }
    if (n < 0)
      throw UsageError(format(tr("{1}: \"{2}\" is not a file descriptor."), {"--passphrase-fd", *fd}));
    std::string s;
    char c;
    for (;;) {
      ssize_t got = ::read(n, &c, 1);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0 || c == '\n') break;
      s += c;
    }
    if (!s.empty() && s.back() == '\r') s.pop_back();
    if (s.empty()) throw core::DataError(tr("The passphrase of a package cannot be empty."));
    return s;
  }
  if (!::isatty(STDIN_FILENO))
    throw UsageError(tr("Give the passphrase with --passphrase-fd N, or run the command on a terminal."));
  auto ask = [&](const std::string& prompt) {
    err << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string s;
    std::getline(std::cin, s);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    err << "\n";
    return s;
  };
  std::string s = ask(tr("Passphrase of the package: "));
  if (s.empty()) throw core::DataError(tr("The passphrase of a package cannot be empty."));
  if (confirm && ask(tr("The passphrase again: ")) != s)
    throw core::DataError(tr("The two passphrases differ."));
  return s;
}

std::string quotedValue(const core::PackageValue& v) {
  if (v.kind == core::PackageValue::Null) return tr("(empty)");
  // Appended, not `"\"" + v.display()`: GCC 12 at -O3 reports that front insertion as a -Wrestrict false
  // positive (GCC bug 105651).
  std::string s = "\"";
  s += v.display();
  s += '"';
  return s;
}

// The choices of --accept-cell / --accept-office / --resolve for the items of `r`.
std::vector<services::Choice> choices(const Parsed& p, const services::Review& r) {
  if (p.has("--accept-cell") && p.has("--accept-office"))
    throw UsageError(tr("Give either --accept-cell or --accept-office, not both."));
  std::vector<std::optional<services::Choice>> chosen(r.items.size());
  if (p.has("--accept-cell") || p.has("--accept-office"))
    for (auto& c : chosen) c = p.has("--accept-cell") ? services::Choice::Cell : services::Choice::Office;
  if (auto spec = p.get("--resolve")) {
    std::stringstream ss(*spec);
    std::string part;
    while (std::getline(ss, part, ',')) {
      auto eq = part.find('=');
      size_t n = 0;
      try {
        n = eq == std::string::npos ? 0 : std::stoul(part.substr(0, eq));
      } catch (const std::exception&) {
      }
      std::string side = eq == std::string::npos ? "" : part.substr(eq + 1);
      if (n < 1 || n > r.items.size() || (side != "cell" && side != "office"))
        throw UsageError(
            format(tr("--resolve: \"{1}\" is not N=cell or N=office with N a number of the list."), {part}));
      chosen[n - 1] = side == "cell" ? services::Choice::Cell : services::Choice::Office;
    }
  }
  std::vector<services::Choice> out;
  for (size_t i = 0; i < r.items.size(); ++i) {
    if (r.items[i].conflict && !chosen[i])
      throw core::DataError(
          format(tr("Conflict {1} ({2}, {3}) is not resolved: use --accept-cell, --accept-office "
                    "or --resolve {1}=cell|office. Nothing was written."),
                 {std::to_string(i + 1), r.items[i].change.recordLabel, r.items[i].fieldLabel}));
    out.push_back(chosen[i].value_or(services::Choice::Cell));
  }
  return out;
}

int cmdExport(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--cell", "--out", "--passphrase-fd"}, 1);
  auto cell = p.get("--cell");
  auto file = p.get("--out");
  if (!cell || !file) throw UsageError(tr("package export needs --cell CODE and --out FILE."));
  checkOutTarget(p, *file);
  auto lock = lockForWriting(p);  // the export is recorded in the register
  auto s = services::Services::open(dbPath(p));
  services::Actor actor = actingUser(p, *s);
  std::string pass = passphrase(p, err, true);
  // The export is recorded only when the file was written.
  core::CellPackage pkg =
      services::Packages(*s).exportCell(actor, *cell, [&](const core::CellPackage& content) {
        ensureParent(*file);
        exchange::writePackageFile(*file, exchange::encodeCellPackage(content, pass));
      });
  int members = 0;
  for (const auto& t : pkg.tables)
    if (t.name == "members") members = static_cast<int>(t.rows.size());
  out << format(tr("Cell package of {1} ({2} members) written to {3}, revision {4}."),
                {pkg.cellName, std::to_string(members), *file, std::to_string(pkg.officeRevision)})
      << "\n";
  return 0;
}

int cmdOpen(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--passphrase-fd"}, 2);
  if (p.positional.size() != 2 || !p.get("--db"))
    throw UsageError(tr("package open needs FILE and --db CELL.db."));
  std::string bytes = exchange::readPackageFile(p.positional[1]);
  std::string pass = passphrase(p, err, false);
  core::CellPackage pkg = exchange::decodeCellPackage(bytes, pass);
  fs::path path = dbPath(p);
  ensureParent(path);
  services::Packages::createCellFile(path, pkg);
  out << format(tr("Cell file of {1} ({2}) made at {3} from the package of {4}."),
                {pkg.cellName, pkg.cellCode, path.string(), pkg.exportedAt})
      << "\n";
  return 0;
}

int cmdChanges(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--out", "--secretary", "--passphrase-fd"}, 1);
  auto file = p.get("--out");
  if (!file) throw UsageError(tr("package changes needs --out FILE."));
  checkOutTarget(p, *file);
  auto s = services::Services::open(dbPath(p));
  services::Actor actor = actingUser(p, *s);
  core::ChangePackage pkg = services::Packages(*s).changes(actor, p.get("--secretary").value_or(""));
  std::string pass = passphrase(p, err, true);
  ensureParent(*file);
  exchange::writePackageFile(*file, exchange::encodeChangePackage(pkg, pass));
  out << format(tr("Change package of cell {1}: {2} changes written to {3}."),
                {pkg.cellCode, std::to_string(pkg.changes.size()), *file})
      << "\n";
  // Changes the package cannot carry: named, so that the office is told (they stay in this file).
  std::vector<std::string> unsent = services::Packages(*s).unsentChanges();
  if (!unsent.empty()) {
    err << format(
               tr("Warning: {1} changes of this file cannot travel in a change package; they stay here and "
                  "the office must record them itself:"),
               {std::to_string(unsent.size())})
        << "\n";
    for (const auto& line : unsent) err << "  - " << line << "\n";
  }
  return 0;
}

int cmdApply(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--dry-run", "--accept-cell", "--accept-office", "--resolve", "--passphrase-fd"}, 2);
  if (p.positional.size() != 2) throw UsageError(tr("package apply needs the change package FILE."));
  // Applying writes the register: refused while a window (or another command) holds it. A dry run only reads.
  std::unique_ptr<services::InstanceLock> lock;
  if (!p.has("--dry-run")) lock = lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  services::Actor actor = actingUser(p, *s);
  std::string bytes = exchange::readPackageFile(p.positional[1]);
  core::ChangePackage pkg = exchange::decodeChangePackage(bytes, passphrase(p, err, false));
  services::Packages packages(*s);
  services::Review r = packages.review(pkg);
  out << format(tr("Change package of cell {1} by {2}, made on {3} against revision {4}: {5} changes, {6} "
                   "conflicts."),
                {pkg.cellCode, pkg.secretary, pkg.createdAt, std::to_string(pkg.baseRevision),
                 std::to_string(r.items.size()), std::to_string(r.conflicts())})
      << "\n";
  for (size_t i = 0; i < r.items.size(); ++i) {
    const auto& it = r.items[i];
    std::string mark = it.conflict ? tr("CONFLICT") : it.unchanged ? tr("already so") : tr("change");
    out << (i + 1) << ". [" << mark << "] " << it.change.recordLabel << " - " << it.fieldLabel << ": "
        << quotedValue(it.change.oldValue) << " -> " << quotedValue(it.change.newValue);
    if (it.conflict) out << " (" << format(tr("office now {1}"), {quotedValue(it.officeValue)}) << ")";
    out << "\n";
  }
  auto chosen = choices(p, r);
  if (p.has("--dry-run")) {
    out << tr("Dry run: nothing was written.") << "\n";
    return 0;
  }
  auto progress = terminalProgress(err);
  int applied = packages.apply(actor, pkg, chosen, progress.get());
  progress.reset();
  out << format(tr("{1} fields changed; the package is recorded as applied."), {std::to_string(applied)})
      << "\n";
  return 0;
}

}  // namespace

int cmdPackage(const Parsed& p, std::ostream& out, std::ostream& err) {
  const std::string sub = p.positional.empty() ? "" : p.positional[0];
  if (sub == "export") return cmdExport(p, out, err);
  if (sub == "open") return cmdOpen(p, out, err);
  if (sub == "changes") return cmdChanges(p, out, err);
  if (sub == "apply") return cmdApply(p, out, err);
  throw UsageError(tr("package needs export, open, changes or apply."));
}

}  // namespace dangbo::cli
