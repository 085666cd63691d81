#pragma once
// What the deadline tests of the services and of the command line share: a register with one village cell,
// candidates written straight into the file at the stage a test needs (the stage rules are tested in
// test_Admissions.cpp), and members.
#include <memory>
#include <optional>
#include <string>

#include "../TestUtil.h"
#include "core/Records.h"
#include "services/Actor.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/RecordsRepository.h"

namespace dangbo::test::admission {

inline core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}

struct OneCell {
  TempDir dir;
  std::string path = (dir / "r.db").string();
  std::unique_ptr<services::Services> s =
      services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  core::Id cell = 0;

  OneCell() {
    core::Organization o;
    o.code = "CB01";
    o.name = "Chi bộ bản Nà Ớt";
    o.kind = "truc_thuoc";
    o.category = "ban";
    o.founded = d(1960, 1, 1);
    cell = services::addOrganization(*s, services::Actor::localOffice(), o);
  }
  /// A candidate of CB01 listed on `listed`, not yet written.
  core::Candidate candidate(const std::string& code, core::PartialDate born, core::Date listed) const {
    core::Candidate c;
    c.code = code;
    c.fullName = "Lò Thị " + code;
    c.birthDate = born;
    c.gender = "nu";
    c.ethnicity = "03";
    c.cellId = cell;
    c.listedOn = listed;
    return c;
  }
  void insert(const core::Candidate& c) {
    store::RecordsRepository(services::storeOf(*s)).insertCandidate(c);
  }
  /// A member of CB01 admitted, given the party card (ceremony) and made official on the days given.
  void member(const std::string& code, core::Date admitted, std::optional<core::Date> ceremony,
              std::optional<core::Date> official, core::PartialDate born) {
    core::Member m;
    m.code = code;
    m.fullName = "Lò Văn " + code;
    m.gender = "nam";
    m.birthDate = born;
    m.ethnicity = "03";
    m.admittedOn = admitted;
    m.ceremonyOn = ceremony;
    m.officialOn = official;
    services::addMember(*s, services::Actor::localOffice(), m, "CB01", "");
  }
};

}  // namespace dangbo::test::admission
