#pragma once
// Helps for the national member database, CSDL đảng viên 3.0 (spec/member-file.md): no public exchange format
// exists, so the office enters changes by hand; this is its work list.
#include "core/Date.h"
#include "services/Actor.h"
#include "services/ReportModel.h"

namespace dangbo::services {

class Services;

/// The changes from `from` to `to` ("changes"): every dated event of a member in the period (admissions,
/// recognitions, transfers in and out, moves, deaths, removals, expulsions, leaving) and every change of a
/// member's details recorded in the audit trail then (old and new values), by date then code. The office and
/// the administrator (EditSettings): the audit trail's values are read.
ReportModel changesReport(Services& s, const Actor& actor, const core::Date& from, const core::Date& to);

}  // namespace dangbo::services
