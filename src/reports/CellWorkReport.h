#pragma once
// `report dues` and `report meetings` as JSON in the shapes of spec/cell-work.md ("JSON shapes"), which other
// tools read.
#include <ostream>
#include <vector>

#include "services/CellWork.h"

namespace dangbo::reports {

/// {"cell", "year", "members": [{"code", "name", "months": {"01": {"due", "paid", "exempt", "owed"}}}],
/// "months": {"01": {"members", "exempt", "unpaid", "collected", "kept", "to_send", "sent"}}}; a due unknown
/// (no basis, a setting not entered) and kept / to_send before the shares are set are null.
void writeDuesBookJson(std::ostream& out, const services::DuesBook& book);
/// {"year", "cells": [{"cell", "name", "months": {...}}], "months": {...}, "commune_kept": {"01": ...}}.
void writeDuesSummaryJson(std::ostream& out, const services::DuesSummary& sum);
/// [{"cell", "date", "kind", "present", "expected", "rate", "grade"}], by cell then date; rate null when
/// nobody was expected, grade null when not graded.
void writeMeetingsJson(std::ostream& out, const std::vector<services::MeetingView>& meetings);

}  // namespace dangbo::reports
