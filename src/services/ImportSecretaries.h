#pragma once
// The import of bi_thu_chi_bo.csv (spec/import.md: cell secretaries over time): every row goes through the
// door of a secretary's period (services::recordSecretaryPeriod; its checks alone, checkSecretaryPeriod,
// while planning), so an imported period has the door's scope (the office or an administrator), checks and
// audit row.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "services/Import.h"

namespace dangbo::services {

/// The file's spec.
const ImportFileSpec& secretaryFileSpec();
/// Plans (dryRun) or writes the rows of bi_thu_chi_bo.csv: fills `pf` and appends every problem to
/// `problems`. A row whose period is stored (same cell, member and first day) is unchanged, or an update of
/// its last day. `definedByImport(code)`: a cell or member the same import adds (planning only: such a row is
/// taken as new and checked when it is written). Writing throws core::DataError at the first refused row.
void importSecretaryFile(Services& s, const Actor& actor, const ImportFile& file, bool dryRun,
                         const std::function<bool(std::string_view)>& definedByImport, PlannedFile& pf,
                         std::vector<std::string>& problems);

}  // namespace dangbo::services
