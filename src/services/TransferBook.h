#pragma once
// The committee's numbered transfer book (sổ giới thiệu sinh hoạt đảng) and the transfer letter (giấy giới
// thiệu sinh hoạt đảng), spec/member-file.md "Forms printed from the register". One door enters a letter in
// the book: issuing one for a member whose permanent transfer out is recorded, or recording the one a member
// transferred in brought. Each gets the next number of its year, issued and received numbered apart. Only the
// committee's office or an administrator writes the book; each entry is one transaction with its audit row.
#include <optional>
#include <string>
#include <vector>

#include "core/CellWork.h"
#include "core/Date.h"
#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {

class Services;

/// What to enter in the book.
struct TransferLetterInput {
  std::string memberCode;
  std::string direction;           ///< issued | received
  std::optional<core::Date> on{};  ///< the letter's date; default: the day of the transfer
  std::string reason{};            ///< default: the reason recorded on the transfer
  std::string otherNumber{};       ///< received: the number the issuing committee gave it (optional)
  std::optional<core::YearMonth> duesPaidTo{};  ///< received: the month the letter says dues are paid to
};

/// One letter of the book.
struct TransferLetter {
  std::string direction;  ///< issued | received
  int year = 0;
  int number = 0;  ///< from 1 each year and direction
  std::string memberCode, memberName;
  core::Date on;
  std::string fromPlace, toPlace, reason;
  std::optional<core::YearMonth> duesPaidTo;  ///< issued: the last month paid in the dues ledger
  std::string otherNumber;
};

/// Enters a letter in the book and returns it with its number. Refused (PermissionError) for an account other
/// than the office's or an administrator's; refused (DataError, in Vietnamese, naming the member) for an
/// unknown member, issuing without a recorded permanent transfer out (or without the committee it goes to),
/// receiving without a recorded transfer in, a letter already entered for that transfer, a date in the
/// future.
TransferLetter enterTransferLetter(Services& s, const Actor& actor, const TransferLetterInput& in);

/// The book's letters of `year`: issued by number, then received by number. Not for a secretary (the book is
/// the committee's).
std::vector<TransferLetter> transferBook(Services& s, const Actor& actor, int year);

/// A transfer recorded in the register whose letter is not in the book yet (the window's list to enter from).
struct TransferWithoutLetter {
  std::string direction;  ///< the letter it needs: issued (a transfer out) | received (a transfer in)
  std::string memberCode, memberName;
  core::Date on;      ///< the transfer
  std::string place;  ///< the committee the member goes to or comes from
  std::string reason;
};

/// The transfers of `year` without their letter: each member's last permanent transfer out (the member still
/// transferred out) with no letter issued, and last transfer in with no letter received; by date, then code.
/// Not for a secretary (the book is the committee's).
std::vector<TransferWithoutLetter> transfersWithoutLetter(Services& s, const Actor& actor, int year);

/// The transfer letter of the member `code` ("transfer-letter"), from the letter issued for the last transfer
/// out: card and file numbers, the member's row in the cell's register on the eve of the transfer, the
/// book's number, from, to, reason, the last month of dues paid. Refused before the letter is entered.
ReportModel transferLetterReport(Services& s, const Actor& actor, const std::string& code);
/// The book of `year` ("transfer-book"): a table of the letters issued and one of those received.
ReportModel transferBookReport(Services& s, const Actor& actor, int year);

}  // namespace dangbo::services
