#pragma once
// The checks a record's service door makes, for the callers that judge many records before writing them (an
// import's dry run): the same words as the door's refusal.
#include <string>

#include "core/Records.h"

namespace dangbo::services {

/// Why the door would refuse to store the target `t` ("" when it would store it): an unknown target, years
/// that do not form a term, a value out of range.
std::string targetRefusal(const core::Target& t);

}  // namespace dangbo::services
