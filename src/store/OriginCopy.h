#pragma once
// A register restricted to one former commune (an origin, spec/merger.md "After the merge"): a copy of the
// register holding only the cells of that origin and the members who belonged to one of them on a day, with
// everything that hangs on them. Every report made from such a copy counts only that origin, by the one
// definition below, so that the figures of the origins add up to those of the whole register.
#include <filesystem>
#include <string>
#include <vector>

#include "core/Date.h"
#include "store/Database.h"

namespace dangbo::store {

/// The origins of the register's organizations (organizations.origin as stored, "" for cells without one),
/// each once, in no particular order.
std::vector<std::string> organizationOrigins(Database& db);

/// Writes to `out` (a new file) a copy of the register restricted to `origin` (as stored; "" for the cells
/// without an origin) on `day`:
/// - a member of the origin is a member whose cell on `day` (rule kCellOnDay) has that origin, or, when that
///   cell has none (a new cell of a merger), whose last cell with an origin left before `day` had it; every
///   other member is removed, with every row that needs them (their events, ratings, disciplines, seats,
///   dues...); a row that only names them (a sponsor, a meeting's chair) keeps the row and loses the name;
/// - a candidate of the origin is one whose cell has that origin;
/// - an organization of another origin stays in the file (rows of the origin may name it) but never exists
///   (founded and ceased on 1/1/1800, the first day a date may hold), and the rows that belong to it and to
///   no member of the origin (its events, meetings, ratings, inspections, cell committees...) are removed;
/// - the targets kept are those of the origin.
/// The copy is made inside one transaction of its own; the register itself is only read.
void writeOriginCopy(Database& db, const std::filesystem::path& out, const std::string& origin,
                     const core::Date& day);

}  // namespace dangbo::store
