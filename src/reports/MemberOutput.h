#pragma once
// Writing the `members` list (csv, json) and the findings of `check` (text, json) to a stream.
#include <ostream>
#include <vector>

#include "services/MemberList.h"

namespace dangbo::reports {

/// CSV (RFC 4180, no byte-order mark, "\n" line ends) with the header
/// code,name,cell,cell_name,status,standing,gender,birth_date,ethnicity,admitted_on,official_on,card_no;
/// dates ISO (birth_date in its storage form: "1967", "1967-03" or "1967-03-05").
void writeMembersCsv(std::ostream& out, const std::vector<services::MemberRow>& rows);
/// A JSON array of objects: "code", "name", "cell" (code), "cell_name", "status" (active | exempt),
/// "standing" (official | probationary), "gender", "birth_date", "ethnicity", "admitted_on",
/// "official_on", "card_no"; missing values null.
void writeMembersJson(std::ostream& out, const std::vector<services::MemberRow>& rows);
/// One line per finding, "subject: message [rule]"; a line saying so when there is none.
void writeFindingsText(std::ostream& out, const std::vector<services::CheckFinding>& findings);
/// A JSON array of {"rule", "subject", "year", "message"}, year null when none applies.
void writeFindingsJson(std::ostream& out, const std::vector<services::CheckFinding>& findings);

}  // namespace dangbo::reports
