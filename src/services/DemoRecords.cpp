// The demo commune: inspections, discipline, ratings, candidates, the committee and cell leaders.
#include "services/DemoBuild.h"

namespace dangbo::services::demo_build {

// ---------------------------------------------------------------------------------------------
// Discipline, inspections, removals

void buildDiscipline(Gen& g) {
  const int M = std::max(1, g.o.members), H = std::max(1, g.o.historyYears);
  auto scaled = [&](int base) { return static_cast<int>((int64_t{base} * M * H + 2625) / 5250); };
  const int64_t n = static_cast<int64_t>(g.d.members.size());
  struct Pending {
    core::Inspection ins;
    size_t gen;
  };
  std::vector<Pending> ins;
  auto addInspection = [&](int64_t on, const char* type, Id subject, std::string kind, bool member,
                           bool bad) {
    core::Inspection x;
    x.date = ser(on);
    x.subjectType = type;
    x.subjectId = subject;
    x.kind = std::move(kind);
    x.team = g.r.permille(500)
                 ? "Ủy ban Kiểm tra Đảng ủy xã"
                 : "Đoàn kiểm tra số " + std::to_string(g.r.range(1, 4)) + " của Ban Thường vụ Đảng ủy xã";
    x.findings = g.r.pick(member ? demo::memberFindings() : demo::cellFindings());
    x.conclusion = bad ? "Khuyết điểm đến mức phải xem xét xử lý kỷ luật" : g.r.pick(demo::conclusions());
    x.followUp =
        bad ? "Đề nghị cấp có thẩm quyền thi hành kỷ luật" : "Xây dựng kế hoạch khắc phục trong 30 ngày";
    ins.push_back({std::move(x), ins.size()});
  };
  auto addDiscipline = [&](int64_t on, const char* type, Id subject, const char* form, std::string body,
                           std::string no, std::string violation) {
    core::Discipline x;
    x.number = std::move(no);
    x.date = ser(on);
    x.subjectType = type;
    x.subjectId = subject;
    x.form = form;
    x.body = std::move(body);
    x.violation = std::move(violation);
    x.violationOn = ser(on - g.r.range(40, 200));
    x.announcedOn = ser(std::min(g.t, on + g.r.range(1, 10)));
    g.d.disciplines.push_back(std::move(x));
    addInspection(std::max(on - g.r.range(20, 60), g.ws), type, subject,
                  type[0] == 't' ? "dau_hieu_vi_pham" : "dau_hieu_vi_pham", type[0] == 'd', true);
  };
  const int nYears = g.lastRated - g.firstRated + 1;
  auto dateIn = [&](int y) {
    return g.r.range(std::max(g.ws, ymd(y, 1, 1).serial()), std::min(g.t - 1, ymd(y, 12, 31).serial()));
  };
  const int nReprimand = scaled(6), nWarning = scaled(2);
  for (int k = 0; k < nReprimand + nWarning && nYears > 0; ++k) {
    const int y = g.firstRated + k % nYears;
    const int64_t on = dateIn(y);
    for (int tries = 0; tries < 2000; ++tries) {
      const size_t i = static_cast<size_t>(g.r.range(0, n - 1));
      core::Member& m = g.d.members[i];
      MemberAux& a = g.ma[i];
      if (m.status != "active" || a.disciplined || !m.officialOn || m.officialOn->serial() > on - 30 ||
          a.join > ymd(y, 1, 1).serial())
        continue;
      a.disciplined = true;
      a.kYears.push_back(y);
      const bool warn = k >= nReprimand;
      const auto& cell = g.d.organizations[g.cellAt(a, on)];
      addDiscipline(on, "dang_vien", m.id, warn ? "canh_cao" : "khien_trach",
                    warn ? "Ủy ban Kiểm tra Đảng ủy xã" : cell.name,
                    std::to_string(g.r.range(1, warn ? 40 : 3)) + (warn ? "-QĐ/UBKT" : "-QĐ/CB"),
                    std::string(g.r.pick(demo::violationTexts())));
      break;
    }
  }
  for (size_t i = 0; i < g.d.members.size(); ++i) {
    const MemberAux& a = g.ma[i];
    if (g.d.members[i].status == "expelled")
      addDiscipline(a.end, "dang_vien", g.d.members[i].id, "khai_tru", "Ban Thường vụ Đảng ủy xã", a.endNo,
                    "Vi phạm pháp luật, bị Tòa án tuyên phạt tù về tội tàng trữ trái phép chất ma túy");
    if (g.d.members[i].status == "removed") {
      core::Removal r;
      r.id = static_cast<Id>(g.d.removals.size()) + 1;
      r.memberId = g.d.members[i].id;
      r.ground = a.ground;
      r.proposedOn = ser(a.end - g.r.range(20, 45));
      r.decisionNo = a.endNo;
      r.decisionOn = ser(a.end);
      g.d.removals.push_back(std::move(r));
    }
  }
  for (int k = 0; k < std::max(1, scaled(1)) && nYears > 0;
       ++k) {  // a village cell that let its activities lapse
    const int y = g.firstRated + (k + 2) % nYears;
    const int64_t on = dateIn(y);
    for (int tries = 0; tries < 500; ++tries) {
      const size_t c =
          g.current[static_cast<size_t>(g.r.range(0, static_cast<int64_t>(g.current.size()) - 1))];
      if (g.oa[c].cat != kBan || g.oa[c].founded > ymd(y, 1, 1).serial() || g.oa[c].forcedKYear) continue;
      g.oa[c].forcedKYear = y;
      addDiscipline(on, "to_chuc", static_cast<Id>(c) + 1, "khien_trach", "Ban Thường vụ Đảng ủy xã",
                    std::to_string(g.r.range(5, 300)) + "-QĐ/ĐU",
                    "Buông lỏng lãnh đạo, không duy trì sinh hoạt chi bộ định kỳ; để xảy ra sai phạm trong "
                    "quản lý quỹ của bản");
      break;
    }
  }
  std::stable_sort(g.d.disciplines.begin(), g.d.disciplines.end(),
                   [](const auto& x, const auto& y) { return x.date < y.date; });
  for (size_t i = 0; i < g.d.disciplines.size(); ++i) g.d.disciplines[i].id = static_cast<Id>(i) + 1;

  // Routine inspections and supervision every year.
  std::vector<int> seenYear(g.oa.size(), 0);
  for (int y = ser(g.ws).year(); y <= g.today().year(); ++y) {
    const int nc =
        std::max(1, static_cast<int>(g.r.range(10, 15) * static_cast<int64_t>(g.current.size()) / 58));
    const int nm = std::max(1, static_cast<int>(g.r.range(5, 7) * int64_t{M} / 1050));
    for (int k = 0, tries = 0; k < nc && tries < nc * 50; ++tries) {
      const size_t c = static_cast<size_t>(g.r.range(0, static_cast<int64_t>(g.oa.size()) - 1));
      const int64_t on = weekday(dateIn(y));
      if (seenYear[c] == y || g.oa[c].founded > on || g.oa[c].ceased <= on || on > g.t) continue;
      seenYear[c] = y;
      addInspection(
          on, "to_chuc", static_cast<Id>(c) + 1,
          std::string(g.r.weighted(
              {{"thuong_xuyen", 500}, {"giam_sat", 250}, {"tai_chinh", 200}, {"thi_hanh_ky_luat", 50}})),
          false, false);
      ++k;
    }
    for (int k = 0, tries = 0; k < nm && tries < nm * 50; ++tries) {
      const size_t i = static_cast<size_t>(g.r.range(0, n - 1));
      const int64_t on = weekday(dateIn(y));
      if (!g.activeOn(g.ma[i], on - 30) || !g.activeOn(g.ma[i], on) || on > g.t) continue;
      addInspection(
          on, "dang_vien", g.d.members[i].id,
          std::string(g.r.weighted(
              {{"thuong_xuyen", 500}, {"giam_sat", 300}, {"dau_hieu_vi_pham", 100}, {"to_cao", 100}})),
          true, false);
      ++k;
    }
  }
  std::stable_sort(ins.begin(), ins.end(), [](const auto& x, const auto& y) {
    return x.ins.date != y.ins.date ? x.ins.date < y.ins.date : x.gen < y.gen;
  });
  int year = 0, no = 0;
  std::set<std::string> used;  // numbers restart each year: keep (number, subject) unique, as the import key
  for (auto& p : ins) {
    if (p.ins.date.year() != year) year = p.ins.date.year(), no = static_cast<int>(g.r.range(1, 4));
    do {
      p.ins.number = std::to_string(no++) + "-QĐ/UBKT";
    } while (
        !used.insert(p.ins.number + "|" + p.ins.subjectType + "|" + std::to_string(p.ins.subjectId)).second);
    p.ins.id = static_cast<Id>(g.d.inspections.size()) + 1;
    g.d.inspections.push_back(std::move(p.ins));
  }
}

// ---------------------------------------------------------------------------------------------
// Ratings

int randomLevel(Gen& g, int x, int t, int n) {  // 0 HTXSNV, 1 HTTNV, 2 HTNV, 3 KHTNV (per mille)
  const int64_t v = g.r.range(0, 999);
  return v < x ? 0 : v < x + t ? 1 : v < x + t + n ? 2 : 3;
}
/// Excellent may not exceed 20% of good: demote the surplus (from the end).
void applyQuota(std::vector<int>& lv) {
  int64_t xs = std::count(lv.begin(), lv.end(), 0), ts = std::count(lv.begin(), lv.end(), 1);
  for (size_t i = lv.size(); i-- > 0 && xs * 5 > ts;)
    if (lv[i] == 0) lv[i] = 1, --xs, ++ts;
}

void buildRatings(Gen& g) {
  static constexpr const char* kLevels[] = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};
  std::vector<std::vector<size_t>> byCell(g.oa.size());
  std::vector<int> lv;
  g.d.ratings.reserve(g.d.members.size() * static_cast<size_t>(g.lastRated - g.firstRated + 1));
  auto emit = [&](int y, const char* type, Id subject, std::optional<Id> cell, int level, bool forced) {
    core::Rating& r = g.d.ratings.emplace_back();
    r.id = static_cast<Id>(g.d.ratings.size());
    r.year = y;
    r.subjectType = type;
    r.subjectId = subject;
    r.cellId = cell;
    r.level = kLevels[level];
    r.proposedLevel = r.level;
    r.selfLevel = (level > 0 && !forced && g.r.permille(150)) ? kLevels[level - 1] : kLevels[level];
    if (cell)
      r.score = static_cast<int>(level == 0   ? g.r.range(90, 100)
                                 : level == 1 ? g.r.range(70, 89)
                                 : level == 2 ? g.r.range(50, 69)
                                              : g.r.range(30, 49));
  };
  for (int y = g.firstRated; y <= g.lastRated; ++y) {
    const int64_t d31 = ymd(y, 12, 31).serial(), j30 = ymd(y, 6, 30).serial();
    for (auto& v : byCell) v.clear();
    for (size_t i = 0; i < g.d.members.size(); ++i) {
      const MemberAux& a = g.ma[i];
      if (g.activeOn(a, d31) && a.exempt > d31 && a.adm <= j30) byCell[g.cellAt(a, d31)].push_back(i);
    }
    std::vector<size_t> cells;
    for (size_t c = 0; c < g.oa.size(); ++c)
      if (g.oa[c].founded <= d31 && g.oa[c].ceased > d31) cells.push_back(c);
    lv.clear();
    for (size_t c : cells) lv.push_back(g.oa[c].forcedKYear == y ? 3 : randomLevel(g, 200, 700, 80));
    applyQuota(lv);
    for (size_t k = 0; k < cells.size(); ++k)
      emit(y, "to_chuc", static_cast<Id>(cells[k]) + 1, std::nullopt, lv[k], g.oa[cells[k]].forcedKYear == y);
    for (size_t c : cells) {
      lv.clear();
      for (size_t i : byCell[c]) {
        const auto& ky = g.ma[i].kYears;
        lv.push_back(std::find(ky.begin(), ky.end(), y) != ky.end() ? 3 : randomLevel(g, 150, 750, 80));
      }
      applyQuota(lv);
      for (size_t k = 0; k < byCell[c].size(); ++k) {
        const auto& ky = g.ma[byCell[c][k]].kYears;
        emit(y, "dang_vien", g.d.members[byCell[c][k]].id, static_cast<Id>(c) + 1, lv[k],
             std::find(ky.begin(), ky.end(), y) != ky.end());
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Candidates

/// A member of `cell` who was official and active there on `on` (and has not been picked as `other`).
std::optional<size_t> sponsorIn(Gen& g, const std::vector<size_t>& pool, int64_t on, size_t cell,
                                std::optional<size_t> other) {
  for (int tries = 0; tries < 40 && !pool.empty(); ++tries) {
    const size_t i = pool[static_cast<size_t>(g.r.range(0, static_cast<int64_t>(pool.size()) - 1))];
    const auto& m = g.d.members[i];
    const auto& a = g.ma[i];
    if (other && *other == i) continue;
    if (m.officialOn && m.officialOn->serial() <= on && g.activeOn(a, on) && a.exempt > on &&
        g.cellAt(a, on) == cell && a.end > g.t - 1 && a.exempt == kNever)
      return i;
  }
  return std::nullopt;
}

void buildCandidates(Gen& g) {
  std::vector<std::vector<size_t>> everIn(g.oa.size());
  for (size_t i = 0; i < g.ma.size(); ++i) {
    everIn[g.ma[i].cell0].push_back(i);
    if (g.ma[i].cell1 != g.ma[i].cell0) everIn[g.ma[i].cell1].push_back(i);
  }
  // Official members of each cell over time: count(on) = #starts <= on - #ends <= on.
  std::vector<std::vector<int64_t>> offStart(g.oa.size()), offEnd(g.oa.size());
  for (size_t i = 0; i < g.ma.size(); ++i) {
    const MemberAux& a = g.ma[i];
    const int64_t official = g.d.members[i].officialOn ? g.d.members[i].officialOn->serial() : kNever;
    auto seg = [&](size_t c, int64_t from, int64_t to) {
      from = std::max(from, official), to = std::min(to, a.end);
      if (from < to) offStart[c].push_back(from), offEnd[c].push_back(to);
    };
    if (a.move != kNever)
      seg(a.cell0, a.join, a.move), seg(a.cell1, a.move, kNever);
    else
      seg(a.cell0, a.join, kNever);
  }
  for (auto& v : offStart) std::sort(v.begin(), v.end());
  for (auto& v : offEnd) std::sort(v.begin(), v.end());
  g.d.candidates.reserve(g.d.members.size() / 4 + 100);
  const int width = std::max(5, digits(static_cast<int64_t>(g.d.members.size())));
  auto newCandidate = [&](size_t cell, const core::Member& who) -> core::Candidate& {
    core::Candidate c;
    c.id = static_cast<Id>(g.d.candidates.size()) + 1;
    c.code = "QC" + padNum(c.id, width);
    c.cellId = static_cast<Id>(cell) + 1;
    c.fullName = who.fullName, c.birthDate = who.birthDate, c.gender = who.gender,
    c.ethnicity = who.ethnicity;
    c.religion = who.religion, c.residence = who.residence, c.education = who.education;
    c.occupation =
        who.occupation == "Hưu trí" || who.occupation == "Cựu chiến binh" ? "Nông dân" : who.occupation;
    g.d.candidates.push_back(std::move(c));
    return g.d.candidates.back();
  };
  // The file's dates: 0 listed, 1 certificate, 2 application, 3 personal history, 4 background check,
  // 5 sponsors and mass organisations' comment, 6 cell vote; `at` is the date of step `ix`.
  auto chain = [&](int ix, int64_t at) {
    static constexpr int kLo[] = {30, 20, 5, 20, 20, 5}, kHi[] = {200, 120, 30, 60, 60, 15};
    std::array<int64_t, 7> d{};
    d[static_cast<size_t>(ix)] = at;
    for (int k = ix; k > 0; --k)
      d[static_cast<size_t>(k - 1)] = d[static_cast<size_t>(k)] - g.r.range(kLo[k - 1], kHi[k - 1]);
    for (int k = ix; k < 6; ++k)
      d[static_cast<size_t>(k + 1)] = d[static_cast<size_t>(k)] + g.r.range(kLo[k], kHi[k]);
    return d;
  };
  // Fills the stages up to `upto` (1 listed .. 5 cell vote).
  auto fill = [&](core::Candidate& c, size_t cell, const std::array<int64_t, 7>& d, int upto) {
    c.listedOn = ser(d[0]);
    if (upto >= 2)
      c.certificateOn = ser(d[1]), c.certificateNo = std::to_string(g.r.range(20, 900)) + "/GCN-TTCT";
    if (upto >= 3) {
      c.applicationOn = ser(d[2]), c.historyOn = ser(d[3]), c.backgroundCheckOn = ser(d[4]);
      c.backgroundCheckResult = "Đủ điều kiện";
    }
    if (upto >= 4) {
      const auto s1 = sponsorIn(g, everIn[cell], d[5], cell, std::nullopt);
      const auto s2 = sponsorIn(g, everIn[cell], d[5], cell, s1);
      if (s1) c.sponsor1 = g.d.members[*s1].id, c.sponsor1Since = ser(d[5] - g.r.range(400, 1800));
      if (s2)
        c.sponsor2 = g.d.members[*s2].id, c.sponsor2Since = ser(d[5] - g.r.range(400, 1800));
      else
        c.youthUnionResolution = std::to_string(g.r.range(1, 60)) + "-NQ/ĐTN";
      c.massOrgCommentOn = ser(d[5]);
    }
    if (upto >= 5) {
      const auto& st = offStart[cell];
      const auto& en = offEnd[cell];
      const int official = static_cast<int>((std::upper_bound(st.begin(), st.end(), d[6]) - st.begin()) -
                                            (std::upper_bound(en.begin(), en.end(), d[6]) - en.begin()));
      c.cellVoteOn = ser(d[6]);
      c.cellVoteOfficial = official;
      c.cellVoteInFavour = static_cast<int>(g.r.range((2 * official + 2) / 3, official));
    }
  };
  auto decide = [&](core::Candidate& c, int64_t on) {
    c.decisionOn = ser(on);
    c.decisionBody = on < ymd(2025, 7, 1).serial() ? "Ban Thường vụ Huyện ủy Mai Sơn"
                                                   : "Ban Thường vụ Đảng ủy xã Phiêng Pằn";
  };
  // Admitted candidates of the history years, linked to their member.
  for (size_t i = 0; i < g.d.members.size(); ++i) {
    core::Member& m = g.d.members[i];
    const MemberAux& a = g.ma[i];
    if (!a.here || m.admittedOn->year() < g.y0) continue;
    core::Candidate& c = newCandidate(a.cell0, m);
    const int64_t res = a.join - g.r.range(10, 40), vote = weekday(res - g.r.range(10, 40));
    fill(c, a.cell0, chain(6, vote), 5);
    c.committeeResolutionOn = ser(res);
    c.committeeResolutionNo = std::to_string(g.r.range(10, 400)) + "-NQ/ĐU";
    decide(c, a.join);
    c.decisionNo = a.admitNo;
    c.ceremonyOn = m.ceremonyOn;
    c.status = "admitted";
    c.memberId = m.id;
    m.candidateId = c.id;
  }
  // Candidates in progress at every stage, some overdue, a few withdrawn or rejected.
  std::vector<size_t> cells;
  for (size_t c : g.current) {
    int ok = 0;
    for (size_t i : everIn[c])
      ok += g.d.members[i].status == "active" && g.d.members[i].officialOn && g.ma[i].cell1 == c;
    if (ok >= 3) cells.push_back(c);
  }
  if (cells.empty()) return;
  const int count = std::max(14, (40 * std::max(1, g.o.members) + 525) / 1050);
  for (int k = 0; k < count; ++k) {
    const size_t cell = cells[static_cast<size_t>(g.r.range(0, static_cast<int64_t>(cells.size()) - 1))];
    int stage =
        k % 7 + 1;  // 1 listed, 2 certificate, 3 application, 4 sponsors, 5 vote, 6 resolution, 7 decision
    if (k == 10) stage = 3;  // rejected on the background check
    int64_t last = g.t - g.r.range(5, 120);
    if (stage >= 6 && k % 3 == 0) last = g.t - g.r.range(100, 160);  // overdue
    Date birth = g.today().addYears(-static_cast<int>(g.r.range(21, 45))).addDays(-g.r.range(1, 364));
    if (k == 4) birth = ser(last).addYears(-61).addDays(-g.r.range(10, 100));  // planted: 61 at the cell vote
    if (k == 7)
      birth = g.today().addYears(-17).addDays(-g.r.range(60, 200)),
      last = g.t - g.r.range(5, 40);  // planted: 17
    core::Member who;
    fillPerson(g, who, cell, birth);
    core::Candidate& c = newCandidate(cell, who);
    static constexpr int kAnchor[] = {0, 0, 1, 4, 5, 6, 6, 6};
    const int64_t at = stage >= 6 ? weekday(last - (stage - 5) * g.r.range(15, 40)) : last;
    fill(c, cell, chain(kAnchor[stage], at), std::min(stage, 5));
    if (k == 8) {  // planted: a file stalled since an awareness certificate now older than its 60 months
      const Date cert = ser(last).addMonths(-62);
      c.certificateOn = cert;
      c.listedOn = cert.addDays(-45);
    }
    if (stage >= 6) {
      c.committeeResolutionOn = ser(std::min(g.t - 1, at + g.r.range(10, 30)));
      c.committeeResolutionNo = std::to_string(g.r.range(10, 400)) + "-NQ/ĐU";
    }
    if (stage >= 7) {
      decide(c, std::min(g.t - 1, c.committeeResolutionOn->serial() + g.r.range(10, 30)));
      c.decisionNo = decisionNo(g, c.decisionOn->serial(), "QĐ");
    }
    if (k == 9 || k == 16) c.status = "withdrawn", c.outcomeReason = g.r.pick(demo::withdrawReasons());
    if (k == 10) {
      c.status = "rejected", c.outcomeReason = "Thẩm tra lý lịch: chưa đủ điều kiện về lịch sử chính trị";
      c.backgroundCheckResult = "Chưa đủ điều kiện";
    }
    if (k == 11 && c.cellVoteOfficial) {
      c.status = "rejected",
      c.outcomeReason = "Chi bộ biểu quyết không đủ 2/3 số đảng viên chính thức tán thành";
      c.cellVoteInFavour = std::max(0, (2 * *c.cellVoteOfficial + 2) / 3 - 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The committee of the two terms, targets

void buildCommittee(Gen& g) {
  g.d.terms = {{1, "2020-2025", 2020, 2025}, {2, "2025-2030", 2025, 2030}};
  for (auto [key, from, to, value] : std::initializer_list<std::tuple<const char*, int, int, double>>{
           {"ket_nap_nhiem_ky", 2020, 2025, 140},
           {"to_chuc_tot", 2020, 2025, 90},
           {"dang_vien_tot", 2020, 2025, 90},
           {"ket_nap_nhiem_ky", 2025, 2030, 150},
           {"ket_nap_nam", 2025, 2030, 30},
           {"to_chuc_tot", 2025, 2030, 90},
           {"dang_vien_tot", 2025, 2030, 90},
           {"chi_bo_ban_co_chi_uy", 2025, 2030, 100}})
    g.d.targets.push_back({key, from, to, value});
  std::vector<size_t> order(g.d.members.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[static_cast<size_t>(g.r.range(0, static_cast<int64_t>(i) - 1))]);
  std::vector<bool> taken(g.d.members.size(), false);
  const int64_t congress = std::min(g.t - 1, ymd(2025, 8, 15).serial());
  for (const demo::CommitteeSlot& s : demo::committeeSlots()) {
    std::optional<size_t> chosen;
    for (int relax = 0; relax < 4 && !chosen; ++relax)
      for (size_t i : order) {
        const auto& m = g.d.members[i];
        const auto& a = g.ma[i];
        const Cat c = g.oa[a.cell1].cat;
        if ((relax == 0 && kCatCode[c] != s.category) || (relax == 1 && c == kBan && s.category != "ban"))
          continue;
        if (taken[i] || m.status != "active" || a.disciplined || !m.officialOn ||
            m.officialOn->serial() > congress)
          continue;
        const bool wm = m.gender == "nu" && m.ethnicity != demo::kKinh;
        if (wm != s.womanMinority && relax < 3) continue;
        const int age = g.age(m, congress);  // at the congress: young means 40 or under then
        if ((age < 28 || age > 58 || (s.band == 1 && age > 40) || (s.band == 2 && age < 45)) && relax < 2)
          continue;
        chosen = i;
        break;
      }
    if (!chosen) continue;
    taken[*chosen] = true;
    core::Member& m = g.d.members[*chosen];
    m.occupation = std::string(s.job) + (s.category == "truong" ? " " + g.oa[g.ma[*chosen].cell1].place : "");
    m.qualification = s.qualification, m.theory = s.theory, m.education = "12/12";
    g.d.seats.push_back({2, m.id, std::string(s.position)});
  }
  // The 2020-2025 committee: those of the new one already official in 2020, then others of that time.
  const int64_t start = ymd(2020, 8, 1).serial(), finish = std::min(g.t - 1, ymd(2025, 7, 31).serial());
  std::vector<Id> old;
  for (const auto& s : g.d.seats)
    if (s.position != "bi_thu" &&
        g.d.members[static_cast<size_t>(s.memberId - 1)].officialOn->serial() < start && old.size() < 20)
      old.push_back(s.memberId);
  for (size_t i : order) {
    if (old.size() >= 25) break;
    const auto& m = g.d.members[i];
    const auto& a = g.ma[i];
    if (taken[i] || !m.officialOn || m.officialOn->serial() >= start || a.join >= start || a.end <= finish ||
        a.exempt <= finish || g.oa[a.cell0].cat >= kBan || a.disciplined)
      continue;
    taken[i] = true;
    old.insert(old.begin(), m.id);  // outsiders lead the list: the former secretary is one of them
  }
  for (size_t k = 0; k < old.size(); ++k)
    g.d.seats.push_back({1, old[k], k == 0 ? "bi_thu" : k < 3 ? "pho_bi_thu" : k < 8 ? "uv_btv" : "uv_bch"});
}

// ---------------------------------------------------------------------------------------------
// Cell leaders and their training

void buildLeaders(Gen& g) {
  std::vector<std::vector<size_t>> now(g.oa.size()), first(g.oa.size());
  for (size_t i = 0; i < g.ma.size(); ++i) {
    first[g.ma[i].cell0].push_back(i);
    if (g.d.members[i].status == "active" && g.d.members[i].officialOn) now[g.ma[i].cell1].push_back(i);
  }
  auto since = [&](size_t i, size_t c) {
    return std::max(g.ma[i].cell1 == c && g.ma[i].move != kNever ? g.ma[i].move : g.ma[i].join,
                    g.d.members[i].officialOn->serial());
  };
  auto add = [&](size_t c, size_t i, const char* role, int64_t from, std::optional<int64_t> to) {
    g.d.leaders.push_back({static_cast<Id>(c) + 1, g.d.members[i].id, role, ser(from),
                           to ? std::optional<Date>(ser(*to)) : std::nullopt});
  };
  for (size_t c = 0; c < g.oa.size(); ++c) {
    const OrgAux& o = g.oa[c];
    if (o.ceased != kNever) {  // a merged cell: its last secretary until the merger
      for (size_t i : first[c])
        if (g.ma[i].anchor && !g.ma[i].disciplined && g.d.members[i].officialOn &&
            g.d.members[i].officialOn->serial() < o.ceased) {
          add(c, i, "bi_thu", std::max(since(i, c), o.ceased - g.r.range(400, 2000)), o.ceased);
          break;
        }
      continue;
    }
    // A disciplined member does not lead a cell here: the cell's rating would have to be "not complete".
    std::vector<size_t> pool;
    for (size_t i : now[c])
      if (!g.ma[i].disciplined) pool.push_back(i);
    if (pool.empty()) continue;
    size_t sec = pool[0];
    for (int tries = 0; tries < 30; ++tries) {
      const size_t i = pool[static_cast<size_t>(g.r.range(0, static_cast<int64_t>(pool.size()) - 1))];
      const int age = g.age(g.d.members[i], g.t);
      if (age >= 28 && age <= 62 && since(i, c) < g.t - 200) {
        sec = i;
        break;
      }
      if (g.ma[i].anchor) sec = i;
    }
    int64_t from = std::max(
        {o.founded, since(sec, c),
         ymd(static_cast<int>(g.r.range(2020, 2023)), static_cast<int>(g.r.range(3, 10)), 24).serial()});
    from = std::min(from, g.t - 1);
    add(c, sec, "bi_thu", from, std::nullopt);
    // An earlier secretary of the same cell.
    if (from - 800 > o.founded && g.r.permille(600)) {
      const int64_t to = from - 1, pfrom = std::max(o.founded, to - g.r.range(700, 2500));
      for (int tries = 0; tries < 30 && !first[c].empty(); ++tries) {
        const std::vector<size_t>& cand = first[c];
        const size_t i = cand[static_cast<size_t>(g.r.range(0, static_cast<int64_t>(cand.size()) - 1))];
        const auto& m = g.d.members[i];
        const auto& a = g.ma[i];
        if (i == sec || a.disciplined || !m.officialOn || m.officialOn->serial() > pfrom || a.join > pfrom ||
            a.end <= to || a.exempt <= to || g.cellAt(a, pfrom) != c || g.cellAt(a, to) != c)
          continue;
        add(c, i, "bi_thu", pfrom, to);
        break;
      }
    }
    const auto& org = g.d.organizations[c];
    if (org.hasCommittee && pool.size() >= 3)
      for (int tries = 0; tries < 20; ++tries) {
        const size_t i = pool[static_cast<size_t>(g.r.range(0, static_cast<int64_t>(pool.size()) - 1))];
        if (i == sec || g.ma[i].exempt != kNever) continue;
        add(c, i, "pho_bi_thu", std::min(g.t - 1, std::max(org.committeeSince->serial(), since(i, c))),
            std::nullopt);
        break;
      }
    // Training of the secretary: every year held, most of them this year too.
    for (int y = std::max(ser(from).year(), g.y0); y <= g.today().year(); ++y) {
      const int64_t lo = std::max(from, ymd(y, 1, 1).serial()), hi = std::min(g.t, ymd(y, 12, 31).serial());
      if (lo > hi || !g.r.permille(y == g.today().year() ? 900 : 850)) continue;
      core::Training tr;
      tr.id = static_cast<Id>(g.d.trainings.size()) + 1;
      tr.memberId = g.d.members[sec].id;
      tr.year = y;
      tr.date = ser(weekday(g.r.range(lo, hi - 2 > lo ? hi - 2 : lo)));
      if (*tr.date > g.today()) tr.date = ser(lo);
      tr.course = "Bồi dưỡng nghiệp vụ công tác Đảng cho bí thư chi bộ năm " + std::to_string(y);
      g.d.trainings.push_back(std::move(tr));
    }
  }
}

}  // namespace dangbo::services::demo_build
