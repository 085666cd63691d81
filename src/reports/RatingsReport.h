#pragma once
// The `report ratings` output: the annual quality rating per year (cells and members by level, the share
// good or better against the term's target) and each cell's history, as JSON and CSV.
#include <ostream>

#include "services/Ratings.h"

namespace dangbo::reports {

/// Writes one JSON object:
/// {"from": 2021, "to": 2025,
///  "ratings": {"2024": {"round": "locked" | "open" | null,
///                       "organizations": {"HTXSNV", "HTTNV", "HTNV", "KHTNV", "rated",
///                       "good_or_better_percent", "target"}, "members": {... the same keys}}},
///  "cells": [{"code", "name", "years": {"2024": {"level": "HTTNV" | null, "members": {... the level keys,
///             "rated", "good_or_better_percent"}}}]}
/// Percentages and targets with one decimal (core::formatTenthsJson: 96.3), null where there is none
/// (rated 0, no target for the year's term).
void writeRatingsJson(std::ostream& out, const services::RatingSummary& sum);
/// CSV (RFC 4180, no byte-order mark, "\n" line ends), one row per year and subject, then one per cell
/// and year, with the header
/// year,subject,cell,cell_name,level,HTXSNV,HTTNV,HTNV,KHTNV,rated,good_or_better_percent,target
/// subject: organizations | members (commune totals: cell and level empty) or cell (a cell's own level
/// and its members' counts; target empty). Percentages with a dot and one decimal, empty when none.
void writeRatingsCsv(std::ostream& out, const services::RatingSummary& sum);

}  // namespace dangbo::reports
