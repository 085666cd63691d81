#pragma once
// What the commands of dangbo-cli share: the parsed command line, option readers, the acting user and
// output to a file written whole or not at all. Each group of commands lives in its own file.
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/Cli.h"
#include "core/Date.h"
#include "services/Actor.h"
#include "services/InstanceLock.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::cli {

/// Wrong usage of the command line (exit 2).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Options of one command: --name VALUE pairs, flags, and positional arguments.
struct Parsed {
  std::string command;
  std::map<std::string, std::string> options;
  std::vector<std::string> flags;
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>>
      all;  ///< every option with a value, in order (repeated ones too)
  std::optional<std::string> get(const std::string& k) const {
    auto it = options.find(k);
    return it == options.end() ? std::nullopt : std::optional(it->second);
  }
  bool has(const std::string& flag) const;
};

/// Splits a command line; throws UsageError for an option missing its value.
Parsed parse(const std::vector<std::string>& args);
/// Refuses options other than `allowed` (and the global ones: --db, --user, --password-fd) and more than
/// `positional` arguments.
void allowOnly(const Parsed& p, std::initializer_list<const char*> allowed, size_t positional);
/// The date of option `name`, or `fallback` when absent; UsageError when not a date.
core::Date dateOption(const Parsed& p, const std::string& name, core::Date fallback);
/// --format, one of `allowed`, `fallback` when absent.
std::string formatOption(const Parsed& p, const std::string& fallback,
                         std::initializer_list<const char*> allowed);
/// --db or the default database.
std::filesystem::path dbPath(const Parsed& p);
/// Creates the folder that will hold `p`.
void ensureParent(const std::filesystem::path& p);
/// Refuses (core::DataError, exit 1) to write `file` over the register of --db, its journal, lock, upgrade
/// copies, replaced copies or automatic backups, or over any SQLite database, even with --force; and over any
/// other existing file unless --force is given. Creates the folder of `file`. Called before every --out file
/// is written.
void checkOutTarget(const Parsed& p, const std::filesystem::path& file);
/// Writes to --out FILE when given (whole or nothing, checked by checkOutTarget), else to standard output.
void emit(const Parsed& p, std::ostream& out, const std::function<void(std::ostream&)>& write);

/// The user acting on the open register `s` (CliUser.cpp): the local administrator of a register without
/// accounts; else --user NAME logged in with the password read from --password-fd N or the terminal (call
/// once per command: the password is read each time).
services::Actor actingUser(const Parsed& p, services::Services& s);

/// `report NAME ...` (ReportCommand.cpp) and its lines of --help.
int cmdReport(const Parsed& p, std::ostream& out, std::ostream& err);
std::string reportUsage();
/// `package export|apply ...` (PackageCommand.cpp) and its lines of --help.
int cmdPackage(const Parsed& p, std::ostream& out, std::ostream& err);
std::string packageUsage();
/// `user ...`: accounts (CliUser.cpp) and its lines of --help.
int cmdUser(const Parsed& p, std::ostream& out, std::ostream& err);
std::string userUsage();
/// `transfer-received CODE --on DATE` (TransferCommand.cpp) and its lines of --help.
int cmdTransferReceived(const Parsed& p, std::ostream& out, std::ostream& err);
/// `transfer-letter issue|receive CODE ...` (TransferCommand.cpp): a letter entered in the transfer book.
int cmdTransferLetter(const Parsed& p, std::ostream& out, std::ostream& err);
std::string transferUsage();
/// `file-supplement return --year Y CODE...` (FileSupplementCommand.cpp): sheets of 3-HSĐV marked returned.
int cmdFileSupplement(const Parsed& p, std::ostream& out, std::ostream& err);
std::string fileSupplementUsage();
/// `audit ...`: the audit trail (CliUser.cpp).
int cmdAudit(const Parsed& p, std::ostream& out, std::ostream& err);
/// `record`: any record through its one door (RecordCommand.cpp).
int cmdRecord(const Parsed& p, std::ostream& out, std::ostream& err);
std::string recordUsage();
/// `merge ...`: merging former communes' registers (MergeCommand.cpp) and its lines of --help.
int cmdMerge(const Parsed& p, std::ostream& out, std::ostream& err);
std::string mergeUsage();
/// `record` for the kinds of a member's party file: interruption, badge, badge_request (issue 19).
int cmdPartyRecord(const Parsed& p, std::ostream& out, std::ostream& err);
std::string partyRecordUsage();
/// `reconcile FILE --map MAP.csv` (issue 19).
int cmdReconcile(const Parsed& p, std::ostream& out, std::ostream& err);
std::string reconcileUsage();
/// The lock a window holds on --db: taken by commands that write, so that they refuse (exit 1) while a
/// window has the register open (CliUser.cpp).
std::unique_ptr<services::InstanceLock> lockForWriting(const Parsed& p);

}  // namespace dangbo::cli
