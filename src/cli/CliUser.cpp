// The acting user of a command and the `user` command (accounts).
#include "cli/CliCommon.h"
#include "core/I18n.h"

namespace dangbo::cli {

using core::format;
using core::tr;

services::Actor actingUser(const Parsed&, services::Services&) {
  return services::Actor::localOffice();
}

std::string userUsage() {
  return "";
}

int cmdUser(const Parsed&, std::ostream&, std::ostream&) {
  throw UsageError(format(tr("The command {1} is not available in this version yet."), {"user"}));
}

}  // namespace dangbo::cli
