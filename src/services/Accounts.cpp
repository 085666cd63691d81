#include "services/Accounts.h"

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Platform.h"
#include "core/VietText.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/UserRepository.h"

namespace dangbo::services {

using core::DataError;
using core::format;
using core::PermissionError;
using core::tr;

namespace {

void ensureSodium() {
  static const int ready = sodium_init();
  if (ready < 0) throw DataError(tr("The cryptography library could not be started."));
}

const char* const kRoles[] = {"admin", "office", "secretary", "inspection", "leadership"};

bool knownRole(const std::string& r) {
  return std::find(std::begin(kRoles), std::end(kRoles), r) != std::end(kRoles);
}

/// Characters (UTF-8 code points) in s.
size_t codePoints(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void requireAdmin(const Actor& a) {
  if (a.role == "admin") return;
  throw PermissionError(format(tr("The account {1} ({2}) may not manage user accounts."),
                               {a.username, core::enums::userRole.label(a.role)}));
}

void checkPassword(const std::string& password) {
  if (codePoints(core::toNfc(password)) < static_cast<size_t>(kMinPasswordLength))
    throw DataError(
        format(tr("The password must have at least {1} characters."), {std::to_string(kMinPasswordLength)}));
}

std::string checkFullName(const std::string& fullName) {
  std::string n = core::normalizeText(fullName);
  if (n.empty()) throw DataError(tr("The full name is required."));
  return n;
}

/// The cell an account of `role` keeps: required and existing for a secretary, none otherwise.
std::optional<core::Id> checkCell(store::UserRepository& repo, const std::string& role,
                                  const std::optional<core::Id>& cellId) {
  if (!knownRole(role)) throw DataError(format(tr("Unknown role: {1}."), {role}));
  if (role != "secretary") return std::nullopt;
  if (!cellId) throw DataError(tr("A cell secretary account must be bound to a cell."));
  if (!repo.organizationExists(*cellId))
    throw DataError(format(tr("The cell with id {1} does not exist."), {std::to_string(*cellId)}));
  return cellId;
}

std::string isoUtc(Clock::time_point t) {
  return core::platform::isoUtc(Clock::to_time_t(t));
}

std::optional<Clock::time_point> parseIsoUtc(const std::string& s) {
  std::tm tm{};
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec) != 6)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return Clock::from_time_t(timegm(&tm));
}

/// "14:35 ngày 29/11/2026" style local time for messages.
std::string localText(Clock::time_point t) {
  std::time_t tt = Clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  char hm[16], dmy[16];
  std::strftime(hm, sizeof hm, "%H:%M", &tm);
  std::strftime(dmy, sizeof dmy, "%d/%m/%Y", &tm);
  return format(tr("{1} on {2}"), {hm, dmy});
}

std::string lockedMessage(const std::string& username, Clock::time_point until) {
  return format(tr("The account {1} is locked after repeated wrong passwords until {2}. Try again later or "
                   "ask the administrator to reset the password."),
                {username, localText(until)});
}

std::string cellText(const std::optional<core::Id>& c) {
  return c ? std::to_string(*c) : std::string();
}

std::string describe(const std::string& role, const std::optional<core::Id>& cell) {
  return cell ? role + " | cell " + cellText(cell) : role;
}

store::UserRow requireUser(store::UserRepository& repo, const std::string& username) {
  std::string name = normalizeUsername(username);
  auto u = repo.find(name);
  if (!u) throw DataError(format(tr("There is no account named {1}."), {name}));
  return *u;
}

bool fastMode() {
  return defaultHashStrength() == HashStrength::Fast;
}

void delayAfterFailure(int failures) {
  if (fastMode()) return;
  std::this_thread::sleep_for(std::chrono::milliseconds(500) * std::clamp(failures, 1, kMaxFailedLogins));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
HashStrength defaultHashStrength() {
  const char* e = std::getenv("DANGBO_FAST_HASH");
  return e && std::string(e) == "1" ? HashStrength::Fast : HashStrength::Interactive;
}

std::string hashPassword(const std::string& password, HashStrength strength) {
  ensureSodium();
  const std::string pw = core::toNfc(password);
  unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (strength == HashStrength::Fast) {
    ops = crypto_pwhash_OPSLIMIT_MIN;
    mem = crypto_pwhash_MEMLIMIT_MIN;
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, pw.data(), pw.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw DataError(tr("The password could not be hashed (not enough memory)."));
  return out;
}

bool verifyPassword(const std::string& hash, const std::string& password) {
  ensureSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string pw = core::toNfc(password);
  return crypto_pwhash_str_verify(hash.c_str(), pw.data(), pw.size()) == 0;
}

std::string normalizeUsername(const std::string& username) {
  std::string n;
  size_t b = username.find_first_not_of(" \t\r\n"), e = username.find_last_not_of(" \t\r\n");
  if (b != std::string::npos) n = username.substr(b, e - b + 1);
  for (char& c : n)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  bool ok = n.size() >= 2 && n.size() <= 32 && std::all_of(n.begin(), n.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            });
  if (!ok)
    throw DataError(
        format(tr("The user name \"{1}\" is not valid: use 2 to 32 characters among lower-case letters "
                  "a-z without accents, digits, '.', '_' and '-'."),
               {username}));
  return n;
}

// ---------------------------------------------------------------------------------------------
bool needsSetup(Services& s) {
  return store::UserRepository(storeOf(s)).count() == 0;
}

void createAdministrator(Services& s, const std::string& username, const std::string& fullName,
                         const std::string& password) {
  std::string name = normalizeUsername(username);
  std::string full = checkFullName(fullName);
  checkPassword(password);
  std::string hash = hashPassword(password);
  store::UserRepository repo(storeOf(s));
  storeOf(s).transaction([&] {
    if (repo.count() != 0)
      throw DataError(tr("The administrator account already exists: the set-up is done only once."));
    store::UserRow u;
    u.username = name;
    u.fullName = full;
    u.role = "admin";
    u.passwordHash = hash;
    repo.insert(u);
    s.audit(Actor{name, "admin", std::nullopt}, "user.setup", "user:" + name, "", "admin | " + full);
  });
}

core::Id createUser(Services& s, const Actor& actor, const NewUser& in) {
  requireAdmin(actor);
  store::UserRepository repo(storeOf(s));
  std::string name = normalizeUsername(in.username);
  std::string full = checkFullName(in.fullName);
  auto cell = checkCell(repo, in.role, in.cellId);
  checkPassword(in.password);
  std::string hash = hashPassword(in.password);
  core::Id id = 0;
  storeOf(s).transaction([&] {
    if (repo.find(name)) throw DataError(format(tr("The user name {1} is already taken."), {name}));
    // The first account of a register is its administrator: one of another role alone would leave
    // nobody able to manage the accounts, the backups or a restore.
    if (in.role != "admin" && repo.count() == 0)
      throw DataError(tr("This register has no account yet: the first account must be the administrator."));
    store::UserRow u;
    u.username = name;
    u.fullName = full;
    u.role = in.role;
    u.cellId = cell;
    u.passwordHash = hash;
    id = repo.insert(u);
    s.audit(actor, "user.create", "user:" + name, "", describe(in.role, cell) + " | " + full);
  });
  return id;
}

void changeRole(Services& s, const Actor& actor, const std::string& username, const std::string& role,
                const std::optional<core::Id>& cellId) {
  requireAdmin(actor);
  store::UserRepository repo(storeOf(s));
  auto cell = checkCell(repo, role, cellId);
  storeOf(s).transaction([&] {
    auto u = requireUser(repo, username);
    if (u.role == "admin" && role != "admin" && u.active && repo.countActiveAdmins() <= 1)
      throw DataError(tr("The last active administrator cannot lose the administrator role."));
    if (u.role == role && u.cellId == cell) return;
    repo.updateRole(u.id, role, cell);
    s.audit(actor, "user.role", "user:" + u.username, describe(u.role, u.cellId), describe(role, cell));
  });
}

void deactivateUser(Services& s, const Actor& actor, const std::string& username) {
  requireAdmin(actor);
  store::UserRepository repo(storeOf(s));
  storeOf(s).transaction([&] {
    auto u = requireUser(repo, username);
    if (u.username == actor.username) throw DataError(tr("You cannot deactivate your own account."));
    if (!u.active) return;
    if (u.role == "admin" && repo.countActiveAdmins() <= 1)
      throw DataError(tr("The last active administrator cannot be deactivated."));
    repo.setActive(u.id, false);
    s.audit(actor, "user.deactivate", "user:" + u.username, "active", "inactive");
  });
}

void resetPassword(Services& s, const Actor& actor, const std::string& username,
                   const std::string& newPassword) {
  requireAdmin(actor);
  checkPassword(newPassword);
  std::string hash = hashPassword(newPassword);
  store::UserRepository repo(storeOf(s));
  storeOf(s).transaction([&] {
    auto u = requireUser(repo, username);
    repo.setPasswordHash(u.id, hash);
    s.audit(actor, "user.password_reset", "user:" + u.username, "", "");
  });
}

std::vector<UserInfo> listUsers(Services& s, const Actor& actor) {
  requireAdmin(actor);
  std::vector<UserInfo> out;
  for (const auto& u : store::UserRepository(storeOf(s)).all()) {
    UserInfo i;
    i.id = u.id;
    i.username = u.username;
    i.fullName = u.fullName;
    i.role = u.role;
    i.cellId = u.cellId;
    i.active = u.active;
    i.failedLogins = u.failedLogins;
    if (u.lockedUntil) i.lockedUntil = parseIsoUtc(*u.lockedUntil);
    i.createdAt = u.createdAt;
    out.push_back(std::move(i));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
std::optional<Actor> login(Services& s, const std::string& username, const std::string& password,
                           Clock::time_point now) {
  store::UserRepository repo(storeOf(s));
  std::string name;
  try {
    name = normalizeUsername(username);
  } catch (const DataError&) {
    name.clear();
  }
  std::optional<store::UserRow> u;
  if (!name.empty()) u = repo.find(name);
  const std::string who = name.empty() ? std::string("?") : name;
  const std::string record = "user:" + who;

  if (!u || !u->active) {
    storeOf(s).transaction([&] {
      s.audit(Actor{who, "", std::nullopt}, "login.failed", record, "",
              !u ? "unknown account" : "inactive account");
    });
    delayAfterFailure(1);
    return std::nullopt;
  }
  const Actor actor{u->username, u->role, u->cellId};
  auto lockedAt = [&](const std::optional<std::string>& stored) -> std::optional<Clock::time_point> {
    auto until = stored ? parseIsoUtc(*stored) : std::nullopt;
    if (until && now < *until) return until;
    return std::nullopt;
  };
  // One write transaction per refused attempt: the counter is raised by the database itself, so thirty
  // attempts made at once are thirty failures.
  auto countRefusal = [&](bool wrongPassword) {
    std::optional<Clock::time_point> until;
    int failures = 0;
    storeOf(s).transaction([&] {
      auto [count, stored] = repo.countFailure(u->id);
      failures = count;
      until = lockedAt(stored);
      const bool wasLocked = until.has_value();
      std::string detail;
      if (wasLocked) {
        detail = "locked until " + *stored + ", attempt " + std::to_string(count);
      } else {
        detail = "wrong password, failure " + std::to_string(count);
        // Every kMaxFailedLogins-th failure in a row locks, each lock twice as long as the one before.
        if (wrongPassword && count % kMaxFailedLogins == 0) {
          until = now + lockDuration(count, u->role);
          repo.setLock(u->id, isoUtc(*until));
          detail += ", locked until " + isoUtc(*until);
        }
      }
      s.audit(actor, wasLocked ? "login.refused" : "login.failed", record, "", detail);
    });
    if (wrongPassword) delayAfterFailure(failures);
    if (until) throw PermissionError(lockedMessage(u->username, *until));
  };
  if (lockedAt(u->lockedUntil)) countRefusal(false);

  if (verifyPassword(u->passwordHash, password)) {
    std::optional<std::string> rehash;
    if (!fastMode() &&
        crypto_pwhash_str_needs_rehash(u->passwordHash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
      rehash = hashPassword(password, HashStrength::Interactive);
    std::optional<Clock::time_point> lockedMeanwhile;
    storeOf(s).transaction([&] {
      // Locked by other attempts while the password was being checked: refused like any attempt then.
      lockedMeanwhile = lockedAt(repo.lockOf(u->id));
      if (lockedMeanwhile) return;
      if (rehash)
        repo.setPasswordHash(u->id, *rehash);
      else
        repo.recordSuccess(u->id);
      s.audit(actor, "login", record, "", "ok");
    });
    if (lockedMeanwhile) countRefusal(false);
    return actor;
  }
  countRefusal(true);
  return std::nullopt;
}

std::chrono::minutes lockDuration(int failures, const std::string& role) {
  // The n-th lock of a run of failures lasts 2^(n-1) times the first.
  const int locksBefore = std::max(0, failures / kMaxFailedLogins - 1);
  std::chrono::minutes d = kLockDuration;
  for (int i = 0; i < locksBefore && d < kMaxLockDuration; ++i) d *= 2;
  d = std::min<std::chrono::minutes>(d, kMaxLockDuration);
  if (role == "admin") d = std::min<std::chrono::minutes>(d, kAdminMaxLock);
  return d;
}

void unlockAccount(Services& s, const Actor& actor, const std::string& username) {
  requireAdmin(actor);
  store::UserRepository repo(storeOf(s));
  const store::UserRow u = requireUser(repo, username);
  storeOf(s).transaction([&] {
    repo.recordSuccess(u.id);
    s.audit(actor, "user.unlock", "user:" + u.username, "failures " + std::to_string(u.failedLogins),
            "unlocked");
  });
}

// ---------------------------------------------------------------------------------------------
std::string readPasswordFromFd(int fd) {
  std::string line;
  for (;;) {
    char c;
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0) {
      if (errno == EINTR) continue;
      sodium_memzero(line.data(), line.size());
      throw DataError(tr("The password could not be read."));
    }
    if (n == 0 || c == '\n') break;
    line.push_back(c);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string readPasswordFromTerminal(const std::string& prompt) {
  if (!::isatty(STDIN_FILENO)) return readPasswordFromFd(STDIN_FILENO);
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  termios old{};
  bool restored = ::tcgetattr(STDIN_FILENO, &old) != 0;
  if (!restored) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  struct Restore {
    const termios& t;
    bool skip;
    ~Restore() {
      if (!skip) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &t);
    }
  } restore{old, restored};
  return readPasswordFromFd(STDIN_FILENO);
}

}  // namespace dangbo::services
