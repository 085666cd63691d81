// `transfer-received CODE --on DATE`: the receiving party committee confirmed that a member transferred out
// permanently presented the transfer papers; the member's transfer_due deadline closes (report deadlines).
#include "cli/CliCommon.h"
#include "core/I18n.h"
#include "services/Deadlines.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;

std::string transferUsage() {
  return std::string("  transfer-received CODE --on DATE\n      ") +
         tr("record that the receiving party committee confirmed the permanent transfer of member CODE on "
            "DATE (closes its transfer deadline)") +
         "\n";
}

int cmdTransferReceived(const Parsed& p, std::ostream&, std::ostream& err) {
  allowOnly(p, {"--on"}, 1);
  if (p.positional.empty())
    throw UsageError(tr("transfer-received needs the member's code: transfer-received CODE --on DATE."));
  if (!p.get("--on"))
    throw UsageError(tr("transfer-received needs --on DATE, the day the receiving committee confirmed it."));
  const core::Date on = dateOption(p, "--on", core::Date::today());
  const std::string code = p.positional[0];
  auto lock = lockForWriting(p);  // not while a window has the register open
  auto s = services::Services::open(dbPath(p));
  services::recordTransferReceipt(*s, actingUser(p, *s), code, on);
  err << format(tr("Recorded: the receiving committee confirmed the transfer of {1} on {2}."),
                {code, on.vn()})
      << "\n";
  return kOk;
}

}  // namespace dangbo::cli
