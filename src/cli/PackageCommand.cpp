// `package export|apply`: cell packages for offline work (issue 9).
#include "cli/CliCommon.h"
#include "core/I18n.h"

namespace dangbo::cli {

using core::format;
using core::tr;

std::string packageUsage() {
  return "";
}

int cmdPackage(const Parsed&, std::ostream&, std::ostream&) {
  throw UsageError(format(tr("The command {1} is not available in this version yet."), {"package"}));
}

}  // namespace dangbo::cli
