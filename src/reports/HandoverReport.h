#pragma once
// The handover record of a merger (biên bản bàn giao, spec/merger.md "After the merge"): the members a former
// commune's committee hands over, per cell (STT, name, birth date, admission, official date, card and file
// number, probationary or not) and the counts of organizations, members and probationary members, signed by
// both sides; and the same list as attached to the receiving decision.
#include <string>

#include "core/Date.h"
#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::reports {

/// The report names of the handover: "handover" (the record) and "handover-list" (the list attached to the
/// receiving decision).
bool isHandoverReport(const std::string& name);
/// The handover of the former commune `origin` (case and diacritics ignored), of its cell `cellCode` when not
/// empty, as on `asOf` but never after the day before the merge that brought it in. Needs ReadRegister (a
/// secretary: their cell only). DataError for an origin no cell has, or a cell not of that origin.
services::ReportModel handoverReport(services::Services& s, const services::Actor& actor,
                                     const std::string& name, const std::string& origin,
                                     const std::string& cellCode, core::Date asOf);

}  // namespace dangbo::reports
