#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "exchange/HolidayFile.h"

using namespace dangbo;
using Kind = core::WorkCalendar::Kind;

namespace {
std::string refusal(const std::string& text) {
  try {
    exchange::parseHolidayCsv(text, "thongbao.csv");
  } catch (const core::DataError& e) {
    return e.what();
  }
  return {};
}
}  // namespace

TEST_CASE("a year's announcement: BOM, CRLF, quotes, both date forms, codes and Vietnamese kinds") {
  auto entries = exchange::parseHolidayCsv(
      "\xEF\xBB\xBF"
      "date,kind,name\r\n"
      "2027-05-03,compensatory_off,\"Nghỉ \"\"hoán đổi\"\", 30/4\"\r\n"
      "\r\n"
      "24/04/2027,Ngày làm bù,\r\n"
      "1/1/2027,\"Ngày nghỉ lễ, Tết\",Tết Dương lịch\r\n",
      "thongbao.csv");
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].date == *core::Date::make(2027, 5, 3));
  CHECK(entries[0].kind == Kind::CompensatoryOff);
  CHECK(entries[0].name == "Nghỉ \"hoán đổi\", 30/4");
  CHECK(entries[1].kind == Kind::WorkingSwap);
  CHECK(entries[1].name.empty());
}

TEST_CASE("a bad announcement is refused naming the file, row and column") {
  CHECK(refusal("date,kind,name\n2027-02-30,holiday,x\n").find("thongbao.csv, dòng 2, cột date") == 0);
  CHECK(refusal("date,kind,name\n2027-02-03,day_off,x\n").find("cột kind") != std::string::npos);
  CHECK(refusal("date,kind,name\n2027-02-03,holiday,\"x\n").find("ngoặc kép") != std::string::npos);
  CHECK(refusal("ngay,loai,ghi chu\n").find("ghi chu") != std::string::npos);
  CHECK_FALSE(refusal("").empty());
  CHECK(refusal("date,kind,name\n2027-02-03,holiday,x,y\n").find("dòng 2") != std::string::npos);
  CHECK(refusal("date,kind,name\n").empty());
}
