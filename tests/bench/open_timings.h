#pragma once
// What the window reads when it opens a register, timed one call at a time on an existing file
// (`dangbo_bench --open FILE`): the summary of the header and the overview's cards, the overview's targets
// and deadlines (services::dashboard), the cells' work findings it lists, the members page's cell counts, and
// the congress JSON.
#include <filesystem>
#include <string>

namespace dangbo::bench {

/// Opens `path` for reading, times each call and prints one line per call; 0 on success. With `only`, only
/// the calls whose line contains it.
int printOpenTimings(const std::filesystem::path& path, const std::string& only = "");

}  // namespace dangbo::bench
