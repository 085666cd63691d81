#pragma once
// The report timings of the benchmark: `report congress` as JSON (target < 500 ms) and as PDF (target
// < 2 s) at province scale, and the making of every other report, measured on an open register.
#include "core/Date.h"
#include "services/Actor.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::bench {

/// Measures each report as the CLI makes it (model from the register, then the output written to memory;
/// the register streamed to a file, with its own peak memory)
/// for the period [from, to] with standing figures on `to`, and prints one line per report, the congress
/// lines with their targets. Returns false when a congress target is missed.
bool printReportTimings(services::Services& s, const services::Actor& actor, const core::Date& from,
                        const core::Date& to);

/// The register report streamed to a file as HTML and as PDF: for each, its time (wall and CPU), its peak
/// memory and the time of writing the same bytes.
void printRegisterTimings(services::Services& s, const services::Actor& actor, const core::Date& asOf);

/// The congress lines alone (JSON and PDF, with their targets); false when a target is missed.
bool printCongressTimings(services::Services& s, const services::Actor& actor, const core::Date& from,
                          const core::Date& to);

}  // namespace dangbo::bench
