#pragma once
// The resolutions and decisions of an admission and of a recognition, pre-filled from the candidate's or the
// probationary member's file (spec/member-file.md "Forms printed from the register"): the cell's resolution
// proposing the admission, the committee's resolution admitting; the cell's resolution proposing the
// recognition, the committee's resolution and its decision recognising the member as official. Numbers,
// dates and votes come from what is recorded; what is not recorded yet is left as dots to fill in. Each needs
// ReadRegister, a secretary only for their cell, and is refused, naming the step, before the step it
// records. The committee's decision of an admission is admissionDecisionReport (MemberForms.h).
#include <string>

#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {

class Services;

/// The cell's resolution proposing to admit the candidate `code` ("admission-cell-resolution"): the vote of
/// the official members, the sponsors. Refused before the cell's vote is recorded.
ReportModel admissionCellResolutionReport(Services& s, const Actor& actor, const std::string& code);
/// The committee's resolution admitting the candidate `code` ("admission-resolution"). Refused before the
/// committee's resolution is recorded.
ReportModel admissionResolutionReport(Services& s, const Actor& actor, const std::string& code);
/// The cell's resolution on recognising the probationary member `code` ("recognition-cell-resolution"): the
/// review's vote and what the cell proposes. Refused before the cell's review is recorded.
ReportModel recognitionCellResolutionReport(Services& s, const Actor& actor, const std::string& code);
/// The committee's resolution recognising the member `code` as official ("recognition-resolution"), from the
/// end of probation. Refused before the review, and when the review did not pass or the member was not
/// recognised (that decision is a removal).
ReportModel recognitionResolutionReport(Services& s, const Actor& actor, const std::string& code);
/// The committee's decision recognising the member `code` as official ("recognition-decision"), with the
/// decision's number and date when recorded. Refused as recognitionResolutionReport.
ReportModel recognitionDecisionReport(Services& s, const Actor& actor, const std::string& code);

}  // namespace dangbo::services
