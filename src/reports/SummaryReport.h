#pragma once
// The register's summary on a day, as text (the CLI's one-line summary) and as JSON.
#include <ostream>
#include <string>

#include "services/Services.h"

namespace dangbo::reports {

/// "Đảng bộ xã Phiêng Pằn: 58 tổ chức đảng (5 chi bộ cơ sở, 53 chi bộ trực thuộc), 1.046 đảng viên ..."
std::string summaryLine(const services::Summary& s);
/// The same figures as a JSON object.
void writeSummaryJson(std::ostream& out, const services::Summary& s);

}  // namespace dangbo::reports
