#pragma once
// The cell's monthly work in change packages: the meetings (with their attendance), leaves, dues bases and
// payments a secretary recorded in a cell file travel as added rows named by their natural keys (codes, days,
// months; never the cell file's row ids), and the office applies them through services/CellWork's door with
// the package's cell as the scope, so a package can add or change only its own cell's work.
#include <string>
#include <vector>

#include "core/PackageData.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// True for the tables of the cell's work as named in a change package.
bool isCellWorkTable(const std::string& table);
/// Cell file: the cell-work records written in this file through the door (its audit trail says which), as
/// FieldChange inserts, one group (recordId) per record.
std::vector<core::FieldChange> cellWorkChanges(Services& cellFile);
/// Office: checks the cell-work records of `pkg` (a dry run of the door, scoped to the package's cell);
/// returns the problems in Vietnamese (empty: none).
std::vector<std::string> cellWorkProblems(Services& office, const Actor& actor,
                                          const core::ChangePackage& pkg);
/// Office, inside the apply's transaction: writes them through the door; returns how many records changed.
int applyCellWork(Services& office, const Actor& actor, const core::ChangePackage& pkg);

}  // namespace dangbo::services
