#pragma once
// Writing `report deadlines` (spec/cli.md) and `report admissions` (the year's admissions against the
// target) to a stream, as JSON and CSV.
#include <ostream>
#include <vector>

#include "services/Admissions.h"
#include "services/Deadlines.h"

namespace dangbo::reports {

/// The spec's array of {"kind", "code", "name", "due", "overdue_days"}: due as ISO date, overdue_days in
/// calendar days (negative while still ahead); exactly these five keys, in the given order of deadlines.
void writeDeadlinesJson(std::ostream& out, const std::vector<services::Deadline>& deadlines);
/// CSV with a header: kind,code,name,cell,from,due,extended_due,step,overdue_days (dates ISO, empty when
/// none).
void writeDeadlinesCsv(std::ostream& out, const std::vector<services::Deadline>& deadlines);

/// An array with one object per year: {"year", "as_of", "admitted", "awaiting_ceremony", "total", "target",
/// "percent_of_target", "term", "term_total", "term_target", "term_percent", "cells": [{"code", "name",
/// "admitted", "awaiting_ceremony"}]}; target and percentages null when there is none (percentages as
/// numbers with one decimal: 101.4).
void writeAdmissionsJson(std::ostream& out, const std::vector<services::AdmissionProgress>& years);
/// CSV with a header: year,scope,name,admitted,awaiting_ceremony,total,target,percent_of_target; one row
/// "committee" per year (name: the term) then one row per cell (scope: the cell code; no target).
void writeAdmissionsCsv(std::ostream& out, const std::vector<services::AdmissionProgress>& years);

}  // namespace dangbo::reports
