#include "services/Ratings.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/Numbers.h"
#include "core/PeriodRules.h"
#include "core/VietText.h"
#include "services/RatingsInternal.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberQuery.h"
#include "store/RatingDecisions.h"
#include "store/RatingRepository.h"
#include "store/RegisterRepository.h"
#include "store/Sql.h"

namespace dangbo::services {

using core::DataError;
using core::format;
using core::PermissionError;
using core::tr;

namespace rating_detail {

constexpr const char* kMember = "dang_vien";
constexpr const char* kOrg = "to_chuc";
constexpr const char* kNotComplete = "KHTNV";

std::string str(int n) {
  return std::to_string(n);
}

bool isOffice(const Actor& a) {
  return a.role == "admin" || a.role == "office";
}

void requireOffice(const Actor& a, const char* what) {
  if (!isOffice(a))
    throw PermissionError(format(tr("The account {1} ({2}) may not {3}."),
                                 {a.username, core::enums::userRole.label(a.role), what}));
}

Register loadRegister(store::Database& db) {
  Register r;
  r.snap = store::loadMemberSnapshot(db, false);
  for (size_t i = 0; i < r.snap.members.size(); ++i) {
    r.byId[r.snap.members[i].member.id] = i;
    r.byCode[r.snap.members[i].member.code] = i;
  }
  r.standing = store::RatingRepository(db).standingEvents();
  r.orgs = store::RegisterRepository(db).organizations();
  for (size_t k = 0; k < r.orgs.size(); ++k) r.orgById[r.orgs[k].id] = k;
  return r;
}

EligibilityFacts factsOf(const Register& reg, size_t i) {
  const core::Member& m = reg.member(i);
  EligibilityFacts f{m.status, m.statusSince, m.admittedOn, {}};
  if (auto it = reg.standing.find(m.id); it != reg.standing.end())
    for (const auto& e : it->second) f.standing.emplace_back(e.date, e.kind);
  return f;
}

bool existsOn(const core::Organization& o, const core::Date& day) {
  return (!o.founded || *o.founded <= day) && (!o.ceased || *o.ceased > day);
}

// What the rules need about one year, read once.
struct YearFacts {
  int year = 0;
  core::Date day;
  std::unordered_set<core::Id> disciplinedMembers;
  std::unordered_map<core::Id, OrgDisciplineFacts> orgFacts;
  std::vector<core::Rating> ratings;
};

YearFacts loadYear(store::Database& db, const Register& reg, int year) {
  store::RatingRepository repo(db);
  YearFacts y;
  y.year = year;
  y.day = ratingDay(year);
  y.disciplinedMembers = repo.disciplinedIn(year, kMember);
  for (core::Id org : repo.disciplinedIn(year, kOrg)) y.orgFacts[org].disciplined = true;
  for (const auto& l : repo.leadersDuring(year)) {
    if (!y.disciplinedMembers.count(l.memberId)) continue;
    auto it = reg.byId.find(l.memberId);
    if (it == reg.byId.end()) continue;
    auto& names = y.orgFacts[l.orgId].disciplinedLeaders;
    const std::string who = reg.label(it->second);
    if (std::find(names.begin(), names.end(), who) == names.end()) names.push_back(who);
  }
  // Sub-units: the organizations whose parent is the rated one and that existed at some time in the year
  // (one dissolved as a sanction during the year still counts, disciplined).
  const core::Date firstDay = *core::Date::make(year, 1, 1);
  std::unordered_set<core::Id> disciplinedOrgs;
  for (const auto& [id, facts] : y.orgFacts)
    if (facts.disciplined) disciplinedOrgs.insert(id);
  for (const auto& o : reg.orgs) {
    if (!o.parent || (o.founded && *o.founded > y.day) || (o.ceased && *o.ceased <= firstDay)) continue;
    auto& parent = y.orgFacts[*o.parent];
    ++parent.subUnits;
    if (disciplinedOrgs.count(o.id)) ++parent.disciplinedSubUnits;
  }
  y.ratings = repo.ratingsBetween(year, year);
  return y;
}

std::string levelLabel(const std::string& code) {
  return core::enums::ratingLevel.label(code);
}

std::vector<CheckFinding> findingsOfYear(const Register& reg, const core::RuleBook& rules, const YearFacts& y,
                                         std::optional<core::Id> onlyCell) {
  std::vector<CheckFinding> out;
  const std::string year = str(y.year);
  struct Tally {
    int excellent = 0, good = 0;
  };
  std::map<std::string, Tally> tallies;
  for (const auto& r : y.ratings) {
    if (r.subjectType != kMember) continue;
    auto it = reg.byId.find(r.subjectId);
    if (it == reg.byId.end()) continue;
    const size_t i = it->second;
    const core::Member& m = reg.member(i);
    const core::Id cell = reg.cellOn(i, y.day);
    if (onlyCell && cell != *onlyCell) continue;
    const std::string cellCode = reg.cellCode(cell);
    if (r.level == "HTXSNV") ++tallies[cellCode].excellent;
    if (r.level == "HTTNV") ++tallies[cellCode].good;
    if (y.disciplinedMembers.count(m.id) && r.level != kNotComplete && r.exceptionReason.empty())
      out.push_back(
          {"rating_disciplined", m.code, y.year,
           format(tr("{1} ({2}) was disciplined in {3} but is rated \"{4}\"; the rating must be \"{5}\"."),
                  {m.fullName, m.code, year, levelLabel(r.level), levelLabel(kNotComplete)})});
    const Eligibility e = judgeEligibility(factsOf(reg, i), y.year, rules);
    if (e.reason == "exempt")
      out.push_back({"rating_not_eligible", m.code, y.year,
                     format(tr("{1} ({2}) was exempt from activities on 31/12/{3} and may not be rated."),
                            {m.fullName, m.code, year})});
    else if (e.reason == "suspended")
      out.push_back({"rating_not_eligible", m.code, y.year,
                     format(tr("{1} ({2}) was suspended from activities on 31/12/{3} and may not be rated."),
                            {m.fullName, m.code, year})});
    else if (e.reason == "too_recent")
      out.push_back({"rating_not_eligible", m.code, y.year,
                     format(tr("{1} ({2}) was admitted on {3}, after {4}, and is not rated for {5}."),
                            {m.fullName, m.code, m.admittedOn->vn(), e.cutoff->vn(), year})});
  }
  const int percent = rules.intOn("rating.excellent_max_percent_of_good", y.day);
  for (const auto& [cell, t] : tallies)
    if (exceedsExcellentQuota(t.excellent, t.good, percent))
      out.push_back(
          {"rating_quota", cell, y.year,
           format(tr("In {1}, cell {2} rated {3} members \"excellent\" against {4} \"good\": more than {5}% "
                     "of the good ones."),
                  {year, cell, str(t.excellent), str(t.good), str(percent)})});
  const int subPercent = rules.intOn("rating.org_disciplined_subunits_percent", y.day);
  for (const auto& r : y.ratings) {
    if (r.subjectType != kOrg || r.level == kNotComplete || !r.exceptionReason.empty()) continue;
    if (onlyCell && r.subjectId != *onlyCell) continue;
    auto f = y.orgFacts.find(r.subjectId);
    if (f == y.orgFacts.end()) continue;
    const auto reasons = orgNotCompleteReasons(f->second, subPercent);
    if (reasons.empty()) continue;
    std::string why;
    for (const auto& s : reasons) why += (why.empty() ? "" : "; ") + s;
    const std::string code = reg.cellCode(r.subjectId);
    out.push_back({"rating_disciplined", code, y.year,
                   format(tr("In {1}, cell {2} is rated \"{3}\" but must be \"{4}\": {5}."),
                          {year, code, levelLabel(r.level), levelLabel(kNotComplete), why})});
  }
  return out;
}

void sortFindings(std::vector<CheckFinding>& f) {
  std::stable_sort(f.begin(), f.end(), [](const CheckFinding& a, const CheckFinding& b) {
    return std::tie(a.year, a.rule, a.subject) < std::tie(b.year, b.rule, b.subject);
  });
}

store::RatingRound requireRound(store::RatingRepository& repo, int year) {
  auto r = repo.round(year);
  if (!r)
    throw DataError(
        format(tr("There is no rating round for {1}: the office must open it first."), {str(year)}));
  return *r;
}

void requireOpen(store::RatingRepository& repo, int year) {
  if (requireRound(repo, year).status == "locked")
    throw DataError(format(tr("The rating round of {1} is locked: reopen it, with a reason, to change it."),
                           {str(year)}));
}

// The level code typed or chosen ("HTTNV", or its Vietnamese label); "" stays "".
std::string parseLevel(const std::string& text) {
  const std::string t = core::normalizeText(text);
  if (t.empty()) return {};
  const core::EnumItem* it = core::enums::ratingLevel.match(t);
  // The words of every door reading an enumeration (the CLI's fields, a change package's values).
  if (!it)
    throw DataError(format(
        tr("{1}: {2}"), {tr("rating level"), format(tr("\"{1}\" is not one of the allowed values."), {t})}));
  return std::string(it->code);
}

// The level a new input sets, from its level and score; adds a rating_score warning when both disagree.
std::string inputLevel(const RatingInput& in, const core::RuleBook& rules, int year,
                       std::vector<CheckFinding>& warn) {
  std::string level = parseLevel(in.level);
  if (!in.score) return level;
  const std::string band = levelForScore(*in.score, rules, ratingDay(year));
  if (level.empty()) return band;
  if (level != band)
    warn.push_back(
        {"rating_score", in.subjectCode, year,
         format(tr("{1}: the score {2} falls in the band of \"{3}\" but the level entered is \"{4}\"."),
                {in.subjectCode, str(*in.score), levelLabel(band), levelLabel(level)})});
  return level;
}

std::string derived(const core::Rating& r) {
  return r.proposedLevel.empty() ? r.selfLevel : r.proposedLevel;
}

std::string describe(const std::optional<core::Rating>& r) {
  if (!r) return {};
  std::string s = "self=" + r->selfLevel + " proposed=" + r->proposedLevel + " level=" + r->level;
  if (r->score) s += " score=" + str(*r->score);
  if (!r->exceptionReason.empty()) s += " exception=" + r->exceptionReason;
  return s;
}

// Applies one input to the stored rating (or a new one) and writes it with its audit row.
void applyInput(Services& s, const Actor& actor, store::RatingRepository& repo, int year,
                const std::string& type, core::Id subject, std::optional<core::Id> cell,
                const std::string& code, const RatingInput& in, const std::string& level) {
  std::optional<core::Rating> before = repo.rating(year, type, subject);
  core::Rating r =
      before ? *before : core::Rating{0, year, type, subject, cell, "", "", "", std::nullopt, ""};
  // The committee's level follows the proposal (or the self-assessment) only until the committee decides:
  // its decision is its own act, never filled in by typing the proposal.
  const bool follows = !before || !store::ratingDecided(storeOf(s), before->id);
  switch (in.stage) {
    case RatingStage::SelfAssessment:
      r.selfLevel = level;
      break;
    case RatingStage::Proposal:
      r.proposedLevel = level;
      break;
    case RatingStage::Decision:
      r.level = level;
      break;
  }
  if (in.score) r.score = in.score;
  if (in.exceptionReason) r.exceptionReason = core::normalizeText(*in.exceptionReason);
  r.cellId = cell;
  if ((in.stage != RatingStage::Decision && follows) || r.level.empty()) r.level = derived(r);
  const char* action = in.stage == RatingStage::SelfAssessment ? "rating.self"
                       : in.stage == RatingStage::Proposal     ? "rating.propose"
                       : type == kOrg                          ? "rating.organization"
                                                               : "rating.decide";
  const std::string record = "rating:" + str(year) + ":" + type + ":" + code;
  if (r.level.empty()) {
    if (!before) return;
    repo.deleteRating(r.id);
    s.audit(actor, action, record, describe(before), "", r.exceptionReason);
    return;
  }
  r.id = repo.saveRating(r);
  store::setRatingDecided(storeOf(s), r.id, in.stage == RatingStage::Decision ? !level.empty() : !follows);
  s.audit(actor, action, record, describe(before), describe(r), in.exceptionReason ? r.exceptionReason : "");
}

void finishLevels(RatingLevels& l) {
  l.rated = l.htxsnv + l.httnv + l.htnv + l.khtnv;
  l.goodOrBetterPercent = core::percentTenths(l.htxsnv + l.httnv, l.rated);
}

void addLevel(RatingLevels& l, const std::string& level) {
  if (level == "HTXSNV")
    ++l.htxsnv;
  else if (level == "HTTNV")
    ++l.httnv;
  else if (level == "HTNV")
    ++l.htnv;
  else if (level == kNotComplete)
    ++l.khtnv;
}

// The target in force in the year (core/PeriodRules, as the congress report: the committee's own row, else
// the lowest of the former communes'), in tenths.
std::optional<int64_t> targetOf(const std::vector<core::Target>& targets, const std::string& key, int year) {
  const auto v = core::targetInYear(targets, key, year);
  if (!v) return std::nullopt;
  return static_cast<int64_t>(std::llround(*v * 10));
}

}  // namespace rating_detail

using namespace rating_detail;

// ---------------------------------------------------------------------------------------------
// Judgements

core::Date ratingDay(int year) {
  return *core::Date::make(year, 12, 31);
}

Eligibility judgeEligibility(const EligibilityFacts& f, int year, const core::RuleBook& rules) {
  const core::Date day = ratingDay(year);
  // The state on `day` from on/off events: the last one on or before it; else the first later one tells
  // what held before it; nullopt when there is none at all.
  auto stateOn = [&](const char* on, const char* off) -> std::optional<bool> {
    std::optional<bool> last, firstLater;
    for (const auto& [date, kind] : f.standing) {
      if (kind != on && kind != off) continue;
      if (date <= day)
        last = kind == on;
      else if (!firstLater)
        firstLater = kind == off;
    }
    return last ? last : firstLater;
  };
  Eligibility e;
  const std::string y = str(year);
  std::optional<bool> exempt = stateOn("exempted", "exemption_ended");
  if (!exempt) exempt = f.status == "exempt" && (!f.statusSince || *f.statusSince <= day);
  if (*exempt) {
    e.reason = "exempt";
    e.message = format(tr("Exempt from activities on 31/12/{1}: not rated."), {y});
    return e;
  }
  if (stateOn("suspended", "suspension_ended").value_or(false)) {
    e.reason = "suspended";
    e.message = format(tr("Suspended from activities on 31/12/{1}: not rated."), {y});
    return e;
  }
  const int months = rules.intOn("rating.min_months_since_admission", day);
  const core::Date cutoff = day.addMonths(-months);
  if (f.admittedOn && *f.admittedOn > cutoff) {
    e.reason = "too_recent";
    e.cutoff = cutoff;
    e.message =
        format(tr("Admitted on {1}, after {2}: less than {3} months before the year's end, not rated."),
               {f.admittedOn->vn(), cutoff.vn(), str(months)});
  }
  return e;
}

bool exceedsExcellentQuota(int excellent, int good, int maxPercent) {
  return int64_t(excellent) * 100 > int64_t(maxPercent) * good;
}

std::string levelForScore(int score, const core::RuleBook& rules, const core::Date& on) {
  if (score < 0 || score > 100)
    throw DataError(format(tr("The score {1} is outside 0 to 100."), {str(score)}));
  const auto value = rules.valueOn("rating.score_bands", on);
  std::vector<int> bands;
  if (value) {
    std::string part;
    for (char c : *value + "/") {
      if (c != '/') {
        part += c;
        continue;
      }
      try {
        bands.push_back(std::stoi(part));
      } catch (const std::exception&) {
        bands.clear();
        break;
      }
      part.clear();
    }
  }
  if (bands.size() != 3)
    throw DataError(format(tr("The rule \"{1}\" has no value on {2}: add one in Settings."),
                           {"rating.score_bands", on.vn()}));
  static constexpr const char* kLevels[] = {"HTXSNV", "HTTNV", "HTNV"};
  for (size_t k = 0; k < 3; ++k)
    if (score >= bands[k]) return kLevels[k];
  return kNotComplete;
}

std::vector<std::string> orgNotCompleteReasons(const OrgDisciplineFacts& f, int maxPercent) {
  std::vector<std::string> out;
  if (f.disciplined) out.push_back(tr("the cell was disciplined in the year"));
  if (!f.disciplinedLeaders.empty()) {
    std::string names;
    for (const auto& n : f.disciplinedLeaders) names += (names.empty() ? "" : ", ") + n;
    out.push_back(format(tr("its leadership was disciplined in the year ({1})"), {names}));
  }
  if (f.subUnits > 0 && int64_t(f.disciplinedSubUnits) * 100 > int64_t(maxPercent) * f.subUnits)
    out.push_back(format(tr("{1} of its {2} sub-units were disciplined, more than {3}%"),
                         {str(f.disciplinedSubUnits), str(f.subUnits), str(maxPercent)}));
  return out;
}

std::vector<CheckFinding> ratingFindings(Services& s, const Actor& actor, std::optional<int> year) {
  require(actor, Permission::ReadRegister);
  std::optional<core::Id> onlyCell;
  if (actor.role == "secretary") {
    if (!actor.cellId) return {};
    onlyCell = actor.cellId;
  }
  store::RatingRepository repo(storeOf(s));
  const std::vector<int> years = year ? std::vector<int>{*year} : repo.ratedYears();
  std::vector<CheckFinding> out;
  if (years.empty()) return out;
  const Register reg = loadRegister(storeOf(s));
  const core::RuleBook rules = s.ruleBook();
  for (int y : years) {
    auto f = findingsOfYear(reg, rules, loadYear(storeOf(s), reg, y), onlyCell);
    out.insert(out.end(), f.begin(), f.end());
  }
  sortFindings(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rounds

std::vector<RatingRound> ratingRounds(Services& s, const Actor& actor) {
  require(actor, Permission::ReadRegister);
  std::vector<RatingRound> out;
  for (const auto& r : store::RatingRepository(storeOf(s)).rounds())
    out.push_back({r.year, r.openedOn, r.status, r.lockedAt, r.lockedBy});
  return out;
}

void openRatingRound(Services& s, const Actor& actor, int year, const core::Date& openedOn) {
  requireOffice(actor, tr("open, lock or reopen a rating round"));
  store::RatingRepository repo(storeOf(s));
  if (year < core::Date::kMinYear || year > openedOn.year())
    throw DataError(
        format(tr("A rating round for {1} cannot be opened on {2}."), {str(year), openedOn.vn()}));
  if (repo.round(year)) throw DataError(format(tr("The rating round of {1} already exists."), {str(year)}));
  storeOf(s).transaction([&] {
    repo.insertRound({year, openedOn, "open", "", ""});
    s.audit(actor, "rating.open", "rating_round:" + str(year), "", "open " + openedOn.iso());
  });
}

LockResult lockRatingRound(Services& s, const Actor& actor, int year, const std::string& overrideReason) {
  requireOffice(actor, tr("open, lock or reopen a rating round"));
  store::RatingRepository repo(storeOf(s));
  if (requireRound(repo, year).status == "locked")
    throw DataError(format(tr("The rating round of {1} is already locked."), {str(year)}));
  LockResult res;
  res.violations = ratingFindings(s, actor, year);
  const std::string reason = core::normalizeText(overrideReason);
  if (!res.violations.empty() && reason.empty()) return res;
  std::string overridden;
  for (const auto& f : res.violations)
    overridden += (overridden.empty() ? "" : ", ") + f.rule + " " + f.subject;
  storeOf(s).transaction([&] {
    repo.setRoundStatus(year, "locked", store::sql::nowUtc(), actor.username);
    s.audit(actor, "rating.lock", "rating_round:" + str(year), "open",
            overridden.empty() ? std::string("locked") : "locked; overridden: " + overridden, reason);
  });
  res.locked = true;
  return res;
}

void reopenRatingRound(Services& s, const Actor& actor, int year, const std::string& reasonIn) {
  requireOffice(actor, tr("open, lock or reopen a rating round"));
  store::RatingRepository repo(storeOf(s));
  const store::RatingRound r = requireRound(repo, year);
  if (r.status != "locked")
    throw DataError(format(tr("The rating round of {1} is not locked."), {str(year)}));
  const std::string reason = core::normalizeText(reasonIn);
  if (reason.empty()) throw DataError(tr("Give the reason for reopening the rating round."));
  storeOf(s).transaction([&] {
    repo.setRoundStatus(year, "open", "", "");
    s.audit(actor, "rating.reopen", "rating_round:" + str(year), "locked " + r.lockedAt + " " + r.lockedBy,
            "open", reason);
  });
}

// ---------------------------------------------------------------------------------------------
// Entering

std::vector<CheckFinding> enterMemberRatings(Services& s, const Actor& actor, int year,
                                             const std::vector<RatingInput>& inputs) {
  if (!isOffice(actor) && actor.role != "secretary") requireOffice(actor, tr("enter ratings"));
  store::RatingRepository repo(storeOf(s));
  requireOpen(repo, year);
  const core::RuleBook rules = s.ruleBook();
  const core::Date day = ratingDay(year);
  const Register reg = loadRegister(storeOf(s));
  std::vector<CheckFinding> warnings;
  std::set<std::string> cells, members;
  storeOf(s).transaction([&] {
    for (const auto& in : inputs) {
      auto it = reg.byCode.find(core::normalizeText(in.subjectCode));
      if (it == reg.byCode.end())
        throw DataError(format(tr("There is no member with the code {1}."), {in.subjectCode}));
      const size_t i = it->second;
      const core::Member& m = reg.member(i);
      if (!reg.present(i, day))
        throw DataError(
            format(tr("{1} is not a member of the committee on 31/12/{2} and is not rated for {2}."),
                   {reg.label(i), str(year)}));
      const core::Id cell = reg.cellOn(i, day);
      if (in.stage == RatingStage::Decision || in.exceptionReason) requireOffice(actor, tr("decide ratings"));
      if (!isOffice(actor) && actor.cellId != cell)
        throw PermissionError(
            format(tr("The account {1} may change only the members of its own cell."), {actor.username}));
      const Eligibility e = judgeEligibility(factsOf(reg, i), year, rules);
      if (!e.eligible())
        throw DataError(format(tr("{1} is not rated for {2}: {3}"), {reg.label(i), str(year), e.message}));
      const std::string level = inputLevel(in, rules, year, warnings);
      applyInput(s, actor, repo, year, kMember, m.id, cell, m.code, in, level);
      cells.insert(reg.cellCode(cell));
      members.insert(m.code);
    }
  });
  auto found = findingsOfYear(reg, rules, loadYear(storeOf(s), reg, year), std::nullopt);
  for (auto& f : found)
    if ((f.rule == "rating_quota" && cells.count(f.subject)) ||
        (f.rule == "rating_disciplined" && members.count(f.subject)))
      warnings.push_back(std::move(f));
  return warnings;
}

std::vector<CheckFinding> rateOrganizations(Services& s, const Actor& actor, int year,
                                            const std::vector<RatingInput>& inputs) {
  requireOffice(actor, tr("rate the cells"));
  store::RatingRepository repo(storeOf(s));
  requireOpen(repo, year);
  const core::RuleBook rules = s.ruleBook();
  const core::Date day = ratingDay(year);
  const Register reg = loadRegister(storeOf(s));
  std::vector<CheckFinding> warnings;
  std::set<std::string> touched;
  storeOf(s).transaction([&] {
    for (const auto& in : inputs) {
      if (in.stage != RatingStage::Decision)
        throw DataError(tr("A cell is rated only by the committee's decision."));
      const std::string code = core::normalizeText(in.subjectCode);
      auto o = reg.org(code);
      if (!o) throw DataError(format(tr("There is no cell with the code {1}."), {code}));
      if (!existsOn(*o, day))
        throw DataError(format(tr("The cell {1} does not exist on {2}."), {code, day.vn()}));
      const std::string level = inputLevel(in, rules, year, warnings);
      applyInput(s, actor, repo, year, kOrg, o->id, std::nullopt, o->code, in, level);
      touched.insert(o->code);
    }
  });
  auto found = findingsOfYear(reg, rules, loadYear(storeOf(s), reg, year), std::nullopt);
  for (auto& f : found)
    if (f.rule == "rating_disciplined" && touched.count(f.subject)) warnings.push_back(std::move(f));
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Reading

std::vector<RatingSheetRow> ratingSheet(Services& s, const Actor& actor, int year,
                                        const std::string& cellCode) {
  require(actor, Permission::ReadRegister);
  const Register reg = loadRegister(storeOf(s));
  const std::string code = core::normalizeText(cellCode);
  auto cell = reg.org(code);
  if (!cell) throw DataError(format(tr("There is no cell with the code {1}."), {code}));
  if (actor.role == "secretary" && actor.cellId != cell->id)
    throw PermissionError(
        format(tr("The account {1} may read only the members of its own cell."), {actor.username}));
  const core::RuleBook rules = s.ruleBook();
  const YearFacts y = loadYear(storeOf(s), reg, year);
  std::unordered_map<core::Id, const core::Rating*> rated;
  for (const auto& r : y.ratings)
    if (r.subjectType == kMember) rated[r.subjectId] = &r;
  const auto undecided = store::undecidedRatings(storeOf(s), year);
  std::vector<RatingSheetRow> out;
  std::unordered_set<core::Id> listed;
  auto fill = [&](RatingSheetRow& row, core::Id id) {
    auto it = rated.find(id);
    if (it == rated.end()) return;
    row.selfLevel = it->second->selfLevel;
    row.proposedLevel = it->second->proposedLevel;
    row.level = it->second->level;
    row.decided = !undecided.count(it->second->id);
    row.score = it->second->score;
    row.exceptionReason = it->second->exceptionReason;
  };
  for (size_t i = 0; i < reg.snap.members.size(); ++i) {
    if (!reg.present(i, y.day) || reg.cellOn(i, y.day) != cell->id) continue;
    const core::Member& m = reg.member(i);
    RatingSheetRow row;
    row.memberId = m.id;
    row.code = m.code;
    row.name = m.fullName;
    const Eligibility e = judgeEligibility(factsOf(reg, i), year, rules);
    row.eligibility = e.reason;
    row.reason = e.message;
    row.disciplined = y.disciplinedMembers.count(m.id) > 0;
    fill(row, m.id);
    listed.insert(m.id);
    out.push_back(std::move(row));
  }
  for (size_t i = 0; i < reg.snap.members.size(); ++i) {
    const core::Member& m = reg.member(i);
    auto it = rated.find(m.id);
    if (it == rated.end() || listed.count(m.id) || it->second->cellId != cell->id) continue;
    RatingSheetRow row;
    row.memberId = m.id;
    row.code = m.code;
    row.name = m.fullName;
    row.eligibility = "not_in_cell";
    row.reason = format(
        tr("Not in the cell on 31/12/{1}: a member is rated where they belonged on that day."), {str(year)});
    row.disciplined = y.disciplinedMembers.count(m.id) > 0;
    fill(row, m.id);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<OrgRatingRow> organizationSheet(Services& s, const Actor& actor, int year) {
  require(actor, Permission::ReadRegister);
  const Register reg = loadRegister(storeOf(s));
  const YearFacts y = loadYear(storeOf(s), reg, year);
  const int percent = s.ruleBook().intOn("rating.org_disciplined_subunits_percent", y.day);
  std::vector<OrgRatingRow> out;
  for (const auto& o : reg.orgs) {
    if (!existsOn(o, y.day)) continue;
    OrgRatingRow row{o.id, o.code, o.name, {}, "", std::nullopt, ""};
    if (auto f = y.orgFacts.find(o.id); f != y.orgFacts.end())
      row.mustBeNotComplete = orgNotCompleteReasons(f->second, percent);
    for (const auto& r : y.ratings)
      if (r.subjectType == kOrg && r.subjectId == o.id) {
        row.level = r.level;
        row.score = r.score;
        row.exceptionReason = r.exceptionReason;
      }
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<CellRatingProgress> ratingProgress(Services& s, const Actor& actor, int year) {
  require(actor, Permission::ReadRegister);
  std::optional<core::Id> onlyCell;
  if (actor.role == "secretary") {
    if (!actor.cellId) return {};
    onlyCell = actor.cellId;
  }
  const Register reg = loadRegister(storeOf(s));
  const YearFacts y = loadYear(storeOf(s), reg, year);
  const core::RuleBook rules = s.ruleBook();
  std::unordered_map<core::Id, const core::Rating*> memberRatings, orgRatings;
  for (const auto& r : y.ratings) (r.subjectType == kMember ? memberRatings : orgRatings)[r.subjectId] = &r;
  std::vector<CellRatingProgress> out;
  std::unordered_map<core::Id, size_t> rowOf;
  std::unordered_map<std::string, size_t> rowOfCode;
  for (const auto& o : reg.orgs) {
    if (!existsOn(o, y.day) || (onlyCell && o.id != *onlyCell)) continue;
    CellRatingProgress p;
    p.code = o.code;
    p.name = o.name;
    if (auto it = orgRatings.find(o.id); it != orgRatings.end()) p.level = it->second->level;
    rowOf[o.id] = out.size();
    rowOfCode[o.code] = out.size();
    out.push_back(std::move(p));
  }
  std::unordered_map<std::string, size_t> rowOfMember;
  for (size_t i = 0; i < reg.snap.members.size(); ++i) {
    if (!reg.present(i, y.day)) continue;
    auto row = rowOf.find(reg.cellOn(i, y.day));
    if (row == rowOf.end()) continue;
    CellRatingProgress& p = out[row->second];
    rowOfMember[reg.member(i).code] = row->second;
    ++p.members;
    if (!judgeEligibility(factsOf(reg, i), year, rules).eligible()) continue;
    ++p.eligible;
    auto r = memberRatings.find(reg.member(i).id);
    if (r == memberRatings.end() || r->second->level.empty()) continue;
    ++p.rated;
    if (r->second->level == "HTXSNV") ++p.excellent;
    if (r->second->level == "HTTNV") ++p.good;
  }
  for (const auto& f : findingsOfYear(reg, rules, y, onlyCell)) {
    auto byCell = rowOfCode.find(f.subject);
    auto byMember = rowOfMember.find(f.subject);
    size_t row = 0;
    if (byCell != rowOfCode.end())
      row = byCell->second;
    else if (byMember != rowOfMember.end())
      row = byMember->second;
    else
      continue;
    ++out[row].warnings;
    if (f.rule == "rating_quota") out[row].quotaExceeded = true;
  }
  return out;
}

RatingSummary ratingSummary(Services& s, const Actor& actor, int fromYear, int toYear) {
  require(actor, Permission::ReadRegister);
  RatingSummary sum;
  sum.fromYear = fromYear;
  sum.toYear = toYear;
  store::RatingRepository repo(storeOf(s));
  const auto ratings = repo.ratingsBetween(fromYear, toYear);
  std::map<int, RatingYearSummary> years;
  for (const auto& r : repo.rounds())
    if (r.year >= fromYear && r.year <= toYear) years[r.year].roundStatus = r.status;
  std::optional<Register> reg;  // read only when a member's rating lacks its cell
  std::map<core::Id, std::map<int, CellYearRating>> cells;
  for (const auto& r : ratings) {
    RatingYearSummary& y = years[r.year];
    if (r.subjectType == kOrg) {
      addLevel(y.organizations, r.level);
      cells[r.subjectId][r.year].level = r.level;
      continue;
    }
    addLevel(y.members, r.level);
    std::optional<core::Id> cell = r.cellId;
    if (!cell) {
      if (!reg) reg = loadRegister(storeOf(s));
      if (auto it = reg->byId.find(r.subjectId); it != reg->byId.end())
        cell = reg->cellOn(it->second, ratingDay(r.year));
    }
    if (cell) addLevel(cells[*cell][r.year].members, r.level);
  }
  const auto targets = s.targets();
  for (auto& [year, y] : years) {
    y.year = year;
    finishLevels(y.organizations);
    finishLevels(y.members);
    y.organizationTarget = targetOf(targets, "to_chuc_tot", year);
    y.memberTarget = targetOf(targets, "dang_vien_tot", year);
    sum.years.push_back(y);
  }
  const auto orgs = store::RegisterRepository(storeOf(s)).organizations();
  for (const auto& o : orgs) {  // by code
    auto it = cells.find(o.id);
    if (it == cells.end()) continue;
    if (actor.role == "secretary" && actor.cellId != o.id) continue;
    CellRatingHistory h{o.code, o.name, {}};
    for (auto& [year, c] : it->second) {
      c.year = year;
      finishLevels(c.members);
      h.years.push_back(c);
    }
    sum.cells.push_back(std::move(h));
  }
  return sum;
}

RatingSummary ratingSummaryOf(Services& s, const Actor& actor, const core::Date& from, const core::Date& to) {
  return ratingSummary(s, actor, from.year(), core::lastYearEndingIn(to));
}

}  // namespace dangbo::services
