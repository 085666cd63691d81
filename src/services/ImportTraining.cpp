#include "services/ImportTraining.h"

#include <map>
#include <stdexcept>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Register.h"

namespace dangbo::services {

using core::format;
using core::tr;
using T = ImportType;

namespace {
const ImportColumn kTrainings[] = {
    {"member", "Mã đảng viên", T::Code, false, true},
    {"date", "Ngày", T::Date, false, true},
    {"course", "Nội dung", T::Text, true},
};
}  // namespace

const ImportFileSpec& trainingFileSpec() {
  static const ImportFileSpec k{"tap_huan", kTrainings, {"member", "date"}};
  return k;
}

void importTrainingFile(Services& s, const Actor& actor, const ImportFile& file, bool dryRun,
                        const std::function<bool(std::string_view)>& definedByImport, PlannedFile& pf,
                        std::vector<std::string>& problems) {
  const ImportFileSpec& spec = trainingFileSpec();
  planDoorFile(file, spec, dryRun, pf, problems,
               [&](const ImportRow& row, PlannedRow&, const ImportProblemAt& problem) {
                 auto v = [&](const char* field) { return std::string(row.value(spec, field)); };
                 bool isNew = true;
                 const core::Date on = *core::Date::parse(v("date"));
                 const std::string course = v("course");
                 try {
                   if (dryRun && definedByImport(v("member")))
                     return true;  // checked when it is written, after the member
                   // The form's checks (its scope first), then the trainings it shows: one on the same day is
                   // this row.
                   checkTraining(s, actor, v("member"), on.year(), on, course);
                   for (const auto& t : memberFile(s, actor, v("member")).trainings)
                     if (t.date == on) {
                       isNew = false;
                       if (t.course != core::normalizeText(course))
                         problem(
                             "course",
                             format(tr("the training of {1} on {2} is recorded as \"{3}\": a recorded "
                                       "training is not rewritten (the member form adds trainings only)."),
                                    {v("member"), on.vn(), t.course}));
                     }
                   if (isNew && !dryRun) addTraining(s, actor, v("member"), on.year(), on, course);
                 } catch (const std::runtime_error& e) {
                   problem("member", e.what());
                 }
                 return isNew;
               });
}

}  // namespace dangbo::services
