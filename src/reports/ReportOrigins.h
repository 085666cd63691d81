#pragma once
// Reports by former commune (ReportRequest::origin and byOrigin; spec/merger.md "After the merge"): made
// from the register restricted to an origin (services::OriginRegister), so that every report breaks down the
// same way and the origins' figures add up to the whole register's.
#include <ostream>

#include "core/Progress.h"
#include "reports/Document.h"
#include "reports/ReportArchive.h"
#include "reports/ReportCatalog.h"

namespace dangbo::reports {

/// makeReport for a request with an origin or byOrigin (the whole register through `make`, then each origin).
FrozenReport makeOriginReport(services::Services& s, const services::Actor& actor, const ReportRequest& q,
                              core::Progress* progress);
/// Adds to a report's document what its origin parts print: the origin's line under the title of a report of
/// one origin, the congress report of each origin after the whole.
void addOriginParts(Document& doc, const FrozenReport& r);
/// The JSON of a congress report with --by-origin: {"report": the whole, "by_origin": [{"origin",
/// "report"}]}.
void writeCongressByOriginJson(std::ostream& out, const FrozenReport& r);

}  // namespace dangbo::reports
