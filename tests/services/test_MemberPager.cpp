// The window's paged member list (services::MemberPager) holds the same members, in the same order and
// with the same rows, as listMembers for every filter, while reading the register a step at a time.
#include <doctest/doctest.h>

#include <algorithm>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/VietText.h"
#include "services/MemberList.h"
#include "services/MemberPager.h"
#include "services/Services.h"
#include "store/MemberQuery.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();
const core::Date kToday = *core::Date::make(2026, 11, 29);

services::Services& demo() {
  static TempDir dir;
  static std::unique_ptr<services::Services> s = [] {
    services::DemoOptions opt;
    opt.seed = 3;
    opt.today = kToday;
    opt.members = 2600;  // more than one step of the walk (2000 members)
    services::Services::createDemo(dir / "demo.db", opt);
    return services::Services::open(dir / "demo.db");
  }();
  return *s;
}

std::string line(const services::MemberRow& x) {
  return x.code + "|" + x.name + "|" + x.cellCode + "|" + x.cellName + "|" + x.status + "|" + x.standing +
         "|" + (x.age ? std::to_string(*x.age) : "") + "|" + x.ethnicityName + "|" + x.theory + "|" +
         x.cardNo + "|" + (x.admittedOn ? x.admittedOn->iso() : "") + "|" +
         (x.exemptSince ? x.exemptSince->iso() : "");
}

std::vector<std::string> listed(const services::MemberFilter& f, const services::Actor& a = kOffice) {
  std::vector<std::string> out;
  for (const auto& r : services::listMembers(demo(), a, f)) out.push_back(line(r));
  return out;
}

std::vector<std::string> paged(const services::MemberFilter& f, const services::Actor& a = kOffice,
                               std::set<std::string> cells = {}) {
  services::MemberPager p(demo(), a, f, std::move(cells));
  while (p.advance(std::chrono::milliseconds(1))) {
  }
  CHECK(p.complete());
  std::vector<std::string> out;
  // Read from the end back to the start, so pages are read again out of order.
  for (size_t i = p.size(); i-- > 0;) out.push_back(line(*p.row(i)));
  std::reverse(out.begin(), out.end());
  CHECK(p.row(p.size()) == nullptr);
  return out;
}

}  // namespace

TEST_CASE("member pager: the same members and rows as listMembers, for every filter and day") {
  for (core::Date day : {kToday, *core::Date::make(2022, 3, 15)}) {
    for (const char* search : {"", "a", "ng", "van", "lo van", "thi", "zzz", "ĐÀO"}) {
      services::MemberFilter f;
      f.asOf = day;
      f.search = search;
      CAPTURE(search);
      CHECK(paged(f) == listed(f));
      auto g = f;
      g.gender = "nu";
      g.status = "active";
      CHECK(paged(g) == listed(g));
      g = f;
      g.standing = "probationary";
      g.ageGroup = "18-30";
      CHECK(paged(g) == listed(g));
      g = f;
      g.ethnicity = "03";
      g.theory = "so_cap";  // elementary political theory
      CHECK(paged(g) == listed(g));
      g = f;
      g.cellCode = "CB01";
      CHECK(paged(g) == listed(g));
    }
  }
  services::MemberFilter f;
  f.asOf = kToday;
  CHECK(listed(f).size() > 2000);
  f.cellCode = "XX99";
  CHECK_THROWS_AS(services::MemberPager(demo(), kOffice, f), core::DataError);
  f.cellCode.clear();
  f.gender = "khac";
  CHECK_THROWS_AS(services::MemberPager(demo(), kOffice, f), core::DataError);
}

TEST_CASE("member pager: the first step holds the first page, a group of cells, a secretary's scope") {
  services::MemberFilter f;
  f.asOf = kToday;
  services::MemberPager p(demo(), kOffice, f);
  CHECK_FALSE(p.complete());  // the rest is found by advance
  REQUIRE(p.size() >= 200);
  const auto whole = listed(f);
  for (size_t i = 0; i < 200; ++i) CHECK(line(*p.row(i)) == whole[i]);
  CHECK(p.find(p.row(150)->id) == std::optional<size_t>(150));

  // A group of cells: only members of those cells on the day.
  std::set<std::string> group = {"CB01", "CB02"};
  std::vector<std::string> expected;
  for (const auto& r : services::listMembers(demo(), kOffice, f))
    if (group.count(r.cellCode)) expected.push_back(line(r));
  CHECK(!expected.empty());
  CHECK(paged(f, kOffice, group) == expected);

  // A secretary sees only the cell of their account.
  const services::Actor secretary{"bithu", "secretary", core::Id(1)};
  CHECK(paged(f, secretary) == listed(f, secretary));
  f.search = "van";
  CHECK(paged(f, secretary) == listed(f, secretary));
}

TEST_CASE("member pager: the counts by cell and by ethnic group agree with the list") {
  for (core::Date day : {kToday, *core::Date::make(2022, 3, 15)}) {
    services::MemberFilter f;
    f.asOf = day;
    std::map<std::string, int64_t> byCell, byEthnicity;
    for (const auto& r : services::listMembers(demo(), kOffice, f)) {
      ++byCell[r.cellCode];
      ++byEthnicity[r.ethnicity];
    }
    const auto counts = services::presentMemberCounts(demo(), kOffice, day);
    CHECK(counts.byCell == byCell);
    CHECK(counts.byEthnicity == byEthnicity);
    // A secretary: their cell only.
    const services::Actor secretary{"bithu", "secretary", core::Id(1)};
    std::map<std::string, int64_t> mine, mineByEthnicity;
    for (const auto& r : services::listMembers(demo(), secretary, f)) {
      ++mine[r.cellCode];
      ++mineByEthnicity[r.ethnicity];
    }
    const auto scoped = services::presentMemberCounts(demo(), secretary, day);
    CHECK(scoped.byCell == mine);
    CHECK(scoped.byEthnicity == mineByEthnicity);
  }
}

TEST_CASE("member names by id: the names of the list, a secretary's only in their cell") {
  services::MemberFilter f;
  f.asOf = kToday;
  const auto rows = services::listMembers(demo(), kOffice, f);
  REQUIRE(rows.size() > 10);
  std::vector<core::Id> ids = {rows[3].id, rows[7].id, 999999999};
  const auto names = services::memberNames(demo(), kOffice, ids, kToday);
  CHECK(names.size() == 2);
  CHECK(names.at(rows[3].id) == rows[3].name);
  CHECK(names.at(rows[7].id) == rows[7].name);
  const services::Actor secretary{"bithu", "secretary", core::Id(1)};
  const auto mine = services::listMembers(demo(), secretary, f);
  REQUIRE(!mine.empty());
  std::vector<core::Id> all;
  for (const auto& r : rows) all.push_back(r.id);
  const auto scoped = services::memberNames(demo(), secretary, all, kToday);
  CHECK(scoped.size() == mine.size());
  for (const auto& r : mine) CHECK(scoped.at(r.id) == r.name);
}

namespace {

// The rows of a pager sorted by `sort`, read whole.
std::vector<services::MemberRow> sortedRows(const services::MemberFilter& f, services::MemberSort sort,
                                            const services::Actor& a = kOffice) {
  services::MemberPager p(demo(), a, f, {}, sort);
  while (p.advance(std::chrono::milliseconds(1))) {
  }
  std::vector<services::MemberRow> out;
  for (size_t i = 0; i < p.size(); ++i) out.push_back(*p.row(i));
  return out;
}

// listMembers' rows put in the order of `sort` in memory (what the database must give).
std::vector<std::string> expectedOrder(const services::MemberFilter& f, services::MemberSort sort) {
  auto rows = services::listMembers(demo(), kOffice, f);
  services::sortMemberRows(rows, sort);
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(line(r));
  return out;
}

std::vector<std::string> lines(const std::vector<services::MemberRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(line(r));
  return out;
}

}  // namespace

TEST_CASE(
    "member pager sorted by a column: the database's order is the Vietnamese one, both ways, filtered") {
  using C = services::MemberSortColumn;
  for (C column : {C::Name, C::Code, C::Cell, C::Gender, C::BirthDate, C::Ethnicity, C::Admitted, C::Official,
                   C::Status}) {
    for (bool descending : {false, true}) {
      CAPTURE(int(column));
      CAPTURE(descending);
      services::MemberFilter f;
      f.asOf = kToday;
      const services::MemberSort sort{column, descending};
      const auto rows = sortedRows(f, sort);
      CHECK(rows.size() > 2000);  // more than one step
      CHECK(lines(rows) == expectedOrder(f, sort));
      // With a search and filters, and on another day.
      f.search = "van";
      f.gender = "nam";
      CHECK(lines(sortedRows(f, sort)) == expectedOrder(f, sort));
      f.search.clear();
      f.gender.clear();
      f.asOf = *core::Date::make(2022, 3, 15);
      f.cellCode = "CB01";
      CHECK(lines(sortedRows(f, sort)) == expectedOrder(f, sort));
    }
  }
  services::MemberFilter f;
  f.asOf = kToday;
  // Reversed is the same list read backwards (ties included).
  auto up = lines(sortedRows(f, {C::Cell, false}));
  auto down = lines(sortedRows(f, {C::Cell, true}));
  std::reverse(down.begin(), down.end());
  CHECK(up == down);
  // The cells in the Vietnamese order, not the bytes' ("Đ" after "D", "Ă" after "A", tones ignored first).
  const auto byCell = sortedRows(f, {C::Cell, false});
  for (size_t i = 1; i < byCell.size(); ++i)
    CHECK(core::compareText(byCell[i - 1].cellName, byCell[i].cellName) <= 0);
  const auto byEthnicity = sortedRows(f, {C::Ethnicity, false});
  for (size_t i = 1; i < byEthnicity.size(); ++i)
    CHECK(core::compareText(byEthnicity[i - 1].ethnicityName, byEthnicity[i].ethnicityName) <= 0);
  const auto byAdmission = sortedRows(f, {C::Admitted, true});
  for (size_t i = 1; i < byAdmission.size(); ++i)
    CHECK(byAdmission[i - 1].admittedOn.value_or(core::Date()) >=
          byAdmission[i].admittedOn.value_or(core::Date()));
  const auto byStatus = sortedRows(f, {C::Status, false});
  CHECK(byStatus.front().standing == "official");
  CHECK(byStatus.back().status == "exempt");
  const auto byName = sortedRows(f, {C::Name, true});
  for (size_t i = 1; i < byName.size(); ++i)
    CHECK(core::compareNames(byName[i - 1].name, byName[i].name) >= 0);
  // A secretary still sees only their cell, in the order chosen.
  const services::Actor secretary{"bithu", "secretary", core::Id(1)};
  const auto mine = sortedRows(f, {C::BirthDate, true}, secretary);
  CHECK(mine.size() == listed(f, secretary).size());
  for (const auto& r : mine) CHECK(r.cellCode == mine.front().cellCode);
}
