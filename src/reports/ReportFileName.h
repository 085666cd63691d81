#pragma once
// The name a saved report is offered under: Vietnamese words without diacritics, the day the figures are
// at, the format ("bao-cao-dai-hoi-04-12-2026.pdf"), never the report's English name.
#include <string>

#include "core/Date.h"

namespace dangbo::reports {

/// The Vietnamese word of a report of reportNames() ("congress" -> "dai-hoi"); the name itself for any other.
std::string reportFileWord(const std::string& name);
/// "bao-cao-WORD-DD-MM-YYYY.FORMAT" for the report `name` at `asOf`.
std::string reportFileName(const std::string& name, const core::Date& asOf, const std::string& format);

}  // namespace dangbo::reports
