// Kinds `rating` (a member's values on the ratings page: services::enterMemberRatings), `cell_rating` (the
// cells' sheet: rateOrganizations), `rating_round` (open, lock, reopen a year's round) and `year_rating` (a
// year's level of a member or a cell as xep_loai.csv holds it: services::recordYearRating, the import's
// door).
#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/YearRatings.h"

namespace dangbo::cli::record {

namespace {

void warn(Context& c, const std::vector<services::CheckFinding>& warnings) {
  for (const auto& w : warnings) c.err << w.message << "\n";
}

std::optional<std::string> optionalText(const Values& v, const char* name) {
  return v.has(name) ? std::optional(v.text(name)) : std::nullopt;
}

Kind memberRatingKind() {
  Kind k{"rating",
         N_("a member's rating of a year (self-assessment, the cell's proposal, the committee's level); KEY: "
            "MEMBER/YEAR"),
         {field("self_level", N_("Self-assessment"), T::Enum, &core::enums::ratingLevel),
          field("proposed_level", N_("Cell's proposal"), T::Enum, &core::enums::ratingLevel),
          field("level", N_("Level"), T::Enum, &core::enums::ratingLevel),
          field("score", N_("Score"), T::Integer), field("exception_reason", N_("Exception"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto [code, y] = splitKey(key, "MEMBER/YEAR");
    const auto file = services::memberFile(c.s, c.actor, code);
    for (const auto& r : services::ratingSheet(c.s, c.actor, yearOf(y), file.cellCode))
      if (r.code == code) {
        line(c.out, "self_level", r.selfLevel);
        line(c.out, "proposed_level", r.proposedLevel);
        line(c.out, "level", r.decided ? r.level : "");
        line(c.out, "score", r.score ? std::to_string(*r.score) : "");
        line(c.out, "exception_reason", r.exceptionReason);
        line(c.out, "eligibility", r.eligibility);
      }
  };
  // One input per stage given, in the page's order; a score goes with the level given beside it, or as the
  // page does with the account's own stage (the office decides, a secretary proposes).
  k.set = [](Context& c, const std::string& key, const Values& v) {
    const auto [code, y] = splitKey(key, "MEMBER/YEAR");
    const bool office = c.actor.role == "admin" || c.actor.role == "office";
    const services::RatingStage scoreStage = v.has("level")            ? services::RatingStage::Decision
                                             : v.has("proposed_level") ? services::RatingStage::Proposal
                                             : office                  ? services::RatingStage::Decision
                                                                       : services::RatingStage::Proposal;
    std::vector<services::RatingInput> inputs;
    auto input = [&](services::RatingStage stage, const char* levelField) {
      services::RatingInput in;
      in.subjectCode = code;
      in.stage = stage;
      in.level = v.text(levelField);
      if (stage == scoreStage) in.score = v.integer("score");
      if (stage == services::RatingStage::Decision) in.exceptionReason = optionalText(v, "exception_reason");
      inputs.push_back(in);
    };
    if (v.has("self_level")) input(services::RatingStage::SelfAssessment, "self_level");
    if (v.has("proposed_level") || (v.has("score") && scoreStage == services::RatingStage::Proposal))
      input(services::RatingStage::Proposal, "proposed_level");
    if (v.has("level") || v.has("exception_reason") ||
        (v.has("score") && scoreStage == services::RatingStage::Decision))
      input(services::RatingStage::Decision, "level");
    if (inputs.empty()) throw UsageError(tr("record set needs at least one FIELD=VALUE."));
    warn(c, services::enterMemberRatings(c.s, c.actor, yearOf(y), inputs));
    c.err << format(tr("Rating {1} saved."), {key}) << "\n";
  };
  return k;
}

Kind cellRatingKind() {
  Kind k{"cell_rating",
         N_("a cell's rating of a year (office); KEY: CELL/YEAR"),
         {field("level", N_("Level"), T::Enum, &core::enums::ratingLevel),
          field("score", N_("Score"), T::Integer), field("exception_reason", N_("Exception"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto [code, y] = splitKey(key, "CELL/YEAR");
    for (const auto& r : services::organizationSheet(c.s, c.actor, yearOf(y)))
      if (r.code == code) {
        line(c.out, "level", r.level);
        line(c.out, "score", r.score ? std::to_string(*r.score) : "");
        line(c.out, "exception_reason", r.exceptionReason);
      }
  };
  k.set = [](Context& c, const std::string& key, const Values& v) {
    const auto [code, y] = splitKey(key, "CELL/YEAR");
    services::RatingInput in;
    in.subjectCode = code;
    in.stage = services::RatingStage::Decision;
    in.level = v.text("level");
    in.score = v.integer("score");
    in.exceptionReason = optionalText(v, "exception_reason");
    warn(c, services::rateOrganizations(c.s, c.actor, yearOf(y), {in}));
    c.err << format(tr("Rating {1} saved."), {key}) << "\n";
  };
  return k;
}

Kind roundKind() {
  Kind k{"rating_round",
         N_("a year's rating round: add opens it, set status=locked locks it (override_reason when findings "
            "remain), set status=open reopens it (reason); KEY: the year"),
         {field("opened_on", N_("Opened on"), T::Date), field("status", N_("Status")),
          field("override_reason", N_("Why it locks despite the findings")), field("reason", N_("Reason"))}};
  k.show = [](Context& c, const std::string& key) {
    const int year = yearOf(key);
    for (const auto& r : services::ratingRounds(c.s, c.actor))
      if (r.year == year) {
        line(c.out, "opened_on", r.openedOn.iso());
        line(c.out, "status", r.status);
        line(c.out, "locked_at", r.lockedAt);
        line(c.out, "locked_by", r.lockedBy);
      }
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    services::openRatingRound(c.s, c.actor, yearOf(key), v.date("opened_on").value_or(core::Date::today()));
    c.err << format(tr("Rating round {1} opened."), {key}) << "\n";
  };
  k.set = [](Context& c, const std::string& key, const Values& v) {
    const std::string status = v.needText("status");
    if (status == "open") {
      services::reopenRatingRound(c.s, c.actor, yearOf(key), v.text("reason"));
      c.err << format(tr("Rating round {1} reopened."), {key}) << "\n";
      return;
    }
    if (status != "locked")
      throw core::DataError(format(tr("status: \"{1}\" is not open or locked."), {status}));
    const auto res = services::lockRatingRound(c.s, c.actor, yearOf(key), v.text("override_reason"));
    if (!res.locked) {
      std::string why = format(tr("Rating round {1} stays open:"), {key});
      for (const auto& f : res.violations) why += "\n" + f.message;
      throw core::DataError(why);
    }
    c.err << format(tr("Rating round {1} locked."), {key}) << "\n";
  };
  return k;
}

// KEY: TYPE/CODE/YEAR (dang_vien/DV0123/2019, to_chuc/CB01/2019), as the key of a row of xep_loai.csv.
services::YearRating yearRatingOf(const std::string& key) {
  const auto [type, rest] = splitKey(key, "TYPE/CODE/YEAR");
  const auto [code, y] = splitKey(rest, "TYPE/CODE/YEAR");
  return {yearOf(y), type, code, ""};
}

Kind yearRatingKind() {
  Kind k{"year_rating",
         N_("a year's level of a member or a cell, as xep_loai.csv holds it (a past year without a round, or "
            "the committee's decision of an open round); KEY: TYPE/CODE/YEAR, TYPE dang_vien or to_chuc"),
         {field("level", N_("Level"), T::Enum, &core::enums::ratingLevel)}};
  k.show = [](Context& c, const std::string& key) {
    line(c.out, "level", services::yearRatingLevel(c.s, c.actor, yearRatingOf(key)));
  };
  auto write = [](Context& c, const std::string& key, const Values& v) {
    auto r = yearRatingOf(key);
    r.level = v.text("level");
    services::recordYearRating(c.s, c.actor, r);
    c.err << format(tr("Rating {1} saved."), {key}) << "\n";
  };
  k.add = write;
  k.set = write;
  return k;
}

}  // namespace

void addRatingKinds(std::vector<Kind>& k) {
  k.insert(k.end(), {memberRatingKind(), cellRatingKind(), roundKind(), yearRatingKind()});
}

}  // namespace dangbo::cli::record
