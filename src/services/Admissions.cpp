#include "services/Admissions.h"
#include "services/AdmissionShared.h"
#include "services/Lookup.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/MemberRules.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "services/PartyFile.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AdmissionRepository.h"
#include "store/Database.h"
#include "store/MemberQuery.h"
#include "store/RecordsRepository.h"
#include "store/RegisterRepository.h"
#include "store/SettingsRepository.h"

namespace dangbo::services {

using core::DataError;
using core::Date;
using core::format;
using core::tr;
using namespace admission;

namespace {

constexpr const char* kStageCodes[] = {
    "listed",           "certificate", "application",          "history",  "background_check", "sponsors",
    "mass_org_comment", "cell_vote",   "committee_resolution", "decision", "ceremony"};
constexpr const char* kStageLabels[] = {core::N_("Listed by the cell"),
                                        core::N_("Awareness-course certificate"),
                                        core::N_("Application"),
                                        core::N_("Personal history"),
                                        core::N_("Background check"),
                                        core::N_("Sponsors"),
                                        core::N_("Comments of mass organizations"),
                                        core::N_("Cell vote"),
                                        core::N_("Commune committee resolution"),
                                        core::N_("Admission decision"),
                                        core::N_("Admission ceremony")};

bool existsOn(const core::Organization& o, const Date& d) {
  return (!o.founded || *o.founded <= d) && (!o.ceased || *o.ceased > d);
}

core::Organization orgById(store::RegisterRepository& reg, core::Id id) {
  for (auto& o : reg.organizations())
    if (o.id == id) return o;
  return {};
}

core::Candidate candidateByCode(store::AdmissionRepository& repo, const std::string& code) {
  auto c = repo.candidateByCode(core::normalizeText(code));
  if (!c) throw DataError(format(tr("There is no candidate with the code {1}."), {code}));
  return *c;
}

// The smallest number in favour that reaches the share.
int needed(int official, const core::Fraction& f) {
  return int((int64_t(f.num) * official + f.den - 1) / f.den);
}

std::optional<Date> stageDate(const core::Candidate& c, Stage st) {
  switch (st) {
    case Stage::Listed:
      return c.listedOn;
    case Stage::Certificate:
      return c.certificateOn;
    case Stage::Application:
      return c.applicationOn;
    case Stage::History:
      return c.historyOn;
    case Stage::BackgroundCheck:
      return c.backgroundCheckOn;
    case Stage::Sponsors:
      return std::nullopt;  // the sponsorship's day is not stored (only the audit row has it)
    case Stage::MassOrgComment:
      return c.massOrgCommentOn;
    case Stage::CellVote:
      return c.cellVoteOn;
    case Stage::CommitteeResolution:
      return c.committeeResolutionOn;
    case Stage::Decision:
      return c.decisionOn;
    case Stage::Ceremony:
      return c.ceremonyOn;
  }
  return std::nullopt;
}

// A candidate being moved to `next`: writable, in progress, at the stage before, dated in order.
struct Step {
  store::AdmissionRepository repo;
  core::Candidate before, after;
  Step(Services& s, const Actor& actor, const std::string& code, Stage next, const Date& on)
      : repo(storeOf(s)), before(candidateByCode(repo, code)), after(before) {
    requireWrite(actor, before.cellId);
    const std::string what = stageLabel(next);
    auto refuse = [&](const std::string& why) {
      throw DataError(
          format(tr("{1} for {2} ({3}) on {4}: {5}"), {what, before.fullName, before.code, on.vn(), why}));
    };
    if (before.status != "in_progress")
      refuse(
          format(tr("the file is closed (\"{1}\")."), {core::enums::candidateStatus.label(before.status)}));
    const Stage at = stageOf(before);
    if (int(at) >= int(next))
      refuse(format(tr("this stage is already recorded (the file is at \"{1}\")."), {stageLabel(at)}));
    if (int(at) + 1 != int(next))
      refuse(format(tr("record \"{1}\" first; stages are recorded in order."),
                    {stageLabel(Stage(int(at) + 1))}));
    if (auto last = latestDate(before); last && on < *last)
      refuse(format(tr("it cannot come before the previous stage ({1})."), {last->vn()}));
    if (on > Date::today()) refuse(tr("the date is in the future."));
  }
  void save(Services& s, const Actor& actor, const std::string& action, const std::string& value,
            const std::string& reason = {}) {
    storeOf(s).transaction([&] {
      repo.updateCandidate(after);
      s.audit(actor, "candidate." + action, "candidate:" + after.code, "", value, reason);
    });
  }
};

std::string normalizedOrEmpty(const std::string& s) {
  return core::normalizeText(s);
}

// Refuses a re-admission the rules forbid (former members matching the candidate).
void checkReadmission(Services& s, const NewCandidate& c, const std::string& name) {
  store::AdmissionRepository repo(storeOf(s));
  const core::RuleBook rules = s.ruleBook();
  for (const auto& m : repo.membersLike(c.cccd, core::fold(name))) {
    const bool sameId = !c.cccd.empty() && m.cccd == c.cccd;
    const bool sameBirth = c.birthDate && m.birthDate && m.searchKey == core::fold(name) &&
                           m.birthDate->storage() == c.birthDate->storage();
    if (!sameId && !sameBirth) continue;
    const std::string who = m.fullName + " (" + m.code + ")";
    if (m.status == "expelled")
      throw DataError(format(tr("{1} was expelled from the Party ({2}) and may never be admitted again."),
                             {who, m.statusSince ? m.statusSince->vn() : std::string("?")}));
    if (m.status == "active" || m.status == "exempt" || m.status == "transferred_out")
      throw DataError(format(tr("{1} is already a party member (status \"{2}\")."),
                             {who, core::enums::memberStatus.label(m.status)}));
    if (m.status == "removed") {
      const std::string excluded =
          rules.valueOn("readmission.excluded_removal_grounds", c.listedOn).value_or(std::string());
      for (const auto& g : repo.removalGrounds(m.id))
        if (!g.empty() && ("," + excluded + ",").find("," + g + ",") != std::string::npos)
          throw DataError(format(
              tr("{1} was removed from the list on the ground \"{2}\" and may never be admitted again."),
              {who, core::enums::removalGround.label(g)}));
    }
    if ((m.status == "left" || m.status == "removed") && m.statusSince) {
      const int wait = rules.intOn("readmission.wait_months", c.listedOn);
      const Date allowed = m.statusSince->addMonths(wait);
      if (c.listedOn < allowed)
        throw DataError(format(
            tr("{1} left the Party on {2} (\"{3}\"): re-admission is possible only {4} months "
               "later, from {5}."),
            {who, m.statusSince->vn(), core::enums::memberStatus.label(m.status), num(wait), allowed.vn()}));
    }
  }
}

// Over admission.max_age: at the vote once it is recorded (the stored flag), else today for a file in
// progress.
bool overMaxAge(const core::RuleBook& rules, const core::Candidate& c, const Date& today) {
  if (c.cellVoteOn) return c.needsProvincialApproval;
  if (c.status != "in_progress" || !c.birthDate) return false;
  return today > c.birthDate->anchor().addYears(rules.intOn("admission.max_age", today));
}

}  // namespace

namespace admission {
// The latest date recorded in the file (stages must not go back before it).
std::optional<Date> latestDate(const core::Candidate& c) {
  std::optional<Date> out;
  for (const auto& d :
       {c.listedOn, c.certificateOn, c.applicationOn, c.historyOn, c.backgroundCheckOn, c.massOrgCommentOn,
        c.cellVoteOn, c.committeeResolutionOn, c.decisionOn, c.ceremonyOn})
    if (d && (!out || *d > *out)) out = d;
  return out;
}

std::string num(int64_t n) {
  return std::to_string(n);
}

void requireRead(const Actor& actor, core::Id cellId) {
  require(actor, Permission::ReadRegister);
  if (actor.role == "secretary" && actor.cellId != cellId)
    throw core::PermissionError(
        format(tr("The account {1} may see only the candidates of its own cell."), {actor.username}));
}

void requireWrite(const Actor& actor, core::Id cellId) {
  require(actor, Permission::WriteRegister);
  if (actor.role == "secretary" && actor.cellId != cellId)
    throw core::PermissionError(
        format(tr("The account {1} may change only the candidates of its own cell."), {actor.username}));
}

// The present official members of a cell on a day, from the register's dated history.
std::vector<core::Member> officialOn(Services& s, core::Id cellId, const Date& day) {
  store::MemberQueryOptions opt;
  opt.asOf = day;
  opt.cellId = cellId;
  std::vector<core::Member> out;
  for (auto& m : store::membersOn(storeOf(s), opt))
    if (m.member.officialOn && *m.member.officialOn <= day) out.push_back(std::move(m.member));
  return out;
}

// True when inFavour reaches the share num/den of `official` (exact, in integers).
bool reaches(int inFavour, int official, const core::Fraction& f) {
  return int64_t(inFavour) * f.den >= int64_t(f.num) * official && official > 0;
}
}  // namespace admission

// ---------------------------------------------------------------------------------------------
const char* stageCode(Stage s) {
  return kStageCodes[int(s)];
}

std::optional<Stage> stageFromCode(const std::string& code) {
  for (int i = 0; i <= int(Stage::Ceremony); ++i)
    if (code == kStageCodes[i]) return Stage(i);
  return std::nullopt;
}

std::string stageLabel(Stage s) {
  return tr(kStageLabels[int(s)]);
}

Stage stageOf(const core::Candidate& c) {
  if (c.ceremonyOn) return Stage::Ceremony;
  if (c.decisionOn) return Stage::Decision;
  if (c.committeeResolutionOn) return Stage::CommitteeResolution;
  if (c.cellVoteOn) return Stage::CellVote;
  if (c.massOrgCommentOn) return Stage::MassOrgComment;
  if (c.sponsor1 || c.sponsor2) return Stage::Sponsors;
  if (c.backgroundCheckOn) return Stage::BackgroundCheck;
  if (c.historyOn) return Stage::History;
  if (c.applicationOn) return Stage::Application;
  if (c.certificateOn) return Stage::Certificate;
  return Stage::Listed;
}

std::vector<CandidateRow> listCandidates(Services& s, const Actor& actor, const CandidateFilter& filter) {
  require(actor, Permission::ReadRegister);
  store::RegisterRepository reg(storeOf(s));
  std::optional<core::Id> cellId;
  if (!core::normalizeText(filter.cellCode).empty()) cellId = organizationByCode(reg, filter.cellCode).id;
  if (actor.role == "secretary") {
    if (cellId && cellId != actor.cellId) requireRead(actor, *cellId);
    cellId = actor.cellId.value_or(-1);
  }
  std::optional<Stage> stage;
  if (!filter.stage.empty() && !(stage = stageFromCode(filter.stage)))
    throw DataError(format(tr("Unknown stage \"{1}\"."), {filter.stage}));
  if (!filter.status.empty() && !core::enums::candidateStatus.contains(filter.status))
    throw DataError(format(tr("Unknown candidate status \"{1}\"."), {filter.status}));
  std::map<core::Id, core::Organization> orgs;
  for (auto& o : reg.organizations()) orgs[o.id] = o;
  std::vector<CandidateRow> out;
  const core::RuleBook rules = s.ruleBook();
  const Date today = Date::today();
  for (auto& c : store::AdmissionRepository(storeOf(s)).candidates(cellId, filter.status)) {
    CandidateRow r;
    r.stage = stageOf(c);
    if (stage && r.stage != *stage) continue;
    r.stageOn = stageDate(c, r.stage);
    r.overMaxAge = overMaxAge(rules, c, today);
    r.cellCode = orgs[c.cellId].code;
    r.cellName = orgs[c.cellId].name;
    r.candidate = std::move(c);
    out.push_back(std::move(r));
  }
  return out;
}

CandidateFile candidateFile(Services& s, const Actor& actor, const std::string& code) {
  store::AdmissionRepository repo(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  CandidateFile f;
  f.candidate = candidateByCode(repo, code);
  requireRead(actor, f.candidate.cellId);
  const auto cell = orgById(reg, f.candidate.cellId);
  f.cellCode = cell.code;
  f.cellName = cell.name;
  f.stage = stageOf(f.candidate);
  f.overMaxAge = overMaxAge(s.ruleBook(), f.candidate, Date::today());
  if (f.candidate.certificateOn)
    f.certificateValidUntil = f.candidate.certificateOn->addMonths(
        s.ruleBook().intOn("admission.certificate_validity_months", *f.candidate.certificateOn));
  auto named = [&](core::Id id, std::optional<Date> since) {
    auto m = reg.memberById(id);
    return NamedMember{m ? m->code : std::string(), m ? m->fullName : std::string(), since};
  };
  for (const auto& h : repo.helpers(f.candidate.id)) f.helpers.push_back(named(h.memberId, h.from));
  for (const auto& c : repo.checks(f.candidate.id))
    f.checks.push_back({c.person, c.relation, c.checkedOn, c.result});
  if (f.candidate.sponsor1) f.sponsor1 = named(*f.candidate.sponsor1, f.candidate.sponsor1Since);
  if (f.candidate.sponsor2) f.sponsor2 = named(*f.candidate.sponsor2, f.candidate.sponsor2Since);
  if (f.candidate.memberId) f.memberCode = named(*f.candidate.memberId, std::nullopt).code;
  return f;
}

namespace {
// The candidate createCandidate would list, after all of its checks (nothing written): throws the refusal,
// naming in `field` (when given) the first field refused.
core::Candidate newCandidateChecked(Services& s, const Actor& actor, const NewCandidate& in,
                                    std::string* field, std::string* cellCode = nullptr) {
  auto refuse = [&](const char* f) {
    if (field) *field = f;
  };
  store::RegisterRepository reg(storeOf(s));
  store::AdmissionRepository repo(storeOf(s));
  refuse("cell");
  const core::Organization cell = organizationByCode(reg, in.cellCode);
  requireWrite(actor, cell.id);
  if (cellCode) *cellCode = cell.code;
  core::Candidate c;
  refuse("code");
  c.code = core::cleanCode(in.code, core::tr("The candidate's code"));
  refuse("full_name");
  c.fullName = core::cleanName(in.fullName, core::tr("The full name"));
  c.birthDate = in.birthDate;
  c.gender = in.gender;
  c.ethnicity = core::normalizeText(in.ethnicity);
  c.religion = core::normalizeText(in.religion);
  if (c.religion.empty()) c.religion = "Không";
  c.residence = normalizedOrEmpty(in.residence);
  c.occupation = normalizedOrEmpty(in.occupation);
  c.education = normalizedOrEmpty(in.education);
  c.cellId = cell.id;
  c.listedOn = in.listedOn;
  const std::string cccd = core::normalizeText(in.cccd);
  std::vector<std::string> p;
  std::string first;
  auto problem = [&](const char* f, std::string m) {
    if (first.empty()) first = f;
    p.push_back(std::move(m));
  };
  if (c.code.empty())
    problem("code", tr("The candidate code is required."));
  else if (auto other = repo.candidateByCode(c.code))
    problem("code", format(tr("The candidate code {1} is already used by {2}."), {c.code, other->fullName}));
  if (c.fullName.empty()) problem("full_name", tr("The full name is required."));
  if (!core::enums::gender.contains(c.gender)) problem("gender", tr("Choose the gender."));
  if (!c.birthDate) problem("birth_date", tr("The date of birth is required."));
  if (c.ethnicity.empty() || !reg.ethnicGroupExists(c.ethnicity))
    problem("ethnicity", tr("Choose one of the 54 ethnic groups."));
  if (!cccd.empty() && (cccd.size() != 12 || cccd.find_first_not_of("0123456789") != std::string::npos))
    problem("cccd", format(tr("The CCCD number \"{1}\" must have exactly 12 digits."), {cccd}));
  for (auto& fp : core::candidateDateProblems(c.birthDate, in.listedOn, Date::today()))
    problem(fp.field == "birth_date" ? "birth_date" : "listed_on", std::move(fp.message));
  if (!existsOn(cell, in.listedOn))
    problem("listed_on", format(tr("The cell {1} did not exist on {2}."), {cell.code, in.listedOn.vn()}));
  if (!p.empty()) {
    refuse(first.c_str());
    std::string all;
    for (const auto& l : p) all += (all.empty() ? "" : "\n") + l;
    throw DataError(all);
  }
  NewCandidate checked = in;
  checked.cccd = cccd;
  refuse(cccd.empty() ? "full_name" : "cccd");
  checkReadmission(s, checked, c.fullName);
  for (const auto& other : repo.candidatesWithCccd(cccd))
    if (other.status == "in_progress")
      throw DataError(format(tr("The CCCD number {1} is already in the admission file of {2} ({3})."),
                             {cccd, other.fullName, other.code}));
  refuse("");
  c.cccd = cccd;
  return c;
}
}  // namespace

void checkNewCandidate(Services& s, const Actor& actor, const NewCandidate& in, std::string* field) {
  newCandidateChecked(s, actor, in, field);
}

core::Id createCandidate(Services& s, const Actor& actor, const NewCandidate& in) {
  std::string cellCode;
  core::Candidate c = newCandidateChecked(s, actor, in, nullptr, &cellCode);
  store::AdmissionRepository repo(storeOf(s));
  core::Id id = 0;
  storeOf(s).transaction([&] {
    id = store::RecordsRepository(storeOf(s)).insertCandidate(c);
    if (!c.cccd.empty()) {  // the insert statement predates the column: written by the update
      c.id = id;
      repo.updateCandidate(c);
    }
    s.audit(
        actor, "candidate.add", "candidate:" + c.code, "",
        c.fullName + " | " + cellCode + " | " + in.listedOn.iso() + (c.cccd.empty() ? "" : " | " + c.cccd));
  });
  return id;
}

void addHelper(Services& s, const Actor& actor, const std::string& code, const std::string& memberCode,
               const Date& from) {
  store::AdmissionRepository repo(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  core::Candidate c = candidateByCode(repo, code);
  requireWrite(actor, c.cellId);
  core::Member m = memberByCode(reg, memberCode);
  if (c.status != "in_progress")
    throw DataError(format(tr("The file of {1} ({2}) is closed."), {c.fullName, c.code}));
  bool inCell = false;
  for (const auto& x : store::membersOn(storeOf(s), {from, "", c.cellId, false, false}))
    inCell |= x.member.id == m.id;
  if (!inCell)
    throw DataError(format(tr("{1} ({2}) was not a member of the candidate's cell on {3}."),
                           {m.fullName, m.code, from.vn()}));
  storeOf(s).transaction([&] {
    repo.saveHelper(c.id, {m.id, from});
    s.audit(actor, "candidate.helper", "candidate:" + c.code, "", m.code + " " + from.iso());
  });
}

void recordCertificate(Services& s, const Actor& actor, const std::string& code, const std::string& number,
                       const Date& on) {
  Step st(s, actor, code, Stage::Certificate, on);
  st.after.certificateNo = core::normalizeText(number);
  if (st.after.certificateNo.empty()) throw DataError(tr("Enter the certificate's number."));
  st.after.certificateOn = on;
  st.save(s, actor, "certificate", st.after.certificateNo + " " + on.iso());
}

void recordApplication(Services& s, const Actor& actor, const std::string& code, const Date& on) {
  Step st(s, actor, code, Stage::Application, on);
  st.after.applicationOn = on;
  st.save(s, actor, "application", on.iso());
}

void recordHistory(Services& s, const Actor& actor, const std::string& code, const Date& on) {
  Step st(s, actor, code, Stage::History, on);
  st.after.historyOn = on;
  st.save(s, actor, "history", on.iso());
}

void recordBackgroundCheck(Services& s, const Actor& actor, const std::string& code, const Date& on,
                           const std::string& result, const std::vector<PersonCheck>& persons) {
  Step st(s, actor, code, Stage::BackgroundCheck, on);
  st.after.backgroundCheckOn = on;
  st.after.backgroundCheckResult = core::normalizeText(result);
  if (st.after.backgroundCheckResult.empty())
    throw DataError(tr("Enter the result of the background check."));
  if (persons.empty())
    throw DataError(tr("Name at least one person checked (the candidate and close family)."));
  std::vector<store::CandidateCheck> rows;
  for (const auto& p : persons) {
    store::CandidateCheck r{0,
                            st.after.id,
                            core::normalizeText(p.person),
                            core::normalizeText(p.relation),
                            p.checkedOn ? p.checkedOn : std::optional(on),
                            core::normalizeText(p.result)};
    if (r.person.empty()) throw DataError(tr("Name each person checked."));
    if (*r.checkedOn > on)
      throw DataError(format(tr("{1} was checked on {2}, after the check's date {3}."),
                             {r.person, r.checkedOn->vn(), on.vn()}));
    rows.push_back(std::move(r));
  }
  storeOf(s).transaction([&] {
    st.repo.updateCandidate(st.after);
    for (const auto& r : rows) st.repo.insertCheck(r);
    s.audit(actor, "candidate.background_check", "candidate:" + st.after.code, "",
            on.iso() + " " + st.after.backgroundCheckResult + " (" + num(int64_t(rows.size())) + ")");
  });
}

void recordSponsors(Services& s, const Actor& actor, const std::string& code, const Sponsorship& sp) {
  Step st(s, actor, code, Stage::Sponsors, sp.on);
  store::RegisterRepository reg(storeOf(s));
  const core::RuleBook rules = s.ruleBook();
  const int months = rules.intOn("admission.sponsor_min_months", sp.on);
  const std::string youth = core::normalizeText(sp.youthUnionResolution);
  const bool two = !core::normalizeText(sp.sponsor2).empty();
  if (core::normalizeText(sp.sponsor1).empty() || (!two && youth.empty()))
    throw DataError(tr("Two sponsors are needed, or the youth union's resolution and one sponsor."));
  const auto official = officialOn(s, st.before.cellId, sp.on);
  const std::string cellCode = orgById(reg, st.before.cellId).code;
  auto check = [&](const std::string& memberCode, const std::optional<Date>& since) {
    core::Member m = memberByCode(reg, memberCode);
    const bool ok =
        std::any_of(official.begin(), official.end(), [&](const core::Member& o) { return o.id == m.id; });
    if (!ok)
      throw DataError(format(tr("The sponsor {1} ({2}) was not an official member of the cell {3} on {4}."),
                             {m.fullName, m.code, cellCode, sp.on.vn()}));
    if (!since)
      throw DataError(
          format(tr("Enter since when {1} ({2}) has known the candidate."), {m.fullName, m.code}));
    if (sp.on < since->addMonths(months))
      throw DataError(
          format(tr("The sponsor {1} ({2}) has known the candidate since {3}: at least {4} months are "
                    "needed on {5}."),
                 {m.fullName, m.code, since->vn(), num(months), sp.on.vn()}));
    return m.id;
  };
  st.after.sponsor1 = check(sp.sponsor1, sp.sponsor1Since);
  st.after.sponsor1Since = sp.sponsor1Since;
  if (two) {
    st.after.sponsor2 = check(sp.sponsor2, sp.sponsor2Since);
    if (st.after.sponsor2 == st.after.sponsor1)
      throw DataError(tr("The two sponsors must be different members."));
    st.after.sponsor2Since = sp.sponsor2Since;
  }
  st.after.youthUnionResolution = youth;
  st.save(s, actor, "sponsors",
          core::normalizeText(sp.sponsor1) + (two ? ", " + core::normalizeText(sp.sponsor2) : " + " + youth) +
              " " + sp.on.iso());
}

void recordMassOrgComment(Services& s, const Actor& actor, const std::string& code, const Date& on) {
  Step st(s, actor, code, Stage::MassOrgComment, on);
  st.after.massOrgCommentOn = on;
  st.save(s, actor, "mass_org_comment", on.iso());
}

int officialMembersOn(Services& s, const Actor& actor, const std::string& cellCode, const Date& on) {
  store::RegisterRepository reg(storeOf(s));
  const core::Organization cell = organizationByCode(reg, cellCode);
  requireRead(actor, cell.id);
  return int(officialOn(s, cell.id, on).size());
}

VoteCount cellVoteCount(Services& s, const Actor& actor, const std::string& cellCode, const Date& on) {
  store::RegisterRepository reg(storeOf(s));
  const core::Organization cell = organizationByCode(reg, cellCode);
  requireRead(actor, cell.id);
  const core::Fraction share = s.ruleBook().fractionOn("admission.cell_vote_share", on);
  VoteCount v;
  v.official = int(officialOn(s, cell.id, on).size());
  v.needed = needed(v.official, share);
  v.num = share.num;
  v.den = share.den;
  return v;
}

int recordCellVote(Services& s, const Actor& actor, const std::string& code, const CellVote& v) {
  Step st(s, actor, code, Stage::CellVote, v.on);
  const core::Candidate& c = st.before;
  const core::RuleBook rules = s.ruleBook();
  auto refuse = [&](const std::string& why) {
    throw DataError(format(tr("{1} for {2} ({3}) on {4}: {5}"),
                           {stageLabel(Stage::CellVote), c.fullName, c.code, v.on.vn(), why}));
  };
  // Age at the vote.
  if (!c.birthDate) refuse(tr("the date of birth is missing."));
  const Date birth = c.birthDate->anchor();
  const int minAge = rules.intOn("admission.min_age", v.on), maxAge = rules.intOn("admission.max_age", v.on);
  if (v.on < birth.addYears(minAge))
    refuse(format(tr("born {1}, the candidate is under {2}."), {c.birthDate->vn(), num(minAge)}));
  const bool over = v.on > birth.addYears(maxAge);
  if (over && (!v.provincialApproval || core::normalizeText(v.approvalNo).empty()))
    refuse(format(tr("born {1}, the candidate is over {2}: record the province's approval and its number."),
                  {c.birthDate->vn(), num(maxAge)}));
  // The certificate must still be valid.
  if (c.certificateOn) {
    const Date ends =
        c.certificateOn->addMonths(rules.intOn("admission.certificate_validity_months", *c.certificateOn));
    if (v.on > ends)
      refuse(format(tr("the awareness-course certificate of {1} expired on {2}."),
                    {c.certificateOn->vn(), ends.vn()}));
  }
  // The vote, counted from the register.
  const int official = int(officialOn(s, c.cellId, v.on).size());
  const core::Fraction share = rules.fractionOn("admission.cell_vote_share", v.on);
  if (v.inFavour < 0 || v.inFavour > official)
    refuse(format(tr("{1} in favour, but the cell had {2} official members that day."),
                  {num(v.inFavour), num(official)}));
  if (!reaches(v.inFavour, official, share))
    refuse(format(
        tr("{1} of {2} official members in favour is below {3}/{4}: at least {5} are needed. The vote "
           "cannot be recorded as passed."),
        {num(v.inFavour), num(official), num(share.num), num(share.den), num(needed(official, share))}));
  st.after.cellVoteOn = v.on;
  st.after.needsProvincialApproval = over;
  st.after.provincialApprovalNo = over ? core::normalizeText(v.approvalNo) : std::string();
  st.after.cellVoteOfficial = official;
  st.after.cellVoteInFavour = v.inFavour;
  st.save(s, actor, "cell_vote", v.on.iso() + " " + num(v.inFavour) + "/" + num(official),
          over ? "provincial_approval " + core::normalizeText(v.approvalNo) : std::string());
  return official;
}

void recordCommitteeResolution(Services& s, const Actor& actor, const std::string& code,
                               const std::string& number, const Date& on) {
  Step st(s, actor, code, Stage::CommitteeResolution, on);
  st.after.committeeResolutionNo = core::normalizeText(number);
  if (st.after.committeeResolutionNo.empty()) throw DataError(tr("Enter the resolution's number."));
  st.after.committeeResolutionOn = on;
  st.save(s, actor, "committee_resolution", st.after.committeeResolutionNo + " " + on.iso());
}

void recordDecision(Services& s, const Actor& actor, const std::string& code, const std::string& number,
                    const Date& on, const std::string& body) {
  Step st(s, actor, code, Stage::Decision, on);
  st.after.decisionNo = core::normalizeText(number);
  if (st.after.decisionNo.empty()) throw DataError(tr("Enter the decision's number."));
  st.after.decisionBody = core::normalizeText(body);
  if (st.after.decisionBody.empty()) st.after.decisionBody = core::normalizeText(s.committee().executive);
  if (st.after.decisionBody.empty()) throw DataError(tr("Name the body that decided the admission."));
  st.after.decisionOn = on;
  st.save(s, actor, "decision", st.after.decisionNo + " " + on.iso() + " " + st.after.decisionBody);
}

core::Id recordCeremony(Services& s, const Actor& actor, const std::string& code, const Ceremony& cer) {
  Step st(s, actor, code, Stage::Ceremony, cer.on);
  const core::Candidate& c = st.before;
  store::RegisterRepository reg(storeOf(s));
  const core::Organization cell = orgById(reg, c.cellId);
  core::Member m;
  m.code = core::normalizeText(cer.memberCode);
  m.fullName = c.fullName;
  m.gender = c.gender;
  m.birthDate = c.birthDate;
  m.ethnicity = c.ethnicity;
  m.religion = c.religion;
  m.residence = c.residence;
  m.occupation = c.occupation;
  m.education = c.education;
  m.cccd = c.cccd;
  m.admittedOn = c.decisionOn;
  m.ceremonyOn = cer.on;
  m.cardNo = core::normalizeText(cer.cardNo);
  m.fileNo = core::normalizeText(cer.fileNo);
  m.cellId = c.cellId;
  m.status = "active";
  m.candidateId = c.id;
  std::vector<std::string> problems = validateMember(s, m, true);
  if (problems.empty() && !existsOn(cell, *c.decisionOn))
    problems.push_back(format(tr("The cell {1} did not exist on {2}."), {cell.code, c.decisionOn->vn()}));
  if (!problems.empty()) {
    std::string all;
    for (const auto& l : problems) all += (all.empty() ? "" : "\n") + l;
    throw DataError(all);
  }
  // addMember's writes, here inside the candidate's transaction (Database::transaction does not nest).
  core::Id id = 0;
  storeOf(s).transaction([&] {
    id = reg.insertMember(m);
    reg.insertEvent(
        {0, id, *c.decisionOn, "admitted", std::nullopt, c.cellId, "", c.decisionNo, "", std::nullopt});
    s.audit(actor, "member.add", "member:" + m.code, "", m.fullName + " | " + cell.code);
    noteReadmission(s, actor, id, *c.decisionOn);  // a former member: party age keeps the first admission
    st.after.ceremonyOn = cer.on;
    st.after.status = "admitted";
    st.after.memberId = id;
    st.repo.updateCandidate(st.after);
    s.audit(actor, "candidate.ceremony", "candidate:" + c.code, "in_progress",
            "admitted " + cer.on.iso() + " " + m.code);
  });
  return id;
}

namespace {
void closeFile(Services& s, const Actor& actor, const std::string& code, const Date& on,
               const std::string& reason, const char* status) {
  store::AdmissionRepository repo(storeOf(s));
  core::Candidate c = candidateByCode(repo, code);
  requireWrite(actor, c.cellId);
  if (c.status != "in_progress")
    throw DataError(format(tr("The file of {1} ({2}) is closed."), {c.fullName, c.code}));
  const std::string why = core::normalizeText(reason);
  if (why.empty()) throw DataError(tr("Enter the reason."));
  if (auto last = latestDate(c); last && on < *last)
    throw DataError(
        format(tr("The date {1} cannot come before the file's last stage ({2})."), {on.vn(), last->vn()}));
  if (on > Date::today()) throw DataError(format(tr("The date {1} is in the future."), {on.vn()}));
  c.status = status;
  c.outcomeReason = why;
  storeOf(s).transaction([&] {
    repo.updateCandidate(c);
    s.audit(actor, std::string("candidate.") + status, "candidate:" + c.code, "in_progress",
            std::string(status) + " " + on.iso(), why);
  });
}
}  // namespace

void withdrawCandidate(Services& s, const Actor& actor, const std::string& code, const Date& on,
                       const std::string& reason) {
  closeFile(s, actor, code, on, reason, "withdrawn");
}

void rejectCandidate(Services& s, const Actor& actor, const std::string& code, const Date& on,
                     const std::string& reason) {
  closeFile(s, actor, code, on, reason, "rejected");
}

}  // namespace dangbo::services
