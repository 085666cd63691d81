// Issue 15: codes typed in lower case find the record and never make a new one; hidden characters are refused
// at the service's door; a passphrase typed in NFD opens the package.
#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/PackageData.h"
#include "exchange/CellPackage.h"
#include "services/MemberList.h"
#include "services/Register.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

TEST_CASE("a lower-case code finds the cell and never makes a new one, hidden characters are refused") {
  TempDir dir;
  auto s = services::Services::create(dir / "c.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
  core::Organization o;
  o.kind = "truc_thuoc";
  o.category = "ban";
  o.code = "CB07";
  o.name = "Chi bộ bản Bảy";
  services::addOrganization(*s, Actor::localOffice(), o);
  const size_t before = s->organizations(Actor::localOffice()).size();
  o.code = "cb07";
  o.name = "Chi bộ bản Bảy khác";
  CHECK_THROWS_AS(services::addOrganization(*s, Actor::localOffice(), o), core::DataError);
  CHECK(s->organizations(Actor::localOffice()).size() == before);
  // A new cell typed in lower case is stored in capitals.
  o.code = "cb08";
  services::addOrganization(*s, Actor::localOffice(), o);
  bool found = false;
  for (const auto& x : s->organizations(Actor::localOffice())) found = found || x.code == "CB08";
  CHECK(found);
  // The member list of "cb07" is that of CB07 (no "unknown cell").
  services::MemberFilter f;
  f.cellCode = "cb07";
  CHECK_NOTHROW(services::listMembers(*s, Actor::localOffice(), f));
  // A zero-width space or a NUL in a code or a name: refused, nothing stored.
  o.code = "CB\u200B09";
  CHECK_THROWS_AS(services::addOrganization(*s, Actor::localOffice(), o), core::DataError);
  o.code = "CB09";
  o.name = std::string("Chi bộ\0 Chín", 15);
  CHECK_THROWS_AS(services::addOrganization(*s, Actor::localOffice(), o), core::DataError);
  CHECK(s->organizations(Actor::localOffice()).size() == before + 1);
}

TEST_CASE("a package sealed with a precomposed passphrase opens with it typed in combining marks") {
  core::CellPackage p;
  p.cellCode = "CB07";
  p.cellName = "Chi bộ bản Bảy";
  const std::string nfc = "mật khẩu chi bộ";
  const std::string nfd = "ma\xCC\x82\xCC\xA3t kha\xCC\x82\xCC\x89u chi bo\xCC\x82\xCC\xA3";
  REQUIRE(nfd != nfc);
  const std::string bytes = exchange::encodeCellPackage(p, nfc);
  CHECK(exchange::decodeCellPackage(bytes, nfd).cellName == p.cellName);
  CHECK_THROWS_AS(exchange::decodeCellPackage(bytes, "mat khau chi bo"), core::DataError);
}
