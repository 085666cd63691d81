#pragma once
// "Record the receipt of the transfer": the receiving party committee confirmed that a member transferred out
// permanently presented the transfer papers. Asks for the day (today by default) and calls
// services::recordTransferReceipt as the acting user; a refused day is explained and asked again.
#include <string>

#include "core/Date.h"

class wxWindow;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The member's transfer out still waiting for the receiving committee's confirmation.
struct OpenTransfer {
  std::string code, name;  ///< the member
  core::Date on;           ///< the transfer
  std::string place;       ///< the committee the member went to
};

/// Asks for the day of the receipt and records it. True when it was recorded (the caller refreshes).
bool askTransferReceipt(wxWindow* parent, services::Services& s, const OpenTransfer& transfer);

}  // namespace dangbo::app
