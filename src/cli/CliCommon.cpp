#include "cli/CliCommon.h"

#include <algorithm>
#include <fstream>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "services/Paths.h"

namespace dangbo::cli {

using core::format;
using core::tr;
namespace fs = std::filesystem;

namespace {
// Options that take a value; every other --name is a flag.
const std::vector<std::string> kValueOptions = {
    "--db",          "--committee", "--place",     "--province",      "--seed",  "--as-of",  "--today",
    "--out",         "--format",    "--cell",      "--search",        "--from",  "--to",     "--user",
    "--password-fd", "--role",      "--full-name", "--passphrase-fd", "--year",  "--id",     "--compare",
    "--by",          "--record",    "--secretary", "--resolve",       "--on",    "--reason", "--decision",
    "--source",      "--cells",     "--pairs",     "--origin",        "--round", "--since",  "--map",
    "--number",      "--dues-to",   "--member"};
// Options every command takes.
const std::vector<std::string> kGlobalOptions = {"--db", "--user", "--password-fd"};
}  // namespace

bool Parsed::has(const std::string& flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

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
      if (takes) {
        p.options[name] = value;
        p.all.emplace_back(name, value);
      } else {
        p.flags.push_back(name);
      }
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
    if (std::find(kGlobalOptions.begin(), kGlobalOptions.end(), n) != kGlobalOptions.end()) return true;
    // Every command that writes --out FILE may be told to replace an existing file.
    if (n == "--force")
      for (const char* a : allowed)
        if (std::string(a) == "--out") return true;
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
  if (p.has_parent_path()) core::platform::createPrivateFolders(p.parent_path());
}

std::string formatOption(const Parsed& p, const std::string& fallback,
                         std::initializer_list<const char*> allowed) {
  std::string fmt = p.get("--format").value_or(fallback);
  std::string list;
  for (const char* a : allowed) {
    if (fmt == a) return fmt;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  throw UsageError(format(tr("--format: \"{1}\" is not one of: {2}."), {fmt, list}));
}

void checkOutTarget(const Parsed& p, const fs::path& file) {
  std::error_code ec;
  ensureParent(file);
  services::refuseOverwritingRegister(file, dbPath(p));
  if (!fs::exists(fs::symlink_status(file, ec))) return;
  if (!p.has("--force"))
    throw core::DataError(format(
        tr("The file {1} already exists; add --force to replace it. Nothing was written."), {file.string()}));
}

void emit(const Parsed& p, std::ostream& out, const std::function<void(std::ostream&)>& write) {
  auto file = p.get("--out");
  if (!file) {
    write(out);
    return;
  }
  checkOutTarget(p, *file);
  core::platform::writeAtomically(*file, [&](const fs::path& tmp) {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw core::DataError(format(tr("Cannot write the file {1}."), {*file}));
    write(f);
    f.flush();
    if (!f) throw core::DataError(format(tr("Cannot write the file {1}."), {*file}));
  });
}

}  // namespace dangbo::cli
