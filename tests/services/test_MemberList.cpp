#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sstream>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/VietText.h"
#include "reports/MemberOutput.h"
#include "services/MemberList.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/RegisterRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

namespace {

core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}
const Actor kOffice = Actor::localOffice();
const Actor kLeader{"lanhdao", "leadership", std::nullopt};

// A register with two cells, CB01 (id 1) and CB02 (id 2), and members added by add().
struct Register {
  TempDir dir;
  std::unique_ptr<services::Services> s;
  std::unique_ptr<store::RegisterRepository> reg;
  int next = 1;
  Register() {
    s = services::Services::create(dir / "r.db", {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La",
                                                  "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
    reg = std::make_unique<store::RegisterRepository>(services::storeOf(*s));
    core::Organization a{1, "CB01", "Chi bộ bản Nà Ớt", "truc_thuoc", "ban", {}, {}, {}, false, {}, {}};
    core::Organization b{2, "CB02", "Chi bộ bản Co Muông", "truc_thuoc", "ban", {}, {}, {}, false, {}, {}};
    reg->insertOrganization(a);
    reg->insertOrganization(b);
  }
  // A complete, active, official member of cell 1 admitted on 10/01/2015; `edit` adjusts it.
  template <class F>
  core::Id add(const std::string& name, F edit) {
    core::Member m;
    char code[16];
    std::snprintf(code, sizeof code, "DV%04d", next);
    m.code = code;
    m.fullName = name;
    m.gender = "nam";
    m.birthDate = core::PartialDate::ofDate(d(1980, 1, 1).addDays(next));
    m.ethnicity = "03";
    m.admittedOn = d(2015, 1, 10);
    m.officialOn = d(2016, 1, 10);
    m.cardNo = std::to_string(10000000 + next);
    m.cellId = 1;
    ++next;
    edit(m);
    return reg->insertMember(m);
  }
  core::Id add(const std::string& name) {
    return add(name, [](core::Member&) {});
  }
  std::vector<services::MemberRow> list(const services::MemberFilter& f, const Actor& a = kOffice) {
    return services::listMembers(*s, a, f);
  }
  std::vector<std::string> names(const services::MemberFilter& f, const Actor& a = kOffice) {
    std::vector<std::string> out;
    for (const auto& r : list(f, a)) out.push_back(r.name);
    return out;
  }
};

services::MemberFilter on(core::Date day) {
  services::MemberFilter f;
  f.asOf = day;
  return f;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("members: a change dated on the day has taken effect on it") {
  Register r;
  r.add("Lò Văn Chuyển", [&](core::Member& m) {
    m.status = "transferred_out";
    m.statusSince = d(2024, 6, 1);
  });
  r.add("Lò Văn Mới", [&](core::Member& m) {
    m.admittedOn = d(2024, 6, 1);
    m.officialOn.reset();
  });
  r.add("Cà Văn Đến", [&](core::Member& m) {
    m.admittedOn = d(2010, 5, 5);
    m.transferredInOn = d(2024, 6, 1);
    m.transferredInFrom = "Đảng bộ xã Mường Bú";
  });
  r.add("Quàng Thị Miễn", [&](core::Member& m) {
    m.status = "exempt";
    m.statusSince = d(2023, 1, 1);
  });
  r.add("Lò Văn Mất", [&](core::Member& m) {
    m.status = "deceased";
    m.statusSince = d(2024, 6, 1);
  });
  r.add("Lò Văn Chưa", [&](core::Member& m) {
    m.admittedOn.reset();
    m.officialOn.reset();
  });

  auto before = r.names(on(d(2024, 5, 31)));
  auto day = r.names(on(d(2024, 6, 1)));
  CHECK(has(before, "Lò Văn Chuyển"));
  CHECK_FALSE(has(day, "Lò Văn Chuyển"));
  CHECK(has(before, "Lò Văn Mất"));
  CHECK_FALSE(has(day, "Lò Văn Mất"));
  CHECK_FALSE(has(before, "Lò Văn Mới"));
  CHECK(has(day, "Lò Văn Mới"));
  // A member who came by transfer counts from the transfer, not from the admission.
  CHECK_FALSE(has(before, "Cà Văn Đến"));
  CHECK(has(day, "Cà Văn Đến"));
  // Without an admission or transfer-in date a member is on no day's list.
  CHECK_FALSE(has(day, "Lò Văn Chưa"));
  CHECK(day.size() == 3);

  // Exempt from the status date on; active before it.
  auto statusOf = [&](core::Date when) {
    for (const auto& row : r.list(on(when)))
      if (row.name == "Quàng Thị Miễn") return row.status;
    return std::string("absent");
  };
  CHECK(statusOf(d(2022, 12, 31)) == "active");
  CHECK(statusOf(d(2023, 1, 1)) == "exempt");
  CHECK(statusOf(d(2025, 1, 1)) == "exempt");

  // Official from the date official on; probationary before it.
  auto standingOf = [&](core::Date when) {
    for (const auto& row : r.list(on(when)))
      if (row.name == "Lò Văn Chuyển") return row.standing;
    return std::string("absent");
  };
  CHECK(standingOf(d(2016, 1, 9)) == "probationary");
  CHECK(standingOf(d(2016, 1, 10)) == "official");

  // Filters on the day's status and standing.
  auto f = on(d(2024, 6, 1));
  f.status = "exempt";
  CHECK(r.names(f) == std::vector<std::string>{"Quàng Thị Miễn"});
  f = on(d(2024, 6, 1));
  f.standing = "probationary";
  CHECK(r.names(f) == std::vector<std::string>{"Lò Văn Mới"});
  f.standing = "neither";
  CHECK_THROWS_AS(r.list(f), core::DataError);
}

TEST_CASE("members: the cell on a past day follows the moved events") {
  Register r;
  core::Id id = r.add("Lường Văn Chuyển Chi", [](core::Member& m) { m.cellId = 2; });
  r.reg->insertEvent(
      {0, id, d(2015, 1, 10), "admitted", std::nullopt, core::Id(1), "", "", "", std::nullopt});
  r.reg->insertEvent({0, id, d(2023, 5, 1), "moved", core::Id(1), core::Id(2), "", "", "", std::nullopt});
  // Only a moved event: before it, the cell it came from.
  core::Id id2 = r.add("Lường Văn Hai", [](core::Member& m) { m.cellId = 2; });
  r.reg->insertEvent({0, id2, d(2023, 5, 1), "moved", core::Id(1), core::Id(2), "", "", "", std::nullopt});
  r.add("Lường Văn Ở Yên");  // cell 1 throughout, no events

  auto cellOf = [&](core::Date when, const std::string& name) {
    for (const auto& row : r.list(on(when)))
      if (row.name == name) return row.cellCode;
    return std::string("absent");
  };
  CHECK(cellOf(d(2023, 4, 30), "Lường Văn Chuyển Chi") == "CB01");
  CHECK(cellOf(d(2023, 5, 1), "Lường Văn Chuyển Chi") == "CB02");
  CHECK(cellOf(d(2023, 4, 30), "Lường Văn Hai") == "CB01");
  CHECK(cellOf(d(2024, 1, 1), "Lường Văn Hai") == "CB02");
  CHECK(cellOf(d(2024, 1, 1), "Lường Văn Ở Yên") == "CB01");

  auto f = on(d(2023, 4, 30));
  f.cellCode = "CB01";
  CHECK(r.names(f).size() == 3);
  f.asOf = d(2023, 5, 1);
  CHECK(r.names(f) == std::vector<std::string>{"Lường Văn Ở Yên"});
  f.cellCode = "CB02";
  CHECK(r.names(f).size() == 2);
  CHECK(r.list(f).front().cellName == "Chi bộ bản Co Muông");
  f.cellCode = "CB99";
  CHECK_THROWS_AS(r.list(f), core::DataError);
}

TEST_CASE("members: search ignores case and diacritics in any part of the name") {
  Register r;
  r.add("Lò Văn Pằn");
  r.add("Quàng Thị Đào");
  r.add("HÀ VĂN ĐÀO");
  r.add("Vì Văn Dạo");
  r.add("Cầm Thị Hoa");
  auto search = [&](const std::string& text) {
    auto f = on(d(2025, 1, 1));
    f.search = text;
    return r.names(f);
  };
  CHECK(search("pan") == std::vector<std::string>{"Lò Văn Pằn"});
  CHECK(search("  PẰN ") == std::vector<std::string>{"Lò Văn Pằn"});
  // "dao" finds Đào and ĐÀO; tones are folded away too, so it also finds Dạo.
  auto dao = search("dao");
  CHECK(dao.size() == 3);
  CHECK(has(dao, "Quàng Thị Đào"));
  CHECK(has(dao, "HÀ VĂN ĐÀO"));
  CHECK(has(dao, "Vì Văn Dạo"));
  CHECK(search("van pa") == std::vector<std::string>{"Lò Văn Pằn"});
  CHECK(search("thi").size() == 2);
  CHECK(search("").size() == 5);
  // LIKE wildcards are taken literally.
  CHECK(search("%").empty());
  CHECK(search("_").empty());
}

TEST_CASE("members: the Vietnamese order of names, then the code") {
  Register r;
  // Inserted in a scrambled order.
  for (const char* n :
       {"Lò Thị Đào", "Vì Văn Dạo", "Lò Văn Bình", "Lò Văn Dạo", "Quàng Văn Ân", "Lường Thị Anh",
        "Hà Văn Dao", "Cà Thị Ánh", "Lò Văn Dao", "Cầm Văn Bình", "Lò Văn An"})
    r.add(n);
  core::Id twin = r.add("Lò Văn Bình");  // same name again: a later code
  (void)twin;
  std::vector<std::string> expected = {
      "Lò Văn An",      // given name An: a prefix of Anh
      "Cà Thị Ánh",     // Anh/Ánh tie on letters: the full name from its first word decides (Cà < Lường)
      "Lường Thị Anh",  //
      "Quàng Văn Ân",   // â after a
      "Cầm Văn Bình",   // Bình: Cầm < Lò
      "Lò Văn Bình",    // DV0003
      "Lò Văn Bình",    // DV0012
      "Hà Văn Dao",     // d: Hà < Lò < Vì
      "Lò Văn Dao",     // same letters as Lò Văn Dạo: ngang before nặng
      "Lò Văn Dạo",     //
      "Vì Văn Dạo",     //
      "Lò Thị Đào",     // đ after d
  };
  auto rows = r.list(on(d(2025, 1, 1)));
  std::vector<std::string> got;
  for (const auto& row : rows) got.push_back(row.name);
  CHECK(got == expected);
  REQUIRE(rows.size() == 12);
  CHECK(rows[5].code == "DV0003");
  CHECK(rows[6].code == "DV0012");
}

TEST_CASE("members: the kept snapshot follows changes through this or another connection") {
  Register r;
  r.add("Lò Văn Một");
  CHECK(r.names(on(d(2025, 1, 1))).size() == 1);
  r.add("Lò Văn Hai");  // same connection
  CHECK(r.names(on(d(2025, 1, 1))).size() == 2);
  {
    auto other = services::Services::open(r.dir / "r.db");
    store::RegisterRepository(services::storeOf(*other)).insertMember([] {
      core::Member m;
      m.code = "DV9999";
      m.fullName = "Lò Văn Ba";
      m.gender = "nam";
      m.admittedOn = d(2015, 1, 10);
      m.cellId = 2;
      return m;
    }());
    // The other connection sees the three members; the first one notices the commit.
    CHECK(services::listMembers(*other, kOffice, on(d(2025, 1, 1))).size() == 3);
  }
  CHECK(r.names(on(d(2025, 1, 1))).size() == 3);
  services::dropMemberListCache();
  CHECK(r.names(on(d(2025, 1, 1))).size() == 3);
}

TEST_CASE("members: a secretary sees only their cell, other readers see all") {
  Register r;
  r.add("Lò Văn Một");
  r.add("Lò Văn Hai", [](core::Member& m) { m.cellId = 2; });
  const Actor secretary{"bithu", "secretary", core::Id(2)};
  auto f = on(d(2025, 1, 1));
  CHECK(r.names(f, secretary) == std::vector<std::string>{"Lò Văn Hai"});
  CHECK(r.names(f, kLeader).size() == 2);
  CHECK(r.names(f, Actor{"ubkt", "inspection", std::nullopt}).size() == 2);
  f.cellCode = "CB01";
  CHECK(r.names(f, secretary).empty());
  CHECK_THROWS_AS(r.list(on(d(2025, 1, 1)), Actor{"x", "secretary", std::nullopt}), core::PermissionError);
  CHECK_THROWS_AS(r.list(on(d(2025, 1, 1)), Actor{"x", "guest", std::nullopt}), core::PermissionError);
  CHECK_THROWS_AS(services::checkRegister(*r.s, Actor{"x", "guest", std::nullopt}, d(2025, 1, 1)),
                  core::PermissionError);
}

TEST_CASE("members: filters by gender, ethnicity, age group and theory") {
  Register r;
  r.add("Lò Thị Nữ", [](core::Member& m) {
    m.gender = "nu";
    m.birthDate = core::PartialDate::make(1995);  // aged from 1 July 1995
    m.theory = "trung_cap";
  });
  r.add("Lò Văn Kinh", [](core::Member& m) {
    m.ethnicity = "01";
    m.birthDate = core::PartialDate::ofDate(d(1950, 3, 3));
  });
  auto f = on(d(2025, 6, 30));
  f.gender = "nu";
  CHECK(r.names(f) == std::vector<std::string>{"Lò Thị Nữ"});
  f = on(d(2025, 6, 30));
  f.ageGroup = "18-30";  // born "1995": aged from 01/07/1995, so 29 on 30/06/2025
  CHECK(r.names(f) == std::vector<std::string>{"Lò Thị Nữ"});
  f.asOf = d(2025, 7, 1);  // 30: still 18-30
  CHECK(r.names(f) == std::vector<std::string>{"Lò Thị Nữ"});
  f.asOf = d(2026, 7, 1);  // 31
  CHECK(r.names(f).empty());
  f.ageGroup = "31-40";
  CHECK(r.names(f) == std::vector<std::string>{"Lò Thị Nữ"});
  f.ageGroup = "19-29";
  CHECK_THROWS_AS(r.list(f), core::DataError);
  f.ageGroup = "71+";
  CHECK(r.names(f) == std::vector<std::string>{"Lò Văn Kinh"});
  f = on(d(2025, 6, 30));
  f.ethnicity = "01";
  CHECK(r.names(f) == std::vector<std::string>{"Lò Văn Kinh"});
  f = on(d(2025, 6, 30));
  f.theory = "trung_cap";
  CHECK(r.names(f) == std::vector<std::string>{"Lò Thị Nữ"});
  auto rows = r.list(on(d(2025, 6, 30)));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].ethnicityName == "Kinh");
  CHECK(rows[0].age == 75);
  CHECK(rows[1].age == 29);
  CHECK(services::ageGroupOf(29) == "18-30");
  CHECK(services::ageGroupOf(31) == "31-40");
  CHECK(services::ageGroupOf(71) == "71+");
}

TEST_CASE("members: csv and json output") {
  Register r;
  r.add("Lò Văn \"Tí\", Pằn", [](core::Member& m) {
    m.status = "exempt";
    m.statusSince = d(2020, 1, 1);
  });
  auto rows = r.list(on(d(2025, 1, 1)));
  std::ostringstream json;
  reports::writeMembersJson(json, rows);
  CHECK(json.str().find("\"code\": \"DV0001\"") != std::string::npos);
  CHECK(json.str().find("\"cell\": \"CB01\"") != std::string::npos);
  CHECK(json.str().find("\"status\": \"exempt\"") != std::string::npos);
  CHECK(json.str().find("\"name\": \"Lò Văn \\\"Tí\\\", Pằn\"") != std::string::npos);
  std::ostringstream csv;
  reports::writeMembersCsv(csv, rows);
  CHECK(csv.str().rfind("code,name,cell,", 0) == 0);
  CHECK(csv.str().find("DV0001,\"Lò Văn \"\"Tí\"\", Pằn\",CB01,") != std::string::npos);
}

TEST_CASE("check: a planted duplicate CCCD and a missing birth date, nothing on a clean set") {
  Register r;
  r.add("Lò Văn An", [](core::Member& m) { m.cccd = "014080001234"; });
  r.add("Lò Văn Bình", [](core::Member& m) { m.cccd = "014080005678"; });
  r.add("Lò Văn Bình",
        [](core::Member& m) { m.birthDate = core::PartialDate::make(1980); });  // same name, year only
  r.add("Cà Thị Cúc", [](core::Member& m) {
    m.status = "deceased";
    m.statusSince = d(2020, 1, 1);
    m.birthDate.reset();
  });
  CHECK(services::checkRegister(*r.s, kOffice, d(2025, 1, 1)).empty());

  r.add("Lò Văn Án", [](core::Member& m) { m.cccd = "014080001234"; });   // DV0005
  r.add("Quàng Thị Dung", [](core::Member& m) { m.birthDate.reset(); });  // DV0006
  auto findings = services::checkRegister(*r.s, kOffice, d(2025, 1, 1));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "missing_field");
  CHECK(findings[0].subject == "DV0006");
  CHECK_FALSE(findings[0].year.has_value());
  CHECK(findings[0].message.find("Quàng Thị Dung") != std::string::npos);
  CHECK(findings[1].rule == "duplicate");
  CHECK(findings[1].subject == "DV0005");
  CHECK(findings[1].message.find("DV0001") != std::string::npos);
  CHECK(findings[1].message.find("014080001234") != std::string::npos);

  // A secretary of the other cell sees none of them.
  CHECK(services::checkRegister(*r.s, Actor{"bithu", "secretary", core::Id(2)}, d(2025, 1, 1)).empty());

  std::ostringstream json;
  reports::writeFindingsJson(json, findings);
  CHECK(json.str().find("\"rule\": \"duplicate\"") != std::string::npos);
  CHECK(json.str().find("\"subject\": \"DV0005\"") != std::string::npos);
  CHECK(json.str().find("\"year\": null") != std::string::npos);
  std::ostringstream text;
  reports::writeFindingsText(text, findings);
  CHECK(text.str().find("DV0006: ") == 0);
}

TEST_CASE("check: same card number, same name and full birth date") {
  Register r;
  r.add("Lò Văn An", [](core::Member& m) { m.cardNo = "12345678"; });
  r.add("Lò Văn Bình", [](core::Member& m) { m.cardNo = " 12345678 "; });
  r.add("Lò Văn Cường", [](core::Member& m) { m.birthDate = core::PartialDate::ofDate(d(1970, 2, 2)); });
  r.add("LÒ VĂN CƯỜNG", [](core::Member& m) { m.birthDate = core::PartialDate::ofDate(d(1970, 2, 2)); });
  auto findings = services::checkRegister(*r.s, kOffice, d(2025, 1, 1));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].subject == "DV0002");
  CHECK(findings[1].subject == "DV0004");
  CHECK(findings[1].message.find("02/02/1970") != std::string::npos);
}

TEST_CASE("members: the list agrees with the register figures of the demo commune") {
  TempDir dir;
  services::DemoOptions opt;
  opt.today = d(2025, 6, 30);
  auto summary = services::Services::createDemo(dir / "demo.db", opt);
  auto s = services::Services::open(dir / "demo.db");
  for (core::Date day : {d(2025, 6, 30), d(2022, 12, 31)}) {
    auto sum = s->summary(day);
    auto f = on(day);
    auto rows = services::listMembers(*s, kOffice, f);
    CHECK(int(rows.size()) == sum.members);
    CHECK(std::count_if(rows.begin(), rows.end(), [](const auto& x) { return x.status == "exempt"; }) ==
          sum.exempt);
    CHECK(std::count_if(rows.begin(), rows.end(), [](const auto& x) { return x.standing == "official"; }) ==
          sum.official);
    CHECK(std::is_sorted(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      int c = core::compareNames(a.name, b.name);
      return c != 0 ? c < 0 : a.code < b.code;
    }));
  }
  CHECK(summary.members == 1050);
  // The demo data is clean.
  CHECK(services::checkRegister(*s, kOffice, d(2025, 6, 30)).empty());
}

// A timing probe, run only when DANGBO_BENCH_DB names a large register (e.g. the 100.000-member demo):
//   DANGBO_BENCH_DB=/tmp/big.db ./build/tests/dangbo_tests -tc='members: search timing*'
TEST_CASE("members: search timing on a large register") {
  const char* path = std::getenv("DANGBO_BENCH_DB");
  if (!path) return;
  auto s = services::Services::open(path);
  auto time = [&](const services::MemberFilter& f) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    auto rows = services::listMembers(*s, kOffice, f);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    double cpu = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
    MESSAGE("search \"" << f.search << "\" cell \"" << f.cellCode << "\": " << rows.size() << " rows in "
                        << ms << " ms (cpu " << cpu << " ms)");
    return ms;
  };
  auto f = on(d(2025, 6, 30));
  time(f);  // the whole list: reads the snapshot the searches then filter in memory
  f.search = "pan";
  time(f);  // first search after the load (the allocator tidies up after it)
  for (const char* text : {"pan", "dao", "lo van", "quang thi", "xyz"}) {
    f.search = text;
    CHECK(time(f) < 50.0);
  }
  for (const char* text : {"an", ""}) {  // most of the register: the cost is building the rows
    f.search = text;
    time(f);
  }
}

TEST_CASE("members: a search without a kept snapshot reads only the matches and agrees with the snapshot") {
  Register r;
  r.add("Lò Văn Pằn");
  r.add("Quàng Thị Pán", [](core::Member& m) { m.cellId = 2; });
  r.add("Cà Văn Đào", [](core::Member& m) {
    m.status = "exempt";
    m.statusSince = d(2023, 1, 1);
  });
  r.add("Lò Thị Pằn", [](core::Member& m) {  // left before the day
    m.status = "transferred_out";
    m.statusSince = d(2024, 6, 1);
  });
  r.add("Lò Văn Mới Pằn", [](core::Member& m) { m.admittedOn = d(2024, 6, 1); });  // admitted on the day
  // A member who moved from CB01 to CB02 on 1/3/2024: the cell on each day comes from the history.
  core::Id moved = r.add("Tòng Văn Pan", [](core::Member& m) { m.cellId = 2; });
  core::MemberEvent e;
  e.memberId = moved;
  e.date = d(2024, 3, 1);
  e.kind = "moved";
  e.fromCell = 1;
  e.toCell = 2;
  r.reg->insertEvent(e);
  // Many more, so that both ways of reading the history (per member, and one pass) are taken.
  for (int i = 0; i < 40; ++i) r.add("Lường Văn Pằn " + std::to_string(i));

  auto key = [](const std::vector<services::MemberRow>& rows) {
    std::vector<std::string> out;
    for (const auto& x : rows)
      out.push_back(x.code + "|" + x.name + "|" + x.cellCode + "|" + x.status + "|" + x.standing + "|" +
                    (x.age ? std::to_string(*x.age) : "") + "|" + x.ethnicityName);
    return out;
  };
  for (core::Date day : {d(2024, 2, 1), d(2024, 6, 1), d(2025, 1, 1)}) {
    for (const char* text : {"pan", "PẰN", "dao", "van pan 3", "lo", "zzz", "t"}) {
      CAPTURE(text);
      auto f = on(day);
      f.search = text;
      services::dropMemberListCache();
      auto fresh = r.list(f);        // no snapshot kept: the matching rows only
      auto whole = r.list(on(day));  // reads and keeps the snapshot
      auto kept = r.list(f);         // filtered from the snapshot
      CHECK(key(fresh) == key(kept));
      CHECK(whole.size() >= kept.size());
    }
  }
  auto f = on(d(2024, 2, 1));
  f.search = "tong";
  services::dropMemberListCache();
  auto rows = r.list(f);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cellCode == "CB01");
  f.asOf = d(2024, 3, 1);
  services::dropMemberListCache();
  rows = r.list(f);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cellCode == "CB02");
  f.cellCode = "CB01";
  services::dropMemberListCache();
  CHECK(r.list(f).empty());
  f.cellCode = "CB99";
  services::dropMemberListCache();
  CHECK_THROWS_AS(r.list(f), core::DataError);
}
