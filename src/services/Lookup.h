#pragma once
// Finding a record by the code the user typed, with the Vietnamese message when there is none.
#include <string>

#include "core/Records.h"

namespace dangbo::store {
class RegisterRepository;
}

namespace dangbo::services {

/// The organization with this code (normalized); throws DataError naming the code when there is none.
core::Organization organizationByCode(store::RegisterRepository& repo, const std::string& code);
/// The member with this code (normalized); throws DataError naming the code when there is none.
core::Member memberByCode(store::RegisterRepository& repo, const std::string& code);

}  // namespace dangbo::services
