#include "services/Statistics.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/Date.h"
#include "core/Enums.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/Rules.h"
#include "services/MemberList.h"
#include "services/PartyFile.h"
#include "services/Ratings.h"
#include "services/Reports.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/PartyFileRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;

const StatisticsRow& StatisticsTemplate::row(const std::string& key) const {
  for (const auto& r : rows)
    if (r.key == key) return r;
  throw std::out_of_range("no statistics row " + key);
}

namespace {

// Full years of age on `day` (the anchor of a partial date: 1/1 or the 1st of the month), as every report
// counts them.
int ageOn(const core::PartialDate& born, const Date& day) {
  return core::completedYears(born.anchor(), day);
}

// The figures of one year, by row key, with the labels in the order first met.
struct Counts {
  std::vector<std::pair<std::string, std::string>> order;  // key, label
  std::map<std::string, bool> detail;
  std::map<std::string, int64_t> value;
  void add(const std::string& key, const std::string& label, int64_t n = 1, bool isDetail = false) {
    if (!value.count(key)) {
      order.emplace_back(key, label);
      detail[key] = isDetail;
      value[key] = 0;
    }
    value[key] += n;
  }
  void declare(const std::string& key, const std::string& label, bool isDetail = false) {
    add(key, label, 0, isDetail);
  }
};

StatisticsTemplate merge(const char* code, std::string title, const Counts& now, const Counts& before) {
  StatisticsTemplate t{code, std::move(title), {}};
  std::map<std::string, bool> seen;
  auto take = [&](const Counts& c) {
    for (const auto& [key, label] : c.order) {
      if (seen[key]) continue;
      seen[key] = true;
      auto get = [&](const Counts& x) {
        auto it = x.value.find(key);
        return it == x.value.end() ? int64_t(0) : it->second;
      };
      t.rows.push_back({key, label, get(now), get(before), c.detail.at(key)});
    }
  };
  take(now);
  take(before);
  return t;
}

bool minority(const core::Member& m) {
  return !m.ethnicity.empty() && m.ethnicity != "01";  // 01: Kinh (QĐ 121-TCTK/PPCĐ)
}
bool religious(const core::Member& m) {
  return !m.religion.empty() && m.religion != "Không";
}

// Template 4's official rows (statistics_templates.md §2.4): every ethnic group numbered in the order of the
// 1979 codes with 11 and 12 swapped (11 Ê Đê, 12 Ngái), then the other groups; the religions 1-7. Each row
// has its women right under it ("X.nu"): the spreadsheet sets them in a column of their own.
std::string officialEthnicCode(int n) {
  const int code = n == 11 ? 12 : n == 12 ? 11 : n;
  return (code < 10 ? "0" : "") + std::to_string(code);
}
const std::vector<std::string>& officialReligions() {
  static const std::vector<std::string> religions = {"Phật giáo", "Công giáo", "Phật giáo Hòa Hảo",
                                                     "Cao Đài",   "Tin lành",  "Hồi giáo"};
  return religions;
}

// What the templates of a year are counted from besides the register's members.
struct YearSources {
  const PartyAgeBook& book;
  std::vector<int> bands;
  std::map<std::string, std::string> ethnicNames;  // code -> name
  const std::vector<core::Organization>& orgs;     // the subordinate cells the actor sees
  const std::vector<core::BadgeAward>& awards;
  std::vector<int> milestones;
  /// A secretary's: the cell of each member of their register on 31/12 of the year asked (the badges of
  /// their members only); empty for the others.
  const std::map<core::Id, core::Id>& cellOf;
  const Actor& actor;
};

// One year's figures of templates 1 to 5 and 7, counted as the register is read member by member (the
// register on 31/12 with those who left by then, their events up to that day): a province's or a nation's
// register is never held whole. Each template's rows are declared in its official order first; counting
// adds to them, and rows met only while counting (a cell's category) come after, in the order met.
class YearCounter {
 public:
  YearCounter(int year, int64_t atStart, const YearSources& in)
      : start_(*Date::make(year, 1, 1)), end_(*Date::make(year, 12, 31)), in_(in) {
    declare1(atStart);
    declare2();
    declare3();
    declare4();
    declare5();
    declare7();
  }
  const Date& end() const { return end_; }

  // A member of the register on 31/12 (present then or departed by then).
  void add(const RegisterEntry& e) {
    bool admitted = false;
    for (const auto& ev : e.events) {
      if (!inYear(ev.date)) continue;
      const char* key = ev.kind == "admitted"       ? "B.1"
                        : ev.kind == "transfer_in"  ? "B.2"
                        : ev.kind == "deceased"     ? "C.1"
                        : ev.kind == "expelled"     ? "C.2"
                        : ev.kind == "removed"      ? "C.3"
                        : ev.kind == "left"         ? "C.4"
                        : ev.kind == "transfer_out" ? "C.5"
                                                    : nullptr;
      if (key) {
        t1_.add(key, "");
        t1_.add(key[0] == 'B' ? "B" : "C", "");
        if (ev.kind == "removed" && !(e.member.officialOn && *e.member.officialOn <= ev.date))
          t1_.add("C.3.a", "");
      }
      if (ev.kind == "admitted") admitted = true;
      if (ev.kind == "temp_out") t7_.add("chuyen.tam_di", "");
      if (ev.kind == "transfer_out") t7_.add("chuyen.chinh_thuc_di", "");
      if (ev.kind == "transfer_in") t7_.add("chuyen.chinh_thuc_den", "");
    }
    if (admitted) add2(e.member);
    if (!e.present) return;
    ++atEnd_;
    add3(e.member);
    add4(e.member);
    add5(e);
  }

  // The figures counted after the last member.
  void finish() {
    t1_.add("D", tr("D. Members at the end of the period"), atEnd_);
    t3_.add("age.mean", tr("Mean age"), aged_ ? (ageSum_ + aged_ / 2) / aged_ : 0, true);
  }

  const Counts& template1() const { return t1_; }
  const Counts& template2() const { return t2_; }
  const Counts& template3() const { return t3_; }
  const Counts& template4() const { return t4_; }
  const Counts& template5() const { return t5_; }
  const Counts& template7() const { return t7_; }

 private:
  bool inYear(const Date& d) const { return !(d < start_) && !(end_ < d); }

  // --- template 1 ---
  void declare1(int64_t atStart) {
    Counts& c = t1_;
    c.add("A", tr("A. Members at the end of the previous period"), atStart);
    c.declare("B", tr("B. Increase in the period"));
    c.declare("B.1", tr("1. Admitted"));
    c.declare("B.2", tr("2. Transferred in"));
    c.declare("B.3", tr("3. Membership restored"));
    c.declare("C", tr("C. Decrease in the period"));
    c.declare("C.1", tr("1. Died"));
    c.declare("C.2", tr("2. Expelled"));
    c.declare("C.3", tr("3. Removed from the list"));
    c.declare("C.3.a", tr("of whom probationary members"), true);
    c.declare("C.4", tr("4. Left the Party"));
    c.declare("C.5", tr("5. Transferred out"));
  }

  // --- template 2 ---
  void declare2() {
    Counts& c = t2_;
    c.declare("total", tr("I. New members admitted"));
    c.declare("nu", tr("Women"), true);
    c.declare("dtts", tr("Ethnic minorities"), true);
    c.declare("ton_giao", tr("Religious believers"), true);
    c.declare("ket_nap_lai", tr("Re-admitted"), true);
    for (size_t i = 0; i <= in_.bands.size(); ++i) c.declare("age." + std::to_string(i), "", true);
  }
  // A member admitted in the year.
  void add2(const core::Member& m) {
    Counts& c = t2_;
    c.add("total", "");
    if (m.gender == "nu") c.add("nu", "");
    if (minority(m)) c.add("dtts", "");
    if (religious(m)) c.add("ton_giao", "");
    if (m.admittedOn && in_.book.facts(m.id, m.admittedOn).firstAdmitted != m.admittedOn)
      c.add("ket_nap_lai", "");
    if (m.birthDate && m.admittedOn)
      c.add("age." + std::to_string(ageBandOf(in_.bands, ageOn(*m.birthDate, *m.admittedOn))), "");
  }

  // --- template 3 ---
  struct Period {
    const char* key;
    const char* from;
    const char* to;
  };
  static const std::vector<Period>& periods() {
    static const std::vector<Period> list = {{"period.1", "", "1945-08-18"},
                                             {"period.2", "1945-08-19", "1954-07-20"},
                                             {"period.3", "1954-07-21", "1975-04-30"},
                                             {"period.4", "1975-05-01", "9999-12-31"}};
    return list;
  }
  void declare3() {
    Counts& c = t3_;
    c.declare("total", tr("I. Members on the list at the end of the period"));
    c.declare("nu", tr("Women"), true);
    c.declare("du_bi", tr("Probationary"), true);
    c.declare("dtts", tr("Ethnic minorities"), true);
    c.declare("ton_giao", tr("Religious believers"), true);
    c.declare("mien", tr("Exempt from work and activities"), true);
    for (size_t i = 0; i <= in_.bands.size(); ++i)
      c.declare("age." + std::to_string(i), ageBandLabel(in_.bands, i), true);
    c.declare("age.mean", tr("Mean age"), true);  // under the bands; its value is added at the end
    c.declare("period.1", tr("Admitted before 19/8/1945"), true);
    c.declare("period.2", tr("Admitted 19/8/1945 - 20/7/1954"), true);
    c.declare("period.3", tr("Admitted 21/7/1954 - 30/4/1975"), true);
    c.declare("period.4", tr("Admitted from 01/5/1975"), true);
    for (const char* q : {"trung_cap", "cao_dang", "dai_hoc", "thac_si", "tien_si"})
      c.declare(std::string("cm.") + q, core::enums::qualification.label(q), true);
    for (const char* q : {"so_cap", "trung_cap", "cao_cap", "cu_nhan"})
      c.declare(std::string("llct.") + q, format(tr("Political theory: {1}"), {core::enums::theory.label(q)}),
                true);
  }
  // A member present on 31/12.
  void add3(const core::Member& m) {
    Counts& c = t3_;
    c.add("total", "");
    if (m.gender == "nu") c.add("nu", "");
    if (!(m.officialOn && *m.officialOn <= end_)) c.add("du_bi", "");
    if (minority(m)) c.add("dtts", "");
    if (religious(m)) c.add("ton_giao", "");
    if (m.status == "exempt" && (!m.statusSince || *m.statusSince <= end_)) c.add("mien", "");
    if (m.birthDate) {
      const int age = ageOn(*m.birthDate, end_);
      c.add("age." + std::to_string(ageBandOf(in_.bands, age)), "");
      ageSum_ += age;
      ++aged_;
    }
    if (m.admittedOn) {
      const std::string iso = m.admittedOn->iso();
      for (const auto& p : periods())
        if (iso >= p.from && iso <= p.to) c.add(p.key, "");
    }
    if (c.value.count("cm." + m.qualification)) c.add("cm." + m.qualification, "");
    if (c.value.count("llct." + m.theory)) c.add("llct." + m.theory, "");
  }

  // --- template 4 ---
  void pair4(const std::string& key, const std::string& label, bool detail = true) {
    t4_.declare(key, label, detail);
    t4_.declare(key + ".nu", tr("of whom women"), true);
  }
  void declare4() {
    pair4("total", tr("Members at the end of the period"), false);
    pair4("dt", tr("I. Ethnic groups"), false);
    for (int n = 1; n <= 54; ++n) {
      const std::string code = officialEthnicCode(n);
      auto it = in_.ethnicNames.find(code);
      pair4("dt." + code, std::to_string(n) + ". " + (it == in_.ethnicNames.end() ? code : it->second));
    }
    pair4("dt.khac", "55. " + std::string(tr("Other ethnic groups")));
    pair4("tg", tr("II. Religions"), false);
    const auto& religions = officialReligions();
    for (size_t i = 0; i < religions.size(); ++i)
      pair4("tg." + religions[i], std::to_string(i + 1) + ". " + religions[i]);
    pair4("tg.khac", "7. " + std::string(tr("Other religions")));
  }
  void add4(const core::Member& m) {
    Counts& c = t4_;
    const int64_t woman = m.gender == "nu" ? 1 : 0;
    c.add("total", "", 1);
    c.add("total.nu", "", woman);
    c.add("dt", "", 1);
    c.add("dt.nu", "", woman);
    const std::string group = in_.ethnicNames.count(m.ethnicity) ? "dt." + m.ethnicity : "dt.khac";
    c.add(group, "", 1);
    c.add(group + ".nu", "", woman);
    if (religious(m)) {
      const auto& religions = officialReligions();
      const bool listed = std::find(religions.begin(), religions.end(), m.religion) != religions.end();
      const std::string key = listed ? "tg." + m.religion : "tg.khac";
      c.add("tg", "", 1);
      c.add("tg.nu", "", woman);
      c.add(key, "", 1);
      c.add(key + ".nu", "", woman);
    }
  }

  // --- template 5 ---
  void declare5() {
    Counts& c = t5_;
    c.declare("chi_bo", tr("Subordinate cells"));
    for (const auto& o : in_.orgs) {
      const bool exists = (!o.founded || *o.founded <= end_) && (!o.ceased || end_ < *o.ceased);
      if (!exists) continue;
      c.add("chi_bo", "");
      c.add("chi_bo." + o.category, format(tr("Cells: {1}"), {core::enums::orgCategory.label(o.category)}), 1,
            true);
    }
    c.declare("dang_vien", tr("Members"));
  }
  void add5(const RegisterEntry& e) {
    t5_.add("dang_vien", "");
    const std::string cat = e.cellCategory.empty() ? "khac" : e.cellCategory;
    t5_.add("dang_vien." + cat, format(tr("Members: {1}"), {core::enums::orgCategory.label(cat)}), 1, true);
  }

  // --- template 7 ---
  void declare7() {
    Counts& c = t7_;
    c.declare("huy_hieu", tr("II. Party badges awarded"));
    for (int years : in_.milestones)
      c.declare("huy_hieu." + std::to_string(years),
                format(tr("{1} years of party age"), {std::to_string(years)}), true);
    for (const auto& a : in_.awards) {
      if (!a.decisionOn || !inYear(*a.decisionOn)) continue;
      auto it = in_.cellOf.find(a.memberId);
      if (in_.actor.role == "secretary" && (it == in_.cellOf.end() || it->second != in_.actor.cellId))
        continue;
      c.add("huy_hieu", "");
      c.add("huy_hieu." + std::to_string(a.milestone), "");
    }
    c.declare("chuyen.tam_di", tr("IV. Temporary transfers sent"));
    c.declare("chuyen.chinh_thuc_di", tr("IV. Permanent transfers sent"));
    c.declare("chuyen.chinh_thuc_den", tr("IV. Permanent transfers received"));
  }

  Date start_, end_;
  const YearSources& in_;
  Counts t1_, t2_, t3_, t4_, t5_, t7_;
  int64_t atEnd_ = 0, ageSum_ = 0, aged_ = 0;
};

// --- template 6 ---
Counts template6(const RatingSummary& sum, int year) {
  Counts c;
  const RatingYearSummary* y = nullptr;
  for (const auto& r : sum.years)
    if (r.year == year) y = &r;
  auto levels = [&](const char* who, const char* label, const RatingLevels* l) {
    const std::string k = who;
    c.add(k, label, l ? l->rated : 0);
    c.add(k + ".HTXSNV", tr("Excellently completed their tasks"), l ? l->htxsnv : 0, true);
    c.add(k + ".HTTNV", tr("Well completed their tasks"), l ? l->httnv : 0, true);
    c.add(k + ".HTNV", tr("Completed their tasks"), l ? l->htnv : 0, true);
    c.add(k + ".KHTNV", tr("Did not complete their tasks"), l ? l->khtnv : 0, true);
  };
  levels("to_chuc", tr("Party organizations rated"), y ? &y->organizations : nullptr);
  levels("dang_vien", tr("Members rated"), y ? &y->members : nullptr);
  return c;
}

}  // namespace

std::vector<StatisticsTemplate> statisticsTemplates(Services& s, const Actor& actor, int year) {
  require(actor, Permission::ReadRegister);
  const Date end = *Date::make(year, 12, 31);
  const core::RuleBook rules = s.ruleBook();
  const PartyAgeBook book(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  std::vector<core::Organization> orgs;
  for (auto& o : reg.organizations())
    if (o.kind == "truc_thuoc" && (actor.role != "secretary" || actor.cellId == o.id))
      orgs.push_back(std::move(o));
  const auto sum = ratingSummary(s, actor, year - 1, year);
  store::PartyFileRepository party(storeOf(s));
  const auto awards = party.badgeAwards();
  // A secretary counts the badges of the members of their register on 31/12 of the year (a cell's few).
  std::map<core::Id, core::Id> cellOf;
  if (actor.role == "secretary")
    forEachRegisterEntry(
        s, actor, end, [&](RegisterEntry&& e) { cellOf[e.member.id] = e.member.cellId; }, 0, true);
  const auto groups = s.ethnicGroups();
  const YearSources sources{book,
                            rules.intListOn("report.age_bands", end),
                            {groups.begin(), groups.end()},
                            orgs,
                            awards,
                            rules.intListOn("badge.milestones", end),
                            cellOf,
                            actor};
  // The register read once for each year (on its 31/12, with those who left by then), member by member.
  auto count = [&](int y) {
    YearCounter c(y, registerCount(s, actor, *Date::make(y - 1, 12, 31)), sources);
    forEachRegisterEntry(
        s, actor, c.end(), [&](RegisterEntry&& e) { c.add(e); }, 0, true);
    c.finish();
    return c;
  };
  const YearCounter now = count(year), before = count(year - 1);
  const std::vector<int>& bands = sources.bands;
  const std::string y = std::to_string(year);

  std::vector<StatisticsTemplate> out;
  out.push_back(merge("1-BTCTW", format(tr("Increase and decrease of party members in {1}"), {y}),
                      now.template1(), before.template1()));
  auto t2 =
      merge("2-BTCTW", format(tr("Party members admitted in {1}"), {y}), now.template2(), before.template2());
  for (auto& r : t2.rows)
    if (r.key.rfind("age.", 0) == 0) r.label = ageBandLabel(bands, std::stoul(r.key.substr(4)));
  out.push_back(std::move(t2));
  out.push_back(merge("3-BTCTW", format(tr("Party members at the end of {1}"), {y}), now.template3(),
                      before.template3()));
  out.push_back(merge("4-BTCTW", format(tr("Party members by ethnic group and religion, end of {1}"), {y}),
                      now.template4(), before.template4()));
  out.push_back(merge("5-BTCTW", format(tr("Party organizations and members by type, end of {1}"), {y}),
                      now.template5(), before.template5()));
  out.push_back(merge("6-BTCTW", format(tr("Annual quality rating of {1}"), {y}), template6(sum, year),
                      template6(sum, year - 1)));
  out.push_back(merge("7-BTCTW", format(tr("Work with party members in {1}"), {y}), now.template7(),
                      before.template7()));
  return out;
}

ReportModel statisticsReport(Services& s, const Actor& actor, int year) {
  const auto templates = statisticsTemplates(s, actor, year);
  const Date first = *Date::make(year, 1, 1), last = *Date::make(year, 12, 31);
  ReportModel m =
      periodReportModel(s, "statistics", core::N_("Basic statistics templates"), first, last, last);
  for (const auto& t : templates) {
    ReportSection sec;
    sec.heading = format(tr("Template {1}: {2}"), {t.code, t.title});
    ReportTable table;
    table.key = t.code;
    table.caption = "";
    table.columns = {tr("Criterion"), format(tr("Year {1}"), {std::to_string(year)}),
                     format(tr("Same day of {1}"), {std::to_string(year - 1)}),
                     tr("This year against last (%)")};
    table.sums = false;
    for (const auto& r : t.rows) {
      ReportRow row;
      row.key = r.key;
      row.role = r.detail ? RowRole::Detail : RowRole::Body;
      row.cells = {Figure::label(r.detail ? "- " + r.label : r.label), Figure::count(r.current),
                   Figure::count(r.previous), Figure::share(r.current, r.previous)};
      table.rows.push_back(std::move(row));
    }
    sec.tables.push_back(std::move(table));
    m.sections.push_back(std::move(sec));
  }
  return m;
}

}  // namespace dangbo::services
