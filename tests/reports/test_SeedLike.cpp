// The congress report on the seed-like test data (SeedLikeData.h) and on the demo commune: the JSON has every
// key of spec/congress-report.md (version 1 and version 2, the list below copied from the spec's two JSON
// blocks), the figures are the seed's, and the printed report says them in the seed's words.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "../TestUtil.h"
#include "DocumentFiles.h"
#include "SeedLikeData.h"
#include "exchange/Import.h"
#include "reports/CongressReport.h"
#include "reports/ReportCatalog.h"
#include "services/Admissions.h"
#include "services/CongressReport.h"
#include "services/Import.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/Reports.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}
const services::Actor kOffice = services::Actor::localOffice();

// Every key path of the spec's JSON (version 1, then version 2's additions): `*` is any one key (a year, an
// origin, a category), `[]` an item of a list.
const std::vector<std::string> kSpecKeys = {
    // version 1
    "committee", "period.from", "period.to", "as_of", "organizations.total", "organizations.grassroots",
    "organizations.subordinate", "organizations.by_category.ban", "organizations.by_category.truong",
    "organizations.by_category.co_quan_dang", "organizations.by_category.chinh_quyen",
    "organizations.by_category.quan_su", "organizations.by_category.cong_an",
    "organizations.by_category.y_te", "organizations.by_category.khac",
    "organizations.village_cells_with_committee", "members.total", "members.official", "members.probationary",
    "members.women", "members.ethnic_minority", "members.exempt", "members.by_age_group.18-30",
    "members.by_age_group.31-40", "members.by_age_group.41-50", "members.by_age_group.51-60",
    "members.by_age_group.61-70", "members.by_age_group.71+", "admissions.by_year.*", "admissions.total",
    "admissions.target", "admissions.percent_of_target", "ratings.*.organizations.HTXSNV",
    "ratings.*.organizations.HTTNV", "ratings.*.organizations.HTNV", "ratings.*.organizations.KHTNV",
    "ratings.*.organizations.rated", "ratings.*.organizations.good_or_better_percent",
    "ratings.*.members.HTXSNV", "ratings.*.members.HTTNV", "ratings.*.members.HTNV",
    "ratings.*.members.KHTNV", "ratings.*.members.rated", "ratings.*.members.good_or_better_percent",
    "inspections.organizations", "inspections.members", "discipline.khien_trach", "discipline.canh_cao",
    "discipline.cach_chuc", "discipline.khai_tru", "discipline.xoa_ten",
    "discipline.organizations.khien_trach", "discipline.organizations.canh_cao",
    "discipline.organizations.giai_tan", "committee_composition.term", "committee_composition.members",
    "committee_composition.standing", "committee_composition.women_percent",
    "committee_composition.ethnic_minority_percent", "committee_composition.women_ethnic_minority_percent",
    "committee_composition.age_42_or_under_percent", "committee_composition.university_or_above_percent",
    "committee_composition.postgraduate_percent",
    "committee_composition.theory_intermediate_or_above_percent",
    "committee_composition.theory_advanced_percent",
    // version 2
    "supervisions.organizations", "supervisions.members", "organizations_founded.total",
    "organizations_founded.by_category.*", "organizations_founded.by_origin.*",
    "organizations_merged[].origin", "organizations_merged[].category", "organizations_merged[].from",
    "organizations_merged[].into", "admissions.by_origin.*", "secretary_training.*.trained",
    "secretary_training.*.secretaries", "secretary_training.*.percent",
    "rating_targets.organizations_percent", "rating_targets.members_percent",
    "rating_targets.met.*.organizations", "rating_targets.met.*.members", "next_term_targets[].code",
    "next_term_targets[].value", "next_term_targets[].from", "next_term_targets[].to"};

// The key paths of a JSON text ("a.b", "list[].c"), every level.
class KeyPaths {
 public:
  explicit KeyPaths(const std::string& text) : s_(text) { value(""); }
  std::set<std::string> paths;

 private:
  void space() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  std::string string() {
    std::string out;
    ++i_;  // "
    while (s_.at(i_) != '"') {
      if (s_[i_] == '\\') out += s_[i_++];
      out += s_[i_++];
    }
    ++i_;
    return out;
  }
  void value(const std::string& path) {
    space();
    if (s_.at(i_) == '{') {
      ++i_;
      space();
      while (s_.at(i_) != '}') {
        const std::string k = string();
        const std::string p = path.empty() ? k : path + "." + k;
        paths.insert(p);
        space();
        REQUIRE(s_.at(i_) == ':');
        ++i_;
        value(p);
        space();
        if (s_.at(i_) == ',') ++i_, space();
      }
      ++i_;
    } else if (s_.at(i_) == '[') {
      ++i_;
      space();
      while (s_.at(i_) != ']') {
        value(path + "[]");
        space();
        if (s_.at(i_) == ',') ++i_, space();
      }
      ++i_;
    } else if (s_.at(i_) == '"') {
      string();
    } else {
      while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' &&
             !std::isspace(static_cast<unsigned char>(s_[i_])))
        ++i_;
    }
  }
  const std::string& s_;
  size_t i_ = 0;
};

// A path matches a pattern of kSpecKeys ("*": any one key).
bool matches(const std::string& pattern, const std::string& path) {
  auto split = [](const std::string& x) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : x) {
      if (c == '.') {
        parts.push_back(part);
        part.clear();
      } else {
        part += c;
      }
    }
    parts.push_back(part);
    return parts;
  };
  const auto p = split(pattern), q = split(path);
  if (p.size() != q.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (p[i] != "*" && p[i] != q[i]) return false;
  return true;
}

// Every key of the spec is in the JSON, and every key of the JSON is one of the spec's.
void checkSpecKeys(const std::string& json) {
  const KeyPaths k(json);
  for (const auto& pattern : kSpecKeys) {
    const bool found = std::any_of(k.paths.begin(), k.paths.end(),
                                   [&](const std::string& p) { return matches(pattern, p); });
    CHECK_MESSAGE(found, pattern);
  }
  for (const auto& p : k.paths) {
    bool known = false;
    for (const auto& pattern : kSpecKeys) {
      // The path is a key of the spec or a level above one (a list's own key included).
      std::string prefix = pattern;
      while (!known) {
        known = matches(prefix, p) || (prefix.size() > 2 && prefix.compare(prefix.size() - 2, 2, "[]") == 0 &&
                                       matches(prefix.substr(0, prefix.size() - 2), p));
        const auto dot = prefix.rfind('.');
        if (dot == std::string::npos) break;
        prefix.erase(dot);
      }
      if (known) break;
    }
    const std::string unknown = "not a key of the spec: " + p;
    CHECK_MESSAGE(known, unknown);
  }
}

std::string jsonOf(const services::CongressFigures& f) {
  std::ostringstream out;
  reports::writeCongressJson(out, f);
  return out.str();
}

std::string htmlOf(const services::CongressFigures& f, const core::CommitteeInfo& c) {
  std::ostringstream out;
  reports::writeCongressHtml(out, f, c);
  return out.str();
}

// The rows of a CSV text without quotes, the header left out.
std::vector<std::vector<std::string>> csvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells(1);
    for (char c : line) {
      if (c == ',')
        cells.emplace_back();
      else
        cells.back().push_back(c);
    }
    rows.push_back(cells);
  }
  return rows;
}

// The seed-like register: the office's folder imported, the inspection committee's files imported by its
// account (the secretaries and the trainings come with the folder), the committee's signer.
std::unique_ptr<services::Services> seedLikeRegister(const TempDir& dir) {
  auto s = services::Services::create(dir / "r.db", {"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La",
                                                     "ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG PẰN"});
  test::writeSeedLikeFolder(dir / "in", dir / "ubkt");
  REQUIRE(services::applyImport(*s, kOffice, exchange::readImport(dir / "in")).written);
  const services::Actor inspection{"ubkt", "inspection", std::nullopt};
  REQUIRE(services::applyImport(*s, inspection, exchange::readImport(dir / "ubkt")).written);
  const auto files = test::seedLikeDataset();
  // (tap_huan.csv and bi_thu_chi_bo.csv were imported with the folder, through the member form's door and the
  // door of a secretary's period.)
  CHECK(test::sqlValue(dir / "r.db", "SELECT count(*) FROM cell_leaders WHERE role = 'bi_thu'") ==
        std::to_string(csvRows(files.at("bi_thu_chi_bo.csv")).size()));
  CHECK(test::sqlValue(dir / "r.db", "SELECT count(*) FROM trainings") ==
        std::to_string(csvRows(files.at("tap_huan.csv")).size()));
  core::CommitteeInfo c = s->committee();
  c.signerName = "Hà Xuân Liêm";
  c.recipients = "- Ban Thường vụ Tỉnh ủy,\n- Các đồng chí Đảng ủy viên,\n- Lưu Văn phòng Đảng ủy.";
  s->saveCommittee(kOffice, c);
  return s;
}

services::CongressFigures seedLikeFigures(services::Services& s) {
  return services::congressFigures(s, kOffice, d(2020, 8, 1), d(2024, 12, 31), d(2025, 7, 31));
}

}  // namespace

TEST_CASE("seed-like data: the congress JSON has every key of the spec and the seed's figures") {
  TempDir dir;
  auto s = seedLikeRegister(dir);
  const auto f = seedLikeFigures(*s);
  checkSpecKeys(jsonOf(f));

  CHECK(f.organizations.total == 58);
  CHECK(f.organizations.villageCells == 45);
  CHECK(f.organizations.villageCellsWithCommittee == 31);
  CHECK(f.organizationsFounded.total == 17);
  CHECK(f.organizationsFounded.byCategory ==
        std::vector<std::pair<std::string, int>>{{"truong", 11}, {"quan_su", 3}, {"cong_an", 3}});
  CHECK(f.organizationsFounded.byOrigin ==
        std::vector<std::pair<std::string, int>>{{"Chiềng Lương", 6}, {"Nà Ớt", 5}, {"Phiêng Pằn", 6}});
  REQUIRE(f.organizationsMerged.size() == 2);
  for (const auto& m : f.organizationsMerged) {
    CHECK(m.category == "ban");
    CHECK(m.from == 4);
    CHECK(m.into == 2);
  }
  CHECK(f.organizationsMerged[0].origin == "Chiềng Lương");
  CHECK(f.organizationsMerged[1].origin == "Phiêng Pằn");
  CHECK(f.admissions.total == 142);
  CHECK(f.admissions.target == 140);
  CHECK(f.admissions.percentOfTarget == 1014);
  CHECK(f.admissions.byOrigin ==
        std::vector<std::pair<std::string, int>>{{"Chiềng Lương", 52}, {"Nà Ớt", 40}, {"Phiêng Pằn", 50}});
  int byYear = 0;
  for (const auto& [y, n] : f.admissions.byYear) byYear += n;
  CHECK(byYear == 142);
  CHECK(f.inspections.organizations == 58);
  CHECK(f.inspections.members == 29);
  CHECK(f.supervisions.organizations == 12);
  CHECK(f.supervisions.members == 7);
  CHECK(f.discipline.khienTrach == 6);
  CHECK(f.discipline.canhCao == 2);
  CHECK(f.discipline.khaiTru == 1);
  CHECK(f.discipline.xoaTen == 9);
  REQUIRE(f.ratings.size() == 5);
  CHECK(f.ratings.front().year == 2020);
  CHECK(f.ratings.back().year == 2024);
  CHECK(f.ratings[2].organizations.goodOrBetterPercent == 889);
  REQUIRE(f.ratingTargets);
  CHECK(f.ratingTargets->organizationsPercent == 900);  // the lowest of the former communes' 90, 92, 90
  CHECK(f.ratingTargets->membersPercent == 900);        // the committee's own row, not Nà Ớt's 85
  REQUIRE(f.ratingTargets->met.size() == 5);
  CHECK(!f.ratingTargets->met[2].organizations);  // 2022: 88,9% < 90%
  CHECK(!f.ratingTargets->met[2].members);        // 89%
  CHECK(f.ratingTargets->met[3].members);         // 2023: exactly 90%
  REQUIRE(f.secretaryTraining);
  REQUIRE(f.secretaryTraining->size() == 5);
  CHECK(f.secretaryTraining->at(1).secretaries == 45);
  CHECK(f.secretaryTraining->at(1).trained == 40);
  CHECK(f.secretaryTraining->at(1).percent == 889);
  REQUIRE(f.nextTermTargets.size() == 5);
  CHECK(f.nextTermTargets[0].code == "ket_nap_nam");
  CHECK(f.nextTermTargets[0].value == 30);
  REQUIRE(f.committeeComposition);
  CHECK(f.committeeComposition->members == 25);
  CHECK(f.committeeComposition->standing == 8);
}

TEST_CASE("seed-like data: the printed congress report says it in the seed's words") {
  TempDir dir;
  auto s = seedLikeRegister(dir);
  const std::string h = htmlOf(seedLikeFigures(*s), s->committee());
  for (const char* words :
       {// 6.2: founded and merged with the origins, the cells today, admissions against the target
        "Trong nhiệm kỳ, Đảng bộ các xã đã thành lập mới 17 chi bộ (chi bộ Trường học: 11, Chi bộ Quân sự "
        "xã: 03, Chi bộ Công an xã: 03) và sáp nhập 08 chi bộ bản (Chiềng Lương 04 bản thành 02 bản, Phiêng "
        "Pằn 04 bản thành 02 bản), số chi bộ đến nay là 58 chi bộ cơ sở, chi bộ trực thuộc.",
        "đến thời điểm tháng 12/2024) đã kết nạp được 142/140 đảng viên, đạt 101,4% so với chỉ tiêu Nghị "
        "quyết đại hội các xã đề ra (Chiềng Lương: 52 đồng chí; Nà Ớt: 40 đồng chí; Phiêng Pằn: 50 đồng "
        "chí).",
        "Có 31/45 chi bộ bản có chi ủy",
        // ratings: met or not against the targets
        "Năm 2022, có 88,9% tổ chức đảng hoàn thành tốt nhiệm vụ trở lên (chưa đạt chỉ tiêu 90%); có 89% "
        "đảng viên hoàn thành tốt nhiệm vụ trở lên (chưa đạt chỉ tiêu 90%).",
        "Năm 2024, có 100% tổ chức đảng hoàn thành tốt nhiệm vụ trở lên (đạt chỉ tiêu 90%)",
        // 6.3: the secretaries' training
        "năm 2021 có 40/45 đồng chí được tập huấn (đạt 88,9%)",
        // 6.4: inspection and supervision apart, discipline
        "các cấp ủy đã thực hiện kiểm tra đối với 58 tổ chức đảng và 29 đảng viên; thi hành kỷ luật khiển "
        "trách 06 đảng viên, cảnh cáo 02 đảng viên, khai trừ 01 đảng viên; xóa tên 09 đảng viên.",
        "Các cấp ủy đã thực hiện giám sát chuyên đề đối với 12 tổ chức đảng và 07 đảng viên.",
        // targets (20)-(22) of the new term
        "Chỉ tiêu nhiệm kỳ 2025 - 2030",
        "(20) Hàng năm, trên 90% tổ chức đảng trực thuộc hoàn thành tốt nhiệm vụ trở lên; trên 90% đảng viên "
        "hoàn thành tốt nhiệm vụ trở lên.",
        "(21) Mỗi năm kết nạp được từ 30 đảng viên mới trở lên; đến năm 2030, 100% chi bộ bản có chi ủy.",
        "(22) Hàng năm, 100% bí thư chi bộ (trưởng bản) được tập huấn chuyên môn, nghiệp vụ.",
        // the closing block from the settings
        "Nơi nhận:", "- Lưu Văn phòng Đảng ủy.", "T/M BAN CHẤP HÀNH", "BÍ THƯ", "Hà Xuân Liêm"}) {
    CHECK_MESSAGE(h.find(words) != std::string::npos, words);
  }
  // Never the old forms in sentences or captions: "100,0%" (tables keep one decimal in a column),
  // "2025-2030".
  CHECK(h.find("có 100,0%") == std::string::npos);
  CHECK(h.find("2025-2030") == std::string::npos);
  CHECK(h.find("Năm 2025") == std::string::npos);  // 31/12/2025 is after the period
}

TEST_CASE("seed-like data: the admissions and ratings reports take the congress report's definitions") {
  TempDir dir;
  auto s = seedLikeRegister(dir);
  // A period ending mid-year: the admissions of every day of it, the ratings of the years ended in it.
  const core::Date from = d(2020, 8, 1), to = d(2025, 7, 31);
  const auto f = services::congressFigures(*s, kOffice, from, to, to);
  const auto years = services::admissionsByYear(*s, kOffice, from, to, to);
  int admitted = 0;
  for (const auto& y : years) {
    admitted += y.admitted;
    // The three former communes' targets added up, as the congress report; 2025 belongs to the new term.
    if (y.year < 2025) CHECK(y.termTarget == 140);
  }
  CHECK(admitted == f.admissions.total);
  CHECK(f.admissions.target == 140);
  const auto model = services::admissionsReport(*s, kOffice, from, to, to);
  REQUIRE(model.table("by_year"));

  const auto sum = services::ratingSummaryOf(*s, kOffice, from, to);
  REQUIRE(sum.years.size() == f.ratings.size());
  for (size_t i = 0; i < sum.years.size(); ++i) {
    CHECK(sum.years[i].year == f.ratings[i].year);
    CHECK(sum.years[i].organizations.goodOrBetterPercent == f.ratings[i].organizations.goodOrBetterPercent);
    CHECK(sum.years[i].organizationTarget == f.ratingTargets->organizationsPercent);  // 90, the lowest
    CHECK(sum.years[i].memberTarget == f.ratingTargets->membersPercent);              // 90, the committee's
  }
  const auto ratings = services::ratingsReport(*s, kOffice, from, to);
  REQUIRE(ratings.table("by_year"));
  for (const auto& row : ratings.table("by_year")->rows) CHECK(row.key.rfind("2025", 0) == std::string::npos);
  CHECK(ratings.table("by_year")->rows.size() == 10);  // 2020-2024, cells and members
}

TEST_CASE("seed-like data: every report in every printed format ends with the recipients and the signature") {
  TempDir dir;
  auto s = seedLikeRegister(dir);
  for (const auto& name : reports::reportNames()) {
    if (name == "handover" || name == "handover-list") continue;  // signed by both sides, not the settings
    CAPTURE(name);
    const auto r = reports::makeReport(*s, kOffice, {name, d(2024, 1, 1), d(2024, 12, 31), d(2024, 12, 31)});
    for (const std::string format : {"html", "pdf", "docx"}) {
      CAPTURE(format);
      const auto file = dir / (name + "." + format);
      reports::writeReportFile(file, r, format);
      const std::string text = format == "pdf"    ? test::squeeze(test::pdfText(file))
                               : format == "docx" ? test::unzip(file).at("word/document.xml")
                                                  : test::readFile(file);
      const size_t recipients = text.find("Nơi nhận:");
      REQUIRE(recipients != std::string::npos);
      CHECK(text.find("- Lưu Văn phòng Đảng ủy.", recipients) != std::string::npos);
      CHECK(text.find("T/M BAN CHẤP HÀNH") != std::string::npos);
      CHECK(text.find("Hà Xuân Liêm", text.find("BÍ THƯ")) != std::string::npos);
    }
  }
}

TEST_CASE(
    "congress: the discipline sentence lists only the forms used, and says when nothing was inspected") {
  auto f = reports::sampleCongressFigures();
  f.discipline = {};
  f.discipline.canhCao = 1;
  f.discipline.orgGiaiTan = 2;
  f.inspections = {};
  core::CommitteeInfo c;
  c.name = "Đảng bộ xã Phiêng Pằn";
  const std::string h = htmlOf(f, c);
  CHECK(h.find(
            "Từ đầu nhiệm kỳ đến nay, các cấp ủy chưa kiểm tra tổ chức đảng, đảng viên nào; thi hành kỷ luật "
            "cảnh cáo 01 đảng viên, giải tán 02 tổ chức đảng.") != std::string::npos);
}

TEST_CASE("congress: the demo commune's JSON has every key of the spec, and nothing else") {
  TempDir dir;
  auto s = test::openDemoCommune(dir.path());
  checkSpecKeys(
      jsonOf(services::congressFigures(*s, kOffice, d(2020, 8, 1), d(2025, 7, 31), d(2025, 7, 31))));
}

// DANGBO_SEED_OUT=FOLDER writes the seed-like folder (and FOLDER-ubkt, the inspection committee's files) for
// a try with the command line (`dangbo-cli --db x.db import FOLDER`).
TEST_CASE("seed-like data: written out (DANGBO_SEED_OUT)") {
  const char* out = std::getenv("DANGBO_SEED_OUT");
  if (!out) return;
  test::writeSeedLikeFolder(out, std::string(out) + "-ubkt");
  CHECK(std::filesystem::exists(std::filesystem::path(out) / "to_chuc.csv"));
}
