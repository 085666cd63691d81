#pragma once
// Where the PDF writer may break a table's pages (PdfRenderer): the total rows right after a body row go with
// it, and the last body row (with its totals) goes with the closing block (the signature) after the table.
// The rows are handed over one at a time from Table::rows or Table::rowSource, holding only those whose
// following rows are not yet known (a register of a million rows is never held whole).
#include <functional>
#include <vector>

#include "reports/Document.h"

namespace dangbo::reports::pdf {

/// Calls place(row, totals, last) for each body row of `t` in order: `totals` are the total rows right after
/// it (empty for a total row), `last` is true when nothing follows them.
void flowRows(const Table& t,
              const std::function<void(const TableRow& row, const std::vector<const TableRow*>& totals,
                                       bool last)>& place);

/// The height a body row needs on its page: its own `row` height, with its totals' height `totals` when the
/// row and its totals fit on a page of `room` points (under the header rows), and with the closing block of
/// height `closing` (and 10 points before it) after the last body row when all of it fits such a page.
double rowNeed(bool total, double row, double totals, bool hasTotals, bool last, double closing, double room);

}  // namespace dangbo::reports::pdf
