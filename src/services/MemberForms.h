#pragma once
// Forms printed from the register (spec/member-file.md "Forms printed from the register"): so far the member
// card, phiếu đảng viên (Mẫu 2-HSĐV), every item pre-filled from the member's file and blank where the
// register holds nothing; the committee's decision of an admission from the candidate's file.
#include <string>

#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {

class Services;

/// The 2-HSĐV card of the member `code` as a report ("party-card"): the header (committees, cell, file and
/// card numbers) and items 01-30. Needs ReadRegister; a secretary only for their cell. Discipline (item 26)
/// is left to fill in: the register's decisions are case files.
ReportModel partyCardReport(Services& s, const Actor& actor, const std::string& code);

/// The committee's decision admitting the candidate `code` ("admission-decision"): the cell's vote and the
/// committee's resolution as recorded, the decision's number and date when recorded (dots to fill in
/// otherwise). Refused before the committee's resolution is recorded. A secretary only for their cell.
ReportModel admissionDecisionReport(Services& s, const Actor& actor, const std::string& code);

}  // namespace dangbo::services
