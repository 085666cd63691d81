#pragma once
// The searches and the window's member list timed on a register file: the benchmark's "search" and
// "window" steps, after its import or on an existing file (`dangbo_bench --open FILE --only search,window`).
#include <filesystem>

#include "services/Actor.h"

namespace dangbo::bench {

/// Searches as `members --search` does (a fresh opening each), whole answers then their first 100 rows,
/// beside the same LIKE query on bare SQLite; prints one line per query and the worst.
void printSearchTimings(const std::filesystem::path& file, const services::Actor& actor);
/// The window's member list as the members page reads it: the cell tree's counts and the first page
/// (MemberPager), the rest found as the idle window would, and a search typed letter by letter; then
/// printEditTimings (the file is written, then put back).
void printWindowTimings(const std::filesystem::path& file, const services::Actor& actor);
/// A member edited (the file changed, then put back) and the members page read again as the window does when
/// the member dialog closes: the organizations, the cell tree's counts and the list's first rows.
void printEditTimings(const std::filesystem::path& file, const services::Actor& actor);

}  // namespace dangbo::bench
