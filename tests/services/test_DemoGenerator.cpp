#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "services/DemoGenerator.h"

using dangbo::core::Date;
using dangbo::core::Id;
using dangbo::services::DemoData;
using dangbo::services::DemoOptions;
using dangbo::services::generateDemo;

namespace {

Date ymd(int y, int m, int d) {
  return *Date::make(y, m, d);
}

const Date kToday = ymd(2026, 11, 29);
const int kYear = kToday.year();

DemoOptions defaults(uint64_t seed = 1) {
  DemoOptions o;
  o.seed = seed;
  o.today = kToday;
  return o;
}

/// The data of the default options, built once.
const DemoData& demo() {
  static const DemoData d = generateDemo(defaults());
  return d;
}

/// FNV-1a over every field of every record.
struct Digest {
  uint64_t h = 1469598103934665603ull;
  void bytes(std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
  }
  void add(std::string_view s) { bytes(s); }
  void add(const std::string& s) { bytes(s); }
  void add(const char* s) { bytes(s); }
  void add(int64_t v) { bytes(std::to_string(v)); }
  void add(int v) { add(static_cast<int64_t>(v)); }
  void add(bool v) { add(static_cast<int64_t>(v)); }
  void add(double v) { add(static_cast<int64_t>(v * 1000)); }
  void add(const Date& d) { bytes(d.iso()); }
  void add(const dangbo::core::PartialDate& d) { bytes(d.storage()); }
  template <class T>
  void add(const std::optional<T>& v) {
    if (v)
      add(*v);
    else
      bytes("<null>");
  }
  template <class... T>
  void all(const T&... v) {
    (add(v), ...);
  }
};

uint64_t digestOf(const DemoData& d) {
  Digest x;
  const auto& c = d.committee;
  x.all(c.name, c.place, c.province, c.superior, c.executive);
  for (const auto& o : d.organizations)
    x.all(o.id, o.code, o.name, o.kind, o.category, o.founded, o.ceased, o.mergedInto, o.hasCommittee,
          o.committeeSince);
  for (const auto& m : d.members)
    x.all(m.id, m.code, m.fullName, m.birthName, m.gender, m.birthDate, m.birthPlace, m.hometown, m.residence,
          m.ethnicity, m.religion, m.cccd, m.phone, m.education, m.qualification, m.theory, m.occupation,
          m.admittedOn, m.ceremonyOn, m.officialOn, m.cardNo, m.fileNo, m.transferredInOn,
          m.transferredInFrom, m.cellId, m.status, m.statusSince, m.candidateId);
  for (const auto& e : d.events)
    x.all(e.id, e.memberId, e.date, e.kind, e.fromCell, e.toCell, e.place, e.decisionNo, e.reason);
  for (const auto& c : d.candidates)
    x.all(c.id, c.code, c.fullName, c.birthDate, c.gender, c.ethnicity, c.religion, c.residence, c.occupation,
          c.education, c.cellId, c.listedOn, c.certificateNo, c.certificateOn, c.applicationOn, c.historyOn,
          c.backgroundCheckOn, c.backgroundCheckResult, c.sponsor1, c.sponsor1Since, c.sponsor2,
          c.sponsor2Since, c.youthUnionResolution, c.massOrgCommentOn, c.cellVoteOn, c.cellVoteOfficial,
          c.cellVoteInFavour, c.committeeResolutionOn, c.committeeResolutionNo, c.decisionOn, c.decisionNo,
          c.decisionBody, c.ceremonyOn, c.status, c.outcomeReason, c.memberId);
  for (const auto& r : d.ratings)
    x.all(r.id, r.year, r.subjectType, r.subjectId, r.cellId, r.selfLevel, r.proposedLevel, r.level, r.score,
          r.exceptionReason);
  for (const auto& i : d.inspections)
    x.all(i.id, i.number, i.date, i.subjectType, i.subjectId, i.kind, i.team, i.findings, i.conclusion,
          i.followUp);
  for (const auto& i : d.disciplines)
    x.all(i.id, i.number, i.date, i.subjectType, i.subjectId, i.form, i.body, i.violation, i.violationOn,
          i.announcedOn);
  for (const auto& r : d.removals)
    x.all(r.id, r.memberId, r.ground, r.proposedOn, r.decisionNo, r.decisionOn);
  for (const auto& t : d.terms) x.all(t.id, t.name, t.fromYear, t.toYear);
  for (const auto& s : d.seats) x.all(s.termId, s.memberId, s.position);
  for (const auto& t : d.targets) x.all(t.key, t.fromYear, t.toYear, t.value);
  for (const auto& t : d.trainings) x.all(t.id, t.memberId, t.year, t.date, t.course);
  for (const auto& l : d.leaders) x.all(l.orgId, l.memberId, l.role, l.from, l.to);
  return x.h;
}

bool orgExists(const dangbo::core::Organization& o, const Date& on) {
  return (!o.founded || *o.founded <= on) && (!o.ceased || *o.ceased > on);
}

/// The date the member joined this committee.
Date joined(const dangbo::core::Member& m) {
  return m.transferredInOn ? *m.transferredInOn : *m.admittedOn;
}

/// Active or exempt on `on`, from the member's fields.
bool inRegister(const dangbo::core::Member& m, const Date& on) {
  if (joined(m) > on) return false;
  return m.status == "active" || m.status == "exempt" || *m.statusSince > on;
}

const std::map<std::string, std::string> kStatusEvent{
    {"exempt", "exempted"},   {"transferred_out", "transfer_out"},
    {"deceased", "deceased"}, {"removed", "removed"},
    {"expelled", "expelled"}, {"left", "left"}};

}  // namespace

TEST_CASE("demo: the same options give the same data, another seed other data") {
  const uint64_t a = digestOf(demo());
  CHECK(a == digestOf(generateDemo(defaults())));
  CHECK(a != digestOf(generateDemo(defaults(2))));
  DemoOptions later = defaults();
  later.today = kToday.addDays(40);
  CHECK(a != digestOf(generateDemo(later)));
}

TEST_CASE("demo: organizations of the commune") {
  const auto& d = demo();
  const Date today = kToday;
  std::map<std::string, int> byCategory;
  int active = 0, grassroots = 0, ceased = 0, villagesWithCommittee = 0;
  std::set<std::string> codes;
  for (size_t i = 0; i < d.organizations.size(); ++i) {
    const auto& o = d.organizations[i];
    CHECK(o.id == static_cast<Id>(i) + 1);
    CHECK(codes.insert(o.code).second);
    CHECK(o.code.rfind("CB", 0) == 0);
    if (orgExists(o, today)) {
      ++active;
      ++byCategory[o.category];
      grassroots += o.kind == "co_so";
      villagesWithCommittee += o.category == "ban" && o.hasCommittee;
      if (o.category == "ban") CHECK(o.name.rfind("Chi bộ bản ", 0) == 0);
      if (o.category == "truong") CHECK(o.name.rfind("Chi bộ Trường ", 0) == 0);
      CHECK(o.kind == (o.category == "ban" || o.category == "truong" ? "truc_thuoc" : "co_so"));
    } else {
      ++ceased;
      REQUIRE(o.ceased);
      REQUIRE(o.mergedInto);
      CHECK(o.ceased->year() >= 2022);
      CHECK(o.ceased->year() <= 2023);
      const auto& into = d.organizations[static_cast<size_t>(*o.mergedInto - 1)];
      CHECK(into.category == "ban");
      CHECK(into.founded == o.ceased);  // the merged cell began that day
    }
  }
  CHECK(active == 58);
  CHECK(grassroots == 5);
  CHECK(ceased == 8);
  CHECK(byCategory["ban"] == 45);
  CHECK(byCategory["truong"] == 8);
  for (const char* c : {"co_quan_dang", "chinh_quyen", "quan_su", "cong_an", "y_te"})
    CHECK(byCategory[c] == 1);
  CHECK(villagesWithCommittee >= 22);
  CHECK(villagesWithCommittee <= 38);
  // Members of the merged cells moved to the receiving cell on the merger day.
  int moved = 0;
  for (const auto& e : d.events)
    if (e.kind == "moved") {
      const auto& from = d.organizations[static_cast<size_t>(*e.fromCell - 1)];
      if (from.ceased) {
        CHECK(*from.ceased == e.date);
        CHECK(*from.mergedInto == *e.toCell);
        ++moved;
      }
    }
  CHECK(moved > 20);
}

TEST_CASE("demo: members, statuses and history") {
  const auto& d = demo();
  const Date today = kToday;
  int inReg = 0, exempt = 0, women = 0, transferredIn = 0, partial = 0;
  std::map<std::string, int> status, ethnic;
  std::map<Id, std::vector<const dangbo::core::MemberEvent*>> ev;
  for (size_t i = 0; i < d.events.size(); ++i) {
    CHECK(d.events[i].id == static_cast<Id>(i) + 1);
    ev[d.events[i].memberId].push_back(&d.events[i]);
  }
  std::set<std::string> cccd, cards;
  for (size_t i = 0; i < d.members.size(); ++i) {
    const auto& m = d.members[i];
    CAPTURE(m.code);
    CHECK(m.id == static_cast<Id>(i) + 1);
    REQUIRE(m.birthDate);
    REQUIRE(m.admittedOn);
    REQUIRE(m.ceremonyOn);
    inReg += inRegister(m, today);
    exempt += m.status == "exempt";
    women += m.gender == "nu";
    transferredIn += m.transferredInOn.has_value();
    partial += m.birthDate->precision() != dangbo::core::PartialDate::Precision::Day;
    ++status[m.status];
    ++ethnic[m.ethnicity];
    if (!m.cccd.empty()) {
      CHECK(m.cccd.size() == 12);
      CHECK(m.cccd.rfind("014", 0) == 0);
      CHECK(cccd.insert(m.cccd).second);
    }
    if (m.officialOn) {
      CHECK(*m.officialOn == m.ceremonyOn->addMonths(12));
      CHECK(m.cardNo.size() == 8);
      CHECK(cards.insert(m.cardNo).second);
    } else {
      // Probationary: admitted within the last year, or left the register before probation ended.
      CHECK((m.ceremonyOn->addMonths(12) > today || (m.status != "active" && m.status != "exempt")));
    }
    CHECK(*m.ceremonyOn > *m.admittedOn);
    CHECK(*m.ceremonyOn <= m.admittedOn->addDays(45));
    const int age = dangbo::core::completedYears(m.birthDate->anchor(), *m.admittedOn);
    CHECK(age >= 18);
    CHECK(age <= 60);
    CHECK(*m.admittedOn > today.addYears(-61));
    // The history: in date order and consistent with the fields.
    const auto& h = ev[m.id];
    REQUIRE(!h.empty());
    for (size_t k = 1; k < h.size(); ++k) CHECK(h[k - 1]->date <= h[k]->date);
    if (m.transferredInOn) {
      CHECK(h.front()->kind == "transfer_in");
      CHECK(h.front()->date == *m.transferredInOn);
      CHECK(m.officialOn < m.transferredInOn);
    } else {
      CHECK(h.front()->kind == "admitted");
      CHECK(h.front()->date == *m.admittedOn);
    }
    Id cell = *h.front()->toCell;
    int recognized = 0;
    for (const auto* e : h) {
      if (e->kind == "recognized") {
        ++recognized;
        CHECK(e->date == *m.officialOn);
      }
      if (e->kind == "moved") {
        CHECK(*e->fromCell == cell);
        cell = *e->toCell;
      }
    }
    CHECK(cell == m.cellId);
    CHECK(recognized == (m.officialOn && !m.transferredInOn ? 1 : 0));
    if (m.status == "active") {
      CHECK(!m.statusSince);
      CHECK(h.back()->kind != "exempted");
    } else {
      REQUIRE(m.statusSince);
      const auto it = std::find_if(h.rbegin(), h.rend(),
                                   [&](const auto* e) { return e->kind == kStatusEvent.at(m.status); });
      REQUIRE(it != h.rend());
      CHECK((*it)->date == *m.statusSince);
      if (m.status != "exempt") CHECK(h.back()->kind == kStatusEvent.at(m.status));
      CHECK(*m.statusSince <= today);
    }
  }
  CHECK(inReg >= 1019);
  CHECK(inReg <= 1081);
  CHECK(exempt >= 30);
  CHECK(exempt <= 50);
  CHECK(status["transferred_out"] >= 35);
  CHECK(status["deceased"] >= 15);
  CHECK(status["removed"] == 9);
  CHECK(status["expelled"] == 1);
  CHECK(women * 100 / static_cast<int>(d.members.size()) >= 24);
  CHECK(women * 100 / static_cast<int>(d.members.size()) <= 36);
  CHECK(ethnic["03"] * 100 / static_cast<int>(d.members.size()) >= 52);
  CHECK(ethnic["08"] * 100 / static_cast<int>(d.members.size()) >= 14);
  CHECK(ethnic["01"] > 0);
  CHECK(ethnic["34"] > 0);
  CHECK(ethnic["29"] > 0);
  CHECK(transferredIn > 20);
  CHECK(partial > 20);
}

TEST_CASE("demo: admissions of the history years") {
  const auto& d = demo();
  std::map<int, int> byYear;
  for (const auto& m : d.members)
    if (!m.transferredInOn) ++byYear[m.admittedOn->year()];
  for (int y = kYear - 5; y < kYear; ++y) {
    CAPTURE(y);
    CHECK(byYear[y] >= 25);
    CHECK(byYear[y] <= 35);
  }
  CHECK(byYear[kYear] >= 15);  // the year is not over
  // Party age up to 60 years, spread over the decades.
  CHECK(byYear[1970] + byYear[1975] + byYear[1980] + byYear[1985] + byYear[1990] > 0);
}

TEST_CASE("demo: candidates") {
  const auto& d = demo();
  const Date today = kToday;
  std::map<std::string, int> status;
  int young = 0, old = 0, awaitingCeremony = 0;
  for (const auto& c : d.candidates) {
    CAPTURE(c.code);
    ++status[c.status];
    REQUIRE(c.listedOn);
    const int age = dangbo::core::completedYears(c.birthDate->anchor(), c.cellVoteOn ? *c.cellVoteOn : today);
    young += age < 18;
    old += age > 60;
    for (auto s : {c.sponsor1, c.sponsor2})
      if (s) {
        const auto& m = d.members[static_cast<size_t>(*s - 1)];
        CHECK(m.officialOn);
        CHECK(*m.officialOn <= *c.massOrgCommentOn);
      }
    if (c.cellVoteOn) {
      CHECK(c.backgroundCheckOn < c.cellVoteOn);
      if (c.status != "rejected") CHECK(*c.cellVoteInFavour * 3 >= *c.cellVoteOfficial * 2);
    }
    if (c.status == "admitted") {
      REQUIRE(c.memberId);
      const auto& m = d.members[static_cast<size_t>(*c.memberId - 1)];
      CHECK(m.candidateId == c.id);
      CHECK(c.decisionOn == m.admittedOn);
      CHECK(c.ceremonyOn == m.ceremonyOn);
    }
    if (c.status == "in_progress" && c.decisionOn && !c.ceremonyOn) ++awaitingCeremony;
    if (c.status == "withdrawn" || c.status == "rejected") CHECK(!c.outcomeReason.empty());
  }
  CHECK(young == 1);
  CHECK(old == 1);
  CHECK(status["in_progress"] >= 30);
  CHECK(status["withdrawn"] >= 1);
  CHECK(status["rejected"] >= 1);
  CHECK(status["admitted"] >= 140);
  CHECK(awaitingCeremony >= 3);
}

TEST_CASE("demo: ratings follow the quota and the discipline rule") {
  const auto& d = demo();
  std::map<std::pair<int, Id>, std::array<int, 4>> perCell;
  std::map<std::pair<int, Id>, std::string> memberLevel;
  std::map<int, std::array<int, 4>> orgs;
  auto ix = [](const std::string& l) { return l == "HTXSNV" ? 0 : l == "HTTNV" ? 1 : l == "HTNV" ? 2 : 3; };
  std::set<int> years;
  for (const auto& r : d.ratings) {
    years.insert(r.year);
    if (r.subjectType == "dang_vien") {
      ++perCell[{r.year, *r.cellId}][static_cast<size_t>(ix(r.level))];
      memberLevel[{r.year, r.subjectId}] = r.level;
      const auto& m = d.members[static_cast<size_t>(r.subjectId - 1)];
      const Date end = ymd(r.year, 12, 31);
      CHECK(inRegister(m, end));
      CHECK(!(m.status == "exempt" && *m.statusSince <= end));
      CHECK(*m.admittedOn <= ymd(r.year, 6, 30));
    } else {
      ++orgs[r.year][static_cast<size_t>(ix(r.level))];
      CHECK(orgExists(d.organizations[static_cast<size_t>(r.subjectId - 1)], ymd(r.year, 12, 31)));
    }
  }
  CHECK(years == std::set<int>{kYear - 5, kYear - 4, kYear - 3, kYear - 2, kYear - 1});
  std::array<int, 4> total{};
  for (const auto& [key, c] : perCell) {
    CAPTURE(key.first);
    CHECK(c[0] * 5 <= c[1]);
    for (size_t k = 0; k < 4; ++k) total[k] += c[k];
  }
  const int rated = total[0] + total[1] + total[2] + total[3];
  CHECK(rated > 4000);
  CHECK(total[0] * 100 / rated >= 9);
  CHECK((total[0] + total[1]) * 100 / rated >= 85);
  CHECK(total[3] > 0);
  for (const auto& [y, c] : orgs) {
    CAPTURE(y);
    CHECK(c[0] * 5 <= c[1]);
    int existing = 0;
    for (const auto& o : d.organizations) existing += orgExists(o, ymd(y, 12, 31));
    CHECK(c[0] + c[1] + c[2] + c[3] == existing);  // every cell existing on 31/12 is rated, the old ones too
  }
  CHECK(orgs[kYear - 1][0] + orgs[kYear - 1][1] + orgs[kYear - 1][2] + orgs[kYear - 1][3] == 58);
  if (kYear - 5 <= 2021)
    CHECK(orgs[2021][0] + orgs[2021][1] + orgs[2021][2] + orgs[2021][3] > 58);  // before the mergers
  // Discipline: 6 reprimands, 2 warnings, 1 expulsion on members, 1 on a cell; rated "not complete".
  std::map<std::string, int> forms;
  for (const auto& x : d.disciplines) {
    forms[x.subjectType + ":" + x.form]++;
    if (x.subjectType == "dang_vien" && x.form != "khai_tru") {
      CAPTURE(x.subjectId);
      CHECK(memberLevel[{x.date.year(), x.subjectId}] == "KHTNV");
    }
    if (x.form == "khai_tru") {
      const auto& m = d.members[static_cast<size_t>(x.subjectId - 1)];
      CHECK(m.status == "expelled");
      CHECK(*m.statusSince == x.date);
    }
  }
  CHECK(forms["dang_vien:khien_trach"] == 6);
  CHECK(forms["dang_vien:canh_cao"] == 2);
  CHECK(forms["dang_vien:khai_tru"] == 1);
  CHECK(forms["to_chuc:khien_trach"] == 1);
  CHECK(d.removals.size() == 9);
  for (const auto& r : d.removals) {
    const auto& m = d.members[static_cast<size_t>(r.memberId - 1)];
    CHECK(m.status == "removed");
    CHECK(*m.statusSince == r.decisionOn);
  }
}

TEST_CASE("demo: inspections every year") {
  const auto& d = demo();
  std::map<int, std::set<Id>> cells, members;
  std::set<std::string> numbers;
  for (const auto& i : d.inspections) {
    CHECK(numbers.insert(i.number + "/" + std::to_string(i.date.year())).second);
    (i.subjectType == "to_chuc" ? cells : members)[i.date.year()].insert(i.subjectId);
    CHECK(i.date <= kToday);
  }
  for (int y = kYear - 4; y < kYear; ++y) {
    CHECK(cells[y].size() >= 10);
    CHECK(cells[y].size() <= 16);
    CHECK(members[y].size() >= 5);
  }
}

TEST_CASE("demo: the committee of 2025-2030") {
  const auto& d = demo();
  const Date asOf = ymd(2025, 12, 31);
  int seats = 0, standing = 0, secretaries = 0, womenMinority = 0, young = 0, university = 0, postgrad = 0,
      theory = 0, advanced = 0;
  for (const auto& s : d.seats) {
    if (s.termId != 2) continue;
    ++seats;
    standing += s.position != "uv_bch";
    secretaries += s.position == "bi_thu";
    const auto& m = d.members[static_cast<size_t>(s.memberId - 1)];
    CHECK(m.status == "active");
    CHECK(m.officialOn);
    womenMinority += m.gender == "nu" && m.ethnicity != "01";
    young += dangbo::core::completedYears(m.birthDate->anchor(), asOf) <= 42;
    university +=
        m.qualification == "dai_hoc" || m.qualification == "thac_si" || m.qualification == "tien_si";
    postgrad += m.qualification == "thac_si" || m.qualification == "tien_si";
    theory += m.theory == "trung_cap" || m.theory == "cao_cap" || m.theory == "cu_nhan";
    advanced += m.theory == "cao_cap" || m.theory == "cu_nhan";
  }
  CHECK(seats == 25);
  CHECK(standing == 8);
  CHECK(secretaries == 1);
  CHECK(womenMinority == 3);  // 12%
  CHECK(young == 8);          // 32%
  CHECK(university == 24);    // 96%
  CHECK(postgrad == 5);       // 20%
  CHECK(theory == 25);        // 100%
  CHECK(advanced == 7);       // 28%
  int old = 0;
  for (const auto& s : d.seats) old += s.termId == 1;
  CHECK(old > 0);
  CHECK(d.terms.size() == 2);
  bool target = false;
  for (const auto& t : d.targets)
    target |= t.key == "ket_nap_nhiem_ky" && t.fromYear == 2020 && t.value == 140;
  CHECK(target);
}

TEST_CASE("demo: every cell has a secretary, most trained this year") {
  const auto& d = demo();
  const Date today = kToday;
  std::map<Id, Id> secretary;
  for (const auto& l : d.leaders) {
    const auto& m = d.members[static_cast<size_t>(l.memberId - 1)];
    CHECK(l.from <= today);
    CHECK(m.officialOn <= l.from);
    if (l.to) CHECK(l.from <= *l.to);
    if (l.role == "bi_thu" && !l.to) {
      CHECK(secretary.count(l.orgId) == 0);
      secretary[l.orgId] = l.memberId;
      CHECK(m.cellId == l.orgId);
      CHECK(m.status == "active");
    }
  }
  int active = 0, trained = 0;
  std::set<Id> trainedThisYear;
  for (const auto& t : d.trainings)
    if (t.year == kYear) trainedThisYear.insert(t.memberId);
  for (const auto& o : d.organizations)
    if (orgExists(o, today)) {
      ++active;
      CHECK(secretary.count(o.id) == 1);
      trained += trainedThisYear.count(secretary[o.id]) > 0;
    }
  CHECK(trained * 100 / active >= 75);
}

TEST_CASE("demo: referential integrity") {
  const auto& d = demo();
  const auto org = [&](Id id) { return id >= 1 && id <= static_cast<Id>(d.organizations.size()); };
  const auto mem = [&](Id id) { return id >= 1 && id <= static_cast<Id>(d.members.size()); };
  for (const auto& o : d.organizations)
    if (o.mergedInto) CHECK(org(*o.mergedInto));
  for (const auto& m : d.members) {
    CHECK(org(m.cellId));
    if (m.candidateId) CHECK(*m.candidateId <= static_cast<Id>(d.candidates.size()));
  }
  for (const auto& e : d.events) {
    CHECK(mem(e.memberId));
    if (e.fromCell) CHECK(org(*e.fromCell));
    if (e.toCell) CHECK(org(*e.toCell));
  }
  for (const auto& c : d.candidates) {
    CHECK(org(c.cellId));
    for (auto s : {c.sponsor1, c.sponsor2, c.memberId})
      if (s) CHECK(mem(*s));
  }
  for (const auto& r : d.ratings)
    CHECK((r.subjectType == "to_chuc" ? org(r.subjectId) : mem(r.subjectId) && org(*r.cellId)));
  for (const auto& i : d.inspections)
    CHECK((i.subjectType == "to_chuc" ? org(i.subjectId) : mem(i.subjectId)));
  for (const auto& x : d.disciplines)
    CHECK((x.subjectType == "to_chuc" ? org(x.subjectId) : mem(x.subjectId)));
  for (const auto& r : d.removals) CHECK(mem(r.memberId));
  for (const auto& s : d.seats) CHECK((mem(s.memberId) && (s.termId == 1 || s.termId == 2)));
  for (const auto& t : d.trainings) CHECK(mem(t.memberId));
  for (const auto& l : d.leaders) CHECK((org(l.orgId) && mem(l.memberId)));
}

TEST_CASE("demo: province scale") {
  DemoOptions o = defaults();
  o.villageCells = 2500;
  o.schoolCells = 495;
  o.members = 100000;
  o.historyYears = 10;
  const DemoData d = generateDemo(o);
  int cells = 0, inReg = 0;
  for (const auto& x : d.organizations) cells += orgExists(x, o.today);
  for (const auto& m : d.members) inReg += inRegister(m, o.today);
  CHECK(cells == 3000);
  CHECK(inReg >= 97000);
  CHECK(inReg <= 103000);
  std::set<int> years;
  for (const auto& r : d.ratings) years.insert(r.year);
  CHECK(years.size() == 10);
  CHECK(d.candidates.size() > 3000);
}
