#include <iostream>

#include "cli/Cli.h"
#include "core/Platform.h"

int main(int argc, char** argv) {
  // Party records are personal data on a shared PC: whatever the umask, only the owner reads what dangbo
  // writes.
  dangbo::core::platform::useOwnerOnlyFiles();
  std::vector<std::string> args(argv + 1, argv + argc);
  return dangbo::cli::run(args, std::cout, std::cerr);
}
