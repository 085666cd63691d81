#pragma once
// The SQL behind the transfer deadline (report deadlines, kind transfer_due): the permanent transfers out
// whose receipt (the receiving committee's confirmation that the member presented the papers) is not recorded
// yet.
#include <optional>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"
#include "store/Database.h"

namespace dangbo::store {

/// A member's last permanent transfer out, still without its receipt.
struct PendingTransfer {
  core::Id eventId = 0;
  core::Id memberId = 0;
  std::string code, fullName;
  core::Id cellId = 0;  ///< the cell the member left
  core::Date on;        ///< the transfer (the day the papers were signed)
  std::string place;    ///< the committee the member goes to
  std::string decisionNo;
};

/// The members transferred out (status transferred_out) whose last transfer_out has no receipt, by date.
std::vector<PendingTransfer> pendingTransfers(Database& db);

/// Records the receipt of a transfer_out event.
void setTransferReceived(Database& db, core::Id eventId, const core::Date& on);

/// Demo data: the transfers out before `cutoff` without a receipt get one `lagDays` after the transfer.
void settleTransfersBefore(Database& db, const core::Date& cutoff, int lagDays);

}  // namespace dangbo::store
