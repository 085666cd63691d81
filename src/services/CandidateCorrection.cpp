#include "services/CandidateCorrection.h"

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AdmissionRepository.h"
#include "store/CandidateDetails.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::DataError;
using core::Date;
using core::format;
using core::tr;

namespace {
// The earliest stage recorded after the listing: the listing day may not move past it.
std::optional<Date> firstStageAfterListing(const core::Candidate& c) {
  std::optional<Date> out;
  for (const auto& d :
       {c.certificateOn, c.applicationOn, c.historyOn, c.backgroundCheckOn, c.massOrgCommentOn, c.cellVoteOn,
        c.committeeResolutionOn, c.decisionOn, c.ceremonyOn})
    if (d && (!out || *d < *out)) out = d;
  return out;
}

// The checked correction: the candidate as stored and as it will be, and the audit row's old and new values.
struct Checked {
  core::Candidate before, after;
  std::string from, to, why;
};

Checked checkedCorrection(Services& s, const Actor& actor, const std::string& code,
                          const CandidateCorrection& in, std::string* field) {
  auto refuse = [&](const char* f) {
    if (field) *field = f;
  };
  store::AdmissionRepository repo(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  refuse("code");
  auto found = repo.candidateByCode(core::normalizeText(code));
  if (!found) throw DataError(format(tr("There is no candidate with the code {1}."), {code}));
  Checked c{*found, *found, {}, {}, core::normalizeText(in.reason)};
  const core::Candidate& before = c.before;
  core::Candidate& after = c.after;
  require(actor, Permission::WriteRegister);
  if (actor.role == "secretary" && actor.cellId != before.cellId)
    throw core::PermissionError(
        format(tr("The account {1} may change only the candidates of its own cell."), {actor.username}));
  if (before.status != "in_progress")
    throw DataError(format(tr("The file of {1} ({2}) is closed."), {before.fullName, before.code}));

  after.fullName = core::normalizeText(in.fullName);
  after.birthDate = in.birthDate;
  after.cccd = core::normalizeText(in.cccd);
  after.occupation = core::normalizeText(in.occupation);
  after.listedOn = in.listedOn;
  std::vector<std::string> p;
  std::string first;
  auto problem = [&](const char* f, std::string m) {
    if (first.empty()) first = f;
    p.push_back(std::move(m));
  };
  if (c.why.empty()) problem("reason", tr("Enter the reason."));
  if (after.fullName.empty()) problem("full_name", tr("The full name is required."));
  if (!after.birthDate) problem("birth_date", tr("The date of birth is required."));
  if (!after.cccd.empty() &&
      (after.cccd.size() != 12 || after.cccd.find_first_not_of("0123456789") != std::string::npos))
    problem("cccd", format(tr("The CCCD number \"{1}\" must have exactly 12 digits."), {after.cccd}));
  if (in.listedOn > Date::today())
    problem("listed_on", format(tr("The date {1} is in the future."), {in.listedOn.vn()}));
  for (const auto& o : reg.organizations())
    if (o.id == before.cellId &&
        ((o.founded && *o.founded > in.listedOn) || (o.ceased && *o.ceased <= in.listedOn)))
      problem("listed_on", format(tr("The cell {1} did not exist on {2}."), {o.code, in.listedOn.vn()}));
  if (auto next = firstStageAfterListing(before); next && in.listedOn > *next)
    problem("listed_on",
            format(tr("The listing day {1} cannot come after the file's next recorded stage ({2})."),
                   {in.listedOn.vn(), next->vn()}));
  if (!after.cccd.empty() && after.cccd != before.cccd)
    for (const auto& other : repo.candidatesWithCccd(after.cccd))
      if (other.status == "in_progress" && other.id != before.id)
        problem("cccd", format(tr("The CCCD number {1} is already in the admission file of {2} ({3})."),
                               {after.cccd, other.fullName, other.code}));
  if (!p.empty()) {
    refuse(first.c_str());
    std::string all;
    for (const auto& l : p) all += (all.empty() ? "" : "\n") + l;
    throw DataError(all);
  }
  // What changed, as "field: old -> new" for the audit row.
  auto note = [&](const char* f, const std::string& a, const std::string& b) {
    if (a == b) return;
    c.from += (c.from.empty() ? "" : " | ") + std::string(f) + "=" + a;
    c.to += (c.to.empty() ? "" : " | ") + std::string(f) + "=" + b;
  };
  note("full_name", before.fullName, after.fullName);
  note("birth_date", before.birthDate ? before.birthDate->storage() : "", after.birthDate->storage());
  note("cccd", before.cccd, after.cccd);
  note("occupation", before.occupation, after.occupation);
  note("listed_on", before.listedOn ? before.listedOn->iso() : "", after.listedOn->iso());
  refuse("");
  if (c.to.empty()) throw DataError(tr("Nothing was changed."));
  return c;
}
}  // namespace

void checkCandidateCorrection(Services& s, const Actor& actor, const std::string& code,
                              const CandidateCorrection& in, std::string* field) {
  checkedCorrection(s, actor, code, in, field);
}

void correctCandidate(Services& s, const Actor& actor, const std::string& code,
                      const CandidateCorrection& in) {
  const Checked c = checkedCorrection(s, actor, code, in, nullptr);
  store::AdmissionRepository repo(storeOf(s));
  storeOf(s).transaction([&] {
    repo.updateCandidate(c.after);
    store::updateCandidateDetails(storeOf(s), c.after);
    s.audit(actor, "candidate.correct", "candidate:" + c.after.code, c.from, c.to, c.why);
  });
}

}  // namespace dangbo::services
