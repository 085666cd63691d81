#pragma once
// What the window reads when it opens a register, timed one call at a time on an existing file
// (`dangbo_bench --open FILE`): the summary of the header and the overview's cards, the overview's targets
// and deadlines (services::dashboard), the cells' work findings it lists, and the members page's cell counts.
#include <filesystem>

namespace dangbo::bench {

/// Opens `path` for reading, times each call and prints one line per call; 0 on success.
int printOpenTimings(const std::filesystem::path& path);

}  // namespace dangbo::bench
