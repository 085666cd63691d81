// The acting user of a command, the write lock beside the window's, and the `user` and `audit` commands.
#include <filesystem>
#include <map>
#include <memory>

#include "cli/CliCommon.h"
#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/Platform.h"
#include "reports/Json.h"
#include "services/Accounts.h"
#include "services/Administration.h"
#include "services/InstanceLock.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::DataError;
using core::format;
using core::PermissionError;
using core::tr;
using services::Actor;
namespace fs = std::filesystem;

namespace {

/// The descriptor of --password-fd, or nullopt for the terminal.
std::optional<int> passwordFd(const Parsed& p) {
  auto v = p.get("--password-fd");
  if (!v) return std::nullopt;
  try {
    size_t used = 0;
    int fd = std::stoi(*v, &used);
    if (used == v->size() && fd >= 0) return fd;
  } catch (const std::exception&) {
  }
  throw UsageError(format(tr("--password-fd: \"{1}\" is not a file descriptor number."), {*v}));
}

/// One password: the next line of --password-fd, or typed at the terminal without echo.
std::string readPassword(const Parsed& p, const std::string& prompt) {
  if (auto fd = passwordFd(p)) return services::readPasswordFromFd(*fd);
  return services::readPasswordFromTerminal(prompt);
}

/// A new password: the next line of --password-fd, or typed twice at the terminal.
std::string readNewPassword(const Parsed& p, const std::string& username) {
  if (auto fd = passwordFd(p)) return services::readPasswordFromFd(*fd);
  std::string first = services::readPasswordFromTerminal(format(tr("New password for {1}: "), {username}));
  std::string again = services::readPasswordFromTerminal(tr("Type the new password again: "));
  if (first != again) throw DataError(tr("The two passwords differ; nothing was changed."));
  return first;
}

/// The id of the organization with `code`.
core::Id cellId(services::Services& s, const Actor& reader, const std::string& code) {
  for (const auto& o : s.organizations(reader))
    if (core::sameCode(o.code, code)) return o.id;
  throw DataError(format(tr("There is no party organization with the code {1}."), {code}));
}

std::string cellCode(services::Services& s, const Actor& reader, const std::optional<core::Id>& id) {
  if (!id) return "";
  for (const auto& o : s.organizations(reader))
    if (o.id == *id) return o.code;
  return std::to_string(*id);
}

std::string needName(const Parsed& p, const char* sub) {
  if (p.positional.size() < 2) throw UsageError(format(tr("user {1} needs the user name."), {sub}));
  return p.positional[1];
}

int userAdd(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {"--role", "--cell", "--full-name"}, 2);
  const std::string name = needName(p, "add");
  auto role = p.get("--role");
  if (!role)
    throw UsageError(tr("user add needs --role (admin, office, secretary, inspection or leadership)."));
  auto lock = lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  const std::string fullName = p.get("--full-name").value_or(name);
  if (services::needsSetup(*s)) {
    if (*role != "admin")
      throw DataError(
          tr("This register has no account yet: the first account must be the administrator "
             "(--role admin). Create it first, then the other accounts."));
    if (p.get("--user"))
      throw DataError(tr("This register has no account yet: create the administrator without --user."));
    services::normalizeUsername(name);
    std::string pw = readNewPassword(p, name);
    services::createAdministrator(*s, name, fullName, pw);
    err << format(
               tr("Created the administrator account {1}. From now on every command on this register needs "
                  "--user."),
               {services::normalizeUsername(name)})
        << "\n";
    return kOk;
  }
  const Actor actor = actingUser(p, *s);
  services::NewUser u;
  u.username = name;
  u.fullName = fullName;
  u.role = *role;
  if (auto c = p.get("--cell")) u.cellId = cellId(*s, actor, *c);
  services::normalizeUsername(name);
  if (*role == "secretary" && !u.cellId) throw UsageError(tr("A cell secretary account needs --cell CODE."));
  // Refused before the new password is asked for.
  services::listUsers(*s, actor);
  u.password = readNewPassword(p, name);
  services::createUser(*s, actor, u);
  err << format(tr("Created the account {1} ({2})."),
                {services::normalizeUsername(name), core::enums::userRole.label(*role)})
      << "\n";
  return kOk;
}

int userList(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--format"}, 1);
  std::string fmt = formatOption(p, "text", {"text", "json"});
  auto s = services::Services::open(dbPath(p));
  const Actor actor = actingUser(p, *s);
  auto users = services::listUsers(*s, actor);
  auto now = services::Clock::now();
  auto locked = [&](const services::UserInfo& u) { return u.lockedUntil && now < *u.lockedUntil; };
  if (fmt == "json") {
    reports::JsonWriter w(out);
    w.beginArray();
    for (const auto& u : users) {
      w.beginObject();
      w.key("username").value(u.username);
      w.key("full_name").value(u.fullName);
      w.key("role").value(u.role);
      w.key("cell");
      if (u.cellId)
        w.value(cellCode(*s, actor, u.cellId));
      else
        w.null();
      w.key("active").value(u.active);
      w.key("locked").value(locked(u));
      w.endObject();
    }
    w.endArray();
    out << "\n";
    return kOk;
  }
  for (const auto& u : users) {
    out << u.username << "\t" << core::enums::userRole.label(u.role) << "\t" << u.fullName << "\t"
        << cellCode(*s, actor, u.cellId) << "\t"
        << (!u.active   ? tr("inactive")
            : locked(u) ? tr("locked")
                        : tr("active"))
        << "\n";
  }
  return kOk;
}

int userDisable(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {}, 2);
  const std::string name = needName(p, "disable");
  auto lock = lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  services::deactivateUser(*s, actingUser(p, *s), name);
  err << format(tr("The account {1} can no longer log in."), {services::normalizeUsername(name)}) << "\n";
  return kOk;
}

int userPassword(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {}, 2);
  const std::string name = needName(p, "password");
  auto lock = lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  const Actor actor = actingUser(p, *s);
  services::listUsers(*s, actor);  // refused before the new password is asked for
  services::resetPassword(*s, actor, name, readNewPassword(p, services::normalizeUsername(name)));
  err << format(tr("The password of {1} was changed."), {services::normalizeUsername(name)}) << "\n";
  return kOk;
}

// The recovery of a locked administrator: the operating-system user who owns the register file (and so could
// read or replace it anyway) clears a lock without logging in; anyone else must be an administrator.
int userUnlock(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {}, 2);
  const std::string name = needName(p, "unlock");
  auto lock = lockForWriting(p);
  const fs::path path = dbPath(p);
  auto s = services::Services::open(path);
  Actor actor;
  if (!p.get("--user") && core::platform::ownedByCurrentUser(core::platform::realPath(path)))
    actor = Actor{"os:" + core::platform::currentUserName(), "admin", std::nullopt};
  else
    actor = actingUser(p, *s);
  services::unlockAccount(*s, actor, name);
  err << format(tr("The account {1} is unlocked: its count of wrong passwords starts again."),
                {services::normalizeUsername(name)})
      << "\n";
  return kOk;
}

int userRole(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {"--role", "--cell"}, 2);
  const std::string name = needName(p, "role");
  auto role = p.get("--role");
  if (!role) throw UsageError(tr("user role needs --role."));
  auto lock = lockForWriting(p);
  auto s = services::Services::open(dbPath(p));
  const Actor actor = actingUser(p, *s);
  std::optional<core::Id> cell;
  if (auto c = p.get("--cell")) cell = cellId(*s, actor, *c);
  services::changeRole(*s, actor, name, *role, cell);
  err << format(tr("The account {1} is now: {2}."),
                {services::normalizeUsername(name), core::enums::userRole.label(*role)})
      << "\n";
  return kOk;
}

}  // namespace

std::unique_ptr<services::InstanceLock> lockForWriting(const Parsed& p) {
  return std::make_unique<services::InstanceLock>(dbPath(p));
}

services::Actor actingUser(const Parsed& p, services::Services& s) {
  auto name = p.get("--user");
  if (services::needsSetup(s)) {
    if (name)
      throw DataError(
          tr("This register has no user accounts yet: leave out --user, or create the administrator "
             "first with: dangbo-cli user add NAME --role admin."));
    return Actor::localOffice();
  }
  if (!name)
    throw PermissionError(
        tr("This register is protected by user accounts: give --user NAME (the password is "
           "asked for, or read from a file descriptor with --password-fd N)."));
  std::string password = readPassword(p, format(tr("Password of {1}: "), {*name}));
  auto actor = services::login(s, *name, password);
  password.assign(password.size(), '\0');
  if (!actor) throw PermissionError(tr("Wrong user name or password."));
  return *actor;
}

std::string userUsage() {
  return "  user add NAME --role ROLE [--cell CODE] [--full-name TEXT]\n      " +
         std::string(
             tr("create an account (the first one: the administrator); ROLE: admin, office, secretary "
                "(with --cell), inspection, leadership")) +
         "\n" + "  user list [--format text|json] | user disable NAME | user password NAME\n" +
         "  user unlock NAME\n      " +
         tr("clear the lock of an account after wrong passwords (an administrator, or without --user the "
            "operating-system user who owns the register file)") +
         "\n" + "  user role NAME --role ROLE [--cell CODE]\n      " +
         tr("list, deactivate accounts, set a new password, change a role (administrator only)") + "\n" +
         "  audit [--by USER] [--record TEXT] [--from DATE] [--to DATE] [--format text|json]\n      " +
         tr("the audit trail, newest first (administrator only)") + "\n" +
         "  --user NAME [--password-fd N]\n      " +
         tr("who acts on a register with accounts; the password is asked for without echo, or read as one "
            "line "
            "from descriptor N (a new password of user add/password: the next line)") +
         "\n";
}

int cmdUser(const Parsed& p, std::ostream& out, std::ostream& err) {
  const std::string sub = p.positional.empty() ? std::string() : p.positional[0];
  if (sub == "add") return userAdd(p, out, err);
  if (sub == "list") return userList(p, out, err);
  if (sub == "disable") return userDisable(p, out, err);
  if (sub == "password") return userPassword(p, out, err);
  if (sub == "role") return userRole(p, out, err);
  if (sub == "unlock") return userUnlock(p, out, err);
  throw UsageError(tr("user needs one of: add, list, disable, password, role, unlock."));
}

int cmdAudit(const Parsed& p, std::ostream& out, std::ostream&) {
  allowOnly(p, {"--by", "--record", "--from", "--to", "--format"}, 0);
  std::string fmt = formatOption(p, "text", {"text", "json"});
  services::AuditFilter f;
  f.username = p.get("--by").value_or("");
  f.record = p.get("--record").value_or("");
  if (p.get("--from")) f.from = dateOption(p, "--from", core::Date::today());
  if (p.get("--to")) f.to = dateOption(p, "--to", core::Date::today());
  f.limit = 1000000;
  auto s = services::Services::open(dbPath(p));
  auto rows = services::auditTrail(*s, actingUser(p, *s), f);
  if (fmt == "json") {
    reports::JsonWriter w(out);
    w.beginArray();
    for (const auto& r : rows) {
      w.beginObject();
      w.key("id").value(int64_t(r.id));
      w.key("at").value(r.at);
      w.key("user").value(r.username);
      w.key("action").value(r.action);
      w.key("record").value(r.record);
      w.key("old").value(r.oldValue);
      w.key("new").value(r.newValue);
      w.key("reason").value(r.reason);
      w.endObject();
    }
    w.endArray();
    out << "\n";
    return kOk;
  }
  // One line per row, one tab between fields: a line end, tab or other control character inside a value is
  // written escaped, so a value cannot forge a row or a column.
  auto field = [](const std::string& v) {
    std::string o;
    o.reserve(v.size());
    for (unsigned char c : v) {
      if (c == '\\')
        o += "\\\\";
      else if (c == '\n')
        o += "\\n";
      else if (c == '\t')
        o += "\\t";
      else if (c == '\r')
        o += "\\r";
      else if (c < 0x20 || c == 0x7f) {
        static const char hex[] = "0123456789abcdef";
        o += "\\x";
        o += hex[c >> 4];
        o += hex[c & 15];
      } else
        o += char(c);
    }
    return o;
  };
  for (const auto& r : rows)
    out << r.id << "\t" << field(r.at) << "\t" << field(r.username) << "\t" << field(r.action) << "\t"
        << field(r.record) << "\t" << field(r.oldValue) << "\t" << field(r.newValue) << "\t"
        << field(r.reason) << "\n";
  return kOk;
}

}  // namespace dangbo::cli
