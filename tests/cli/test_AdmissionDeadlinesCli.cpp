// Issue 5, "Done when": the deadlines of the admission files and of transfers as `report deadlines --format
// json` and `check --format json` print them, with due dates counted in working days over Tết and the public
// holidays; the age limit with and without the province's approval.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "../TestUtil.h"
#include "../services/AdmissionTestData.h"
#include "CliRun.h"
#include "cli/Cli.h"
#include "core/Errors.h"
#include "services/Deadlines.h"
#include "services/Register.h"
#include "services/RuleChecks.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/RecordsRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

namespace {
using test::admission::d;
const Actor kOffice = Actor::localOffice();

using Result = test::CliResult;
using test::runCli;

// The JSON objects of an array printed by the CLI that contain `needle` (a "key": "value" pair), each as
// text.
std::vector<std::string> objectsWith(const std::string& json, const std::string& needle) {
  std::vector<std::string> out;
  size_t at = 0;
  while ((at = json.find(needle, at)) != std::string::npos) {
    const size_t open = json.rfind('{', at), close = json.find('}', at);
    out.push_back(json.substr(open, close - open + 1));
    at = close;
  }
  return out;
}
bool has(const std::string& object, const std::string& pair) {
  return object.find(pair) != std::string::npos;
}

// One village cell, candidates listed in 2019 and members born in 1970.
struct Register : test::admission::OneCell {
  core::Candidate candidate(const std::string& code, core::PartialDate born) const {
    return OneCell::candidate(code, born, d(2019, 1, 2));
  }
  void member(const std::string& code, core::Date admitted, std::optional<core::Date> ceremony,
              std::optional<core::Date> official) {
    OneCell::member(code, admitted, ceremony, official, *core::PartialDate::make(1970, 1, 1));
  }
};
}  // namespace

TEST_CASE("admission done-when: report deadlines and check on the CLI, Tết and public holidays counted") {
  Register r;
  const auto born = *core::PartialDate::make(1995, 5, 10);
  // A certificate older than its validity (60 months): valid until 10/03/2025.
  auto expired = r.candidate("QC1", born);
  expired.certificateOn = d(2020, 3, 10);
  r.insert(expired);
  // A passed vote on 20/01/2026 and no decision: 60 working days, Tết 16-20/02/2026 off -> 21/04/2026.
  auto voted = r.candidate("QC2", born);
  voted.certificateOn = d(2025, 9, 1);
  voted.cellVoteOn = d(2026, 1, 20);
  voted.cellVoteOfficial = 9;
  voted.cellVoteInFavour = 7;
  r.insert(voted);
  // Over 60 at the cell's vote: without the province's approval flagged, with it not.
  auto old = r.candidate("QC3", *core::PartialDate::make(1964, 5, 10));
  old.certificateOn = d(2025, 9, 1);
  old.cellVoteOn = d(2026, 3, 2);
  old.cellVoteOfficial = 9;
  old.cellVoteInFavour = 8;
  old.needsProvincialApproval = true;
  r.insert(old);
  auto approved = old;
  approved.code = "QC4";
  approved.fullName = "Lò Thị QC4";
  r.insert(approved);
  // As recordCellVote stores the approval (RecordsRepository writes the stage fields only).
  services::storeOf(*r.s).db().exec(
      "UPDATE candidates SET provincial_approval_no = '15-CV/TU' WHERE code = 'QC4'");
  // Probation from the ceremony 02/02/2025 ends 02/02/2026; the cell reviews within 30 working days: Tết
  // moves the day from 16/03 to 23/03/2026.
  r.member("DV1", d(2025, 1, 20), d(2025, 2, 2), std::nullopt);
  // Two official members; one transfers out permanently on 26/01/2026: the papers are due within 60 working
  // days, Tết and Giỗ Tổ (27/04/2026) off -> 28/04/2026.
  r.member("DV2", d(2000, 1, 3), d(2000, 1, 10), d(2001, 1, 10));
  r.member("DV3", d(2000, 1, 3), d(2000, 1, 10), d(2001, 1, 10));
  services::recordAction(
      *r.s, kOffice, "DV3",
      {"transfer_out", d(2026, 1, 26), "", "Đảng bộ xã Hát Lót, tỉnh Sơn La", "12-GT/ĐU", ""});

  auto rep = runCli({"--db", r.path, "report", "deadlines", "--as-of", "2026-04-24", "--format", "json"});
  REQUIRE(rep.code == 0);
  auto one = [&](const std::string& code, const std::string& kind) {
    std::vector<std::string> out;
    for (auto& o : objectsWith(rep.out, "\"code\": \"" + code + "\""))
      if (has(o, "\"kind\": \"" + kind + "\"")) out.push_back(o);
    REQUIRE(out.size() == 1);
    return out[0];
  };
  const auto cert = one("QC1", "certificate_expiry");
  CHECK(has(cert, "\"due\": \"2025-03-10\""));
  CHECK(has(cert, "\"overdue_days\": 410"));
  const auto decision = one("QC2", "decision_due");
  CHECK(has(decision, "\"due\": \"2026-04-21\""));
  CHECK(has(decision, "\"overdue_days\": 3"));
  CHECK(r.s->calendar().workingDaysBetween(d(2026, 1, 20), d(2026, 4, 21)) == 60);
  const auto review = one("DV1", "recognition_due");
  CHECK(has(review, "\"due\": \"2026-03-23\""));
  CHECK(has(review, "\"overdue_days\": 32"));
  CHECK(r.s->calendar().workingDaysBetween(d(2026, 2, 2), d(2026, 3, 23)) == 30);
  const auto transfer = one("DV3", "transfer_due");
  CHECK(has(transfer, "\"due\": \"2026-04-28\""));
  CHECK(has(transfer, "\"overdue_days\": -4"));
  CHECK(r.s->calendar().workingDaysBetween(d(2026, 1, 26), d(2026, 4, 28)) == 60);
  CHECK(objectsWith(rep.out, "\"code\": \"DV2\"").empty());

  // check: the age limit for QC3 alone (QC4 has the approval), the overdue deadlines with their subjects.
  auto chk = runCli({"--db", r.path, "check", "--as-of", "2026-04-24", "--format", "json"});
  CHECK(chk.code == 1);
  const auto ages = objectsWith(chk.out, "\"rule\": \"age_limit\"");
  REQUIRE(ages.size() == 1);
  CHECK(has(ages[0], "\"subject\": \"QC3\""));
  CHECK(has(ages[0], "\"year\": 2026"));
  std::string overdue;
  for (const auto& o : objectsWith(chk.out, "\"rule\": \"overdue\"")) overdue += o;
  for (const char* code : {"QC1", "QC2", "DV1"})
    CHECK(has(overdue, std::string("\"subject\": \"") + code + "\""));
  CHECK_FALSE(has(overdue, "\"subject\": \"DV3\""));  // still ahead on 24/04
}

TEST_CASE("admission: over 60 at the vote is an age_limit finding only without the province's approval") {
  Register r;
  auto c = r.candidate("QC1", *core::PartialDate::make(1964, 5, 10));
  c.certificateOn = d(2025, 9, 1);
  c.cellVoteOn = d(2026, 3, 2);
  c.cellVoteOfficial = 9;
  c.cellVoteInFavour = 8;
  c.needsProvincialApproval = true;
  r.insert(c);
  auto ages = [&] {
    std::vector<std::string> out;
    for (const auto& f : services::checkRules(*r.s, kOffice, d(2026, 4, 24)))
      if (f.rule == "age_limit") out.push_back(f.subject);
    return out;
  };
  CHECK(ages() == std::vector<std::string>{"QC1"});
  services::storeOf(*r.s).db().exec(
      "UPDATE candidates SET provincial_approval_no = '15-CV/TU' WHERE code = 'QC1'");
  CHECK(ages().empty());
  // The younger limit is not lifted by an approval: under 18 stays a finding.
  r.insert(r.candidate("QC2", *core::PartialDate::make(2009, 6, 1)));
  services::storeOf(*r.s).db().exec(
      "UPDATE candidates SET provincial_approval_no = '15-CV/TU' WHERE code = 'QC2'");
  CHECK(ages() == std::vector<std::string>{"QC2"});
}

TEST_CASE("deadline: a permanent transfer out is due within the dated working-day rule until its receipt") {
  Register r;
  r.member("DV1", d(2000, 1, 3), d(2000, 1, 10), d(2001, 1, 10));
  r.member("DV2", d(2000, 1, 3), d(2000, 1, 10), d(2001, 1, 10));
  services::recordAction(
      *r.s, kOffice, "DV1",
      {"transfer_out", d(2026, 1, 26), "", "Đảng bộ xã Hát Lót, tỉnh Sơn La", "12-GT/ĐU", ""});
  services::recordAction(*r.s, kOffice, "DV2",
                         {"temp_out", d(2026, 1, 26), "", "Trường Chính trị tỉnh", "", ""});
  auto transfers = [&](const core::Date& asOf) {
    std::vector<services::Deadline> out;
    for (auto& x : services::deadlines(*r.s, kOffice, asOf))
      if (x.kind == "transfer_due") out.push_back(x);
    return out;
  };
  CHECK(transfers(d(2026, 1, 25)).empty());  // not yet transferred
  auto t = transfers(d(2026, 4, 24));
  REQUIRE(t.size() == 1);  // a temporary absence is not a transfer with papers due
  CHECK(t[0].code == "DV1");
  CHECK(t[0].from == d(2026, 1, 26));
  CHECK(t[0].due == d(2026, 4, 28));
  CHECK(t[0].step == "Đảng bộ xã Hát Lót, tỉnh Sơn La");
  CHECK(services::checkOverdue(*r.s, kOffice, d(2026, 4, 28)).empty());
  auto late = services::checkOverdue(*r.s, kOffice, d(2026, 5, 4));
  REQUIRE(late.size() == 1);
  CHECK(late[0].subject == "DV1");
  CHECK(late[0].message.find("28/04/2026") != std::string::npos);
  CHECK(late[0].message.find("Hát Lót") != std::string::npos);

  // The dated rule: from 01/01/2026 on, 30 working days -> 16/03/2026 (Tết off).
  services::storeOf(*r.s).db().exec(
      "INSERT INTO rule_values (key, valid_from, value, regulation, note, created_at, created_by) VALUES "
      "('transfer.permanent_working_days', '2026-01-01', '30', 'thử', '', '2026-01-01T00:00:00Z', 'test')");
  t = transfers(d(2026, 4, 24));
  REQUIRE(t.size() == 1);
  CHECK(t[0].due == d(2026, 3, 16));
  CHECK(r.s->calendar().workingDaysBetween(d(2026, 1, 26), d(2026, 3, 16)) == 30);

  // The receipt closes it; it cannot be dated before the transfer, nor recorded for a member still here.
  CHECK_THROWS_AS(services::recordTransferReceipt(*r.s, kOffice, "DV1", d(2026, 1, 20)), core::DataError);
  CHECK_THROWS_AS(services::recordTransferReceipt(*r.s, kOffice, "DV2", d(2026, 3, 2)), core::DataError);
  services::recordTransferReceipt(*r.s, kOffice, "DV1", d(2026, 3, 2));
  CHECK(transfers(d(2026, 4, 24)).empty());
  // The member's history shows the receipt on the transfer (and on nothing else).
  const auto events = services::memberFile(*r.s, kOffice, "DV1").events;
  REQUIRE_FALSE(events.empty());
  CHECK(events.back().kind == "transfer_out");
  CHECK(events.back().receivedOn == d(2026, 3, 2));
  CHECK(std::count_if(events.begin(), events.end(),
                      [](const core::MemberEvent& e) { return e.receivedOn; }) == 1);
  CHECK_THROWS_AS(services::recordTransferReceipt(*r.s, kOffice, "DV1", d(2026, 3, 3)), core::DataError);
}
