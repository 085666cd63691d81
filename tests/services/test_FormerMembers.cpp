#include <doctest/doctest.h>

#include <map>
#include <string>

#include "../TestUtil.h"
#include "services/FormerMembers.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

TEST_CASE("member list: former members are listed on their own, the present ones are not among them") {
  TempDir dir;
  auto s = services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
  services::storeOf(*s).db().exec(
      "INSERT INTO organizations (id, code, name, kind, category) VALUES (1, 'CB01', 'Chi bộ bản A', "
      "'truc_thuoc', 'ban'), (2, 'CB02', 'Chi bộ bản B', 'truc_thuoc', 'ban');"
      "INSERT INTO members (id, code, full_name, gender, birth_date, ethnicity, cell_id, admitted_on, "
      "status, "
      "status_since) VALUES "
      "(1, 'DV1', 'Lò Văn Một', 'nam', '1980', '03', 1, '2015-03-01', 'active', NULL),"
      "(2, 'DV2', 'Lò Văn Hai', 'nam', '1981', '03', 1, '2015-03-01', 'transferred_out', '2024-05-01'),"
      "(3, 'DV3', 'Cầm Thị Ba', 'nu', '1950', '03', 2, '2010-03-01', 'deceased', '2023-02-01');"
      "INSERT INTO member_events (member_id, date, kind) VALUES (2, '2024-05-01', 'transfer_out'), "
      "(3, '2023-02-01', 'deceased');");
  services::MemberFilter f;
  f.asOf = *core::Date::make(2026, 1, 1);
  const services::Actor office = services::Actor::localOffice();
  auto former = services::listFormerMembers(*s, office, f);
  REQUIRE(former.size() == 2);
  std::map<std::string, std::string> status;
  for (const auto& r : former) status[r.code] = r.status;
  CHECK(status == std::map<std::string, std::string>{{"DV2", "transferred_out"}, {"DV3", "deceased"}});
  // Before DV2 left, only DV3 is former.
  f.asOf = *core::Date::make(2024, 1, 1);
  CHECK(services::listFormerMembers(*s, office, f).size() == 1);
  // A secretary of CB01 sees only who left from CB01.
  f.asOf = *core::Date::make(2026, 1, 1);
  auto own = services::listFormerMembers(*s, {"bt01", "secretary", core::Id(1)}, f);
  REQUIRE(own.size() == 1);
  CHECK(own[0].code == "DV2");
}
