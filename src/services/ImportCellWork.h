#pragma once
// The import of the cell-work files of spec/import.md version 2 (sinh_hoat, diem_danh, tam_mien, dang_phi,
// muc_dang_phi): every row goes through services/CellWork's door, in a dry run while planning and for real
// inside the import's transaction, so an imported meeting or payment has the window's scope, checks and
// audit.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "services/Import.h"

namespace dangbo::services {

class CellWorkDoor;

/// The template files of the cell's monthly work, in the order they are applied.
const std::vector<ImportFileSpec>& cellWorkFileSpecs();
/// True for the kinds above.
bool isCellWorkImport(std::string_view kind);
/// Plans (dryRun) or writes the rows of one cell-work file through `door`: fills `pf` and appends every
/// problem to `problems`. `definedByImport(code)`: a member or cell code the same import adds (planning
/// only: such a row is taken as new and checked when it is written). Writing throws core::DataError at the
/// first refused row.
void importCellWorkFile(CellWorkDoor& door, const ImportFileSpec& spec, const ImportFile& file, bool dryRun,
                        const std::function<bool(std::string_view)>& definedByImport, PlannedFile& pf,
                        std::vector<std::string>& problems);

}  // namespace dangbo::services
