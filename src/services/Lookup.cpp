#include "services/Lookup.h"

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

core::Organization organizationByCode(store::RegisterRepository& repo, const std::string& code) {
  // Codes are stored in capitals: cb07 finds CB07 (a code stored otherwise before is still found as it is).
  auto o = repo.organizationByCode(core::normalizeText(code));
  if (!o) o = repo.organizationByCode(core::toUpper(core::normalizeText(code)));
  if (!o)
    throw core::DataError(
        core::format(core::tr("There is no party organization with the code {1}."), {code}));
  return *o;
}

core::Member memberByCode(store::RegisterRepository& repo, const std::string& code) {
  auto m = repo.memberByCode(core::normalizeText(code));
  if (!m) m = repo.memberByCode(core::toUpper(core::normalizeText(code)));
  if (!m) throw core::DataError(core::format(core::tr("There is no member with the code {1}."), {code}));
  return *m;
}

}  // namespace dangbo::services
