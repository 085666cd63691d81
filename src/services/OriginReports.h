#pragma once
// Reports by former commune (spec/merger.md "After the merge": any figure of any report can be broken down by
// origin). A report of one origin is the same report made from the register restricted to that origin
// (store::writeOriginCopy): the one definition of "a member of an origin on a day" is the origin of the
// member's cell on the report's day, and of "a cell of an origin" the origin recorded with the cell. Every
// report counts the same way through it, and the origins' figures add up to the whole register's.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// The origins of the register's cells in the Vietnamese order of their names, then "" (the cells without a
/// former commune: the new commune's own) when there are such cells. Needs ReadRegister.
std::vector<std::string> reportOrigins(Services& s, const Actor& actor);
/// How an origin is named above its figures: its name, or "Không thuộc đơn vị cũ" for "".
std::string originLabel(const std::string& origin);
/// The name of `origin` as the register records it, matched as the member list's filter does (diacritics,
/// case and spaces ignored); "" stays "" (the cells without one). DataError naming it when no cell comes from
/// it. Needs ReadRegister.
std::string resolveOrigin(Services& s, const Actor& actor, const std::string& origin);

/// A register restricted to one origin on a day: a temporary copy, read only, removed with this object.
class OriginRegister {
 public:
  /// The copy of `s` restricted to `origin` (resolveOrigin) on `day`. Needs ReadRegister.
  OriginRegister(Services& s, const Actor& actor, const std::string& origin, const core::Date& day);
  ~OriginRegister();
  OriginRegister(const OriginRegister&) = delete;
  OriginRegister& operator=(const OriginRegister&) = delete;
  /// The restricted register (reports are made from it with the same account).
  Services& services() { return *services_; }
  /// The origin as the register records it.
  const std::string& origin() const { return origin_; }

 private:
  std::filesystem::path folder_;
  std::string origin_;
  std::unique_ptr<Services> services_;
};

}  // namespace dangbo::services
