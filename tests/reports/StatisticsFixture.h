#pragma once
// The planted register of the statistics templates' tests (test_StatisticsXlsx, test_StatisticsDocument).
#include <optional>
#include <string>
#include <tuple>

#include "../services/AdmissionTestData.h"
#include "services/Register.h"

namespace dangbo::test {

// A register of four members, one Ê Đê (code 12 of 1979: row 11 of template 4, whose 11 and 12 are swapped).
struct FourMembers : test::admission::OneCell {
  void add(const std::string& code, const char* gender, const char* ethnicity, const char* religion, int born,
           core::Date admitted, std::optional<core::Date> official) {
    core::Member m;
    std::tie(m.code, m.fullName, m.gender, m.ethnicity, m.religion) =
        std::tuple{code, "Quàng Văn " + code, gender, ethnicity, religion};
    std::tie(m.birthDate, m.admittedOn, m.ceremonyOn, m.officialOn) =
        std::tuple{core::PartialDate::make(born, 3, 1), admitted, admitted, official};
    services::addMember(*s, services::Actor::localOffice(), m, "CB01", "");
  }
  FourMembers() {
    auto info = s->committee();
    info.superior = "Đảng bộ tỉnh Sơn La";
    info.executive = "Đảng ủy xã Thử";
    s->saveCommittee(services::Actor::localOffice(), info);
    add("N1", "nam", "03", "Không", 1981, test::admission::d(2010, 2, 10), test::admission::d(2011, 2, 10));
    add("N2", "nu", "01", "Không", 1999, test::admission::d(2024, 4, 1), std::nullopt);
    add("N3", "nu", "03", "Tin lành", 1996, test::admission::d(2025, 6, 1), std::nullopt);
    add("N4", "nam", "12", "Công giáo", 1952, test::admission::d(2001, 1, 1), test::admission::d(2002, 1, 1));
    services::recordAction(*s, services::Actor::localOffice(), "N4",
                           {"deceased", test::admission::d(2025, 8, 1), "", "", "", ""});
  }
};

}  // namespace dangbo::test
