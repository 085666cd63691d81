#pragma once
// dangbo-cli: every job of the program without a display (spec/cli.md).
#include <ostream>
#include <string>
#include <vector>

namespace dangbo::cli {

/// Exit statuses of spec/cli.md.
enum Exit { kOk = 0, kRefused = 1, kUsage = 2, kDatabase = 3 };

/// Runs one command line (argv without the program name); output on `out`, messages on `err`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace dangbo::cli
