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
}  // namespace

void correctCandidate(Services& s, const Actor& actor, const std::string& code,
                      const CandidateCorrection& in) {
  store::AdmissionRepository repo(storeOf(s));
  store::RegisterRepository reg(storeOf(s));
  auto found = repo.candidateByCode(core::normalizeText(code));
  if (!found) throw DataError(format(tr("There is no candidate with the code {1}."), {code}));
  const core::Candidate before = *found;
  require(actor, Permission::WriteRegister);
  if (actor.role == "secretary" && actor.cellId != before.cellId)
    throw core::PermissionError(
        format(tr("The account {1} may change only the candidates of its own cell."), {actor.username}));
  if (before.status != "in_progress")
    throw DataError(format(tr("The file of {1} ({2}) is closed."), {before.fullName, before.code}));

  core::Candidate after = before;
  after.fullName = core::normalizeText(in.fullName);
  after.birthDate = in.birthDate;
  after.cccd = core::normalizeText(in.cccd);
  after.occupation = core::normalizeText(in.occupation);
  after.listedOn = in.listedOn;
  const std::string why = core::normalizeText(in.reason);
  std::vector<std::string> p;
  if (why.empty()) p.push_back(tr("Enter the reason."));
  if (after.fullName.empty()) p.push_back(tr("The full name is required."));
  if (!after.birthDate) p.push_back(tr("The date of birth is required."));
  if (!after.cccd.empty() &&
      (after.cccd.size() != 12 || after.cccd.find_first_not_of("0123456789") != std::string::npos))
    p.push_back(format(tr("The CCCD number \"{1}\" must have exactly 12 digits."), {after.cccd}));
  if (in.listedOn > Date::today())
    p.push_back(format(tr("The date {1} is in the future."), {in.listedOn.vn()}));
  for (const auto& o : reg.organizations())
    if (o.id == before.cellId &&
        ((o.founded && *o.founded > in.listedOn) || (o.ceased && *o.ceased <= in.listedOn)))
      p.push_back(format(tr("The cell {1} did not exist on {2}."), {o.code, in.listedOn.vn()}));
  if (auto next = firstStageAfterListing(before); next && in.listedOn > *next)
    p.push_back(format(tr("The listing day {1} cannot come after the file's next recorded stage ({2})."),
                       {in.listedOn.vn(), next->vn()}));
  if (!after.cccd.empty() && after.cccd != before.cccd)
    for (const auto& other : repo.candidatesWithCccd(after.cccd))
      if (other.status == "in_progress" && other.id != before.id)
        p.push_back(format(tr("The CCCD number {1} is already in the admission file of {2} ({3})."),
                           {after.cccd, other.fullName, other.code}));
  if (!p.empty()) {
    std::string all;
    for (const auto& l : p) all += (all.empty() ? "" : "\n") + l;
    throw DataError(all);
  }
  // What changed, as "field: old -> new" for the audit row.
  std::string from, to;
  auto note = [&](const char* field, const std::string& a, const std::string& b) {
    if (a == b) return;
    from += (from.empty() ? "" : " | ") + std::string(field) + "=" + a;
    to += (to.empty() ? "" : " | ") + std::string(field) + "=" + b;
  };
  note("full_name", before.fullName, after.fullName);
  note("birth_date", before.birthDate ? before.birthDate->storage() : "", after.birthDate->storage());
  note("cccd", before.cccd, after.cccd);
  note("occupation", before.occupation, after.occupation);
  note("listed_on", before.listedOn ? before.listedOn->iso() : "", after.listedOn->iso());
  if (to.empty()) throw DataError(tr("Nothing was changed."));
  storeOf(s).transaction([&] {
    repo.updateCandidate(after);
    store::updateCandidateDetails(storeOf(s), after);
    s.audit(actor, "candidate.correct", "candidate:" + after.code, from, to, why);
  });
}

}  // namespace dangbo::services
