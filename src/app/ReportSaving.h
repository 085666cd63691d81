#pragma once
// Saving a report of the Reports machinery from a page other than Reports (badges, statistics, the transfer
// book and letter): made first for the account logged in, so that a refusal is shown before any file is asked
// for, then saved where the reader chooses in one of the formats offered.
#include <optional>
#include <string>
#include <vector>

#include "reports/ReportCatalog.h"

class wxWindow;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// Makes the report `q` for the account logged in; shows the refusal and returns nothing when refused.
std::optional<reports::FrozenReport> makePageReport(wxWindow* parent, services::Services& s,
                                                    const reports::ReportRequest& q);

/// Asks where to save `r` as one of `formats` ("pdf", "docx", "xlsx": the first is offered first) under the
/// file name `stem`.FORMAT, saves it (never over the register) and says where. False when cancelled or
/// refused.
bool saveMadeReport(wxWindow* parent, services::Services& s, const reports::FrozenReport& r,
                    const std::string& stem, const std::vector<std::string>& formats);

/// Both: makes the report `q`, then saves it as one of `formats` under reportFileName's name.
bool savePageReport(wxWindow* parent, services::Services& s, const reports::ReportRequest& q,
                    const std::vector<std::string>& formats);

}  // namespace dangbo::app
