#include <doctest/doctest.h>

#include <cstdlib>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "services/Accounts.h"
#include "services/DemoGenerator.h"
#include "services/DemoMark.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

TEST_CASE("first run: the first account of a register is its administrator, whatever the door") {
  setenv("DANGBO_FAST_HASH", "1", 1);
  TempDir dir;
  auto s = services::Services::create(dir / "a.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  REQUIRE(services::needsSetup(*s));
  // The window acts as the local administrator while there is no account; an office account made
  // first would leave the register without anyone able to manage it.
  for (const char* role : {"office", "leadership", "inspection"}) {
    CHECK_THROWS_AS(services::createUser(*s, Actor::localOffice(),
                                         {"vanphong", "Cầm Thị Văn", role, {}, "mat-khau-van-phong"}),
                    core::DataError);
    CHECK(services::needsSetup(*s));
  }
  // An administrator made through the same door is accepted, and then the other roles are.
  services::createUser(*s, Actor::localOffice(),
                       {"quantri", "Lò Văn Quản", "admin", {}, "mat-khau-quan-tri"});
  CHECK_FALSE(services::needsSetup(*s));
  const Actor admin{"quantri", "admin", std::nullopt};
  services::createUser(*s, admin, {"vanphong", "Cầm Thị Văn", "office", {}, "mat-khau-van-phong"});
  auto users = services::listUsers(*s, admin);
  REQUIRE(users.size() == 2);
  CHECK(users[0].role == "admin");
}

TEST_CASE("first run: the demo commune is known as sample data, a new register is not") {
  TempDir dir;
  auto fresh = services::Services::create(dir / "new.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  CHECK_FALSE(services::isDemoRegister(*fresh));
  services::DemoOptions opt;
  opt.villageCells = 3;
  opt.schoolCells = 1;
  opt.members = 60;
  opt.today = *core::Date::make(2026, 11, 29);
  services::Services::createDemo(dir / "demo.db", opt);
  auto demo = services::Services::open(dir / "demo.db");
  CHECK(services::isDemoRegister(*demo));
}
