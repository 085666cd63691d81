#include <doctest/doctest.h>

#include "AdmissionTestData.h"
#include "core/Errors.h"
#include "services/Admissions.h"
#include "services/CandidateCorrection.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"

using namespace dangbo;
using dangbo::test::admission::d;
using services::Actor;

namespace {
services::CandidateCorrection fixed(const core::Candidate& c) {
  return {c.fullName, c.birthDate, c.cccd, c.occupation, *c.listedOn, "Sai chính tả khi lập hồ sơ"};
}
}  // namespace

TEST_CASE("candidate details are correctable after the listing, with a reason, audited") {
  test::admission::OneCell fx;
  auto c = fx.candidate("QC1", *core::PartialDate::parse("1998-04-02"), d(2026, 9, 15));
  c.certificateOn = d(2026, 10, 1);  // the next stage, recorded
  c.certificateNo = "12";
  fx.insert(c);
  const Actor office = Actor::localOffice();

  services::CandidateCorrection in = fixed(c);
  in.fullName = "Lò Thị Hoà";
  in.birthDate = *core::PartialDate::parse("1998-04-12");
  in.cccd = "014198001234";
  in.occupation = "Giáo viên";
  in.listedOn = d(2026, 8, 20);  // earlier than the default day the form proposed
  services::correctCandidate(*fx.s, office, "QC1", in);
  const auto file = services::candidateFile(*fx.s, office, "QC1");
  CHECK(file.candidate.fullName == "Lò Thị Hoà");
  CHECK(file.candidate.birthDate->vn() == "12/04/1998");
  CHECK(file.candidate.cccd == "014198001234");
  CHECK(file.candidate.occupation == "Giáo viên");
  CHECK(file.candidate.listedOn == d(2026, 8, 20));
  CHECK(file.candidate.certificateOn == d(2026, 10, 1));  // the stages are untouched
  const auto audit = store::AuditRepository(services::storeOf(*fx.s)).latest(1);
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].action == "candidate.correct");
  CHECK(audit[0].reason == "Sai chính tả khi lập hồ sơ");
  CHECK(audit[0].oldValue.find("full_name=Lò Thị QC1") != std::string::npos);
  CHECK(audit[0].newValue.find("listed_on=2026-08-20") != std::string::npos);

  // Refusals, nothing written: no reason, a listing day after the next stage, a bad CCCD, no change.
  auto again = fixed(services::candidateFile(*fx.s, office, "QC1").candidate);
  auto refused = [&](services::CandidateCorrection x) {
    CHECK_THROWS_AS(services::correctCandidate(*fx.s, office, "QC1", x), core::DataError);
  };
  auto noReason = again;
  noReason.fullName = "Lò Thị Khác";
  noReason.reason = "  ";
  refused(noReason);
  auto late = again;
  late.listedOn = d(2026, 10, 2);
  refused(late);
  auto badId = again;
  badId.cccd = "12345";
  refused(badId);
  refused(again);  // nothing changed
  CHECK(services::candidateFile(*fx.s, office, "QC1").candidate.fullName == "Lò Thị Hoà");

  // A secretary of another cell may not correct it.
  const Actor other{"bithu2", "secretary", fx.cell + 100};
  auto byOther = again;
  byOther.fullName = "Lò Thị Khác";
  CHECK_THROWS_AS(services::correctCandidate(*fx.s, other, "QC1", byOther), core::PermissionError);
}
