#pragma once
// The import of tap_huan.csv (spec/import.md: the trainings of members): every row goes through the member
// form's door (services::addTraining; its checks alone, checkTraining, while planning), so an imported
// training has the window's scope (a secretary: members of their own cell), checks and audit row.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "services/Import.h"

namespace dangbo::services {

/// The file's spec.
const ImportFileSpec& trainingFileSpec();
/// Plans (dryRun) or writes the rows of tap_huan.csv: fills `pf` and appends every problem to `problems`.
/// A row whose member already has a training on that day is unchanged (the same course) or refused (another
/// course: the door adds trainings and rewrites none). `definedByImport(code)`: a member the same import adds
/// (planning only: such a row is taken as new and checked when it is written). Writing throws core::DataError
/// at the first refused row.
void importTrainingFile(Services& s, const Actor& actor, const ImportFile& file, bool dryRun,
                        const std::function<bool(std::string_view)>& definedByImport, PlannedFile& pf,
                        std::vector<std::string>& problems);

}  // namespace dangbo::services
