#include "services/FormerMembers.h"

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberQuery.h"

namespace dangbo::services {

std::vector<MemberRow> listFormerMembers(Services& s, const Actor& actor, const MemberFilter& f) {
  require(actor, Permission::ReadRegister);
  store::MemberQueryOptions opt;
  opt.asOf = f.asOf;
  opt.search = f.search;
  opt.includeDeparted = true;
  if (actor.role == "secretary") opt.cellId = actor.cellId;
  std::vector<MemberRow> out;
  for (auto& m : store::membersOn(storeOf(s), opt)) {
    if (m.present) continue;
    if (!f.cellCode.empty() && m.cellCode != f.cellCode) continue;
    MemberRow r;
    r.id = m.member.id;
    r.code = m.member.code;
    r.name = m.member.fullName;
    r.cellCode = m.cellCode;
    r.cellName = m.cellName;
    r.status = m.member.status;
    r.gender = m.member.gender;
    r.birthDate = m.member.birthDate;
    r.ethnicity = m.member.ethnicity;
    r.ethnicityName = m.ethnicityName;
    r.theory = m.member.theory;
    r.admittedOn = m.member.admittedOn;
    r.officialOn = m.member.officialOn;
    r.transferredInOn = m.member.transferredInOn;
    r.cardNo = m.member.cardNo;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dangbo::services
