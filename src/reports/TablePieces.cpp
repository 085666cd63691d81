// A long table that is not dense cut into pieces of about a page (TableLayout.h: tableRowPieces), for the
// Word and HTML writers.
#include "reports/TableLayout.h"

namespace dangbo::reports {

std::vector<std::pair<size_t, size_t>> tableRowPieces(const Table& t, PageCutter& cut, size_t* pages) {
  std::vector<std::pair<size_t, size_t>> pieces{{0, 0}};
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (cut.add(t.rows[r])) pieces.emplace_back(r, r);
    pieces.back().second = r + 1;
  }
  if (pages) *pages = pieces.size();
  if (pieces.size() < 3) return {{0, t.rows.size()}};
  for (size_t i = 1; i < pieces.size(); ++i)
    while (pieces[i].first < pieces[i].second && t.rows[pieces[i].first].total &&
           pieces[i].first > pieces[i - 1].first + 1) {
      --pieces[i].first;
      --pieces[i - 1].second;
    }
  return pieces;
}

}  // namespace dangbo::reports
