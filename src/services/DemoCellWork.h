#pragma once
// The demo commune's monthly cell work: two years of meetings with attendance, dues bases, payments and what
// the cells sent up, with planted arrears, absences and missed meetings for `check` to find. Written after
// the register (it reads the members and cells back), with its own random stream so the register's records
// stay the same byte for byte.
#include <cstdint>

#include "core/Date.h"

namespace dangbo::store {
class Database;
}

namespace dangbo::services {

/// What writeDemoCellWork wrote.
struct DemoCellWorkCounts {
  int meetings = 0, attendance = 0, bases = 0, payments = 0, leaves = 0;
};

/// Writes the 24 months before `today` (and `today`'s month up to it) into `db`, inside the caller's
/// transaction; the same seed and day give the same rows.
DemoCellWorkCounts writeDemoCellWork(store::Database& db, uint64_t seed, const core::Date& today);

}  // namespace dangbo::services
