// `transfer-received CODE --on DATE`: the receiving party committee confirmed that a member transferred out
// permanently presented the transfer papers; the member's transfer_due deadline closes (report deadlines).
#include "cli/CliCommon.h"
#include "core/I18n.h"
#include "services/Deadlines.h"
#include "services/Services.h"
#include "services/TransferBook.h"

namespace dangbo::cli {

using core::format;
using core::tr;

std::string transferUsage() {
  return std::string("  transfer-received CODE --on DATE\n      ") +
         tr("record that the receiving party committee confirmed the permanent transfer of member CODE on "
            "DATE (closes its transfer deadline)") +
         "\n  transfer-letter issue CODE [--on DATE] [--reason TEXT]\n      " +
         tr("enter in the transfer book the letter issued for the permanent transfer out of member CODE; "
            "prints "
            "its number") +
         "\n  transfer-letter receive CODE [--on DATE] [--number NO] [--dues-to MM/YYYY] [--reason TEXT]\n"
         "      " +
         tr("enter in the transfer book the letter member CODE brought when transferring in (NO: the issuing "
            "committee's number)") +
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

int cmdTransferLetter(const Parsed& p, std::ostream& out, std::ostream& err) {
  allowOnly(p, {"--on", "--reason", "--number", "--dues-to"}, 2);
  if (p.positional.size() < 2 || (p.positional[0] != "issue" && p.positional[0] != "receive"))
    throw UsageError(
        tr("transfer-letter needs issue or receive and the member's code: transfer-letter issue "
           "CODE."));
  services::TransferLetterInput in;
  in.direction = p.positional[0] == "issue" ? "issued" : "received";
  in.memberCode = p.positional[1];
  if (p.get("--on")) in.on = dateOption(p, "--on", core::Date::today());
  in.reason = p.get("--reason").value_or("");
  if (in.direction == "issued" && (p.get("--number") || p.get("--dues-to")))
    throw UsageError(
        tr("--number and --dues-to go with transfer-letter receive: an issued letter takes its "
           "number from the book and its dues from the ledger."));
  in.otherNumber = p.get("--number").value_or("");
  if (const auto d = p.get("--dues-to")) {
    in.duesPaidTo = core::YearMonth::parse(*d);
    if (!in.duesPaidTo) throw UsageError(format(tr("--dues-to: \"{1}\" is not a month (MM/YYYY)."), {*d}));
  }
  auto lock = lockForWriting(p);  // not while a window has the register open
  auto s = services::Services::open(dbPath(p));
  const auto letter = services::enterTransferLetter(*s, actingUser(p, *s), in);
  out << letter.number << "/" << letter.year << "\n";
  err << format(in.direction == "issued"
                    ? tr("Entered in the transfer book: letter {1}/{2} issued to {3} ({4}).")
                    : tr("Entered in the transfer book: letter {1}/{2} received from {3} ({4})."),
                {std::to_string(letter.number), std::to_string(letter.year), letter.memberName,
                 letter.memberCode})
      << "\n";
  return kOk;
}

}  // namespace dangbo::cli
