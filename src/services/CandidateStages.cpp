// The stages an old candidate's file records, walked through the admissions page's rules in its order
// (services/CandidateStages.h).
#include "services/CandidateStages.h"

#include <algorithm>
#include <vector>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/AdmissionShared.h"
#include "services/Admissions.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AdmissionRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::DataError;
using core::format;
using core::tr;
using namespace admission;

namespace {

// One stage written: its audit action and value.
struct Written {
  std::string action, value, oldValue;
};

std::string cellCodeOf(Services& s, core::Id id) {
  for (const auto& o : store::RegisterRepository(storeOf(s)).organizations())
    if (o.id == id) return o.code;
  return {};
}

// Walks the stages of `st` over `c` in the page's order; `c` becomes the file with them. Throws the page's
// refusals, naming the field in `field`.
std::vector<Written> walk(Services& s, const Actor& actor, core::Candidate& c, const FileStages& st,
                          std::string* field) {
  std::vector<Written> out;
  const core::RuleBook rules = s.ruleBook();
  const core::Date today = core::Date::today();
  auto at = [&](const char* f) {
    if (field) *field = f;
  };
  // The checks every stage shares (the page's Step): scope, an open file, the earlier stages, the day.
  auto step = [&](Stage stage, const core::Date& on, bool earlierRecorded, Stage earlier) {
    requireWrite(actor, c.cellId);
    auto refuse = [&c, stage, on](const std::string& why) {
      throw DataError(
          format(tr("{1} for {2} ({3}) on {4}: {5}"), {stageLabel(stage), c.fullName, c.code, on.vn(), why}));
    };
    if (c.status != "in_progress")
      refuse(format(tr("the file is closed (\"{1}\")."), {core::enums::candidateStatus.label(c.status)}));
    if (!earlierRecorded)
      refuse(format(tr("record \"{1}\" first; stages are recorded in order."), {stageLabel(earlier)}));
    if (auto last = latestDate(c); last && on < *last)
      refuse(format(tr("it cannot come before the previous stage ({1})."), {last->vn()}));
    if (on > today) refuse(tr("the date is in the future."));
    return refuse;
  };
  auto already = [&](Stage stage, const core::Date& on) {
    throw DataError(format(
        tr("{1} for {2} ({3}) on {4}: {5}"),
        {stageLabel(stage), c.fullName, c.code, on.vn(),
         format(tr("this stage is already recorded (the file is at \"{1}\")."), {stageLabel(stageOf(c))})}));
  };

  if (st.certificateOn && c.certificateOn != st.certificateOn) {
    at("certificate_on");
    if (c.certificateOn) already(Stage::Certificate, *st.certificateOn);
    step(Stage::Certificate, *st.certificateOn, true, Stage::Listed);
    c.certificateOn = st.certificateOn;
    out.push_back({"certificate", st.certificateOn->iso(), ""});
  }

  const bool sponsorsGiven = !st.sponsor1.empty() || !st.sponsor2.empty();
  if (sponsorsGiven) {
    store::RegisterRepository reg(storeOf(s));
    auto idOf = [&](const std::string& code) -> std::optional<core::Id> {
      if (code.empty()) return std::nullopt;
      auto m = reg.memberByCode(core::normalizeText(code));
      return m ? std::optional(m->id) : std::nullopt;
    };
    const auto s1 = idOf(st.sponsor1), s2 = idOf(st.sponsor2);
    if ((s1 && s1 != c.sponsor1) || (s2 && s2 != c.sponsor2) || (!st.sponsor1.empty() && !s1) ||
        (!st.sponsor2.empty() && !s2)) {
      const core::Date on = st.cellVoteOn.value_or(today);
      at(st.sponsor1.empty() ? "sponsor2" : "sponsor1");
      if (c.sponsor1 || c.sponsor2) already(Stage::Sponsors, on);
      auto refuse = step(Stage::Sponsors, on, c.certificateOn.has_value(), Stage::Certificate);
      if ((st.sponsor1.empty() || st.sponsor2.empty()) && !st.otherRegister)
        throw DataError(tr("Two sponsors are needed, or the youth union's resolution and one sponsor."));
      // The day of the sponsorship is not in the file: the sponsors are judged on the day of the vote.
      const auto official = st.cellVoteOn ? officialOn(s, c.cellId, on) : std::vector<core::Member>{};
      for (const auto* code : {&st.sponsor1, &st.sponsor2}) {
        if (code->empty()) continue;
        at(code == &st.sponsor1 ? "sponsor1" : "sponsor2");
        auto m = reg.memberByCode(core::normalizeText(*code));
        if (!m) throw DataError(format(tr("There is no member with the code {1}."), {*code}));
        if (st.cellVoteOn && std::none_of(official.begin(), official.end(),
                                          [&](const core::Member& o) { return o.id == m->id; }))
          throw DataError(
              format(tr("The sponsor {1} ({2}) was not an official member of the cell {3} on {4}."),
                     {m->fullName, m->code, cellCodeOf(s, c.cellId), on.vn()}));
      }
      if (s1 && s2 && *s1 == *s2) {
        at("sponsor2");
        throw DataError(tr("The two sponsors must be different members."));
      }
      (void)refuse;
      c.sponsor1 = s1;
      c.sponsor2 = s2;
      out.push_back(
          {"sponsors", core::normalizeText(st.sponsor1) + ", " + core::normalizeText(st.sponsor2), ""});
    }
  }

  if (st.cellVoteOn && c.cellVoteOn != st.cellVoteOn) {
    const core::Date on = *st.cellVoteOn;
    at("cell_vote_on");
    if (c.cellVoteOn) already(Stage::CellVote, on);
    auto refuse = step(Stage::CellVote, on, c.sponsor1 || c.sponsor2, Stage::Sponsors);
    if (!c.birthDate) refuse(tr("the date of birth is missing."));
    const core::Date birth = c.birthDate->anchor();
    const int minAge = rules.intOn("admission.min_age", on), maxAge = rules.intOn("admission.max_age", on);
    if (on < birth.addYears(minAge))
      refuse(format(tr("born {1}, the candidate is under {2}."), {c.birthDate->vn(), num(minAge)}));
    if (on > birth.addYears(maxAge) && !st.otherRegister)
      refuse(format(tr("born {1}, the candidate is over {2}: record the province's approval and its number."),
                    {c.birthDate->vn(), num(maxAge)}));
    if (c.certificateOn) {
      const core::Date ends =
          c.certificateOn->addMonths(rules.intOn("admission.certificate_validity_months", *c.certificateOn));
      if (on > ends)
        refuse(format(tr("the awareness-course certificate of {1} expired on {2}."),
                      {c.certificateOn->vn(), ends.vn()}));
    }
    at("cell_vote_in_favour");
    if (!st.cellVoteInFavour)
      refuse(
          tr("the number of official members in favour (\"Số tán thành\") is required with the day of the "
             "vote."));
    const int official = int(officialOn(s, c.cellId, on).size());
    const core::Fraction share = rules.fractionOn("admission.cell_vote_share", on);
    const int inFavour = *st.cellVoteInFavour;
    // Another register's vote was counted against its own members (the combined register counts them anew).
    if (st.otherRegister) {
      c.cellVoteOn = on;
      c.cellVoteInFavour = inFavour;
      out.push_back({"cell_vote", on.iso() + " " + num(inFavour), ""});
    } else if (inFavour < 0 || inFavour > official)
      refuse(format(tr("{1} in favour, but the cell had {2} official members that day."),
                    {num(inFavour), num(official)}));
    else if (!reaches(inFavour, official, share)) {
      int need = 0;
      while (!reaches(need, official, share) && need <= official) ++need;
      refuse(format(
          tr("{1} of {2} official members in favour is below {3}/{4}: at least {5} are needed. The vote "
             "cannot be recorded as passed."),
          {num(inFavour), num(official), num(share.num), num(share.den), num(need)}));
    }
    if (!st.otherRegister) {
      c.cellVoteOn = on;
      c.cellVoteOfficial = official;
      c.cellVoteInFavour = inFavour;
      out.push_back({"cell_vote", on.iso() + " " + num(inFavour) + "/" + num(official), ""});
    }
  }

  if (st.decisionOn && c.decisionOn != st.decisionOn) {
    at("decision_on");
    if (c.decisionOn) already(Stage::Decision, *st.decisionOn);
    step(Stage::Decision, *st.decisionOn, c.cellVoteOn.has_value(), Stage::CellVote);
    c.decisionOn = st.decisionOn;
    out.push_back({"decision", st.decisionOn->iso(), ""});
  }

  if (st.ceremonyOn && c.ceremonyOn != st.ceremonyOn) {
    at("ceremony_on");
    if (c.ceremonyOn) already(Stage::Ceremony, *st.ceremonyOn);
    step(Stage::Ceremony, *st.ceremonyOn, c.decisionOn.has_value(), Stage::Decision);
    c.ceremonyOn = st.ceremonyOn;
    out.push_back({"ceremony", st.ceremonyOn->iso(), ""});
  }
  return out;
}

}  // namespace

void checkFileStages(Services& s, const Actor& actor, const core::Candidate& file, const FileStages& stages,
                     std::string* field) {
  core::Candidate c = file;
  walk(s, actor, c, stages, field);
}

void recordFileStages(Services& s, const Actor& actor, const std::string& code, const FileStages& stages,
                      const std::string& reason) {
  store::AdmissionRepository repo(storeOf(s));
  auto stored = repo.candidateByCode(core::normalizeText(code));
  if (!stored) throw DataError(format(tr("There is no candidate with the code {1}."), {code}));
  core::Candidate c = *stored;
  const auto written = walk(s, actor, c, stages, nullptr);
  if (written.empty()) return;
  storeOf(s).transaction([&] {
    repo.updateCandidate(c);
    for (const auto& w : written)
      s.audit(actor, "candidate." + w.action, "candidate:" + c.code, w.oldValue, w.value, reason);
  });
}

}  // namespace dangbo::services
