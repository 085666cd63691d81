// Statistics templates 1-7 (issue 19) on a planted register against figures computed by hand.
#include <doctest/doctest.h>

#include "AdmissionTestData.h"
#include "services/PartyFile.h"
#include "services/Register.h"
#include "services/Statistics.h"
#include "services/StoreAccess.h"
#include "store/RecordsRepository.h"

using namespace dangbo;
using services::Actor;
using test::admission::d;

namespace {
const Actor kOffice = Actor::localOffice();

struct Planted : test::admission::OneCell {
  void add(const std::string& code, const char* gender, const char* ethnicity, const char* religion,
           core::PartialDate born, std::optional<core::Date> admitted, std::optional<core::Date> official,
           std::optional<core::Date> transferredIn = std::nullopt) {
    core::Member m;
    m.code = code;
    m.fullName = "Lò Văn " + code;
    m.gender = gender;
    m.ethnicity = ethnicity;
    m.religion = religion;
    m.birthDate = born;
    m.admittedOn = admitted;
    m.ceremonyOn = admitted;
    m.officialOn = official;
    m.transferredInOn = transferredIn;
    if (transferredIn) m.transferredInFrom = "Đảng bộ xã Mường Bon";
    services::addMember(*s, kOffice, m, "CB01", "");
  }
  Planted() {
    auto born = [](int y, int m, int dd) { return *core::PartialDate::make(y, m, dd); };
    add("M1", "nam", "03", "Không", born(1980, 6, 1), d(2010, 1, 10), d(2011, 1, 10));
    add("M2", "nu", "01", "Không", born(2000, 2, 1), d(2024, 3, 1), std::nullopt);
    add("M3", "nu", "03", "Tin lành", born(1995, 1, 1), d(2025, 5, 1), std::nullopt);
    add("M4", "nam", "03", "Không", born(1950, 1, 1), d(2000, 1, 1), d(2001, 1, 1));
    add("M5", "nam", "01", "Không", born(1960, 1, 1), d(1990, 5, 1), d(1991, 5, 1), d(2025, 2, 1));
    add("M6", "nam", "03", "Không", born(1970, 1, 1), d(2005, 1, 1), d(2006, 1, 1));
    services::recordAction(*s, kOffice, "M4", {"deceased", d(2025, 7, 1), "", "", "", ""});
    services::recordAction(*s, kOffice, "M6",
                           {"transfer_out", d(2024, 6, 1), "", "Đảng bộ xã Chiềng Ly", "", ""});
    // The 2025 rating: the cell good, three members (one excellent, two good).
    store::RecordsRepository recs(services::storeOf(*s));
    recs.insertRating({0, 2025, "to_chuc", cell, cell, "", "", "HTTNV", std::nullopt, ""});
    for (const auto& [code, level] : {std::pair{"M1", "HTXSNV"}, {"M2", "HTTNV"}, {"M5", "HTTNV"}})
      recs.insertRating({0, 2025, "dang_vien", services::memberFile(*s, kOffice, code).member.id, cell, "",
                         "", level, std::nullopt, ""});
    // A 30-year badge decided in 2025 (M1 would not reach it; M5: admitted 1/5/1990, 30 years on 1/5/2020).
    core::BadgeAward a;
    a.milestone = 30;
    a.decisionNo = "5-QĐ/TU";
    a.decisionOn = d(2025, 5, 19);
    services::recordBadgeAward(*s, kOffice, "M5", a);
  }
};

// "current/previous" of a row.
std::string fig(const services::StatisticsTemplate& t, const std::string& key) {
  const auto& r = t.row(key);
  return std::to_string(r.current) + "/" + std::to_string(r.previous);
}
}  // namespace

TEST_CASE("statistics: templates 1-7 for 2025 against 2024 on a planted register") {
  Planted p;
  const auto t = services::statisticsTemplates(*p.s, kOffice, 2025);
  REQUIRE(t.size() == 7);
  // 1: at 31/12/2024 M1, M2, M4 (M6 left 1/6/2024); 2025: +M3 admitted, +M5 transferred in, -M4 died.
  //    2024: at 31/12/2023 M1, M4, M6; +M2 admitted, -M6 transferred out.
  const auto& t1 = t[0];
  CHECK(t1.code == "1-BTCTW");
  CHECK(fig(t1, "A") == "3/3");
  CHECK(fig(t1, "B") == "2/1");
  CHECK(fig(t1, "B.1") == "1/1");
  CHECK(fig(t1, "B.2") == "1/0");
  CHECK(fig(t1, "C") == "1/1");
  CHECK(fig(t1, "C.1") == "1/0");
  CHECK(fig(t1, "C.5") == "0/1");
  CHECK(fig(t1, "D") == "4/3");
  // 2: M3 in 2025 (woman, Thái, Tin lành, 30 at admission); M2 in 2024 (woman, Kinh, 24).
  const auto& t2 = t[1];
  CHECK(fig(t2, "total") == "1/1");
  CHECK(fig(t2, "nu") == "1/1");
  CHECK(fig(t2, "dtts") == "1/0");
  CHECK(fig(t2, "ton_giao") == "1/0");
  CHECK(fig(t2, "age.0") == "1/1");
  // 3: at 31/12/2025 M1 (45), M2 (25, probationary), M3 (30, probationary), M5 (65); at 31/12/2024 M1 (44),
  // M2
  //    (24), M4 (74).
  const auto& t3 = t[2];
  CHECK(fig(t3, "total") == "4/3");
  CHECK(fig(t3, "nu") == "2/1");
  CHECK(fig(t3, "du_bi") == "2/1");
  CHECK(fig(t3, "dtts") == "2/2");
  CHECK(fig(t3, "ton_giao") == "1/0");
  CHECK(fig(t3, "age.0") == "2/1");       // 18-30
  CHECK(fig(t3, "age.3") == "1/1");       // 41-45
  CHECK(fig(t3, "age.7") == "1/1");       // over 60
  CHECK(fig(t3, "age.mean") == "41/47");  // (45+25+30+65)/4 = 41,25; (44+24+74)/3 = 47,3
  CHECK(fig(t3, "period.4") == "4/3");
  // 4: Thái 2 (one woman) / 2 (none: M2 is Kinh); Kinh 2 (M2, M5) / 1; Tin lành 1 woman / 0.
  const auto& t4 = t[3];
  CHECK(fig(t4, "dt.03") == "2/2");
  CHECK(fig(t4, "dt.03.nu") == "1/0");
  CHECK(fig(t4, "dt.01") == "2/1");
  CHECK(fig(t4, "dt.01.nu") == "1/1");
  CHECK(fig(t4, "tg.Tin lành.nu") == "1/0");
  // 5: one village cell both years.
  const auto& t5 = t[4];
  CHECK(fig(t5, "chi_bo") == "1/1");
  CHECK(fig(t5, "chi_bo.ban") == "1/1");
  CHECK(fig(t5, "dang_vien.ban") == "4/3");
  // 6: the 2025 rating; none in 2024.
  const auto& t6 = t[5];
  CHECK(fig(t6, "to_chuc") == "1/0");
  CHECK(fig(t6, "to_chuc.HTTNV") == "1/0");
  CHECK(fig(t6, "dang_vien") == "3/0");
  CHECK(fig(t6, "dang_vien.HTXSNV") == "1/0");
  CHECK(fig(t6, "dang_vien.HTTNV") == "2/0");
  // 7: the badge decided in 2025; transfers.
  const auto& t7 = t[6];
  CHECK(fig(t7, "huy_hieu") == "1/0");
  CHECK(fig(t7, "huy_hieu.30") == "1/0");
  CHECK(fig(t7, "chuyen.chinh_thuc_den") == "1/0");
  CHECK(fig(t7, "chuyen.chinh_thuc_di") == "0/1");
  // The report: a table per template, the percent column (D: 4 against 3 = 133,3%).
  const auto rep = services::statisticsReport(*p.s, kOffice, 2025);
  REQUIRE(rep.table("1-BTCTW"));
  for (const auto& r : rep.table("1-BTCTW")->rows)
    if (r.key == "D") CHECK(r.cells[3].value == 1333);
  // A secretary of another cell counts nothing of this one.
  const auto other = services::statisticsTemplates(*p.s, {"bt", "secretary", p.cell + 100}, 2025);
  CHECK(fig(other[0], "D") == "0/0");
}
