// The door of a year's rating written as one value (services/YearRatings.h): an open round through the
// ratings page's calls, a locked one refused, a past year without a round recorded with the page's checks of
// the member's or cell's presence on 31 December and its audit row.
#include "services/YearRatings.h"

#include <map>
#include <optional>
#include <vector>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/VietText.h"
#include "services/Ratings.h"
#include "services/RatingsInternal.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/RatingRepository.h"

namespace dangbo::services {

using core::DataError;
using core::format;
using core::PermissionError;
using core::tr;
using namespace rating_detail;

namespace {

constexpr const char* kMember = "dang_vien";
constexpr const char* kOrg = "to_chuc";

// What a checked rating names: the subject's row, its cell that year, the level's code, the year's round.
struct Checked {
  core::Id subject = 0;
  std::optional<core::Id> cell;
  std::string code, level;
  bool open = false;  // the year's round is open: the page's calls write it
};

}  // namespace

struct YearRatingDoor::State {
  State(Services& svc, const Actor& a) : s(svc), actor(a) {}
  Services& s;
  Actor actor;
  core::Date today = core::Date::today();
  std::optional<Register> reg;
  std::map<int, std::optional<store::RatingRound>> rounds;
  std::map<int, std::vector<RatingInput>> members, cells;  // waiting for the open rounds' calls

  const Register& registerOf() {
    if (!reg) reg = loadRegister(storeOf(s));
    return *reg;
  }
  const std::optional<store::RatingRound>& round(int year) {
    auto it = rounds.find(year);
    if (it == rounds.end()) it = rounds.emplace(year, store::RatingRepository(storeOf(s)).round(year)).first;
    return it->second;
  }

  Checked resolve(const YearRating& r, std::string* field) {
    auto at = [&](const char* f) {
      if (field) *field = f;
    };
    const std::string year = std::to_string(r.year);
    at("subject_type");
    if (!isOffice(actor) && actor.role != "secretary") requireOffice(actor, tr("enter ratings"));
    if (r.subjectType != kMember && r.subjectType != kOrg)
      throw DataError(format(tr("\"{1}\" is not one of the allowed values."), {r.subjectType}));
    if (r.subjectType == kOrg) requireOffice(actor, tr("rate the cells"));
    at("year");
    if (r.year > today.year())
      throw DataError(format(tr("The year {1} has not come yet: it has no rating."), {year}));
    const auto& rd = round(r.year);
    if (rd && rd->status == "locked")
      throw DataError(
          format(tr("The rating round of {1} is locked: reopen it, with a reason, to change it."), {year}));
    if (!rd && r.year >= today.year())
      throw DataError(format(tr("There is no rating round for {1}: the office must open it first."), {year}));
    Checked c;
    c.open = rd.has_value();
    const core::Date day = ratingDay(r.year);
    const Register& g = registerOf();
    at("code");
    if (r.subjectType == kOrg) {
      auto o = g.org(core::normalizeText(r.code));
      if (!o) throw DataError(format(tr("There is no cell with the code {1}."), {r.code}));
      if (!existsOn(*o, day))
        throw DataError(format(tr("The cell {1} does not exist on {2}."), {o->code, day.vn()}));
      c.subject = o->id;
      c.code = o->code;
    } else {
      auto it = g.byCode.find(core::normalizeText(r.code));
      if (it == g.byCode.end())
        throw DataError(format(tr("There is no member with the code {1}."), {r.code}));
      const size_t i = it->second;
      if (!g.present(i, day))
        throw DataError(
            format(tr("{1} is not a member of the committee on 31/12/{2} and is not rated for {2}."),
                   {g.label(i), year}));
      c.subject = g.member(i).id;
      c.code = g.member(i).code;
      c.cell = g.cellOn(i, day);
      // The committee's decision of an open round is the office's; a past year's level, as the office's old
      // records hold it, may also be entered by the secretary of the cell the member belonged to that year.
      if (c.open) requireOffice(actor, tr("decide ratings"));
      if (!isOffice(actor) && actor.cellId != c.cell)
        throw PermissionError(
            format(tr("The account {1} may change only the members of its own cell."), {actor.username}));
      if (c.open) {
        const Eligibility e = judgeEligibility(factsOf(g, i), r.year, s.ruleBook());
        if (!e.eligible())
          throw DataError(format(tr("{1} is not rated for {2}: {3}"), {g.label(i), year, e.message}));
      }
    }
    at("level");
    c.level = parseLevel(r.level);
    if (c.level.empty())
      throw DataError(format(tr("{1}: {2}"), {tr("rating level"), tr("a value is required.")}));
    return c;
  }
};

YearRatingDoor::YearRatingDoor(Services& s, const Actor& actor) : st_(std::make_unique<State>(s, actor)) {}
YearRatingDoor::~YearRatingDoor() = default;

void YearRatingDoor::check(const YearRating& r, std::string* field) {
  st_->resolve(r, field);
}

void YearRatingDoor::record(const YearRating& r) {
  const Checked c = st_->resolve(r, nullptr);
  RatingInput in{c.code, RatingStage::Decision, c.level, std::nullopt, std::nullopt};
  if (c.open) {
    (r.subjectType == kOrg ? st_->cells : st_->members)[r.year].push_back(in);
    return;
  }
  store::RatingRepository repo(storeOf(st_->s));
  if (auto before = repo.rating(r.year, r.subjectType, c.subject); before && before->level == c.level) return;
  storeOf(st_->s).transaction([&] {
    applyInput(st_->s, st_->actor, repo, r.year, r.subjectType, c.subject, c.cell, c.code, in, c.level);
  });
}

void YearRatingDoor::flush() {
  for (auto& [year, inputs] : st_->members) enterMemberRatings(st_->s, st_->actor, year, inputs);
  for (auto& [year, inputs] : st_->cells) rateOrganizations(st_->s, st_->actor, year, inputs);
  st_->members.clear();
  st_->cells.clear();
}

void checkYearRating(Services& s, const Actor& actor, const YearRating& r, std::string* field) {
  YearRatingDoor(s, actor).check(r, field);
}

void recordYearRating(Services& s, const Actor& actor, const YearRating& r) {
  YearRatingDoor door(s, actor);
  door.record(r);
  door.flush();
}

std::string yearRatingLevel(Services& s, const Actor& actor, const YearRating& key) {
  require(actor, Permission::ReadRegister);
  const Register g = loadRegister(storeOf(s));
  std::optional<core::Id> subject;
  if (key.subjectType == kOrg) {
    if (auto o = g.org(core::normalizeText(key.code))) subject = o->id;
  } else if (auto it = g.byCode.find(core::normalizeText(key.code)); it != g.byCode.end()) {
    if (actor.role == "secretary" && g.cellOn(it->second, ratingDay(key.year)) != actor.cellId)
      throw PermissionError(
          format(tr("The account {1} may read only the members of its own cell."), {actor.username}));
    subject = g.member(it->second).id;
  }
  if (!subject) return {};
  auto r = store::RatingRepository(storeOf(s)).rating(key.year, key.subjectType, *subject);
  return r ? r->level : std::string();
}

}  // namespace dangbo::services
