#pragma once
// The numbered schema steps compiled into the program (db/migrations/NNNN_name.sql).
#include <vector>

namespace dangbo::store {

/// One schema step.
struct Migration {
  int version;       ///< NNNN of the file name; user_version after the step
  const char* name;  ///< file name without .sql
  const char* sql;
};

/// The steps embedded at build time, in order.
const std::vector<Migration>& builtinMigrations();

}  // namespace dangbo::store
