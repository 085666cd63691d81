#pragma once
// The discipline report: decisions by form and deciding body, removals by ground, inspections by kind.
#include <ostream>

#include "core/Date.h"
#include "services/Discipline.h"

namespace dangbo::reports {

/// JSON: {"period", "members": {form: n}, "organizations": {form: n}, "by_body": [...], "xoa_ten",
/// "removals_by_ground", "inspections": {"organizations", "members", "by_kind": {kind: {...}}}}; every form
/// and kind of the enumerations is listed, 0 included.
void writeDisciplineJson(std::ostream& out, const services::DisciplineFigures& f, const core::Date& from,
                         const core::Date& to);
/// CSV: one row per figure (section,key,organizations,members,count).
void writeDisciplineCsv(std::ostream& out, const services::DisciplineFigures& f);

}  // namespace dangbo::reports
