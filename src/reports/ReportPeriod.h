#pragma once
// The period a report covers when the reader names none: the congress report the current term (from the
// first year of the term of the targets that holds today), every other report this year; both up to today.
// The Reports page and `dangbo-cli report` start from it.
#include <string>

#include "core/Date.h"

namespace dangbo::services {
class Services;
}

namespace dangbo::reports {

/// The first day of the default period of the report `name` on `today`.
core::Date defaultPeriodStart(services::Services& s, const std::string& name, const core::Date& today);

}  // namespace dangbo::reports
