#pragma once
// The stored values the record rules of core/MemberRules judge, for `check`.
#include <optional>
#include <string>
#include <vector>

#include "store/Database.h"
#include "store/MemberQuery.h"

namespace dangbo::store {

/// The dates of a member's file as stored (storage forms; empty: none).
struct StoredMemberDates {
  MemberRef member;
  std::string birth, admitted, ceremony, official, transferredIn;
};

/// The dates of every member (any status), by code.
std::vector<StoredMemberDates> memberDates(Database& db);

}  // namespace dangbo::store
