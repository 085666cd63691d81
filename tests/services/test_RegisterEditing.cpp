#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "services/MemberList.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/RegisterRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

namespace {
core::Date d(int y, int m, int dd) {
  return *core::Date::make(y, m, dd);
}
const Actor kOffice = Actor::localOffice();

core::Organization cell(const std::string& code, const std::string& name,
                        std::optional<core::Date> founded = {}) {
  core::Organization o;
  o.code = code;
  o.name = name;
  o.kind = "truc_thuoc";
  o.category = "ban";
  o.founded = founded;
  return o;
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<services::Services> s =
      services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "Sơn La", "", ""});
  Fixture() {
    for (auto [code, name] : {std::pair{"CB01", "Chi bộ bản Nà Ớt"},
                              {"CB02", "Chi bộ bản Co Kè"},
                              {"CB03", "Chi bộ bản Huổi Dạ"}})
      services::addOrganization(*s, kOffice, cell(code, name, d(1960, 1, 1)));
  }
  core::Member member(const std::string& code, const std::string& name) {
    core::Member m;
    m.code = code;
    m.fullName = name;
    m.gender = "nam";
    m.birthDate = core::PartialDate::make(1980, 5, 2);
    m.ethnicity = "03";
    m.admittedOn = d(2010, 3, 1);
    m.ceremonyOn = d(2010, 3, 20);
    m.officialOn = d(2011, 3, 20);
    return m;
  }
  std::vector<std::string> codesOn(const core::Date& day, const std::string& cell = "") {
    services::MemberFilter f;
    f.asOf = day;
    f.cellCode = cell;
    std::vector<std::string> out;
    for (const auto& r : services::listMembers(*s, kOffice, f)) out.push_back(r.code);
    return out;
  }
};

std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const core::DataError& e) {
    return e.what();
  }
  return {};
}
}  // namespace

TEST_CASE("register: a new member gets the first events of the history and an audit row") {
  Fixture fx;
  services::addMember(*fx.s, kOffice, fx.member("DV1", "Lò Văn Pằn"), "CB01", "12-QĐ/ĐU");
  auto f = services::memberFile(*fx.s, kOffice, "DV1");
  CHECK(f.cellCode == "CB01");
  REQUIRE(f.events.size() == 2);
  CHECK(f.events[0].kind == "admitted");
  CHECK(f.events[0].decisionNo == "12-QĐ/ĐU");
  CHECK(f.events[1].kind == "recognized");
  CHECK(store::AuditRepository(services::storeOf(*fx.s)).latest(1).at(0).action == "member.add");
}

TEST_CASE("register: member records are validated with one message per problem") {
  Fixture fx;
  auto m = fx.member("DV1", "  ");
  m.cccd = "0141234567890";  // 13 digits
  m.ethnicity = "99";
  m.officialOn = d(2010, 3, 10);  // before the ceremony
  std::string msg = refusal([&] { services::addMember(*fx.s, kOffice, m, "CB01", ""); });
  CHECK(msg.find("họ và tên") != std::string::npos);
  CHECK(msg.find("0141234567890") != std::string::npos);
  CHECK(msg.find("54 dân tộc") != std::string::npos);
  CHECK(msg.find("10/03/2010") != std::string::npos);
  CHECK(std::count(msg.begin(), msg.end(), '\n') == 3);
  auto young = fx.member("DV2", "Cà Văn Út");
  young.birthDate = core::PartialDate::make(2000);
  CHECK_FALSE(refusal([&] { services::addMember(*fx.s, kOffice, young, "CB01", ""); }).empty());
  services::addMember(*fx.s, kOffice, fx.member("DV3", "Vì Văn Ơn"), "CB01", "");
  CHECK(refusal([&] {
          services::addMember(*fx.s, kOffice, fx.member("DV3", "Vì Thị Ơn"), "CB02", "");
        }).find("DV3") != std::string::npos);
  CHECK_FALSE(refusal([&] {
                services::addMember(*fx.s, kOffice, fx.member("DV4", "Vì Thị Ơn"), "CB99", "");
              }).empty());
}

TEST_CASE("register: any date's state follows the dated actions") {
  Fixture fx;
  services::addMember(*fx.s, kOffice, fx.member("DV1", "Lò Văn Pằn"), "CB01", "");
  services::addMember(*fx.s, kOffice, fx.member("DV2", "Quàng Thị Ánh"), "CB01", "");
  services::recordAction(*fx.s, kOffice, "DV1", {"moved", d(2020, 6, 1), "CB02", "", "", ""});
  services::recordAction(*fx.s, kOffice, "DV1", {"exempted", d(2023, 1, 1), "", "", "", "tuổi cao"});
  services::recordAction(*fx.s, kOffice, "DV2",
                         {"transfer_out", d(2024, 7, 1), "", "Đảng bộ xã Mường Bú", "", ""});
  CHECK(fx.codesOn(d(2020, 5, 31), "CB01") == std::vector<std::string>{"DV2", "DV1"});  // Ánh before Pằn
  CHECK(fx.codesOn(d(2020, 6, 1), "CB02") == std::vector<std::string>{"DV1"});
  CHECK(fx.codesOn(d(2024, 6, 30)).size() == 2);
  CHECK(fx.codesOn(d(2024, 7, 1)) == std::vector<std::string>{"DV1"});
  auto f = services::memberFile(*fx.s, kOffice, "DV1");
  CHECK(f.member.status == "exempt");
  CHECK(f.member.statusSince == d(2023, 1, 1));
  CHECK(f.cellCode == "CB02");
}

TEST_CASE("register: impossible actions are refused and nothing is written") {
  Fixture fx;
  services::addMember(*fx.s, kOffice, fx.member("DV1", "Lò Văn Pằn"), "CB01", "");
  services::recordAction(*fx.s, kOffice, "DV1", {"exempted", d(2023, 1, 1), "", "", "", ""});
  auto before = services::memberFile(*fx.s, kOffice, "DV1");
  // Out of date order, wrong status, missing ground, missing destination, already official.
  CHECK_FALSE(refusal([&] {
                services::recordAction(*fx.s, kOffice, "DV1", {"moved", d(2022, 1, 1), "CB02", "", "", ""});
              }).empty());
  CHECK_FALSE(refusal([&] {
                services::recordAction(*fx.s, kOffice, "DV1", {"exempted", d(2024, 1, 1), "", "", "", ""});
              }).empty());
  CHECK_FALSE(refusal([&] {
                services::recordAction(*fx.s, kOffice, "DV1", {"removed", d(2024, 1, 1), "", "", "5-QĐ", ""});
              }).empty());
  CHECK_FALSE(
      refusal([&] {
        services::recordAction(*fx.s, kOffice, "DV1", {"transfer_out", d(2024, 1, 1), "", "", "", ""});
      }).empty());
  CHECK_FALSE(refusal([&] {
                services::recordAction(*fx.s, kOffice, "DV1", {"recognized", d(2024, 1, 1), "", "", "", ""});
              }).empty());
  CHECK_FALSE(refusal([&] {
                services::recordAction(*fx.s, kOffice, "DV1", {"admitted", d(2024, 1, 1), "", "", "", ""});
              }).empty());
  auto after = services::memberFile(*fx.s, kOffice, "DV1");
  CHECK(after.events.size() == before.events.size());
  CHECK(after.member.status == "exempt");
  // A removal with its ground and decision is recorded with its own row.
  services::recordAction(*fx.s, kOffice, "DV1", {"exemption_ended", d(2024, 1, 1), "", "", "", ""});
  services::recordAction(*fx.s, kOffice, "DV1",
                         {"removed", d(2024, 5, 1), "", "", "7-QĐ/ĐU", "bo_sinh_hoat"});
  CHECK(services::memberFile(*fx.s, kOffice, "DV1").member.status == "removed");
  CHECK(fx.s->summary(d(2024, 6, 1)).removals == 1);
}

TEST_CASE("register: a merger keeps the old cells for earlier dates") {
  Fixture fx;
  services::addMember(*fx.s, kOffice, fx.member("DV1", "Lò Văn Pằn"), "CB01", "");
  services::addMember(*fx.s, kOffice, fx.member("DV2", "Cà Thị Ơn"), "CB02", "");
  services::mergeOrganizations(*fx.s, kOffice, {"CB02"}, "CB01", d(2022, 7, 1), "30-QĐ/HU");
  CHECK(fx.s->summary(d(2022, 6, 30)).organizations == 3);
  CHECK(fx.s->summary(d(2022, 7, 1)).organizations == 2);
  CHECK(fx.codesOn(d(2022, 6, 30), "CB02") == std::vector<std::string>{"DV2"});
  CHECK(fx.codesOn(d(2022, 7, 1), "CB01").size() == 2);
  CHECK_FALSE(refusal([&] {
                services::mergeOrganizations(*fx.s, kOffice, {"CB02"}, "CB03", d(2023, 1, 1), "");
              }).empty());
  // Dissolution needs a destination for members still there.
  CHECK_FALSE(refusal([&] {
                services::dissolveOrganization(*fx.s, kOffice, "CB01", d(2024, 1, 1), "", "");
              }).empty());
  services::dissolveOrganization(*fx.s, kOffice, "CB01", d(2024, 1, 1), "2-QĐ", "CB03");
  CHECK(fx.codesOn(d(2024, 1, 1), "CB03").size() == 2);
  // A split founds a new cell with the chosen members.
  core::Organization part = cell("CB04", "Chi bộ bản Nà Hạ");
  services::splitOrganization(*fx.s, kOffice, "CB03", part, {"DV2"}, d(2025, 3, 1), "");
  CHECK(fx.codesOn(d(2025, 3, 1), "CB04") == std::vector<std::string>{"DV2"});
  CHECK(fx.codesOn(d(2025, 2, 28), "CB03").size() == 2);
}

TEST_CASE("register: cell committee, secretary and training, permissions") {
  Fixture fx;
  services::addMember(*fx.s, kOffice, fx.member("DV1", "Lò Văn Pằn"), "CB01", "");
  auto probationary = fx.member("DV2", "Cà Thị Ơn");
  probationary.officialOn.reset();
  probationary.admittedOn = d(2026, 1, 5);
  probationary.ceremonyOn = d(2026, 1, 20);
  services::addMember(*fx.s, kOffice, probationary, "CB01", "");
  services::setCellCommittee(*fx.s, kOffice, "CB01", true, d(2020, 8, 1), "1-QĐ");
  CHECK_FALSE(
      refusal([&] { services::setCellCommittee(*fx.s, kOffice, "CB01", true, d(2021, 1, 1), ""); }).empty());
  services::setCellLeader(*fx.s, kOffice, "CB01", "DV1", "bi_thu", d(2020, 8, 1), "");
  CHECK_FALSE(refusal([&] {
                services::setCellLeader(*fx.s, kOffice, "CB01", "DV2", "bi_thu", d(2026, 2, 1), "");
              }).empty());
  CHECK(services::cellLeaders(*fx.s, kOffice, "CB01").size() == 1);
  services::addTraining(*fx.s, kOffice, "DV1", 2026, d(2026, 4, 10), "Bồi dưỡng bí thư chi bộ");
  CHECK(services::memberFile(*fx.s, kOffice, "DV1").trainings.size() == 1);

  const Actor secretary{"bithu2", "secretary", fx.s->organizations(kOffice)[1].id};  // CB02
  const Actor leader{"lanhdao", "leadership", std::nullopt};
  CHECK_THROWS_AS(
      services::recordAction(*fx.s, secretary, "DV1", {"exempted", d(2026, 5, 1), "", "", "", ""}),
      core::PermissionError);
  CHECK_THROWS_AS(services::memberFile(*fx.s, secretary, "DV1"), core::PermissionError);
  CHECK_THROWS_AS(services::addOrganization(*fx.s, secretary, cell("CB09", "Chi bộ X")),
                  core::PermissionError);
  CHECK_THROWS_AS(services::updateMember(*fx.s, leader, fx.member("DV1", "Lò Văn Pằn"), ""),
                  core::PermissionError);
  CHECK_NOTHROW(services::memberFile(*fx.s, leader, "DV1"));
}

TEST_CASE("register: a details change keeps status and cell, and is audited with old and new values") {
  Fixture fx;
  services::addMember(*fx.s, kOffice, fx.member("DV1", "Lo\u0300 Va\u0306n Pa\u0306\u0300n"), "CB01", "");
  auto f = services::memberFile(*fx.s, kOffice, "DV1");
  CHECK(f.member.fullName == "Lò Văn Pằn");  // stored composed
  core::Member m = f.member;
  m.phone = "0912 345 678";
  m.status = "deceased";  // ignored: status changes only by actions
  services::updateMember(*fx.s, kOffice, m, "bổ sung số điện thoại");
  auto g = services::memberFile(*fx.s, kOffice, "DV1");
  CHECK(g.member.phone == "0912 345 678");
  CHECK(g.member.status == "active");
  auto last = store::AuditRepository(services::storeOf(*fx.s)).latest(1).at(0);
  CHECK(last.action == "member.update");
  CHECK(last.oldValue == "phone: ");
  CHECK(last.newValue == "phone: 0912 345 678");
  CHECK(last.reason == "bổ sung số điện thoại");
}
