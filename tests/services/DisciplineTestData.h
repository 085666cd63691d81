#pragma once
// What the discipline tests share: the records their registers are built from and small readers.
#include <functional>
#include <memory>
#include <string>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/Records.h"
#include "services/Actor.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/RegisterRepository.h"

namespace dangbo::test::discipline {

inline core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}

/// A village cell subordinate to the committee, founded in 1960.
inline core::Organization villageCell(const std::string& code, const std::string& name) {
  core::Organization o;
  o.code = code;
  o.name = name;
  o.kind = "truc_thuoc";
  o.category = "ban";
  o.founded = d(1960, 1, 1);
  return o;
}

/// A Thái man born 02/05/1980: official since 2011, or probationary since March 2024.
inline core::Member member(const std::string& code, const std::string& name, bool official) {
  core::Member m;
  m.code = code;
  m.fullName = name;
  m.gender = "nam";
  m.birthDate = core::PartialDate::make(1980, 5, 2);
  m.ethnicity = "03";
  if (official) {
    m.admittedOn = d(2010, 3, 1);
    m.ceremonyOn = d(2010, 3, 20);
    m.officialOn = d(2011, 3, 20);
  } else {
    m.admittedOn = d(2024, 3, 1);
    m.ceremonyOn = d(2024, 3, 20);
  }
  return m;
}

/// The message of the DataError `f` throws ("" when it throws none).
inline std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const core::DataError& e) {
    return e.what();
  }
  return "";
}

/// The stored status of member `code`.
inline std::string memberStatus(services::Services& s, const std::string& code) {
  store::RegisterRepository repo(services::storeOf(s));
  return repo.memberByCode(code)->status;
}

}  // namespace dangbo::test::discipline
