#pragma once
// The members who left the register by a day (transferred out, deceased, removed from the list, expelled):
// the member list's "former members" filter.
#include <string>
#include <vector>

#include "services/Actor.h"
#include "services/MemberList.h"

namespace dangbo::services {

class Services;

/// Members who joined on or before filter.asOf and were no longer active or exempt on it, matching the
/// search and cell of `filter` (the other filters do not apply to them), in the name order. `status` of each
/// row is the member's status code now (transferred_out, deceased, removed, ...). Needs ReadRegister; a
/// secretary sees only those who left from their cell.
std::vector<MemberRow> listFormerMembers(Services& s, const Actor& actor, const MemberFilter& filter);

}  // namespace dangbo::services
