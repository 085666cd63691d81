#include <doctest/doctest.h>

#include <functional>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/AdmissionForms.h"
#include "services/Admissions.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/RegisterRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;
using services::Stage;

namespace {
core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}
const Actor kOffice = Actor::localOffice();

std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const core::DataError& e) {
    return e.what();
  }
  return {};
}

// A register with three cells; CB01 has 9 official members on 2024-06-03 (DV1..DV9) and a few who must not
// be counted: DV10 official only after the vote, DV11 admitted after it, DV12 left before it, DV20 in CB02.
struct Fixture {
  TempDir dir;
  std::unique_ptr<services::Services> s =
      services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", "ĐẢNG ỦY XÃ THỬ"});
  Fixture() {
    for (auto [code, name] : {std::pair{"CB01", "Chi bộ bản Nà Ớt"}, {"CB02", "Chi bộ bản Co Kè"}}) {
      core::Organization o;
      o.code = code;
      o.name = name;
      o.kind = "truc_thuoc";
      o.category = "ban";
      o.founded = d(1960, 1, 1);
      services::addOrganization(*s, kOffice, o);
    }
    for (int i = 1; i <= 9; ++i)
      addOfficial("DV" + std::to_string(i), "Lò Văn Một " + std::to_string(i), "CB01");
    addOfficial("DV10", "Cà Văn Muộn", "CB01", d(2023, 6, 1), d(2024, 6, 10));
    addOfficial("DV11", "Quàng Văn Sau", "CB01", d(2024, 7, 1), std::nullopt);
    addOfficial("DV12", "Lường Văn Đi", "CB01");
    services::recordAction(*s, kOffice, "DV12", {"left", d(2024, 1, 15), "", "", "", "xin ra khỏi Đảng"});
    addOfficial("DV20", "Tòng Văn Khác", "CB02");
  }
  void addOfficial(const std::string& code, const std::string& name, const std::string& cell,
                   core::Date admitted = d(2010, 3, 1), std::optional<core::Date> official = d(2011, 3, 20)) {
    core::Member m;
    m.code = code;
    m.fullName = name;
    m.gender = "nam";
    m.birthDate = core::PartialDate::make(1980, 5, 2);
    m.ethnicity = "03";
    m.admittedOn = admitted;
    m.ceremonyOn = admitted.addDays(10);
    m.officialOn = official;
    services::addMember(*s, kOffice, m, cell, "1-QĐ/ĐU");
  }
  void create(const std::string& code, core::PartialDate birth = *core::PartialDate::make(1995, 5, 10),
              const std::string& name = "Lò Thị Ứng") {
    services::NewCandidate c;
    c.code = code;
    c.fullName = name;
    c.birthDate = birth;
    c.gender = "nu";
    c.ethnicity = "03";
    c.cellCode = "CB01";
    c.listedOn = d(2024, 1, 10);
    services::createCandidate(*s, kOffice, c);
  }
  // Records every stage up to `upto` with the dates of the standard file.
  void advance(const std::string& code, Stage upto, int inFavour = 7) {
    using services::stageOf;
    auto at = [&] { return stageOf(services::candidateFile(*s, kOffice, code).candidate); };
    auto next = [&](Stage st) { return int(at()) < int(st) && int(st) <= int(upto); };
    if (next(Stage::Certificate)) services::recordCertificate(*s, kOffice, code, "123/GCN", d(2024, 2, 1));
    if (next(Stage::Application)) services::recordApplication(*s, kOffice, code, d(2024, 3, 1));
    if (next(Stage::History)) services::recordHistory(*s, kOffice, code, d(2024, 3, 15));
    if (next(Stage::BackgroundCheck))
      services::recordBackgroundCheck(
          *s, kOffice, code, d(2024, 4, 1), "Đủ điều kiện",
          {{"Lò Thị Ứng", "bản thân", std::nullopt, "tốt"}, {"Lò Văn Bố", "bố", std::nullopt, "tốt"}});
    if (next(Stage::Sponsors))
      services::recordSponsors(*s, kOffice, code,
                               {d(2024, 5, 2), "DV1", d(2020, 1, 1), "DV2", d(2021, 1, 1), ""});
    if (next(Stage::MassOrgComment)) services::recordMassOrgComment(*s, kOffice, code, d(2024, 5, 10));
    if (next(Stage::CellVote))
      services::recordCellVote(*s, kOffice, code, {d(2024, 6, 3), inFavour, false, ""});
    if (next(Stage::CommitteeResolution))
      services::recordCommitteeResolution(*s, kOffice, code, "45-NQ/ĐU", d(2024, 6, 20));
    if (next(Stage::Decision)) services::recordDecision(*s, kOffice, code, "88-QĐ/ĐU", d(2024, 7, 1), "");
    if (next(Stage::Ceremony)) services::recordCeremony(*s, kOffice, code, {d(2024, 7, 20), "DV100", "", ""});
  }
};
}  // namespace

TEST_CASE("admission: stages are recorded in order and dated in order") {
  Fixture fx;
  fx.create("QC1");
  CHECK(refusal([&] {
          services::recordApplication(*fx.s, kOffice, "QC1", d(2024, 3, 1));
        }).find(services::stageLabel(Stage::Certificate)) != std::string::npos);
  CHECK_FALSE(
      refusal([&] { services::recordCertificate(*fx.s, kOffice, "QC1", "1/GCN", d(2023, 12, 1)); }).empty());
  CHECK_FALSE(refusal([&] {
                services::recordCertificate(*fx.s, kOffice, "QC1", "1/GCN", core::Date::today().addDays(3));
              }).empty());
  fx.advance("QC1", Stage::History);
  CHECK(services::candidateFile(*fx.s, kOffice, "QC1").stage == Stage::History);
  CHECK_FALSE(refusal([&] { services::recordHistory(*fx.s, kOffice, "QC1", d(2024, 3, 20)); }).empty());
  CHECK_FALSE(refusal([&] {
                services::recordBackgroundCheck(*fx.s, kOffice, "QC1", d(2024, 3, 10), "Đủ",
                                                {{"A", "bản thân", {}, ""}});
              }).empty());
  CHECK_FALSE(refusal([&] {
                services::recordBackgroundCheck(*fx.s, kOffice, "QC1", d(2024, 4, 1), "Đủ", {});
              }).empty());
  fx.advance("QC1", Stage::BackgroundCheck);
  auto f = services::candidateFile(*fx.s, kOffice, "QC1");
  CHECK(f.checks.size() == 2);
  CHECK(f.checks[1].relation == "bố");
  CHECK(services::listCandidates(*fx.s, kOffice, {"CB01", "background_check", "in_progress"}).size() == 1);
  CHECK(services::listCandidates(*fx.s, kOffice, {"", "sponsors", ""}).empty());
}

TEST_CASE("admission: sponsors are official members of the candidate's cell on the day, known 12 months") {
  Fixture fx;
  fx.create("QC1");
  fx.advance("QC1", Stage::BackgroundCheck);
  auto sponsors = [&](const std::string& a, const std::string& b, core::Date since = d(2020, 1, 1),
                      std::string youth = "") {
    return refusal([&] {
      services::recordSponsors(*fx.s, kOffice, "QC1", {d(2024, 5, 2), a, since, b, since, youth});
    });
  };
  // DV10 becomes official only on 10/06/2024.
  CHECK(sponsors("DV1", "DV10").find("DV10") != std::string::npos);
  // DV20 is official, but in CB02.
  CHECK(sponsors("DV20", "DV1").find("DV20") != std::string::npos);
  // DV12 left the Party before the sponsorship.
  CHECK(sponsors("DV12", "DV1").find("DV12") != std::string::npos);
  // Known for less than 12 months.
  CHECK(sponsors("DV1", "DV2", d(2023, 9, 1)).find("12") != std::string::npos);
  CHECK_FALSE(sponsors("DV1", "DV1").empty());
  CHECK_FALSE(sponsors("DV1", "").empty());
  // The youth union's resolution replaces one sponsor.
  CHECK(sponsors("DV3", "", d(2020, 1, 1), "12-NQ/ĐTN").empty());
  auto f = services::candidateFile(*fx.s, kOffice, "QC1");
  REQUIRE(f.sponsor1);
  CHECK(f.sponsor1->code == "DV3");
  CHECK_FALSE(f.sponsor2);
  CHECK(f.candidate.youthUnionResolution == "12-NQ/ĐTN");
}

TEST_CASE("admission: the cell vote needs 2/3 of the official members counted from the register") {
  Fixture fx;
  fx.create("QC1");
  fx.advance("QC1", Stage::MassOrgComment);
  // 9 official members on 03/06/2024: DV10 (official 10/06), DV11 (admitted 01/07), DV12 (left) and DV20
  // (CB02) are not counted.
  CHECK(services::officialMembersOn(*fx.s, kOffice, "CB01", d(2024, 6, 3)) == 9);
  CHECK(services::officialMembersOn(*fx.s, kOffice, "CB01", d(2024, 6, 10)) == 10);
  std::string why = refusal([&] {
    services::recordCellVote(*fx.s, kOffice, "QC1", {d(2024, 6, 3), 5, false, ""});
  });
  CHECK(why.find("5") != std::string::npos);
  CHECK(why.find("9") != std::string::npos);
  CHECK(why.find("2/3") != std::string::npos);
  CHECK(why.find("6") != std::string::npos);
  CHECK_FALSE(refusal([&] {
                services::recordCellVote(*fx.s, kOffice, "QC1", {d(2024, 6, 3), 10, false, ""});
              }).empty());
  CHECK(services::candidateFile(*fx.s, kOffice, "QC1").stage == Stage::MassOrgComment);
  CHECK(services::recordCellVote(*fx.s, kOffice, "QC1", {d(2024, 6, 3), 6, false, ""}) == 9);
  auto c = services::candidateFile(*fx.s, kOffice, "QC1").candidate;
  CHECK(c.cellVoteOfficial == 9);
  CHECK(c.cellVoteInFavour == 6);
}

TEST_CASE("admission: age at the cell's vote, 18 to 60, over 60 only with the province's approval") {
  Fixture fx;
  fx.create("QC1", *core::PartialDate::make(2006, 7, 1), "Lò Văn Trẻ");
  fx.create("QC2", *core::PartialDate::make(1963, 1, 5), "Lò Văn Già");
  fx.advance("QC1", Stage::MassOrgComment);
  fx.advance("QC2", Stage::MassOrgComment);
  CHECK(refusal([&] { fx.advance("QC1", Stage::CellVote); }).find("18") != std::string::npos);
  CHECK(refusal([&] { fx.advance("QC2", Stage::CellVote); }).find("60") != std::string::npos);
  CHECK_FALSE(refusal([&] {
                services::recordCellVote(*fx.s, kOffice, "QC2", {d(2024, 6, 3), 8, true, ""});
              }).empty());
  CHECK(services::recordCellVote(*fx.s, kOffice, "QC2", {d(2024, 6, 3), 8, true, "15-CV/TU"}) == 9);
}

TEST_CASE("admission: the ceremony makes exactly one probationary member, linked both ways") {
  Fixture fx;
  fx.create("QC1");
  const int before = store::RegisterRepository(services::storeOf(*fx.s)).memberRows();
  fx.advance("QC1", Stage::Decision);
  CHECK(services::candidateFile(*fx.s, kOffice, "QC1").candidate.decisionBody == "ĐẢNG ỦY XÃ THỬ");
  // A member code already used refuses the whole ceremony.
  CHECK_FALSE(refusal([&] {
                services::recordCeremony(*fx.s, kOffice, "QC1", {d(2024, 7, 20), "DV1", "", ""});
              }).empty());
  CHECK(store::RegisterRepository(services::storeOf(*fx.s)).memberRows() == before);
  fx.advance("QC1", Stage::Ceremony);
  CHECK(store::RegisterRepository(services::storeOf(*fx.s)).memberRows() == before + 1);
  auto f = services::candidateFile(*fx.s, kOffice, "QC1");
  CHECK(f.candidate.status == "admitted");
  CHECK(f.memberCode == "DV100");
  auto m = services::memberFile(*fx.s, kOffice, "DV100");
  CHECK(m.member.candidateId == f.candidate.id);
  CHECK(m.member.admittedOn == d(2024, 7, 1));
  CHECK(m.member.ceremonyOn == d(2024, 7, 20));
  CHECK_FALSE(m.member.officialOn);
  CHECK(m.cellCode == "CB01");
  REQUIRE(m.events.size() == 1);
  CHECK(m.events[0].kind == "admitted");
  CHECK(m.events[0].decisionNo == "88-QĐ/ĐU");
  CHECK_FALSE(refusal([&] {
                services::recordCeremony(*fx.s, kOffice, "QC1", {d(2024, 7, 21), "DV101", "", ""});
              }).empty());
  CHECK(services::listCandidates(*fx.s, kOffice, {"", "ceremony", "admitted"}).size() == 1);
}

TEST_CASE("admission: recognition from the exact 12-month date, a failed probation removes the member") {
  Fixture fx;
  fx.create("QC1");
  fx.advance("QC1", Stage::Ceremony);
  CHECK(services::recognitionFile(*fx.s, kOffice, "DV100").probationEnds == d(2025, 7, 20));
  CHECK_FALSE(refusal([&] {
                services::recordRecognitionReview(*fx.s, kOffice, "DV100", d(2025, 7, 10), 8);
              }).empty());
  CHECK_FALSE(refusal([&] {
                services::recordRecognitionDecision(*fx.s, kOffice, "DV100", "9-QĐ", d(2025, 8, 1), true);
              }).empty());
  // DV10 is official by then: 10 official members; DV100 itself is probationary.
  CHECK(services::recordRecognitionReview(*fx.s, kOffice, "DV100", d(2025, 7, 25), 8) == 10);
  services::recordRecognitionDecision(*fx.s, kOffice, "DV100", "120-QĐ/ĐU", d(2025, 8, 5), true);
  auto m = services::memberFile(*fx.s, kOffice, "DV100");
  CHECK(m.member.officialOn == d(2025, 7, 20));
  CHECK(m.events.back().kind == "recognized");
  CHECK(m.events.back().date == d(2025, 7, 20));
  CHECK(services::recognitionFile(*fx.s, kOffice, "DV100").result == "recognized");

  fx.create("QC2", *core::PartialDate::make(1996, 2, 2), "Lò Văn Hai");
  fx.advance("QC2", Stage::Decision);
  services::recordCeremony(*fx.s, kOffice, "QC2", {d(2024, 7, 20), "DV101", "", ""});
  services::recordRecognitionReview(*fx.s, kOffice, "DV101", d(2025, 7, 28), 3);
  CHECK_FALSE(services::recognitionFile(*fx.s, kOffice, "DV101").reviewPassed);
  CHECK(refusal([&] {
          services::recordRecognitionDecision(*fx.s, kOffice, "DV101", "121-QĐ/ĐU", d(2025, 8, 6), true);
        }).find("2/3") != std::string::npos);
  services::recordRecognitionDecision(*fx.s, kOffice, "DV101", "121-QĐ/ĐU", d(2025, 8, 6), false);
  auto r = services::memberFile(*fx.s, kOffice, "DV101");
  CHECK(r.member.status == "removed");
  CHECK(r.member.statusSince == d(2025, 8, 6));
  CHECK(r.events.back().kind == "removed");
  CHECK(r.events.back().reason == "du_bi_khong_dat");
  CHECK(r.events.back().decisionNo == "121-QĐ/ĐU");
  CHECK(services::recognitionFile(*fx.s, kOffice, "DV101").result == "failed");
}

TEST_CASE("admission: re-admission waits 36 months and is never possible after expulsion") {
  Fixture fx;
  core::Member m;
  m.code = "DV50";
  m.fullName = "Hà Văn Cũ";
  m.gender = "nam";
  m.birthDate = core::PartialDate::make(1990, 3, 3);
  m.ethnicity = "03";
  m.cccd = "014090001234";
  m.admittedOn = d(2015, 1, 5);
  services::addMember(*fx.s, kOffice, m, "CB01", "");
  services::recordAction(*fx.s, kOffice, "DV50", {"left", d(2023, 2, 1), "", "", "", ""});
  m.code = "DV51";
  m.fullName = "Hà Văn Lỗi";
  m.cccd = "014090009999";
  services::addMember(*fx.s, kOffice, m, "CB01", "");
  services::recordAction(*fx.s, kOffice, "DV51", {"expelled", d(2022, 2, 1), "", "", "5-QĐ/UBKT", ""});
  services::NewCandidate c;
  c.code = "QC9";
  c.fullName = "Hà Văn Cũ";
  c.birthDate = core::PartialDate::make(1990, 3, 3);
  c.gender = "nam";
  c.ethnicity = "03";
  c.cellCode = "CB01";
  c.listedOn = d(2025, 6, 1);
  // Same folded name and birth date, 28 months after leaving.
  CHECK(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).find("01/02/2026") !=
        std::string::npos);
  c.listedOn = d(2026, 2, 1);
  CHECK(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).empty());
  // Expelled: refused whatever the date, found by the CCCD.
  c.code = "QC10";
  c.fullName = "Hà Văn Khác Tên";
  c.cccd = "014090009999";
  CHECK(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).find("DV51") != std::string::npos);
}

TEST_CASE("admission: withdrawal and rejection need a reason and close the file") {
  Fixture fx;
  fx.create("QC1");
  fx.create("QC2", *core::PartialDate::make(1997, 1, 1), "Lò Văn Ba");
  CHECK_FALSE(
      refusal([&] { services::withdrawCandidate(*fx.s, kOffice, "QC1", d(2024, 2, 1), " "); }).empty());
  services::withdrawCandidate(*fx.s, kOffice, "QC1", d(2024, 2, 1), "Chuyển đi nơi khác");
  services::rejectCandidate(*fx.s, kOffice, "QC2", d(2024, 2, 1), "Thẩm tra chưa đạt");
  CHECK(services::candidateFile(*fx.s, kOffice, "QC1").candidate.status == "withdrawn");
  CHECK(services::candidateFile(*fx.s, kOffice, "QC2").candidate.outcomeReason == "Thẩm tra chưa đạt");
  CHECK_FALSE(
      refusal([&] { services::recordCertificate(*fx.s, kOffice, "QC1", "1", d(2024, 3, 1)); }).empty());
  // A secretary of another cell may neither read nor change the file.
  Actor other{"bt2", "secretary",
              store::RegisterRepository(services::storeOf(*fx.s)).organizationByCode("CB02")->id};
  CHECK_THROWS_AS(services::candidateFile(*fx.s, other, "QC1"), core::PermissionError);
  CHECK(services::listCandidates(*fx.s, other, {}).empty());
}

TEST_CASE("admission: the year's admissions against the term's yearly target") {
  Fixture fx;
  fx.s->saveTarget(kOffice, {"ket_nap_nam", 2020, 2025, 4});
  fx.s->saveTarget(kOffice, {"ket_nap_nhiem_ky", 2020, 2025, 20});
  fx.create("QC1");
  fx.create("QC2", *core::PartialDate::make(1997, 1, 1), "Lò Văn Ba");
  fx.advance("QC1", Stage::Ceremony);
  fx.advance("QC2", Stage::Decision);
  auto p = services::admissionProgress(*fx.s, kOffice, 2024, d(2026, 11, 29));
  CHECK(p.asOf == d(2024, 12, 31));
  // DV11 (admitted 01/07/2024 directly) + DV100 (QC1), and QC2 awaiting its ceremony.
  CHECK(p.admitted == 2);
  CHECK(p.awaitingCeremony == 1);
  CHECK(p.total == 3);
  CHECK(p.target == 4);
  CHECK(p.percentOfTarget == 750);
  CHECK(p.termName == "2020-2025");
  CHECK(p.termTarget == 20);
  REQUIRE(p.cells.size() == 1);
  CHECK(p.cells[0].cellCode == "CB01");
  CHECK(p.cells[0].admitted == 2);
  auto years = services::admissionsByYear(*fx.s, kOffice, d(2022, 1, 1), d(2023, 12, 31), d(2026, 11, 29));
  CHECK(years[0].total == 0);
  CHECK(years[1].total == 1);  // DV10, admitted 01/06/2023
  CHECK(years[1].termTotal == 1);
}

TEST_CASE(
    "admission: the candidate's CCCD has 12 digits, is unique among open files and passes to the member") {
  Fixture fx;
  services::NewCandidate c;
  c.code = "QC1";
  c.fullName = "Lò Thị Ứng";
  c.birthDate = core::PartialDate::make(1995, 5, 10);
  c.gender = "nu";
  c.ethnicity = "03";
  c.cellCode = "CB01";
  c.listedOn = d(2024, 1, 10);
  c.cccd = "01419500123";
  CHECK(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).find("12") != std::string::npos);
  c.cccd = "01419500123x";
  CHECK_FALSE(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).empty());
  c.cccd = "014195001234";
  services::createCandidate(*fx.s, kOffice, c);
  CHECK(services::candidateFile(*fx.s, kOffice, "QC1").candidate.cccd == "014195001234");
  // A second open file with the same CCCD is refused and names the first.
  c.code = "QC2";
  c.fullName = "Lò Thị Khác";
  CHECK(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).find("QC1") != std::string::npos);
  CHECK(services::listCandidates(*fx.s, kOffice, {}).size() == 1);
  fx.advance("QC1", Stage::Ceremony);
  CHECK(services::memberFile(*fx.s, kOffice, "DV100").member.cccd == "014195001234");
}

TEST_CASE("admission: a candidate over the maximum age is flagged and the province's approval is kept") {
  Fixture fx;
  fx.create("QC1");
  fx.create("QC2", *core::PartialDate::make(1963, 1, 5), "Lò Văn Già");
  auto flagged = [&](const std::string& code) {
    for (const auto& r : services::listCandidates(*fx.s, kOffice, {}))
      if (r.candidate.code == code) return r.overMaxAge;
    FAIL("no such candidate");
    return false;
  };
  CHECK_FALSE(flagged("QC1"));
  CHECK(flagged("QC2"));  // over 60 today, before the vote
  fx.advance("QC2", Stage::MassOrgComment);
  services::recordCellVote(*fx.s, kOffice, "QC2", {d(2024, 6, 3), 8, true, "15-CV/TU"});
  auto f = services::candidateFile(*fx.s, kOffice, "QC2");
  CHECK(f.candidate.needsProvincialApproval);
  CHECK(f.candidate.provincialApprovalNo == "15-CV/TU");
  CHECK(f.overMaxAge);
  fx.advance("QC1", Stage::CellVote);
  CHECK_FALSE(services::candidateFile(*fx.s, kOffice, "QC1").candidate.needsProvincialApproval);
  CHECK_FALSE(flagged("QC1"));
}

TEST_CASE("admission: never re-admitted after a removal on an excluded ground (a dated rule)") {
  Fixture fx;
  auto removed = [&](const std::string& code, const std::string& name, const std::string& ground) {
    core::Member m;
    m.code = code;
    m.fullName = name;
    m.gender = "nam";
    m.birthDate = core::PartialDate::make(1988, 4, 4);
    m.ethnicity = "03";
    m.admittedOn = d(2012, 1, 5);
    services::addMember(*fx.s, kOffice, m, "CB01", "");
    services::recordAction(*fx.s, kOffice, code, {"removed", d(2021, 3, 1), "", "", "7-QĐ/ĐU", ground});
  };
  removed("DV60", "Lò Văn Bỏ", "bo_sinh_hoat");
  removed("DV61", "Lò Văn Chậm", "khong_tien_bo");
  services::NewCandidate c;
  c.code = "QC60";
  c.fullName = "Lò Văn Bỏ";
  c.birthDate = core::PartialDate::make(1988, 4, 4);
  c.gender = "nam";
  c.ethnicity = "03";
  c.cellCode = "CB01";
  c.listedOn = d(2025, 6, 1);  // 51 months later: the wait is over, the ground is not
  CHECK(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).find("DV60") != std::string::npos);
  c.code = "QC61";
  c.fullName = "Lò Văn Chậm";
  CHECK(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).empty());
  // The rule is dated: from 2025-01-01 the office lists no excluded ground; a file listed then passes.
  fx.s->addRuleValue(kOffice, {"readmission.excluded_removal_grounds", d(2025, 1, 1), "", "thử", ""});
  c.code = "QC60";
  c.fullName = "Lò Văn Bỏ";
  CHECK(refusal([&] { services::createCandidate(*fx.s, kOffice, c); }).empty());
}

namespace {
// The paragraphs of a form, one a line.
std::string text(const services::ReportModel& r) {
  std::string all;
  for (const auto& sec : r.sections)
    for (const auto& p : sec.paragraphs) all += p + "\n";
  return all;
}
}  // namespace

TEST_CASE("admission papers: the cell's and the committee's resolutions from the file, each after its step") {
  Fixture fx;
  fx.create("QC1");
  fx.advance("QC1", Stage::MassOrgComment);
  CHECK(refusal([&] { services::admissionCellResolutionReport(*fx.s, kOffice, "QC1"); }).find("QC1") !=
        std::string::npos);
  fx.advance("QC1", Stage::CellVote, 8);
  const std::string cell = text(services::admissionCellResolutionReport(*fx.s, kOffice, "QC1"));
  CHECK(cell.find("03/06/2024") != std::string::npos);
  CHECK(cell.find("Chi bộ bản Nà Ớt") != std::string::npos);
  CHECK(cell.find("Lò Thị Ứng") != std::string::npos);
  CHECK(cell.find("10/05/1995") != std::string::npos);
  CHECK(cell.find("Lò Văn Một 1, Lò Văn Một 2") != std::string::npos);  // the sponsors
  // 8 in favour of the 10 official members on the vote day (DV10 official since 10/06/2024 is not yet).
  const auto vote = services::candidateFile(*fx.s, kOffice, "QC1").candidate;
  REQUIRE(vote.cellVoteOfficial);
  CHECK(cell.find(core::format(core::tr("{1} of {2} official members in favour"),
                               {"8", std::to_string(*vote.cellVoteOfficial)})) != std::string::npos);
  CHECK(refusal([&] { services::admissionResolutionReport(*fx.s, kOffice, "QC1"); }).find("QC1") !=
        std::string::npos);
  fx.advance("QC1", Stage::CommitteeResolution);
  const std::string committee = text(services::admissionResolutionReport(*fx.s, kOffice, "QC1"));
  CHECK(committee.find("45-NQ/ĐU") != std::string::npos);
  CHECK(committee.find("20/06/2024") != std::string::npos);
  CHECK(committee.find("03/06/2024") != std::string::npos);
  // Another cell's secretary prints neither.
  const Actor other{"bt2", "secretary", services::candidateFile(*fx.s, kOffice, "QC1").candidate.cellId + 1};
  CHECK_THROWS_AS(services::admissionCellResolutionReport(*fx.s, other, "QC1"), core::PermissionError);
  CHECK_THROWS_AS(services::admissionResolutionReport(*fx.s, other, "QC1"), core::PermissionError);
}

TEST_CASE(
    "recognition papers: the cell's review, the committee's resolution and decision, none for a failure") {
  Fixture fx;
  fx.create("QC1");
  fx.advance("QC1", Stage::Ceremony);
  CHECK_FALSE(refusal([&] { services::recognitionCellResolutionReport(*fx.s, kOffice, "DV100"); }).empty());
  CHECK_FALSE(refusal([&] { services::recognitionDecisionReport(*fx.s, kOffice, "DV100"); }).empty());
  const int official = services::recordRecognitionReview(*fx.s, kOffice, "DV100", d(2025, 7, 25), 8);
  const std::string votes =
      core::format(core::tr("{1} of {2} official members in favour"), {"8", std::to_string(official)});
  const std::string cell = text(services::recognitionCellResolutionReport(*fx.s, kOffice, "DV100"));
  CHECK(cell.find("25/07/2025") != std::string::npos);
  CHECK(cell.find(votes) != std::string::npos);
  CHECK(cell.find("20/07/2025") != std::string::npos);  // probation ended, official from that day
  // Before the decision is recorded its number and date are dots; then they are the decision's.
  std::string decision = text(services::recognitionDecisionReport(*fx.s, kOffice, "DV100"));
  CHECK(decision.find(core::format(core::tr("Decision number {1}, dated {2}."), {"…", "…"})) !=
        std::string::npos);
  services::recordRecognitionDecision(*fx.s, kOffice, "DV100", "120-QĐ/ĐU", d(2025, 8, 5), true);
  decision = text(services::recognitionDecisionReport(*fx.s, kOffice, "DV100"));
  CHECK(decision.find(core::format(core::tr("Decision number {1}, dated {2}."),
                                   {"120-QĐ/ĐU", "05/08/2025"})) != std::string::npos);
  CHECK(decision.find("20/07/2024") != std::string::npos);  // the ceremony
  CHECK(decision.find("20/07/2025") != std::string::npos);  // official from
  CHECK(text(services::recognitionResolutionReport(*fx.s, kOffice, "DV100")).find(votes) !=
        std::string::npos);

  // A review that failed: the cell's resolution says so; no resolution or decision of recognition.
  fx.create("QC2", *core::PartialDate::make(1996, 2, 2), "Lò Văn Hai");
  fx.advance("QC2", Stage::Decision);
  services::recordCeremony(*fx.s, kOffice, "QC2", {d(2024, 7, 20), "DV101", "", ""});
  services::recordRecognitionReview(*fx.s, kOffice, "DV101", d(2025, 7, 28), 3);
  const std::string failed = text(services::recognitionCellResolutionReport(*fx.s, kOffice, "DV101"));
  CHECK(failed.find(core::format(core::tr("Not to propose the recognition of {1}: the vote did not reach the "
                                          "share the Statute requires."),
                                 {"Lò Văn Hai"})) != std::string::npos);
  CHECK(refusal([&] { services::recognitionDecisionReport(*fx.s, kOffice, "DV101"); }).find("DV101") !=
        std::string::npos);
  CHECK_FALSE(refusal([&] { services::recognitionResolutionReport(*fx.s, kOffice, "DV101"); }).empty());

  // Recognised before the register kept reviews: the official date, dots for the review.
  const std::string old = text(services::recognitionDecisionReport(*fx.s, kOffice, "DV10"));
  CHECK(old.find("10/06/2024") != std::string::npos);
  // Never for another cell's secretary.
  CHECK_THROWS_AS(services::recognitionDecisionReport(*fx.s, {"bt2", "secretary", core::Id(2)}, "DV100"),
                  core::PermissionError);
}
