#pragma once
// The cells' work at province scale: two years of meetings, attendance and dues written into the benchmark's
// register as the demo writes them, then the dues book S01/ĐP of a cell (target < 1 s) and the commune
// summary S02/ĐP (target < 3 s), each made from the register and written as PDF, and `check`'s cell-work
// findings.
#include <cstdint>

#include "core/Date.h"
#include "services/Actor.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::bench {

/// Writes the cell work, measures and prints one line per figure; false when a target is missed.
bool printCellWorkTimings(services::Services& s, const services::Actor& actor, uint64_t seed,
                          const core::Date& today);

}  // namespace dangbo::bench
