// Runs dangbo-cli inside the test process, as the CLI tests do: its exit status and what it wrote to
// standard output and standard error.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/Cli.h"

namespace dangbo::test {

struct CliResult {
  int code;
  std::string out, err;
};

inline CliResult runCli(std::vector<std::string> args) {
  std::ostringstream out, err;
  const int code = cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

/// The same with `input` readable on a pipe: every argument "FD" is replaced by the pipe's descriptor (for
/// --password-fd and --passphrase-fd).
inline CliResult runCliWithInput(std::vector<std::string> args, const std::string& input) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  for (auto& a : args)
    if (a == "FD") a = std::to_string(fds[0]);
  std::ostringstream out, err;
  const int code = cli::run(args, out, err);
  ::close(fds[0]);
  return {code, out.str(), err.str()};
}

}  // namespace dangbo::test
