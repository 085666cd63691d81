#pragma once
// Reconciliation with an Excel (or CSV) export of CSDL đảng viên 3.0 (spec/member-file.md): the columns are
// mapped by the user (a CSV of FIELD,COLUMN HEADER lines), each export row is matched to a present member by
// CCCD, else card number, else file number, and every difference is listed member by member.
#include <filesystem>
#include <string>
#include <vector>

#include "services/Actor.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::exchange {

/// One difference.
struct ReconcileDifference {
  std::string code;   ///< the member's code; empty for an export row matching no member
  std::string name;   ///< the register's name, else the export's
  std::string field;  ///< cccd | card_no | file_no | full_name | birth_date | admitted_on | official_on |
                      ///< "member" (present on one side only)
  std::string inRegister;  ///< the register's value ("" when absent)
  std::string inExport;    ///< the export's value ("" when absent)
};

/// The fields a map may name.
const std::vector<std::string>& reconcileFields();

/// Every difference between the export `file` (.xlsx: its first sheet; .csv) and the members present today,
/// the columns read by `map`. Throws core::DataError naming the problem: an unknown field in the map, a
/// mapped header missing from the export, no key field (cccd, card_no, file_no) mapped. A secretary compares
/// their cell.
std::vector<ReconcileDifference> reconcile(services::Services& s, const services::Actor& actor,
                                           const std::filesystem::path& file,
                                           const std::filesystem::path& map);

}  // namespace dangbo::exchange
