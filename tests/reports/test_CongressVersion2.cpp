// The figures version 2 of spec/congress-report.md adds for the first congress of a merged commune: each
// definition's edges (a cell founded then merged in the period, a year whose 31 December is outside the
// period, targets per former commune, a missing target), and the printed words.
#include <doctest/doctest.h>

#include <sstream>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "exchange/Import.h"
#include "reports/CongressReport.h"
#include "reports/ReportCatalog.h"
#include "reports/ReportTemplate.h"
#include "services/CongressReport.h"
#include "services/Import.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/RecordsRepository.h"
#include "store/RegisterRepository.h"
#include "store/SettingsRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}
const services::Actor kOffice = services::Actor::localOffice();

// A merged commune: three former communes, cells founded, merged and dissolved around a period
// 01/08/2020 - 31/07/2025.
struct Merged {
  TempDir dir;
  std::unique_ptr<services::Services> s;
  std::unique_ptr<store::RegisterRepository> reg;
  std::unique_ptr<store::RecordsRepository> rec;
  std::unique_ptr<store::SettingsRepository> set;
  int next = 1;
  Merged() {
    s = services::Services::create(dir / "r.db", {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "", ""});
    reg = std::make_unique<store::RegisterRepository>(services::storeOf(*s));
    rec = std::make_unique<store::RecordsRepository>(services::storeOf(*s));
    set = std::make_unique<store::SettingsRepository>(services::storeOf(*s));
  }
  core::Id org(const std::string& code, const std::string& category, const std::string& origin,
               std::optional<core::Date> founded = {}, std::optional<core::Date> ceased = {},
               std::optional<core::Id> into = {}) {
    core::Organization o{0,  code, "Chi bộ " + code, "truc_thuoc", category, founded, ceased, into, false,
                         {}, {}};
    o.origin = origin;
    return reg->insertOrganization(o);
  }
  core::Id member(core::Id cell, const core::Date& admitted, std::optional<core::Date> transferredIn = {}) {
    core::Member m;
    m.code = "DV" + std::to_string(next++);
    m.fullName = "Lò Văn " + m.code;
    m.gender = "nam";
    m.admittedOn = admitted;
    m.transferredInOn = transferredIn;
    m.cellId = cell;
    return reg->insertMember(m);
  }
  void target(const std::string& key, int from, int to, double value, const std::string& origin = {}) {
    set->saveTarget({key, from, to, value, origin});
  }
  void rating(int year, const char* type, core::Id subject, const char* level) {
    core::Rating x;
    x.year = year, x.subjectType = type, x.subjectId = subject, x.level = level;
    rec->insertRating(x);
  }
  services::CongressFigures figures(const core::Date& from = d(2020, 8, 1),
                                    const core::Date& to = d(2025, 7, 31)) {
    return services::congressFigures(*s, kOffice, from, to, to);
  }
};

// The JSON on one line: {"total": 3, "by_category": {...}}.
std::string json(const services::CongressFigures& f) {
  std::ostringstream out;
  reports::writeCongressJson(out, f);
  std::string one;
  bool skip = false;
  for (char c : out.str()) {
    if (c == '\n') {
      skip = true;
      continue;
    }
    if (skip && c == ' ') continue;
    if (skip && !one.empty() && one.back() == ',') one += ' ';
    skip = false;
    one += c;
  }
  return one;
}

std::string html(const services::CongressFigures& f, const core::CommitteeInfo& c) {
  std::ostringstream out;
  reports::writeCongressHtml(out, f, c);
  return out.str();
}

}  // namespace

TEST_CASE("congress v2: a cell founded then merged in the period counts as founded and as merged") {
  Merged r;
  const core::Id into1 = r.org("CB01", "ban", "Phiêng Pằn", d(2010, 1, 1));
  const core::Id into2 = r.org("CB02", "ban", "Chiềng Lương", d(2010, 1, 1));
  r.org("CB03", "ban", "Phiêng Pằn", d(2021, 3, 1), d(2023, 6, 1), into1);  // founded, then merged
  r.org("CB04", "ban", "Phiêng Pằn", d(2005, 1, 1), d(2023, 6, 1), into1);  // merged
  r.org("CB05", "ban", "Chiềng Lương", d(2005, 1, 1), d(2024, 1, 1), into2);
  r.org("CB06", "ban", "Chiềng Lương", d(2005, 1, 1), d(2024, 1, 1), into2);
  r.org("CB07", "cong_an", "Nà Ớt", d(2022, 1, 1));
  r.org("CB08", "truong", "", d(2020, 8, 1));                           // on the first day, no origin
  r.org("CB09", "truong", "Nà Ớt", d(2025, 8, 1));                      // after the period
  r.org("CB10", "ban", "Nà Ớt", d(2005, 1, 1), d(2022, 1, 1));          // dissolved: not merged
  r.org("CB11", "ban", "Nà Ớt", d(2005, 1, 1), d(2020, 7, 31), into2);  // merged the day before
  const auto f = r.figures();

  CHECK(f.organizationsFounded.total == 3);  // CB03 (merged later), CB07, CB08
  CHECK(f.organizationsFounded.byCategory ==
        std::vector<std::pair<std::string, int>>{{"ban", 1}, {"truong", 1}, {"cong_an", 1}});
  // Vietnamese order of the names; "" (no origin) first; zeros left out.
  CHECK(f.organizationsFounded.byOrigin ==
        std::vector<std::pair<std::string, int>>{{"", 1}, {"Nà Ớt", 1}, {"Phiêng Pằn", 1}});
  REQUIRE(f.organizationsMerged.size() == 2);
  CHECK(f.organizationsMerged[0].origin == "Chiềng Lương");
  CHECK(f.organizationsMerged[0].from == 2);
  CHECK(f.organizationsMerged[0].into == 1);
  CHECK(f.organizationsMerged[1].origin == "Phiêng Pằn");
  CHECK(f.organizationsMerged[1].category == "ban");
  CHECK(f.organizationsMerged[1].from == 2);
  CHECK(f.organizationsMerged[1].into == 1);

  const std::string j = json(f);
  CHECK(j.find("\"organizations_founded\": {\"total\": 3") != std::string::npos);
  CHECK(j.find("\"by_origin\": {\"\": 1, \"Nà Ớt\": 1, \"Phiêng Pằn\": 1}") != std::string::npos);
  CHECK(j.find("{\"origin\": \"Chiềng Lương\", \"category\": \"ban\", \"from\": 2, \"into\": 1}") !=
        std::string::npos);

  // The seed's sentence: two digits below ten, the origins of the merger.
  const std::string h = html(f, r.s->committee());
  CHECK(h.find("đã thành lập mới 03 chi bộ") != std::string::npos);
  CHECK(h.find("sáp nhập 04 chi bộ bản (Chiềng Lương 02 bản thành 01 bản, Phiêng Pằn 02 bản thành 01 bản)") !=
        std::string::npos);
  CHECK(h.find("Đảng bộ các xã") != std::string::npos);
}

TEST_CASE("congress v2: a year whose 31 December lies outside the period is not reported") {
  Merged r;
  const core::Id cell = r.org("CB01", "ban", "", d(2010, 1, 1));
  const core::Id m = r.member(cell, d(2015, 1, 1));
  r.rating(2024, "to_chuc", cell, "HTTNV");
  r.rating(2024, "dang_vien", m, "HTNV");
  r.rating(2025, "to_chuc", cell, "HTXSNV");  // a period ending 31/07/2025 cannot know it
  auto f = r.figures();
  REQUIRE(f.ratings.size() == 1);
  CHECK(f.ratings[0].year == 2024);
  CHECK(json(f).find("\"2025\": {\"organizations\"") == std::string::npos);
  CHECK(html(f, r.s->committee()).find("Năm 2025") == std::string::npos);
  // A period ending on 31 December includes its year.
  f = r.figures(d(2020, 8, 1), d(2025, 12, 31));
  REQUIRE(f.ratings.size() == 2);
  CHECK(f.ratings[1].year == 2025);

  // Secretaries on 31 December: absent without any training, {} when no year of the period ends in it.
  CHECK(!r.figures().secretaryTraining);
  CHECK(json(r.figures()).find("secretary_training") == std::string::npos);
  const core::Id s2 = r.member(cell, d(2015, 1, 1));
  r.reg->insertLeader({cell, m, "bi_thu", d(2020, 1, 1), d(2024, 12, 31)});  // last day in office: 31/12/2024
  r.reg->insertLeader({cell, s2, "bi_thu", d(2025, 1, 1), std::nullopt});
  r.reg->insertTraining({0, m, 2024, d(2024, 5, 1), "Tập huấn"});
  r.reg->insertTraining({0, s2, 2023, d(2023, 5, 1), "Tập huấn"});  // not yet secretary in 2023
  f = r.figures();
  REQUIRE(f.secretaryTraining);
  REQUIRE(f.secretaryTraining->size() == 5);  // 2020 .. 2024; 2025 ends after the period
  const auto& y2024 = f.secretaryTraining->back();
  CHECK(y2024.year == 2024);
  CHECK(y2024.secretaries == 1);
  CHECK(y2024.trained == 1);
  CHECK(y2024.percent == 1000);
  CHECK(f.secretaryTraining->at(3).trained == 0);  // 2023: m was secretary, trained only in 2024
  CHECK(json(f).find("\"2024\": {\"trained\": 1, \"secretaries\": 1, \"percent\": 100.0}") !=
        std::string::npos);
  f = r.figures(d(2025, 1, 1), d(2025, 7, 31));
  REQUIRE(f.secretaryTraining);
  CHECK(f.secretaryTraining->empty());
  CHECK(json(f).find("\"secretary_training\": {}") != std::string::npos);
}

TEST_CASE("congress v2: targets recorded per former commune are summed, percentages are not") {
  Merged r;
  const core::Id pp = r.org("CB01", "ban", "Phiêng Pằn", d(2010, 1, 1));
  const core::Id cl = r.org("CB02", "ban", "Chiềng Lương", d(2010, 1, 1));
  r.set->saveTerm({0, "2020-2025", 2020, 2025});
  r.target("ket_nap_nhiem_ky", 2020, 2025, 50, "Phiêng Pằn");
  r.target("ket_nap_nhiem_ky", 2020, 2025, 52, "Chiềng Lương");
  r.target("ket_nap_nhiem_ky", 2020, 2025, 40, "Nà Ớt");
  r.target("to_chuc_tot", 2020, 2025, 90, "Phiêng Pằn");
  r.target("to_chuc_tot", 2020, 2025, 85, "Chiềng Lương");
  for (int n = 0; n < 3; ++n) r.member(pp, d(2021, 3, 1 + n));
  r.member(cl, d(2022, 3, 1));
  r.member(cl, d(2022, 3, 1), d(2023, 1, 1));  // transferred in: no admission
  auto f = r.figures();
  CHECK(f.admissions.total == 4);
  CHECK(f.admissions.target == 142);
  CHECK(f.admissions.byOrigin ==
        std::vector<std::pair<std::string, int>>{{"Chiềng Lương", 1}, {"Phiêng Pằn", 3}});
  REQUIRE(f.ratingTargets);
  CHECK(f.ratingTargets->organizationsPercent == 850);  // the lowest of the origins'
  CHECK(f.ratingTargets->membersPercent == std::nullopt);
  // The committee's own row is added to the counts and wins for percentages.
  r.target("ket_nap_nhiem_ky", 2020, 2025, 8);
  r.target("to_chuc_tot", 2020, 2025, 92);
  f = r.figures();
  CHECK(f.admissions.target == 150);
  CHECK(f.ratingTargets->organizationsPercent == 920);
  CHECK(json(f).find("\"by_origin\": {\"Chiềng Lương\": 1, \"Phiêng Pằn\": 3}") != std::string::npos);
}

TEST_CASE("congress v2: admissions by the origin of the cell on the admission day") {
  Merged r;
  const core::Id old = r.org("CB01", "ban", "Nà Ớt", d(2010, 1, 1), d(2023, 1, 1));
  const core::Id now = r.org("CB02", "ban", "Phiêng Pằn", d(2010, 1, 1));
  const core::Id m = r.member(now, d(2021, 5, 1));  // current cell CB02, admitted in CB01
  core::MemberEvent e;
  e.memberId = m, e.date = d(2023, 1, 1), e.kind = "moved", e.fromCell = old, e.toCell = now;
  r.reg->insertEvent(e);
  r.member(now, d(2024, 5, 1));
  CHECK(r.figures().admissions.byOrigin ==
        std::vector<std::pair<std::string, int>>{{"Nà Ớt", 1}, {"Phiêng Pằn", 1}});
}

TEST_CASE("congress v2: rating targets met or not, a missing target, the new term's targets") {
  Merged r;
  const core::Id a = r.org("CB01", "ban", "", d(2010, 1, 1));
  const core::Id b = r.org("CB02", "ban", "", d(2010, 1, 1));
  const core::Id m = r.member(a, d(2010, 1, 1));
  r.set->saveTerm({0, "2020-2025", 2020, 2025});
  r.set->saveTerm({0, "2025-2030", 2025, 2030});
  CHECK(!r.figures().ratingTargets);  // neither target: absent
  CHECK(json(r.figures()).find("rating_targets") == std::string::npos);
  CHECK(json(r.figures()).find("\"next_term_targets\": [") != std::string::npos);
  r.target("dang_vien_tot", 2020, 2025, 90);
  r.rating(2021, "to_chuc", a, "HTTNV");
  r.rating(2021, "to_chuc", b, "HTNV");
  r.rating(2021, "dang_vien", m, "HTTNV");
  r.rating(2022, "dang_vien", m, "HTNV");
  // The term containing the period's last year: for a period ending in 2025 that is 2025-2030 (the
  // later-starting of the two), which has no rating target yet.
  CHECK(!r.figures().ratingTargets);
  auto f = r.figures(d(2020, 8, 1), d(2024, 12, 31));
  REQUIRE(f.ratingTargets);
  CHECK(f.ratingTargets->organizationsPercent == std::nullopt);  // missing: null
  CHECK(f.ratingTargets->membersPercent == 900);
  REQUIRE(f.ratingTargets->met.size() == 2);
  CHECK(f.ratingTargets->met[0].members);         // 100% >= 90%
  CHECK(!f.ratingTargets->met[0].organizations);  // no target: false
  CHECK(!f.ratingTargets->met[1].members);        // 0% < 90%
  const std::string j = json(f);
  CHECK(j.find("\"rating_targets\": {\"organizations_percent\": null, \"members_percent\": 90.0") !=
        std::string::npos);
  CHECK(j.find("\"2021\": {\"organizations\": false, \"members\": true}") != std::string::npos);
  const std::string h = html(f, r.s->committee());
  CHECK(h.find("có 100% đảng viên hoàn thành tốt nhiệm vụ trở lên (đạt chỉ tiêu 90%)") != std::string::npos);
  CHECK(h.find("có 0% đảng viên hoàn thành tốt nhiệm vụ trở lên (chưa đạt chỉ tiêu 90%)") !=
        std::string::npos);
  CHECK(h.find("có 50% tổ chức đảng hoàn thành tốt nhiệm vụ trở lên;") != std::string::npos);

  // The new term: no target yet, then in the order of chi_tieu.csv's codes; a term-wide count summed.
  CHECK(r.figures().nextTermTargets.empty());
  r.target("ket_nap_nam", 2025, 2030, 30);
  r.target("bi_thu_tap_huan", 2025, 2030, 100);
  r.target("to_chuc_tot", 2025, 2030, 90, "Phiêng Pằn");
  r.target("to_chuc_tot", 2025, 2030, 92.5, "Nà Ớt");
  f = r.figures();
  REQUIRE(f.nextTermTargets.size() == 3);
  CHECK(f.nextTermTargets[0].code == "ket_nap_nam");
  CHECK(f.nextTermTargets[1].code == "to_chuc_tot");
  CHECK(f.nextTermTargets[1].value == 90);
  CHECK(f.nextTermTargets[2].code == "bi_thu_tap_huan");
  CHECK(json(f).find("{\"code\": \"ket_nap_nam\", \"value\": 30, \"from\": 2025, \"to\": 2030}") !=
        std::string::npos);
  const std::string h2 = html(f, r.s->committee());
  CHECK(h2.find("Chỉ tiêu nhiệm kỳ 2025 - 2030") != std::string::npos);
  CHECK(h2.find("(20) Hàng năm, trên 90% tổ chức đảng trực thuộc hoàn thành tốt nhiệm vụ trở lên.") !=
        std::string::npos);
  CHECK(h2.find("(21) Mỗi năm kết nạp được từ 30 đảng viên mới trở lên.") != std::string::npos);
  CHECK(h2.find("(22) Hàng năm, 100% bí thư chi bộ (trưởng bản)") != std::string::npos);
  // Rated outside: a period ending before the term has no next-term targets.
  CHECK(r.figures(d(2020, 8, 1), d(2024, 12, 31)).nextTermTargets.empty());
}

TEST_CASE("congress v2: supervision is counted apart from inspection") {
  Merged r;
  const core::Id a = r.org("CB01", "ban", "", d(2010, 1, 1));
  const core::Id b = r.org("CB02", "ban", "", d(2010, 1, 1));
  const core::Id m = r.member(a, d(2010, 1, 1));
  auto inspection = [&](const char* no, core::Date on, const char* type, core::Id subject, const char* kind) {
    core::Inspection x;
    x.number = no, x.date = on, x.subjectType = type, x.subjectId = subject, x.kind = kind;
    r.rec->insertInspection(x);
  };
  inspection("01", d(2021, 5, 1), "to_chuc", a, "thuong_xuyen");
  inspection("02", d(2021, 6, 1), "to_chuc", a, "giam_sat");  // the same cell, supervised too
  inspection("03", d(2022, 6, 1), "to_chuc", b, "giam_sat");
  inspection("04", d(2022, 6, 1), "dang_vien", m, "giam_sat");
  inspection("05", d(2025, 8, 1), "dang_vien", m, "dau_hieu_vi_pham");  // after the period
  const auto f = r.figures();
  CHECK(f.inspections.organizations == 1);
  CHECK(f.inspections.members == 0);
  CHECK(f.supervisions.organizations == 2);
  CHECK(f.supervisions.members == 1);
  CHECK(json(f).find("\"supervisions\": {\"organizations\": 2, \"members\": 1}") != std::string::npos);
  const std::string h = html(f, r.s->committee());
  CHECK(h.find("các cấp ủy đã thực hiện kiểm tra đối với 01 tổ chức đảng và 0 đảng viên") !=
        std::string::npos);
  CHECK(h.find("giám sát chuyên đề đối với 02 tổ chức đảng và 01 đảng viên") != std::string::npos);
}

TEST_CASE("congress v2: counts and percentages in the seed's words") {
  CHECK(reports::sentenceCount(0) == "0");
  CHECK(reports::sentenceCount(5) == "05");
  CHECK(reports::sentenceCount(10) == "10");
  CHECK(reports::sentenceCount(1046) == "1.046");
  CHECK(reports::sentencePercent(1000) == "100%");
  CHECK(reports::sentencePercent(120) == "12%");
  CHECK(reports::sentencePercent(1014) == "101,4%");
  CHECK(reports::termYears(2025, 2030) == "2025 - 2030");
}

TEST_CASE("congress v2: every document ends with the recipients and the signature from the settings") {
  Merged r;
  r.org("CB01", "ban", "", d(2010, 1, 1));
  core::CommitteeInfo c = r.s->committee();
  CHECK(c.signerOnBehalf == "T/M BAN CHẤP HÀNH");  // the defaults of a new register
  CHECK(c.signerTitle == "BÍ THƯ");
  c.signerOnBehalf = "T/M ĐẢNG ỦY";
  c.signerName = "  Hà Xuân   Liêm ";
  c.recipients = "- Ban Thường vụ tỉnh ủy,\n\n- Lưu Hồ sơ Đại hội.\n";
  r.s->saveCommittee(kOffice, c);
  c = r.s->committee();
  CHECK(c.signerName == "Hà Xuân Liêm");
  CHECK(c.recipients == "- Ban Thường vụ tỉnh ủy,\n- Lưu Hồ sơ Đại hội.");
  const std::string h = html(r.figures(), c);
  const size_t recipients = h.find("Nơi nhận:");
  REQUIRE(recipients != std::string::npos);
  CHECK(h.find("T/M ĐẢNG ỦY") > recipients);
  CHECK(h.find("- Lưu Hồ sơ Đại hội.") > recipients);
  CHECK(h.find("Hà Xuân Liêm") > h.find("BÍ THƯ", recipients));
}

TEST_CASE("congress v2: --compare finds figures that only sentences print, a reprint says it was published") {
  Merged r;
  const core::Id a = r.org("CB01", "ban", "", d(2010, 1, 1));
  const core::Id m = r.member(a, d(2010, 1, 1));
  auto inspection = [&](const char* no, core::Date on, const char* kind) {
    core::Inspection x;
    x.number = no, x.date = on, x.subjectType = "dang_vien", x.subjectId = m, x.kind = kind;
    return r.rec->insertInspection(x);
  };
  const core::Id moved = inspection("01", d(2021, 5, 1), "thuong_xuyen");
  const core::Id m2 = r.member(a, d(2010, 1, 1));
  core::Inspection other;
  other.number = "03", other.date = d(2023, 5, 1), other.subjectType = "dang_vien", other.subjectId = m2;
  other.kind = "thuong_xuyen";
  r.rec->insertInspection(other);
  core::Discipline w;
  w.number = "02", w.date = d(2022, 6, 1), w.subjectType = "dang_vien", w.subjectId = m, w.form = "canh_cao";
  r.rec->insertDiscipline(w);
  const reports::ReportRequest q{"congress", d(2020, 8, 1), d(2025, 7, 31), d(2025, 7, 31)};
  const core::Id id = reports::publish(*r.s, kOffice, reports::makeReport(*r.s, kOffice, q));
  const auto then = reports::loadPublished(*r.s, kOffice, id);
  REQUIRE(then.published);
  CHECK(then.published->first == id);

  // Unchanged: nothing moved, sentences included.
  CHECK(reports::compareDocuments(reports::reportDocument(then),
                                  reports::reportDocument(reports::makeReport(*r.s, kOffice, q)))
            .empty());
  // An inspection moves out of the period: only a sentence prints the count.
  services::storeOf(*r.s).db().exec("UPDATE inspections SET date = '2019-01-01' WHERE id = " +
                                    std::to_string(moved));
  auto changes = reports::compareDocuments(reports::reportDocument(then),
                                           reports::reportDocument(reports::makeReport(*r.s, kOffice, q)));
  std::ostringstream out;
  reports::writeChanges(out, changes);
  INFO(out.str());
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].table == "Văn bản");
  CHECK(changes[0].row == "các cấp ủy đã thực hiện kiểm tra đối với 0 tổ chức đảng và");
  CHECK(changes[0].then == "02");
  CHECK(changes[0].now == "01");
  // compareReports adds every figure of the model (its JSON) that moved.
  const auto all = reports::compareReports(then, reports::makeReport(*r.s, kOffice, q));
  bool json = false;
  for (const auto& c : all) json = json || (c.row == "inspections.members" && c.then == "2" && c.now == "1");
  CHECK(json);
  CHECK(all.size() == 2);
  // The warning is withdrawn: the sentence that said it is given whole.
  services::storeOf(*r.s).db().exec("DELETE FROM disciplines");
  changes = reports::compareDocuments(reports::reportDocument(then),
                                      reports::reportDocument(reports::makeReport(*r.s, kOffice, q)));
  std::ostringstream out2;
  reports::writeChanges(out2, changes);
  CHECK(out2.str().find("cảnh cáo 01 đảng viên") != std::string::npos);

  // The reprint's last line names the published copy.
  const reports::Document doc = reports::reportDocument(then);
  const auto* last = std::get_if<reports::TitleLine>(&doc.blocks.back());
  REQUIRE(last);
  CHECK(last->text.find("Bản đã công bố số " + std::to_string(id) + ", ngày ") == 0);
}

TEST_CASE("congress v2: an import with \"Đơn vị cũ\" gives the origins and the targets per former commune") {
  TempDir dir;
  auto s =
      services::Services::create(dir / "r.db", {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "", ""});
  std::filesystem::create_directories(dir / "in");
  test::writeFile(dir / "in" / "to_chuc.csv",
                  "Mã,Tên,Loại,Khối,Ngày thành lập,Ngày giải thể,Sáp nhập vào,Có chi ủy,Đơn vị cũ\n"
                  "CB01,Chi bộ bản Nà Ớt,Chi bộ trực thuộc,Bản,01/01/2000,,,Có,Phiêng Pằn\n"
                  "CB02,Chi bộ bản Pá Kể,Chi bộ trực thuộc,Bản,01/01/2000,01/03/2023,CB01,Không,Phiêng Pằn\n"
                  "CB03,Chi bộ Công an xã,Chi bộ cơ sở,Công an,01/09/2021,,,Không,Chiềng Lương\n"
                  "CB04,Chi bộ Trường Tiểu học,Chi bộ trực thuộc,Trường học,01/09/2022,,,Không,\n");
  test::writeFile(dir / "in" / "chi_tieu.csv",
                  "Chỉ tiêu,Từ năm,Đến năm,Giá trị,Đơn vị cũ\n"
                  "ket_nap_nhiem_ky,2020,2025,50,Phiêng Pằn\n"
                  "ket_nap_nhiem_ky,2020,2025,52,Chiềng Lương\n"
                  "ket_nap_nhiem_ky,2020,2025,40,Nà Ớt\n"
                  "bi_thu_tap_huan,2025,2030,100,\n");
  const auto plan = exchange::readImport(dir / "in");
  auto result = services::applyImport(*s, kOffice, plan);
  REQUIRE(result.written);
  CHECK(result.added == 8);
  // The same files again change nothing.
  CHECK(!services::applyImport(*s, kOffice, exchange::readImport(dir / "in")).written);
  services::storeOf(*s).transaction([&] {
    store::SettingsRepository(services::storeOf(*s)).saveTerm({0, "2020-2025", 2020, 2025});
    store::SettingsRepository(services::storeOf(*s)).saveTerm({0, "2025-2030", 2025, 2030});
  });
  const auto f = services::congressFigures(*s, kOffice, d(2020, 8, 1), d(2025, 7, 31), d(2025, 7, 31));
  CHECK(f.admissions.target == 142);
  CHECK(f.organizationsFounded.byOrigin ==
        std::vector<std::pair<std::string, int>>{{"", 1}, {"Chiềng Lương", 1}});
  REQUIRE(f.organizationsMerged.size() == 1);
  CHECK(f.organizationsMerged[0].origin == "Phiêng Pằn");
  REQUIRE(f.nextTermTargets.size() == 1);
  CHECK(f.nextTermTargets[0].code == "bi_thu_tap_huan");
  // Every version-2 key of the spec is in the JSON.
  const std::string j = json(f);
  for (const char* key : {"\"supervisions\"", "\"organizations_founded\"", "\"organizations_merged\"",
                          "\"by_origin\"", "\"next_term_targets\""})
    CHECK(j.find(key) != std::string::npos);
}

TEST_CASE("every report has a template, an office's copy beside the register changes its wording") {
  Merged r;
  r.org("CB01", "ban", "", d(2010, 1, 1));
  for (const auto& name : reports::reportNames())
    CHECK_MESSAGE(!reports::defaultTemplate(name).empty(), name);
  const reports::ReportRequest q{"members", d(2025, 1, 1), d(2025, 7, 31), d(2025, 7, 31)};
  auto text = [&] {
    std::string all;
    for (const auto& b : reports::reportDocument(reports::makeReport(*r.s, kOffice, q)).blocks)
      if (const auto* p = std::get_if<reports::Paragraph>(&b)) all += p->text() + "\n";
    return all;
  };
  CHECK(text().find("Lời dẫn của văn phòng.") == std::string::npos);
  const std::string copy =
      reports::officeTemplateCopy("members", reports::officeTemplateFolder((r.dir / "r.db").string()));
  std::string t = test::readFile(copy);
  t.replace(t.find("@sections"), 9, "Lời dẫn của văn phòng.\n@sections");
  test::writeFile(copy, t);
  CHECK(text().find("Lời dẫn của văn phòng.\n") == 0);
  // A refused copy stops the report with its line.
  test::writeFile(copy, t + "{{#period}}\n");
  CHECK_THROWS_WITH_AS(text(), doctest::Contains("dòng 13"), core::DataError);
}

TEST_CASE("congress v2: the demo commune's JSON has every version-2 key") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path());
  const auto f = services::congressFigures(*s, kOffice, d(2020, 8, 1), d(2025, 7, 31), d(2025, 7, 31));
  const std::string j = json(f);
  for (const char* key :
       {"\"inspections\"", "\"supervisions\"", "\"organizations_founded\"", "\"organizations_merged\"",
        "\"by_origin\"", "\"secretary_training\"", "\"rating_targets\"", "\"met\"", "\"next_term_targets\""})
    CHECK_MESSAGE(j.find(key) != std::string::npos, key);
  // The three former communes of the demo, and counts that add up.
  int byOrigin = 0;
  for (const auto& [origin, n] : f.admissions.byOrigin) byOrigin += n;
  CHECK(byOrigin == f.admissions.total);
  CHECK(f.admissions.byOrigin.size() == 3);
  int founded = 0;
  for (const auto& [category, n] : f.organizationsFounded.byCategory) founded += n;
  CHECK(founded == f.organizationsFounded.total);
  CHECK(!f.organizationsMerged.empty());
  CHECK(f.ratings.back().year == 2024);  // 2025 ends after the period
  CHECK(s->committee().signerName != "");
}

TEST_CASE("congress v2: the window's door to a cell records its former commune") {
  Merged r;
  core::Organization o{0,  "CB01", "Chi bộ bản Nà Ớt", "truc_thuoc", "ban", d(2021, 1, 1), {}, {}, false,
                       {}, {}};
  o.origin = "  Chiềng   Lương ";
  const core::Id id = services::addOrganization(*r.s, kOffice, o);
  auto stored = r.reg->organizationByCode("CB01");
  REQUIRE(stored);
  CHECK(stored->id == id);
  CHECK(stored->origin == "Chiềng Lương");
  stored->origin = "Nà Ớt";
  services::updateOrganization(*r.s, kOffice, *stored);
  CHECK(r.reg->organizationByCode("CB01")->origin == "Nà Ớt");
  CHECK(r.figures().organizationsFounded.byOrigin == std::vector<std::pair<std::string, int>>{{"Nà Ớt", 1}});
  // A cell secretary cannot change it: the same door refuses.
  stored->origin = "Phiêng Pằn";
  CHECK_THROWS(services::updateOrganization(*r.s, services::Actor{"bt", "secretary", id}, *stored));
  CHECK(r.reg->organizationByCode("CB01")->origin == "Nà Ớt");
}
