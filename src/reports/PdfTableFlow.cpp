#include "reports/PdfTableFlow.h"

#include <deque>

namespace dangbo::reports::pdf {

void flowRows(const Table& t,
              const std::function<void(const TableRow& row, const std::vector<const TableRow*>& totals,
                                       bool last)>& place) {
  // The rows read but not placed: the first is placed once a body row follows its totals, or at the end.
  std::deque<TableRow> pending;
  std::vector<const TableRow*> totals;
  auto settle = [&](bool end) {
    while (!pending.empty()) {
      size_t n = 0;
      while (1 + n < pending.size() && pending[1 + n].total) ++n;
      const bool followed = 1 + n < pending.size();
      if (!followed && !end) return;
      totals.clear();
      if (!pending.front().total)
        for (size_t k = 1; k <= n; ++k) totals.push_back(&pending[k]);
      place(pending.front(), totals, !followed);
      pending.pop_front();
    }
  };
  t.forEachRow([&](const TableRow& row) {
    pending.push_back(row);
    settle(false);
  });
  settle(true);
}

double rowNeed(bool total, double row, double totals, bool hasTotals, bool last, double closing,
               double room) {
  double need = row;
  // A body row keeps the totals that follow it: no total is separated from its rows.
  if (!total && hasTotals) {
    need += totals;
    if (need > room) need = row;
  }
  // The last body row (and its totals) keeps the closing block after the table.
  if (!total && last && closing > 0 && need + 10 + closing <= room) need += 10 + closing;
  return need;
}

}  // namespace dangbo::reports::pdf
