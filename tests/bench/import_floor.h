#pragma once
// The floor under the import's ratio: SQLite's own work to store the rows an import wrote, in dangbo's
// schema.

#include <array>
#include <filesystem>

namespace dangbo::bench {

/// The rows of `filled` (a register dangbo's import has just written) copied into a new empty register at
/// `scratch` by `INSERT ... SELECT` (the quickest way SQLite writes rows: nothing read from a file, nothing
/// checked, nothing bound), around the import's own bulk-load calls (the members' and events' secondary
/// indexes, the name search index and the members' counts set aside, then built again), in one transaction
/// written without the WAL as a first load of `dangbo-cli import` is
/// (store::Database::transactionWithoutWal), committed. Measured in a child process: {wall ms, CPU ms}, zeros
/// when it failed. `scratch` is removed.
std::array<double, 2> importFloor(const std::filesystem::path& filled, const std::filesystem::path& scratch);

}  // namespace dangbo::bench
