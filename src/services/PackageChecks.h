#pragma once
// The values a change package brings, judged by the same rules as the window's dialogs before the office
// reviews or applies them (services internal).
#include <string>
#include <string_view>
#include <vector>

#include "core/PackageData.h"

namespace dangbo::store {
class PackageRepository;
}

namespace dangbo::services {

class Services;

/// True when `s` holds a control character (C0, DEL or C1): line ends and escape codes have no place in a
/// field or a name of the register.
bool hasControlCharacters(std::string_view s);

/// Every problem of the new values of `pkg` (one Vietnamese line each, naming the record and the field):
/// a control character or escape code in a text, a date that is not a day (or a birth date not a partial
/// date), a value outside its enumeration, a sponsor who is not a member of the package's cell, and the
/// date rules of core/MemberRules on each member and candidate as it would be after the package.
std::vector<std::string> packageValueProblems(Services& s, store::PackageRepository& repo,
                                              const core::ChangePackage& pkg);

}  // namespace dangbo::services
