// Reports by former commune (spec/merger.md "After the merge"): on a register merged from three sources (one
// cell of each merged into a new cell without origin), every report of `report NAME` made for each origin
// adds up to the same report of the whole register: each Count of a summing table, each row of a list, each
// whole number of the congress figures. A report of one origin counts only its cells and the members in them
// on the day; an unknown origin is refused naming it; the register itself is only read.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "reports/CongressReport.h"
#include "reports/ReportCatalog.h"
#include "services/MemberList.h"
#include "services/Merge.h"
#include "services/OriginReports.h"
#include "services/Services.h"

using namespace dangbo;
using test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();
core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}
const char* kNames[] = {"Phiêng Pằn", "Chiềng Lương", "Nà Ớt"};

// Three small registers merged on 1/12/2026, the first police cell of each becoming the new cell CBCA.
services::Services& merged() {
  static TempDir dir;
  static std::unique_ptr<services::Services> s = [] {
    services::MergeRequest r;
    r.on = d(2026, 12, 1);
    r.decision = "1234/QĐ-TU";
    for (int i = 0; i < 3; ++i) {
      const auto path = dir / ("nguon" + std::to_string(i) + ".db");
      test::createSmallRegister(path, unsigned(11 + i), 60, 3);
      r.sources.push_back(services::readRegisterSource(kNames[i], path.string()));
      const std::string police = test::sqlValue(
          path, "SELECT code FROM organizations WHERE category = 'cong_an' ORDER BY code LIMIT 1");
      REQUIRE_FALSE(police.empty());
      r.cells.push_back({i + 2, kNames[i], police, "CBCA", "Chi bộ Công an xã Phiêng Pằn", "", ""});
    }
    r.pairsGiven = true;
    for (const auto& p : services::proposeMergePairs(r.sources))
      r.pairs.push_back({int(r.pairs.size()) + 2, p.origin1, p.code1, p.origin2, p.code2, "khác người"});
    auto out =
        services::Services::create(dir / "moi.db", {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "", ""});
    const auto plan = services::applyMerge(*out, kOffice, r);
    for (const auto& p : plan.problems) INFO(p);
    REQUIRE(plan.written);
    return out;
  }();
  return *s;
}

// The whole numbers of a congress JSON by path (one value a line, as the writer indents it). An item of an
// array is named by its text values ("Chiềng Lương/ban"), so that the same item of two lists meets.
std::map<std::string, int64_t> congressNumbers(const services::CongressFigures& f) {
  std::ostringstream o;
  reports::writeCongressJson(o, f);
  struct Frame {
    std::string key;
    bool array = false, item = false;
    std::string name;                        // an item: its text values
    std::map<std::string, int64_t> numbers;  // relative path -> value
    int items = 0;
  };
  std::vector<Frame> stack(1);
  std::istringstream in(o.str());
  std::string line;
  while (std::getline(in, line)) {
    const size_t b = line.find_first_not_of(' ');
    if (b == std::string::npos) continue;
    std::string t = line.substr(b);
    if (!t.empty() && t.back() == ',') t.pop_back();
    if (t == "}" || t == "]") {
      if (stack.size() < 2) continue;
      Frame done = std::move(stack.back());
      stack.pop_back();
      const std::string prefix = (done.item ? (done.name.empty() ? done.key : done.name) : done.key) + ".";
      for (const auto& [k, v] : done.numbers) stack.back().numbers[prefix + k] += v;
      continue;
    }
    std::string key, value = t;
    if (t[0] == '"' && t.find("\": ") != std::string::npos) {
      key = t.substr(1, t.find("\": ") - 1);
      value = t.substr(t.find("\": ") + 3);
    }
    const bool inArray = stack.back().array;
    if (inArray) key = std::to_string(++stack.back().items);
    if (value == "{" || value == "[") {
      Frame fr;
      fr.key = key;
      fr.array = value == "[";
      fr.item = inArray;
      stack.push_back(std::move(fr));
      continue;
    }
    if (!value.empty() && value.front() == '"') {
      stack.back().name += (stack.back().name.empty() ? "" : "/") + value;
      continue;
    }
    if (!value.empty() && value.find_first_not_of("-0123456789") == std::string::npos)
      stack.back().numbers[key] += std::stoll(value);
  }
  return stack.front().numbers;
}

}  // namespace

TEST_CASE("reports by origin: every report's figures of the origins add up to the whole merged register") {
  auto& s = merged();
  const auto origins = services::reportOrigins(s, kOffice);
  REQUIRE(origins == std::vector<std::string>{"Chiềng Lương", "Nà Ớt", "Phiêng Pằn", ""});
  const core::Date from = d(2025, 1, 1), to = d(2026, 12, 5);
  for (const auto& name : reports::reportNames()) {
    CAPTURE(name);
    reports::ReportRequest q{name, from, to, to};
    q.byOrigin = true;
    const auto r = reports::makeReport(s, kOffice, q);
    if (r.congress) {
      REQUIRE(r.congressByOrigin.size() == origins.size());
      const auto whole = congressNumbers(*r.congress);
      std::map<std::string, int64_t> sum;
      for (const auto& [origin, f] : r.congressByOrigin)
        for (const auto& [path, n] : congressNumbers(f)) sum[path] += n;
      for (const auto& [path, n] : whole) {
        CAPTURE(path);
        CHECK(sum[path] == n);
      }
      continue;
    }
    REQUIRE(r.model);
    const auto& m = *r.model;
    for (const auto* t : m.tables()) {
      if (t->key.find('@') != std::string::npos) continue;
      CAPTURE(t->key);
      // Each row of each origin: its Count cells, and how many origins have it.
      std::map<std::pair<std::string, size_t>, int64_t> sum;
      std::map<std::string, int> seen;
      for (const auto& origin : origins) {
        const auto* part = m.table(t->key + "@" + origin);
        if (!part) continue;  // a table printed only when it has rows (no such row in that origin)
        for (const auto& row : part->rows) {
          ++seen[row.key];
          for (size_t c = 0; c < row.cells.size(); ++c)
            if (row.cells[c].kind == services::FigureKind::Count && row.cells[c].value)
              sum[{row.key, c}] += *row.cells[c].value;
        }
      }
      std::set<std::string> wholeRows;
      for (const auto& row : t->rows) {
        CAPTURE(row.key);
        wholeRows.insert(row.key);
        CHECK(seen[row.key] > 0);
        // A row of a list (a member, a cell) is in one origin; its number there is its place in that list.
        if (seen[row.key] < 2 && !t->sums) continue;
        // A mean does not add up.
        if (row.key.ends_with(".mean")) continue;
        // The new cell of the merger has no origin: its members count in their former communes, not under it.
        if (name == "organizations" && t->key == "cells" && row.key == "CBCA") continue;
        for (size_t c = 0; c < row.cells.size(); ++c)
          if (row.cells[c].kind == services::FigureKind::Count && row.cells[c].value) {
            CAPTURE(c);
            CHECK(sum[{row.key, c}] == *row.cells[c].value);
          }
      }
      for (const auto& [key, n] : seen) {
        CAPTURE(key);
        CHECK(wholeRows.count(key) == 1);
      }
    }
  }
}

TEST_CASE(
    "reports by origin: a report of one former commune, an unknown one refused, the register unchanged") {
  auto& s = merged();
  const core::Date day = d(2026, 12, 5);
  services::MemberFilter everyone;
  everyone.asOf = day;
  const auto before = services::listMembers(s, kOffice, everyone).size();
  // The members of Nà Ớt: those of its cells on the day, and those its police cell brought into the new cell.
  services::MemberFilter naOt;
  naOt.asOf = day;
  naOt.origin = "Nà Ớt";
  const auto inCells = services::listMembers(s, kOffice, naOt).size();
  REQUIRE(inCells > 0);
  reports::ReportRequest q{"members", day, day, day};
  q.origin = "na ot";  // matched as the member list's filter
  const auto one = reports::makeReport(s, kOffice, q);
  REQUIRE(one.model);
  CHECK(one.origin == "Nà Ớt");
  CHECK(one.model->title.find("Nà Ớt") != std::string::npos);
  const auto* total = one.model->table("gender");
  REQUIRE(total != nullptr);
  int64_t members = 0;
  for (const auto& row : total->rows)
    if (row.role == services::RowRole::Body) members += row.cells[1].value.value_or(0);
  const auto police = std::stoll(test::sqlValue(
      s.path(),
      "SELECT count(*) FROM member_events e JOIN organizations o ON o.id = e.from_cell WHERE e.kind = "
      "'moved' AND e.date = '2026-12-01' AND o.origin = 'Nà Ớt'"));
  CHECK(police > 0);
  CHECK(members == int64_t(inCells) + police);
  // The same figures as the Nà Ớt part of --by-origin.
  reports::ReportRequest all{"members", day, day, day};
  all.byOrigin = true;
  const auto parts = reports::makeReport(s, kOffice, all);
  const auto* part = parts.model->table("gender@Nà Ớt");
  REQUIRE(part != nullptr);
  REQUIRE(part->rows.size() == total->rows.size());
  for (size_t i = 0; i < part->rows.size(); ++i)
    CHECK(part->rows[i].cells[1].value == total->rows[i].cells[1].value);
  // Every format prints it, naming the former commune under the title.
  std::ostringstream html;
  reports::writeReport(html, one, "html");
  CHECK(html.str().find("Nà Ớt") != std::string::npos);
  // An unknown former commune is refused, naming it.
  q.origin = "Xã Lạ";
  try {
    reports::makeReport(s, kOffice, q);
    FAIL("an unknown origin was accepted");
  } catch (const core::DataError& e) {
    CHECK(std::string(e.what()).find("Xã Lạ") != std::string::npos);
  }
  // A register whose cells come from no former commune has nothing to break down.
  TempDir other;
  auto plain =
      services::Services::create(other / "mot.db", {"Đảng bộ xã Mường Bú", "Mường Bú", "Sơn La", "", ""});
  CHECK_THROWS_AS(reports::makeReport(*plain, kOffice, all), core::DataError);
  // The register itself was only read.
  CHECK(services::listMembers(s, kOffice, everyone).size() == before);
}
