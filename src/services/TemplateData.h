#pragma once
// What the import template workbook offers, read from the reference data every register is made with (so the
// CLI can write the template without a register at hand).
#include <string>
#include <vector>

namespace dangbo::services {

class Services;

/// The names of the 54 ethnic groups in Vietnamese order, from `s`.
std::vector<std::string> ethnicGroupNames(Services& s);
/// The same names from the reference data alone (a register made and removed in a temporary folder).
std::vector<std::string> referenceEthnicGroupNames();

}  // namespace dangbo::services
