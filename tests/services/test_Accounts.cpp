#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <thread>
#include <vector>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "services/Accounts.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/UserRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;
using services::Clock;

namespace {
const char* const kAdminPw = "Mật khẩu quản trị 1";
const char* const kUserPw = "bi-mat-cua-toi-42";

struct Fixture {
  TempDir dir;
  std::unique_ptr<services::Services> s;
  core::Id cellId = 0;
  const Actor admin{"quantri", "admin", std::nullopt};
  Fixture() {
    setenv("DANGBO_FAST_HASH", "1", 1);
    s = services::Services::create(dir / "a.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
    core::Organization o;
    o.code = "CB01";
    o.name = "Chi bộ bản Nà Ớt";
    o.kind = "truc_thuoc";
    o.category = "ban";
    cellId = services::addOrganization(*s, Actor::localOffice(), o);
    services::createAdministrator(*s, "QuanTri", "Lò Văn Quản", kAdminPw);
  }
  services::NewUser user(const std::string& name, const std::string& role,
                         std::optional<core::Id> cell = {}) {
    return {name, "Cầm Thị " + name, role, cell, kUserPw};
  }
  /// Every audit row, oldest first.
  std::vector<store::AuditEntry> auditRows() {
    return store::AuditRepository(services::storeOf(*s)).latest(100000);
  }
};

Clock::time_point at(int hour, int minute) {
  std::tm tm{};
  tm.tm_year = 2026 - 1900;
  tm.tm_mon = 10;
  tm.tm_mday = 29;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  return Clock::from_time_t(timegm(&tm));
}
}  // namespace

TEST_CASE("account set-up creates the administrator once only") {
  setenv("DANGBO_FAST_HASH", "1", 1);
  TempDir dir;
  auto s = services::Services::create(dir / "a.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  CHECK(services::needsSetup(*s));
  CHECK_THROWS_AS(services::createAdministrator(*s, "quantri", "Lò Văn Quản", "ngan"), core::DataError);
  CHECK(services::needsSetup(*s));
  services::createAdministrator(*s, "  QuanTri ", "Lò  Văn Quản", kAdminPw);
  CHECK_FALSE(services::needsSetup(*s));
  CHECK_THROWS_AS(services::createAdministrator(*s, "khac", "Người Khác", kAdminPw), core::DataError);
  auto users = services::listUsers(*s, {"quantri", "admin", std::nullopt});
  REQUIRE(users.size() == 1);
  CHECK(users[0].username == "quantri");
  CHECK(users[0].fullName == "Lò Văn Quản");
  CHECK(users[0].role == "admin");
  auto a = services::login(*s, "quantri", kAdminPw, at(8, 0));
  REQUIRE(a);
  CHECK(a->role == "admin");
}

TEST_CASE("account passwords: weak ones refused, hash verifies and is not the password") {
  Fixture fx;
  CHECK_THROWS_AS(
      services::createUser(*fx.s, fx.admin, {"vanphong", "Cầm Văn Phòng", "office", {}, "1234567"}),
      core::DataError);
  CHECK_THROWS_AS(services::resetPassword(*fx.s, fx.admin, "quantri", "short"), core::DataError);
  // Eight characters are enough, even when some are Vietnamese letters of several bytes.
  services::createUser(*fx.s, fx.admin, {"vanphong", "Cầm Văn Phòng", "office", {}, "mậtkhẩu1"});
  CHECK(services::login(*fx.s, "vanphong", "mậtkhẩu1", at(8, 0)));

  std::string h = services::hashPassword(kUserPw, services::HashStrength::Fast);
  CHECK(h.rfind("$argon2id$", 0) == 0);
  CHECK(h.find(kUserPw) == std::string::npos);
  CHECK(services::verifyPassword(h, kUserPw));
  CHECK_FALSE(services::verifyPassword(h, "bi-mat-cua-toi-43"));
  CHECK_FALSE(services::verifyPassword("", kUserPw));
  CHECK(services::hashPassword(kUserPw, services::HashStrength::Fast) != h);  // salted
  // The real setting: Argon2id with libsodium's interactive limits (64 MiB, 2 passes).
  std::string real = services::hashPassword(kUserPw, services::HashStrength::Interactive);
  CHECK(real.rfind("$argon2id$v=19$m=65536,t=2,", 0) == 0);
  CHECK(services::verifyPassword(real, kUserPw));
  // The stored hash is not the password either.
  auto row = store::UserRepository(services::storeOf(*fx.s)).find("quantri");
  REQUIRE(row);
  CHECK(row->passwordHash.rfind("$argon2id$", 0) == 0);
  CHECK(row->passwordHash.find(kAdminPw) == std::string::npos);
  CHECK(services::verifyPassword(row->passwordHash, kAdminPw));
}

TEST_CASE("account user names are normalized and checked") {
  CHECK(services::normalizeUsername("  Nguyen.Van_A-2 ") == "nguyen.van_a-2");
  CHECK_THROWS_AS(services::normalizeUsername("nguyễn"), core::DataError);
  CHECK_THROWS_AS(services::normalizeUsername("van phong"), core::DataError);
  CHECK_THROWS_AS(services::normalizeUsername("a"), core::DataError);
  CHECK_THROWS_AS(services::normalizeUsername(""), core::DataError);
  Fixture fx;
  services::createUser(*fx.s, fx.admin, fx.user("VanPhong", "office"));
  CHECK_THROWS_AS(services::createUser(*fx.s, fx.admin, fx.user("vanphong", "leadership")), core::DataError);
  CHECK_THROWS_AS(services::createUser(*fx.s, fx.admin, fx.user("moi", "boss")), core::DataError);
  CHECK(services::listUsers(*fx.s, fx.admin).size() == 2);
}

TEST_CASE("account of a secretary needs an existing cell") {
  Fixture fx;
  CHECK_THROWS_AS(services::createUser(*fx.s, fx.admin, fx.user("bithu", "secretary")), core::DataError);
  CHECK_THROWS_AS(services::createUser(*fx.s, fx.admin, fx.user("bithu", "secretary", fx.cellId + 1000)),
                  core::DataError);
  services::createUser(*fx.s, fx.admin, fx.user("bithu", "secretary", fx.cellId));
  auto a = services::login(*fx.s, "bithu", kUserPw, at(8, 0));
  REQUIRE(a);
  CHECK(a->role == "secretary");
  CHECK(a->cellId == fx.cellId);
  // Other roles carry no cell.
  services::createUser(*fx.s, fx.admin, fx.user("vanphong", "office", fx.cellId));
  CHECK_FALSE(services::login(*fx.s, "vanphong", kUserPw, at(8, 0))->cellId);
  // Changing a role to secretary needs a cell too; changing away drops it.
  CHECK_THROWS_AS(services::changeRole(*fx.s, fx.admin, "vanphong", "secretary"), core::DataError);
  services::changeRole(*fx.s, fx.admin, "vanphong", "secretary", fx.cellId);
  services::changeRole(*fx.s, fx.admin, "bithu", "inspection");
  for (const auto& u : services::listUsers(*fx.s, fx.admin)) {
    CAPTURE(u.username);
    if (u.username == "vanphong") CHECK((u.role == "secretary" && u.cellId == fx.cellId));
    if (u.username == "bithu") CHECK((u.role == "inspection" && !u.cellId));
  }
}

TEST_CASE("account management is refused for office, leadership, secretary and inspection") {
  Fixture fx;
  services::createUser(*fx.s, fx.admin, fx.user("nannhan", "office"));
  const Actor refused[] = {{"vanphong", "office", std::nullopt},
                           {"lanhdao", "leadership", std::nullopt},
                           {"bithu", "secretary", fx.cellId},
                           {"kiemtra", "inspection", std::nullopt}};
  for (const auto& a : refused) {
    CAPTURE(a.role);
    CHECK_THROWS_AS(services::createUser(*fx.s, a, fx.user("moi", "office")), core::PermissionError);
    CHECK_THROWS_AS(services::changeRole(*fx.s, a, "nannhan", "admin"), core::PermissionError);
    CHECK_THROWS_AS(services::deactivateUser(*fx.s, a, "nannhan"), core::PermissionError);
    CHECK_THROWS_AS(services::resetPassword(*fx.s, a, "nannhan", "mat-khau-moi-1"), core::PermissionError);
    CHECK_THROWS_AS(services::listUsers(*fx.s, a), core::PermissionError);
    try {
      services::listUsers(*fx.s, a);
    } catch (const core::PermissionError& e) {
      CHECK(std::string(e.what()).find(a.username) != std::string::npos);
    }
  }
  // Nothing changed.
  auto users = services::listUsers(*fx.s, fx.admin);
  REQUIRE(users.size() == 2);
  CHECK(users[0].username == "nannhan");
  CHECK(users[0].role == "office");
  CHECK(users[0].active);
  CHECK(services::login(*fx.s, "nannhan", kUserPw, at(8, 0)));
}

TEST_CASE("account deactivation, password reset and the last administrator") {
  Fixture fx;
  services::createUser(*fx.s, fx.admin, fx.user("vanphong", "office"));
  CHECK_THROWS_AS(services::deactivateUser(*fx.s, fx.admin, "quantri"), core::DataError);        // oneself
  CHECK_THROWS_AS(services::changeRole(*fx.s, fx.admin, "quantri", "office"), core::DataError);  // last admin
  CHECK_THROWS_AS(services::deactivateUser(*fx.s, fx.admin, "khongco"), core::DataError);
  services::resetPassword(*fx.s, fx.admin, "vanphong", "mat-khau-moi-1");
  CHECK_FALSE(services::login(*fx.s, "vanphong", kUserPw, at(8, 0)));
  CHECK(services::login(*fx.s, "vanphong", "mat-khau-moi-1", at(8, 0)));
  services::deactivateUser(*fx.s, fx.admin, "vanphong");
  CHECK_FALSE(services::login(*fx.s, "vanphong", "mat-khau-moi-1", at(8, 0)));
  CHECK_FALSE(services::listUsers(*fx.s, fx.admin)[1].active);
  // With a second administrator the first may step down.
  services::createUser(*fx.s, fx.admin, fx.user("quantri2", "admin"));
  services::changeRole(*fx.s, fx.admin, "quantri", "office");
}

TEST_CASE(
    "account login: failures count, the fifth locks, the lock refuses the right password and runs out") {
  Fixture fx;
  services::createUser(*fx.s, fx.admin, fx.user("vanphong", "office"));
  auto failures = [&] {
    return store::UserRepository(services::storeOf(*fx.s)).find("vanphong")->failedLogins;
  };
  // A success clears earlier failures.
  CHECK_FALSE(services::login(*fx.s, "vanphong", "sai-mat-khau", at(8, 0)));
  CHECK(failures() == 1);
  CHECK(services::login(*fx.s, "VanPhong", kUserPw, at(8, 1)));
  CHECK(failures() == 0);

  for (int i = 1; i <= 4; ++i) {
    CHECK_FALSE(services::login(*fx.s, "vanphong", "sai-mat-khau", at(9, i)));
    CHECK(failures() == i);
  }
  std::string message;
  try {
    services::login(*fx.s, "vanphong", "sai-mat-khau", at(9, 5));
    FAIL("the fifth failure must lock");
  } catch (const core::PermissionError& e) {
    message = e.what();
  }
  CHECK(message.find("vanphong") != std::string::npos);
  CHECK(failures() == 5);
  auto info = services::listUsers(*fx.s, fx.admin)[1];
  REQUIRE(info.lockedUntil);
  CHECK(*info.lockedUntil == at(9, 20));
  // Locked: the right password is refused too, with the time of the end of the lock.
  try {
    services::login(*fx.s, "vanphong", kUserPw, at(9, 19));
    FAIL("a locked account must refuse");
  } catch (const core::PermissionError& e) {
    CHECK(std::string(e.what()) == message);
  }
  // After the time, the right password works and clears the counter.
  auto a = services::login(*fx.s, "vanphong", kUserPw, at(9, 20));
  REQUIRE(a);
  CHECK(a->username == "vanphong");
  CHECK(a->role == "office");
  CHECK(failures() == 0);
  CHECK_FALSE(services::listUsers(*fx.s, fx.admin)[1].lockedUntil);
  // An unknown account simply fails.
  CHECK_FALSE(services::login(*fx.s, "khongco", kUserPw, at(9, 30)));
  CHECK_FALSE(services::login(*fx.s, "không có", kUserPw, at(9, 30)));
}

TEST_CASE(
    "account lock that ran out: the count goes on, the next lock lasts twice as long, a reset unlocks") {
  Fixture fx;
  services::createUser(*fx.s, fx.admin, fx.user("vanphong", "office"));
  for (int i = 0; i < 4; ++i) CHECK_FALSE(services::login(*fx.s, "vanphong", "sai", at(10, 0)));
  CHECK_THROWS_AS(services::login(*fx.s, "vanphong", "sai", at(10, 0)), core::PermissionError);
  // After the lock a single wrong password does not lock again, but it is the sixth in a row.
  CHECK_FALSE(services::login(*fx.s, "vanphong", "sai", at(10, 15)));
  CHECK(store::UserRepository(services::storeOf(*fx.s)).find("vanphong")->failedLogins == 6);
  for (int i = 0; i < 3; ++i) CHECK_FALSE(services::login(*fx.s, "vanphong", "sai", at(10, 16)));
  CHECK_THROWS_AS(services::login(*fx.s, "vanphong", "sai", at(10, 16)), core::PermissionError);
  CHECK(*services::listUsers(*fx.s, fx.admin)[1].lockedUntil == at(10, 46));  // 30 minutes, not 15
  CHECK_THROWS_AS(services::login(*fx.s, "vanphong", kUserPw, at(10, 17)), core::PermissionError);
  services::resetPassword(*fx.s, fx.admin, "vanphong", "mat-khau-moi-1");
  CHECK(services::login(*fx.s, "vanphong", "mat-khau-moi-1", at(10, 17)));
}

TEST_CASE("account actions and logins write audit rows without the password") {
  Fixture fx;
  services::createUser(*fx.s, fx.admin, fx.user("vanphong", "office"));
  services::resetPassword(*fx.s, fx.admin, "vanphong", "mat-khau-moi-1");
  services::changeRole(*fx.s, fx.admin, "vanphong", "leadership");
  CHECK(services::login(*fx.s, "vanphong", "mat-khau-moi-1", at(8, 0)));
  CHECK_FALSE(services::login(*fx.s, "vanphong", "sai-mat-khau-9", at(8, 1)));
  CHECK_FALSE(services::login(*fx.s, "khongco", "sai-mat-khau-8", at(8, 2)));
  services::deactivateUser(*fx.s, fx.admin, "vanphong");

  std::vector<std::string> actions;
  for (const auto& r : fx.auditRows()) {
    for (const std::string& field : {r.record, r.oldValue, r.newValue, r.reason}) {
      CAPTURE(r.action);
      for (const char* pw : {kAdminPw, kUserPw, "mat-khau-moi-1", "sai-mat-khau-9", "sai-mat-khau-8"})
        CHECK(field.find(pw) == std::string::npos);
      CHECK(field.find("$argon2") == std::string::npos);
    }
    actions.push_back(r.action);
  }
  std::reverse(actions.begin(), actions.end());  // oldest first
  std::vector<std::string> expected = {"user.setup",   "user.create",    "user.password_reset",
                                       "user.role",    "login",          "login.failed",
                                       "login.failed", "user.deactivate"};
  REQUIRE(actions.size() >= expected.size());
  CHECK(std::vector<std::string>(actions.end() - static_cast<long>(expected.size()), actions.end()) ==
        expected);
  auto rows = fx.auditRows();
  CHECK(rows[0].username == "quantri");  // deactivation by the administrator
  CHECK(rows[1].username == "khongco");  // the failed attempt names what was typed
  CHECK(rows[1].record == "user:khongco");
  CHECK(rows[2].username == "vanphong");
  CHECK(rows[2].newValue.find("failure 1") != std::string::npos);
  CHECK_FALSE(store::AuditRepository(services::storeOf(*fx.s)).firstBrokenRow());
}

TEST_CASE("account password read from a file descriptor: one line, newline stripped") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const std::string text = "mật khẩu có dấu cách\r\nsecond line\n";
  REQUIRE(write(fds[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  close(fds[1]);
  CHECK(services::readPasswordFromFd(fds[0]) == "mật khẩu có dấu cách");
  CHECK(services::readPasswordFromFd(fds[0]) == "second line");
  CHECK(services::readPasswordFromFd(fds[0]).empty());
  close(fds[0]);
  CHECK_THROWS_AS(services::readPasswordFromFd(-1), core::DataError);
}

TEST_CASE("thirty wrong passwords sent at once are thirty counted failures, and the account ends locked") {
  Fixture fx;
  services::createUser(*fx.s, fx.admin, fx.user("vanphong", "office"));
  const auto path = fx.dir / "a.db";
  // Thirty connections, as thirty programs would hold, all trying at the same moment.
  std::vector<std::unique_ptr<services::Services>> conns;
  for (int i = 0; i < 30; ++i) conns.push_back(services::Services::open(path));
  std::atomic<int> refused{0}, failed{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < 30; ++i)
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      try {
        if (!services::login(*conns[size_t(i)], "vanphong", "doan-" + std::to_string(i), at(11, 0))) ++failed;
      } catch (const core::PermissionError&) {
        ++refused;
      }
    });
  go = true;
  for (auto& t : threads) t.join();
  CHECK(failed + refused == 30);
  const auto u = store::UserRepository(services::storeOf(*fx.s)).find("vanphong");
  CHECK(u->failedLogins == 30);
  REQUIRE(u->lockedUntil);
  CHECK_THROWS_AS(services::login(*fx.s, "vanphong", kUserPw, at(11, 1)), core::PermissionError);
}

TEST_CASE(
    "nobody locks the administrator out for good: at most kAdminMaxLock, and the file's owner unlocks") {
  Fixture fx;
  for (int round = 0; round < 4; ++round) {
    const auto start = at(12, 0) + std::chrono::hours(round);
    for (int i = 0; i < services::kMaxFailedLogins - 1; ++i)
      CHECK_FALSE(services::login(*fx.s, "quantri", "sai", start));
    CHECK_THROWS_AS(services::login(*fx.s, "quantri", "sai", start), core::PermissionError);
    const auto lock = services::listUsers(*fx.s, fx.admin)[0].lockedUntil;
    REQUIRE(lock);
    CHECK(*lock - start <= services::kAdminMaxLock);  // however many rounds
  }
  // An office account's locks grow: 15, 30, 60 minutes ...
  CHECK(services::lockDuration(5, "office") == std::chrono::minutes(15));
  CHECK(services::lockDuration(10, "office") == std::chrono::minutes(30));
  CHECK(services::lockDuration(15, "office") == std::chrono::minutes(60));
  CHECK(services::lockDuration(500, "office") == services::kMaxLockDuration);
  CHECK(services::lockDuration(500, "admin") == services::kAdminMaxLock);
  // Unlocked at once by an administrator's action (the CLI lets the owner of the file do it).
  CHECK_THROWS_AS(services::unlockAccount(*fx.s, Actor{"x", "office", std::nullopt}, "quantri"),
                  core::PermissionError);
  services::unlockAccount(*fx.s, Actor::localOffice(), "quantri");
  CHECK(services::login(*fx.s, "quantri", kAdminPw, at(15, 1)));
}
