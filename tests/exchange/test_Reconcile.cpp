// Reconciliation with an export of CSDL đảng viên 3.0 (issue 19): a planted export with known differences;
// the reconciliation finds exactly them.
#include <doctest/doctest.h>

#include <set>

#include "../TestUtil.h"
#include "../services/AdmissionTestData.h"
#include "core/Errors.h"
#include "exchange/Reconcile.h"
#include "services/Register.h"

using namespace dangbo;
using test::admission::d;

TEST_CASE("reconcile: a planted export, exactly the planted differences") {
  test::admission::OneCell fx;
  const auto office = services::Actor::localOffice();
  auto set = [&](const char* code, const char* cccd, const char* card) {
    core::Member m = services::memberFile(*fx.s, office, code).member;
    m.cccd = cccd;
    m.cardNo = card;
    services::updateMember(*fx.s, office, m, "");
  };
  fx.member("M1", d(2010, 1, 10), d(2010, 1, 20), d(2011, 1, 10), *core::PartialDate::make(1980, 1, 2));
  fx.member("M2", d(2012, 1, 10), d(2012, 1, 20), d(2013, 1, 10), *core::PartialDate::make(1982, 3, 4));
  fx.member("M3", d(2014, 1, 10), d(2014, 1, 20), d(2015, 1, 10), *core::PartialDate::make(1984, 5, 6));
  set("M1", "014080000001", "11111111");
  set("M2", "014082000002", "22222222");
  set("M3", "", "33333333");
  // The export: M1 as in the register (dates written dd/mm/yyyy); M2 with another birth date and another
  // spelling of the name; M3 missing; a row for a person the register does not hold.
  test::writeFile(fx.dir / "csdl.csv",
                  "STT,Họ và tên,Ngày sinh,Số CCCD,Số thẻ đảng viên,Ngày vào Đảng\n"
                  "1,Lò Văn M1,02/01/1980,014080000001,11111111,10/01/2010\n"
                  "2,Lò Văn Em Hai,04/03/1983,014082000002,22222222,2012-01-10\n"
                  "3,Quàng Thị Lạ,1990,014090000099,99999999,01/01/2020\n");
  test::writeFile(
      fx.dir / "map.csv",
      "truong,cot\ncccd,Số CCCD\ncard_no,số thẻ đảng viên\nfull_name,Họ và tên\nbirth_date,Ngày sinh\n"
      "admitted_on,Ngày vào Đảng\n");
  const auto diffs = exchange::reconcile(*fx.s, office, fx.dir / "csdl.csv", fx.dir / "map.csv");
  std::set<std::string> got;
  for (const auto& x : diffs) got.insert(x.code + "|" + x.field + "|" + x.inRegister + "|" + x.inExport);
  const std::set<std::string> expected = {
      "M2|full_name|Lò Văn M2|Lò Văn Em Hai",
      "M2|birth_date|1982-03-04|04/03/1983",
      "|member||014090000099",
      "M3|member|M3|",
  };
  CHECK(got == expected);
  // A map naming an unknown field, or no key; a header missing from the export: refused, naming it.
  test::writeFile(fx.dir / "bad.csv", "cccd,Số CCCD\nparty_age,Tuổi đảng\n");
  CHECK_THROWS_AS(exchange::reconcile(*fx.s, office, fx.dir / "csdl.csv", fx.dir / "bad.csv"),
                  core::DataError);
  test::writeFile(fx.dir / "nokey.csv", "full_name,Họ và tên\n");
  CHECK_THROWS_AS(exchange::reconcile(*fx.s, office, fx.dir / "csdl.csv", fx.dir / "nokey.csv"),
                  core::DataError);
  test::writeFile(fx.dir / "missing.csv", "cccd,CCCD gắn chip\n");
  CHECK_THROWS_AS(exchange::reconcile(*fx.s, office, fx.dir / "csdl.csv", fx.dir / "missing.csv"),
                  core::DataError);
}
