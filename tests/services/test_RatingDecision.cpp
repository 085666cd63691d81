#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "services/Ratings.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::RatingStage;

namespace {
const services::Actor kOffice = services::Actor::localOffice();

// One village cell CB01 with one member DV1 admitted in 2015, the 2025 round open.
struct OneMember {
  TempDir dir;
  std::unique_ptr<services::Services> s =
      services::Services::create(dir / "r.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
  OneMember() {
    services::storeOf(*s).db().exec(
        "INSERT INTO organizations (id, code, name, kind, category) VALUES (1, 'CB01', 'Chi bộ bản A', "
        "'truc_thuoc', 'ban');"
        "INSERT INTO members (id, code, full_name, gender, birth_date, ethnicity, cell_id, admitted_on, "
        "status) "
        "VALUES (1, 'DV1', 'Lò Văn Một', 'nam', '1980', '03', 1, '2015-03-01', 'active')");
    services::openRatingRound(*s, kOffice, 2025, *core::Date::make(2025, 12, 10));
  }
  void enter(RatingStage stage, const std::string& level) {
    services::enterMemberRatings(*s, kOffice, 2025, {{"DV1", stage, level, std::nullopt, std::nullopt}});
  }
  services::RatingSheetRow row() { return services::ratingSheet(*s, kOffice, 2025, "CB01").at(0); }
};
}  // namespace

TEST_CASE("rating: the cell's proposal and the committee's decision are separate acts") {
  OneMember f;
  f.enter(RatingStage::Proposal, "HTTNV");
  auto r = f.row();
  CHECK(r.proposedLevel == "HTTNV");
  CHECK(r.level == "HTTNV");  // counts as the proposal for now
  CHECK_FALSE(r.decided);     // but the committee has not decided
  CHECK(store::AuditRepository(services::storeOf(*f.s)).latest(1).at(0).action == "rating.propose");

  f.enter(RatingStage::Decision, "HTXSNV");
  r = f.row();
  CHECK(r.decided);
  CHECK(r.level == "HTXSNV");
  CHECK(store::AuditRepository(services::storeOf(*f.s)).latest(1).at(0).action == "rating.decide");

  // A proposal typed after the decision no longer changes it, even back to the decided level.
  f.enter(RatingStage::Proposal, "HTNV");
  r = f.row();
  CHECK(r.proposedLevel == "HTNV");
  CHECK(r.level == "HTXSNV");
  CHECK(r.decided);
  f.enter(RatingStage::Proposal, "HTXSNV");
  f.enter(RatingStage::Proposal, "HTTNV");
  CHECK(f.row().level == "HTXSNV");

  // Clearing the decision gives the level back to the proposal, undecided.
  f.enter(RatingStage::Decision, "");
  r = f.row();
  CHECK(r.level == "HTTNV");
  CHECK_FALSE(r.decided);
}
