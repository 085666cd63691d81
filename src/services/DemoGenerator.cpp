// The demo commune: organizations, members and their history; generateDemo puts all parts together.
#include "services/DemoBuild.h"

namespace dangbo::services {

namespace demo_build {

// ---------------------------------------------------------------------------------------------
// Organizations

void buildOrganizations(Gen& g) {
  const int V = std::max(1, g.o.villageCells), S = std::max(0, g.o.schoolCells);
  const int pairs = std::min(4, V);
  const Date today = g.today();
  const int64_t oldest = today.addYears(-61).serial();  // before any admission
  auto early = [&](int spanYears) { return oldest - g.r.range(0, spanYears * 365); };
  auto recent = [&](int y, int64_t latest) {
    return std::min(ymd(y, static_cast<int>(g.r.range(1, 12)), static_cast<int>(g.r.range(1, 28))).serial(),
                    latest);
  };
  // Village names: the real ones first, then plausible combinations.
  std::unordered_set<std::string> seen;
  for (auto n : demo::villageNames())
    if (static_cast<int>(g.villages.size()) < V && seen.insert(std::string(n)).second)
      g.villages.emplace_back(n);
  for (auto q : demo::villageQualifiers())
    for (auto p : demo::villagePrefixes())
      for (auto s : demo::villageSuffixes()) {
        if (static_cast<int>(g.villages.size()) >= V) break;
        std::string n = std::string(p) + " " + std::string(s) + (q.empty() ? "" : " " + std::string(q));
        if (seen.insert(n).second) g.villages.push_back(std::move(n));
      }
  for (int i = 0; static_cast<int>(g.villages.size()) < V; ++i)
    g.villages.push_back("Mới " + std::to_string(i + 1));

  const int total = 5 + V + S + 2 * pairs;
  const int width = std::max(2, digits(total));
  auto add = [&](std::string name, std::string_view kind, Cat cat, int64_t founded, std::string place) {
    core::Organization o;
    o.id = static_cast<Id>(g.d.organizations.size()) + 1;
    o.code = "CB" + padNum(o.id, width);
    o.name = std::move(name);
    o.kind = kind;
    o.category = kCatCode[cat];
    o.founded = ser(founded);
    g.d.organizations.push_back(std::move(o));
    OrgAux a;
    a.cat = cat;
    a.founded = founded;
    a.place = std::move(place);
    g.oa.push_back(std::move(a));
  };
  const int64_t lateNew = today.addDays(-400).serial();
  add("Chi bộ các cơ quan Đảng", "co_so", kCoQuanDang, early(8), "");
  add("Chi bộ UBND xã", "co_so", kChinhQuyen, early(5), "");
  add("Chi bộ Quân sự xã", "co_so", kQuanSu, recent(2021, lateNew), "");
  add("Chi bộ Công an xã", "co_so", kCongAn, recent(2021 + static_cast<int>(g.r.range(0, 1)), lateNew), "");
  add("Chi bộ Trạm Y tế xã", "co_so", kYTe, recent(2005 + static_cast<int>(g.r.range(0, 7)), lateNew), "");
  for (int i = 0; i < 5; ++i)
    g.oa[static_cast<size_t>(i)].weight = std::vector<int>{14, 20, 8, 10, 7}[static_cast<size_t>(i)];
  for (size_t i = 2; i < 5; ++i) g.oa[i].fallbacks = {1};
  for (int i = 0; i < V; ++i) {
    add("Chi bộ bản " + g.villages[static_cast<size_t>(i)], "truc_thuoc", kBan, early(10),
        g.villages[static_cast<size_t>(i)]);
    g.oa.back().weight = static_cast<int>(g.r.range(8, 32));
  }
  static const char* kSchoolKinds[] = {"Trường Mầm non ", "Trường Tiểu học ", "Trường THCS "};
  for (int i = 0; i < S; ++i) {
    std::string n = i < static_cast<int>(demo::defaultSchools().size())
                        ? std::string(demo::defaultSchools()[static_cast<size_t>(i)])
                        : kSchoolKinds[i % 3] +
                              g.villages[static_cast<size_t>((i - 8) / 3) % g.villages.size()] +
                              ((i - 8) / 3 >= V ? " " + std::to_string((i - 8) / 3 / V + 1) : "");
    const int64_t f = (i % 4 == 3) ? recent(2021 + i % 2, lateNew)
                                   : recent(1995 + static_cast<int>(g.r.range(0, 17)), lateNew);
    add("Chi bộ " + n, "truc_thuoc", kTruong, f, n);
    g.oa.back().weight = static_cast<int>(g.r.range(10, 20));
    g.oa.back().fallbacks = {1};
  }
  // The last term's merger: two old village cells into each of `pairs` current ones (founded that day).
  for (int k = 0; k < pairs; ++k) {
    const size_t recv = 5 + static_cast<size_t>((k * V) / pairs + 2) % static_cast<size_t>(V);
    int64_t merged =
        ymd(2022 + k % 2, 3 + 2 * (k / 2) + 3 * (k % 2), static_cast<int>(g.r.range(1, 28))).serial();
    if (merged > today.addYears(-1).serial()) merged = today.addYears(-2).serial() + 30 * k;
    g.oa[recv].founded = merged;
    g.d.organizations[recv].founded = ser(merged);
    g.oa[recv].weight = static_cast<int>(g.r.range(28, 40));
    for (int j = 1; j <= 2; ++j) {
      add("Chi bộ bản " + g.oa[recv].place + " " + std::to_string(j), "truc_thuoc", kBan, early(10),
          g.oa[recv].place);
      g.oa.back().ceased = merged;
      g.d.organizations.back().ceased = ser(merged);
      g.d.organizations.back().mergedInto = static_cast<Id>(recv) + 1;
      g.oa[recv].fallbacks.push_back(g.oa.size() - 1);
    }
  }
  // The former communes the cells came from (a commune formed by merging three): villages and schools in
  // three blocks, the commune's own cells from the seat, merged cells from their receiving cell's.
  static const char* kOrigins[] = {"Phiêng Pằn", "Chiềng Lương", "Nà Ớt"};
  for (size_t i = 0; i < g.d.organizations.size(); ++i) {
    auto& o = g.d.organizations[i];
    const int k = static_cast<int>(i);
    if (o.mergedInto)
      o.origin = g.d.organizations[static_cast<size_t>(*o.mergedInto - 1)].origin;
    else if (k < 5)
      o.origin = kOrigins[0];
    else if (k < 5 + V)
      o.origin = kOrigins[(k - 5) * 3 / V];
    else if (k < 5 + V + S)
      o.origin = kOrigins[(k - 5 - V) * 3 / std::max(1, S)];
  }
  for (size_t i = 0; i < g.oa.size(); ++i) {
    auto& o = g.d.organizations[i];
    if (g.oa[i].ceased != kNever) continue;
    g.current.push_back(i);
    const int p = g.oa[i].cat == kBan ? 667 : (g.oa[i].cat == kTruong ? 250 : (i < 2 ? 1000 : 400));
    if (g.r.permille(p)) {
      o.hasCommittee = true;
      o.committeeSince =
          ser(std::max(g.oa[i].founded, ymd(static_cast<int>(g.r.range(2012, 2023)), 6, 24).serial()));
      if (*o.committeeSince > today) o.committeeSince = o.founded;
    }
  }
  int64_t acc = 0, accStaff = 0;
  for (size_t i : g.current) {
    g.cumAll.push_back(acc += g.oa[i].weight);
    if (g.oa[i].cat != kBan) {
      g.staffCells.push_back(i);
      g.cumStaff.push_back(accStaff += g.oa[i].weight);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Members

/// Fills who the person is (DemoNames.cpp) with the next distinct CCCD and file numbers.
void fillPerson(Gen& g, core::Member& m, size_t cell, Date birth) {
  const OrgAux& o = g.oa[cell];
  const auto home = static_cast<size_t>(g.r.range(0, static_cast<int64_t>(g.villages.size()) - 1));
  demo::makePerson(g.r, m, kCatCode[o.cat], o.place, o.cat == kBan ? o.place : g.villages[home], birth,
                   g.today(), g.unique(g.persons, 1000000, 387419, 0),
                   g.unique(g.persons, 1000000, 611953, 1));
  ++g.persons;
}

/// Birth precision of old records; falls back to the full date when the anchor would break the age rules.
void blurBirth(Gen& g, core::Member& m) {
  const Date b = *m.birthDate->date();
  const bool old = b.year() < 1965;
  std::optional<PartialDate> p;
  if (g.r.permille(old ? 80 : 13))
    p = PartialDate::make(b.year());
  else if (g.r.permille(old ? 130 : 28))
    p = PartialDate::make(b.year(), b.month());
  if (!p) return;
  const int a =
      core::completedYears(p->anchor(), m.admittedOn->addDays(-120));  // of age at the cell vote too
  if (a >= 18 && a <= 60 && p->anchor() < *m.admittedOn) m.birthDate = p;
}

void place(Gen& g, MemberAux& a, size_t target, int64_t join, int forced = -1) {
  const OrgAux& o = g.oa[target];
  a.join = join;
  a.cell0 = a.cell1 = target;
  if (join < o.founded && !o.fallbacks.empty()) {
    a.cell0 =
        forced >= 0
            ? static_cast<size_t>(forced)
            : o.fallbacks[static_cast<size_t>(g.r.range(0, static_cast<int64_t>(o.fallbacks.size()) - 1))];
    a.move = o.founded;
  }
}

void setAdmission(Gen& g, core::Member& m, MemberAux& a, int64_t adm) {
  m.admittedOn = ser(adm);
  m.ceremonyOn = ser(weekday(adm + g.r.range(14, 40)));
  a.due = m.ceremonyOn->addMonths(12).serial();
  a.adm = adm;
}

int drawAge(Gen& g, std::initializer_list<std::pair<std::string_view, int>> buckets) {
  const std::string_view b = g.r.weighted(buckets);  // "lo-hi"
  const size_t dash = b.find('-');
  return static_cast<int>(
      g.r.range(std::stoi(std::string(b.substr(0, dash))), std::stoi(std::string(b.substr(dash + 1)))));
}

void buildMembers(Gen& g) {
  const int M = std::max(1, g.o.members), H = std::max(1, g.o.historyYears);
  const Date today = g.today();
  auto scaled = [&](int base) { return static_cast<int>((int64_t{base} * M * H + 2625) / 5250); };
  const int nOut = scaled(40), nDead = scaled(20), nRemoved = scaled(9), nExpelled = std::max(1, scaled(1)),
            nLeft = scaled(2);
  const int N = M + nOut + nDead + nRemoved + nExpelled + nLeft;
  std::vector<std::pair<core::Member, MemberAux>> all;
  all.reserve(static_cast<size_t>(N));
  const int64_t minAdm = today.addYears(-60).serial() + 1;
  auto admAgeBuckets = [&](bool young) {
    return young ? drawAge(g, {{"18-25", 500}, {"26-35", 350}, {"36-45", 120}, {"46-58", 30}})
                 : drawAge(g, {{"18-25", 350}, {"26-35", 400}, {"36-45", 180}, {"46-60", 70}});
  };
  // Admissions during the history: about 30 a year for 1050 members.
  const int base = std::max(1, (30 * M + 525) / 1050);
  for (int y = g.y0 - 1; y <= today.year(); ++y) {  // the year before the history too: the whole last term
    const int64_t lo = ymd(y, 1, 1).serial(), hi = std::min(ymd(y, 12, 31).serial(), g.t - 45);
    if (hi < lo) continue;
    int count = base + static_cast<int>(g.r.range(-base / 15, base / 10));
    if (y == today.year()) count = static_cast<int>(int64_t{count} * (hi - lo + 1) / 365);
    for (int k = 0; k < count; ++k) {
      core::Member m;
      MemberAux a;
      const size_t cell = g.pickCell(g.cumAll, g.current);
      const int64_t adm = weekday(g.r.range(lo, hi - 3));
      int aa = admAgeBuckets(true);
      if (g.oa[cell].cat != kBan) aa = std::max(aa, 22);
      const Date birth = ser(adm).addYears(-aa).addDays(-g.r.range(100, 364));  // of age at the cell vote too
      fillPerson(g, m, cell, birth);
      setAdmission(g, m, a, adm);
      place(g, a, cell, adm);
      all.emplace_back(std::move(m), std::move(a));
    }
  }
  const int A = static_cast<int>(all.size());
  const int T = (5 * N + 50) / 100;
  // Anchors: one long-standing member for every cell, including the merged ones.
  std::vector<std::pair<size_t, int>> anchors;
  for (size_t i : g.current) anchors.emplace_back(i, -1);
  for (size_t i = 0; i < g.oa.size(); ++i)
    if (g.oa[i].ceased != kNever)
      anchors.emplace_back(static_cast<size_t>(*g.d.organizations[i].mergedInto - 1), static_cast<int>(i));
  const int P = std::max(static_cast<int>(anchors.size()), N - A - T);
  const int64_t upperAll = ymd(g.y0 - 1, 1, 1).serial();
  for (int i = 0; i < P; ++i) {
    size_t cell;
    int forced = -1;
    const bool anchor = i < static_cast<int>(anchors.size());
    if (anchor)
      std::tie(cell, forced) = anchors[static_cast<size_t>(i)];
    else if (i < static_cast<int>(anchors.size() + 2 * g.current.size()))
      cell = g.current[static_cast<size_t>(i) % g.current.size()];
    else
      cell = g.pickCell(g.cumAll, g.current);
    const Cat cat = g.oa[cell].cat;
    const int64_t upper =
        forced >= 0 ? std::min(upperAll, g.oa[static_cast<size_t>(forced)].ceased - 400) : upperAll;
    Date birth;
    int64_t adm = 0;
    for (int tries = 0;; ++tries) {  // an age, then an admission date that fits it
      int age = anchor        ? static_cast<int>(g.r.range(32, 55))
                : cat == kBan ? drawAge(g, {{"24-35", 160},
                                            {"36-45", 220},
                                            {"46-55", 220},
                                            {"56-65", 180},
                                            {"66-75", 130},
                                            {"76-90", 90}})
                : (cat == kQuanSu || cat == kCongAn)
                    ? drawAge(g, {{"23-35", 500}, {"36-45", 400}, {"46-55", 100}})
                    : drawAge(g, {{"24-35", 300}, {"36-45", 400}, {"46-58", 300}});
      if (tries > 40) age = 40;
      birth = today.addYears(-age).addDays(-g.r.range(1, 364));
      const int64_t lo = std::max(birth.addYears(18).serial() + 1, minAdm),
                    hi = std::min(birth.addYears(61).serial() - 4, upper - 5);
      if (lo > hi && tries <= 40) continue;
      int aa = admAgeBuckets(false);
      if (cat != kBan) aa = std::max(aa, 20);
      adm = birth.addYears(aa).serial() + g.r.range(0, 300);
      if ((adm < lo || adm > hi) && tries <= 40) continue;
      adm = weekday(adm < lo || adm > hi ? g.r.range(lo, hi) : adm);
      break;
    }
    core::Member m;
    MemberAux a;
    a.anchor = anchor;
    fillPerson(g, m, cell, birth);
    setAdmission(g, m, a, adm);
    place(g, a, cell, adm, forced);
    all.emplace_back(std::move(m), std::move(a));
  }
  // Transfers in, mostly cadres and teachers, mostly recent.
  for (int i = 0; i < T; ++i) {
    const size_t cell = (!g.staffCells.empty() && g.r.permille(450)) ? g.pickCell(g.cumStaff, g.staffCells)
                                                                     : g.pickCell(g.cumAll, g.current);
    const int64_t ago = std::min(g.r.range(0, 24), g.r.range(0, 24)) * 365 + g.r.range(30, 364);
    const int64_t join = weekday(g.t - ago);
    core::Member m;
    MemberAux a;
    Date birth;
    int64_t adm = 0;
    const int maxAge = static_cast<int>(std::max<int64_t>(25, std::min<int64_t>(50, 58 - ago / 365)));
    birth = ser(join).addYears(-static_cast<int>(g.r.range(24, maxAge))).addDays(-g.r.range(1, 364));
    const int64_t lo = std::max(birth.addYears(18).serial() + 120, minAdm),
                  hi = std::min(birth.addYears(61).serial() - 4, join - 430);
    adm = birth.addYears(static_cast<int>(g.r.range(19, 40))).serial() + g.r.range(0, 300);
    adm = weekday(adm < lo || adm > hi ? g.r.range(lo, hi) : adm);
    fillPerson(g, m, cell, birth);
    setAdmission(g, m, a, adm);
    m.officialOn = m.ceremonyOn->addMonths(12);
    m.transferredInOn = ser(join);
    m.transferredInFrom = committeeOf(demo::otherPlaces()[static_cast<size_t>(g.r.range(
                                          0, static_cast<int64_t>(demo::otherPlaces().size()) - 1))],
                                      join);
    a.here = false;
    place(g, a, cell, join);
    all.emplace_back(std::move(m), std::move(a));
  }
  std::vector<size_t> byJoin(all.size());
  for (size_t i = 0; i < all.size(); ++i) byJoin[i] = i;
  std::sort(byJoin.begin(), byJoin.end(), [&](size_t x, size_t y) {
    return all[x].second.join != all[y].second.join ? all[x].second.join < all[y].second.join : x < y;
  });
  const int width = std::max(5, digits(static_cast<int64_t>(all.size())));
  g.d.members.reserve(all.size());
  g.ma.reserve(all.size());
  for (size_t k : byJoin) {
    auto& [m, a] = all[k];
    m.id = static_cast<Id>(g.d.members.size()) + 1;
    m.code = "DV" + padNum(m.id, width);
    blurBirth(g, m);
    g.d.members.push_back(std::move(m));
    g.ma.push_back(std::move(a));
  }

  // Fates: who left the register during the history window, and who is exempt.
  const int64_t n = static_cast<int64_t>(g.d.members.size());
  auto assign = [&](int count, auto&& eligible, auto&& apply) {
    for (int64_t k = 0, tries = 0; k < count && tries < int64_t{count} * 400 + 2000; ++tries) {
      const size_t i = static_cast<size_t>(g.r.range(0, n - 1));
      MemberAux& a = g.ma[i];
      if (a.anchor || a.end != kNever || a.exempt != kNever) continue;
      const int64_t lo = std::max(g.ws, a.join + 180), hi = g.t - 1;
      if (lo > hi || !eligible(g.d.members[i], a, lo)) continue;
      apply(g.d.members[i], a, lo, hi);
      ++k;
    }
  };
  auto terminal = [&](const char* status) {
    return [&g, status](core::Member& m, MemberAux& a, int64_t lo, int64_t hi) {
      a.end = g.r.range(lo, hi);
      m.status = status;
    };
  };
  const int nProbation = std::min(nRemoved, std::max(1, nRemoved / 9));
  assign(
      nProbation,
      [&](const core::Member& m, const MemberAux& a, int64_t) {
        return a.here && *m.admittedOn >= ser(g.ws) && a.due + 60 < g.t;
      },
      [&](core::Member& m, MemberAux& a, int64_t, int64_t hi) {
        a.end = std::min(hi, a.due + g.r.range(20, 50));
        a.failedProbation = true;
        a.ground = "du_bi_khong_dat";
        m.status = "removed";
      });
  static constexpr std::string_view kGrounds[] = {"bo_sinh_hoat", "khong_tien_bo", "khong_du_tu_cach",
                                                  "bo_sinh_hoat"};
  int groundIx = 0;
  assign(
      nRemoved - nProbation,
      [&](const core::Member&, const MemberAux& a, int64_t lo) { return a.due < lo - 365; },
      [&](core::Member& m, MemberAux& a, int64_t lo, int64_t hi) {
        terminal("removed")(m, a, lo, hi);
        a.ground = kGrounds[groundIx++ % 4];
        if (a.ground == "khong_du_tu_cach") a.kYears = {ser(a.end).year() - 1, ser(a.end).year() - 2};
      });
  assign(
      nExpelled,
      [&](const core::Member&, const MemberAux& a, int64_t lo) {
        return a.due < lo - 90 && ser(lo).year() <= g.lastRated;
      },
      [&](core::Member& m, MemberAux& a, int64_t lo, int64_t hi) {
        a.end = g.r.range(lo, std::min(hi, ymd(g.lastRated, 12, 31).serial()));
        m.status = "expelled";
      });
  assign(
      nDead,
      [&](const core::Member& m, const MemberAux&, int64_t) {
        return g.age(m, g.t) >= 58 || g.r.permille(60);
      },
      terminal("deceased"));
  assign(
      nOut, [&](const core::Member& m, const MemberAux&, int64_t) { return g.age(m, g.t) < 60; },
      terminal("transferred_out"));
  assign(
      nLeft, [&](const core::Member&, const MemberAux& a, int64_t lo) { return a.due < lo; },
      terminal("left"));
  assign((40 * M + 525) / 1050,
         [&](const core::Member& m, const MemberAux&, int64_t) { return g.age(m, g.t) >= 68; },
         [&](core::Member& m, MemberAux& a, int64_t, int64_t hi) {
           const int64_t lo = std::max(
               {a.join + 365, m.birthDate->anchor().addYears(66).serial(), g.today().addYears(-12).serial()});
           a.exempt = g.r.range(std::min(lo, hi), hi);
           m.status = "exempt";
           m.statusSince = ser(a.exempt);
         });
}

/// Official dates, card numbers, the current cell and the dated history of every member.
void buildEvents(Gen& g) {
  std::vector<core::MemberEvent> ev;
  g.d.events.reserve(g.d.members.size() * 9 / 4);
  for (size_t i = 0; i < g.d.members.size(); ++i) {
    core::Member& m = g.d.members[i];
    MemberAux& a = g.ma[i];
    if (a.here && !a.failedProbation && a.due <= g.t && a.due < a.end) m.officialOn = ser(a.due);
    if (m.officialOn) m.cardNo = padNum(static_cast<int64_t>(10000000 + g.unique(i, 90000000, 48271, 2)), 8);
    if (a.end != kNever) m.statusSince = ser(a.end);
    if (a.move >= a.end) a.move = kNever, a.cell1 = a.cell0;
    m.cellId = static_cast<Id>(a.cell1) + 1;
    ev.clear();
    auto add = [&](int64_t on, std::string kind) -> core::MemberEvent& {
      core::MemberEvent e;
      e.memberId = m.id;
      e.date = ser(on);
      e.kind = std::move(kind);
      ev.push_back(std::move(e));
      return ev.back();
    };
    if (a.here) {
      auto& e = add(a.join, "admitted");
      e.toCell = static_cast<Id>(a.cell0) + 1;
      e.decisionNo = a.admitNo = decisionNo(g, a.join, "QĐ");
    } else {
      auto& e = add(a.join, "transfer_in");
      e.toCell = static_cast<Id>(a.cell0) + 1;
      e.place = m.transferredInFrom;
      e.decisionNo = decisionNo(g, a.join, "GT");
    }
    if (m.officialOn && a.here)
      add(a.due, "recognized").decisionNo = decisionNo(g, a.due + g.r.range(10, 40), "QĐ");
    if (a.move != kNever) {
      auto& e = add(a.move, "moved");
      e.fromCell = static_cast<Id>(a.cell0) + 1;
      e.toCell = static_cast<Id>(a.cell1) + 1;
      e.reason = g.oa[a.cell0].ceased != kNever ? "Sáp nhập chi bộ bản" : "Thành lập chi bộ mới";
    }
    if (a.exempt != kNever) {
      auto& e = add(a.exempt, "exempted");
      e.reason = "Tuổi cao, sức yếu";
      e.decisionNo = decisionNo(g, a.exempt, "QĐ");
    }
    if (a.end != kNever) {
      auto& e = add(a.end, m.status == "transferred_out" ? "transfer_out" : m.status);
      e.fromCell = m.cellId;
      if (m.status == "transferred_out") {
        e.place = committeeOf(demo::otherPlaces()[static_cast<size_t>(
                                  g.r.range(0, static_cast<int64_t>(demo::otherPlaces().size()) - 1))],
                              a.end);
        e.decisionNo = decisionNo(g, a.end, "GT");
      } else if (m.status == "removed") {
        e.reason = a.ground;
        e.decisionNo = a.endNo = std::to_string(g.r.range(5, 300)) + "-QĐ/ĐU";
      } else if (m.status == "expelled") {
        e.decisionNo = a.endNo = std::to_string(g.r.range(5, 300)) + "-QĐ/ĐU";
      } else if (m.status == "left") {
        e.reason = "Xin ra khỏi Đảng";
      } else if (m.status == "deceased") {
        e.reason = "Từ trần";
      }
    }
    std::stable_sort(ev.begin(), ev.end(), [](const auto& x, const auto& y) { return x.date < y.date; });
    for (auto& e : ev) {
      e.id = static_cast<Id>(g.d.events.size()) + 1;
      g.d.events.push_back(std::move(e));
    }
  }
}

}  // namespace demo_build

DemoData generateDemo(const DemoOptions& opt) {
  using namespace demo_build;
  DemoData data;
  Gen g(opt, data);
  for (auto& x : g.offset) x = g.r.next() % 1000000;
  g.t = opt.today.serial();
  const int H = std::max(1, opt.historyYears);
  g.ws = opt.today.addYears(-H).serial();
  g.y0 = opt.today.year() - H;
  g.lastRated = (opt.today.month() == 12 && opt.today.day() == 31) ? opt.today.year() : opt.today.year() - 1;
  g.firstRated = g.lastRated - H + 1;
  data.committee = {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA",
                    "ĐẢNG ỦY XÃ PHIÊNG PẰN"};
  buildOrganizations(g);
  buildMembers(g);
  buildEvents(g);
  buildDiscipline(g);
  buildRatings(g);
  buildCandidates(g);
  buildCommittee(g);
  buildLeaders(g);
  // The closing block of its documents: signed by the secretary of the current term.
  for (const auto& seat : data.seats)
    if (seat.termId == 2 && seat.position == "bi_thu")
      for (const auto& m : data.members)
        if (m.id == seat.memberId) data.committee.signerName = m.fullName;
  data.committee.recipients =
      "- Ban Thường vụ Tỉnh ủy,\n- Đoàn Chủ tịch Đại hội,\n- Các đồng chí đại biểu dự Đại hội,\n- Các chi bộ "
      "trực "
      "thuộc,\n- Lưu Hồ sơ Đại hội.";
  return data;
}

}  // namespace dangbo::services
