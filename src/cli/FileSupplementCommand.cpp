// `file-supplement return --year Y CODE... [--on DATE]`: the committee's office marks the members' sheets
// of the yearly file supplement (phiếu bổ sung hồ sơ đảng viên, 3-HSĐV) returned, all or nothing.
#include "cli/CliCommon.h"
#include "core/I18n.h"
#include "services/FileSupplement.h"
#include "services/Services.h"

namespace dangbo::cli {

using core::format;
using core::tr;

std::string fileSupplementUsage() {
  return std::string("  file-supplement return --year Y CODE... [--on DATE]\n      ") +
         tr("mark the file supplements (3-HSĐV) of year Y of the members CODE... returned on DATE (default: "
            "today), all or nothing; report file-supplement-missing lists those not returned") +
         "\n";
}

int cmdFileSupplement(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--year", "--on"}, p.positional.size());
  if (p.positional.empty() || p.positional[0] != "return")
    throw UsageError(
        tr("file-supplement needs return, the year and the members' codes: file-supplement return --year Y "
           "CODE..."));
  if (p.positional.size() < 2) throw UsageError(tr("file-supplement return needs the members' codes."));
  const auto y = p.get("--year");
  if (!y) throw UsageError(tr("file-supplement return needs --year Y, the year of the sheets."));
  if (y->size() != 4 || y->find_first_not_of("0123456789") != std::string::npos)
    throw UsageError(format(tr("--year: \"{1}\" is not a year."), {*y}));
  const int year = std::stoi(*y);
  const core::Date on = dateOption(p, "--on", core::Date::today());
  const std::vector<std::string> codes(p.positional.begin() + 1, p.positional.end());
  auto lock = lockForWriting(p);  // not while a window has the register open
  auto s = services::Services::open(dbPath(p));
  services::recordSupplementReturns(*s, actingUser(p, *s), year, codes, on);
  for (const auto& c : codes) out << c << "\n";
  err << format(tr("Recorded: {1} sheets of the file supplement of {2} returned on {3}."),
                {std::to_string(codes.size()), *y, on.vn()})
      << "\n";
  return kOk;
}

}  // namespace dangbo::cli
