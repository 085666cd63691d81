#pragma once
// The committee's numbered transfer book (sổ giới thiệu sinh hoạt đảng, table transfer_letters): the letters
// issued for members transferring out and those brought by members transferring in, numbered from 1 each
// year, issued and received apart.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// One row of the book.
struct TransferLetterRow {
  core::Id id = 0;
  std::string direction;  ///< issued | received
  int year = 0;
  int number = 0;
  core::Id memberId = 0;
  core::Id eventId = 0;  ///< the transfer_out or transfer_in event
  core::Date date;
  std::string fromPlace, toPlace, reason;
  std::optional<std::string> duesPaidTo;  ///< "YYYY-MM"
  std::string otherNumber;                ///< received: the issuing committee's number
  std::string memberCode, memberName;     ///< read with the row
};

/// A transfer (a member's last transfer_out or transfer_in) with no letter in the book yet.
struct TransferWithoutLetterRow {
  core::Id eventId = 0;
  std::string kind;  ///< transfer_out | transfer_in
  core::Date date;
  std::string place;  ///< the committee gone to, or come from (transfer_in: the member's transferred_in_from
                      ///< when the event names none)
  std::string reason;
  std::string memberCode, memberName, memberStatus;
};

class TransferBookRepository {
 public:
  explicit TransferBookRepository(Database& db) : db_(db) {}
  /// The next number of `direction` in `year` (1 for the first letter).
  int nextNumber(const std::string& direction, int year);
  /// The letter of `direction` entered for the transfer event `eventId`, if any.
  std::optional<TransferLetterRow> forEvent(const std::string& direction, core::Id eventId);
  /// Inserts a row (its number already chosen); returns the id.
  core::Id insert(const TransferLetterRow& row);
  /// The rows of `year`, issued first, then by number.
  std::vector<TransferLetterRow> ofYear(int year);
  /// The members' last transfers out and in dated from `from` to `to` without the letter of their direction
  /// (issued for a transfer out, received for a transfer in), by date, then member code.
  std::vector<TransferWithoutLetterRow> withoutLetter(const core::Date& from, const core::Date& to);

 private:
  Database& db_;
};

}  // namespace dangbo::store
