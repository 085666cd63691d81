#pragma once
// The ratings page's working parts (Ratings.cpp) shared with the door of a year's rating (YearRatings.cpp):
// the register as the rating reads it, the level's parsing and the write of one value with its audit row, so
// that a rating recorded from a file or the command line is checked and audited as the page does it.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/Date.h"
#include "core/InputClean.h"
#include "core/Records.h"
#include "services/Actor.h"
#include "services/Ratings.h"
#include "store/MemberQuery.h"
#include "store/RatingRepository.h"

namespace dangbo::services::rating_detail {

// The register as the rating reads it: every member with the history needed to judge any day, the
// standing events, and the organizations.
struct Register {
  store::MemberSnapshot snap;
  std::unordered_map<core::Id, size_t> byId;
  std::unordered_map<std::string, size_t> byCode;
  std::unordered_map<core::Id, std::vector<store::StandingEvent>> standing;
  std::vector<core::Organization> orgs;
  std::unordered_map<core::Id, size_t> orgById;

  const core::Member& member(size_t i) const { return snap.members[i].member; }
  bool present(size_t i, const core::Date& day) const {
    const auto d = static_cast<int32_t>(day.serial());
    return snap.joinedDay[i] <= d && d < snap.endDay[i];
  }
  core::Id cellOn(size_t i, const core::Date& day) const { return store::cellOn(snap.members[i], day); }
  std::string cellCode(core::Id id) const {
    auto it = snap.cells.find(id);
    return it == snap.cells.end() ? std::string() : it->second.code;
  }
  std::string label(size_t i) const { return member(i).fullName + " (" + member(i).code + ")"; }
  std::optional<core::Organization> org(const std::string& code) const {
    for (const auto& o : orgs)
      if (core::sameCode(o.code, code)) return o;
    return std::nullopt;
  }
};

/// Every member (with the history to judge any day), the standing events and the organizations.
Register loadRegister(store::Database& db);
/// The facts judgeEligibility reads about member `i`.
EligibilityFacts factsOf(const Register& reg, size_t i);
/// True when the organization exists on `day` (founded on or before it, not ceased by then).
bool existsOn(const core::Organization& o, const core::Date& day);
/// True for the office's accounts (admin, office).
bool isOffice(const Actor& a);
/// Refuses (PermissionError) an account that is not the office's, naming what it may not do.
void requireOffice(const Actor& a, const char* what);
/// The level code typed or chosen ("HTTNV", or its Vietnamese label); "" stays "". DataError for another
/// value, in the words of every door reading an enumeration.
std::string parseLevel(const std::string& text);
/// Applies one input to the stored rating (or a new one) and writes it with its audit row (rating.self,
/// rating.propose, rating.decide, rating.organization: the old and the new values).
void applyInput(Services& s, const Actor& actor, store::RatingRepository& repo, int year,
                const std::string& type, core::Id subject, std::optional<core::Id> cell,
                const std::string& code, const RatingInput& in, const std::string& level);

}  // namespace dangbo::services::rating_detail
