#include "services/ImportSecretaries.h"

#include <stdexcept>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/CellSecretaries.h"

namespace dangbo::services {

using core::format;
using core::tr;
using T = ImportType;

namespace {
const ImportColumn kSecretaries[] = {
    {"cell", "Mã chi bộ", T::Code, false, true},
    {"member", "Mã đảng viên", T::Code, false, true},
    {"from", "Từ ngày", T::Date, false, true},
    {"to", "Đến ngày", T::Date, true},
};
}  // namespace

const ImportFileSpec& secretaryFileSpec() {
  static const ImportFileSpec k{"bi_thu_chi_bo", kSecretaries, {"cell", "member", "from"}};
  return k;
}

void importSecretaryFile(Services& s, const Actor& actor, const ImportFile& file, bool dryRun,
                         const std::function<bool(std::string_view)>& definedByImport, PlannedFile& pf,
                         std::vector<std::string>& problems) {
  const ImportFileSpec& spec = secretaryFileSpec();
  planDoorFile(file, spec, dryRun, pf, problems,
               [&](const ImportRow& row, PlannedRow& pr, const ImportProblemAt& problem) {
                 auto v = [&](const char* field) { return std::string(row.value(spec, field)); };
                 // A cell or member this import adds: checked when it is written.
                 if (dryRun && (definedByImport(v("cell")) || definedByImport(v("member")))) return true;
                 const core::Date from = *core::Date::parse(v("from"));
                 const std::optional<core::Date> to = core::Date::parse(v("to"));
                 std::string field;
                 try {
                   const PeriodCheck c =
                       checkSecretaryPeriod(s, actor, v("cell"), v("member"), from, to, &field);
                   // An empty "Đến ngày" never blanks a stored last day.
                   if (c.change == PeriodChange::New || (c.change == PeriodChange::EndChanged && to)) {
                     if (c.change == PeriodChange::EndChanged)
                       pr.changes.push_back({importColumn(spec, "to")->header,
                                             c.storedTo ? c.storedTo->vn() : std::string(), to->vn(), "to"});
                     if (!dryRun) recordSecretaryPeriod(s, actor, v("cell"), v("member"), from, to, "");
                   }
                   return c.change == PeriodChange::New;
                 } catch (const std::runtime_error& e) {
                   problem(field.empty() ? "member" : field, e.what());
                 }
                 return false;
               });
}

}  // namespace dangbo::services
