#pragma once
// The code proposed to a new member, candidate or party organization, so that the office never has to invent
// one: the next number of the register's own scheme (the letters and width of the code added last),
// "DV00001", "QC00001" or "CB01" on an empty register. Only a proposal: the form can change it, validation
// still refuses a code in use.
#include <string>

namespace dangbo::services {

class Services;

/// The next free member code ("DV01123" after DV01122).
std::string suggestMemberCode(Services& s);
/// The next free candidate code ("QC00212" after QC00211).
std::string suggestCandidateCode(Services& s);
/// The next free party organization code ("CB59" after CB58, "CB01" on an empty register).
std::string suggestOrganizationCode(Services& s);

}  // namespace dangbo::services
