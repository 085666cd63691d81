// A long table that is not dense cut into pieces of about a page (TableLayout.h: tableRowPieces, PageFill),
// for the Word and HTML writers.
#include <algorithm>
#include <cmath>

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

void PageFill::add(double points) {
  above += points;
  while (room > 0 && above > room) above -= room;
}

void PageFill::text(const std::string& text, bool bold, double size, double spacing, double width,
                    double margins, const MeasureText& measure) {
  add(margins + std::max(1.0, std::ceil(measure(text, bold, size).natural / width)) * size * spacing);
}

bool PageFill::nearFoot() const {
  return room - above - 0.06 * room < 0.15 * room;
}

double PageFill::firstRoom() const {
  const double first = room - above - 0.06 * room;
  return nearFoot() ? first + room : first;  // near the page's foot: on to the next page
}

std::vector<std::pair<size_t, size_t>> PageFill::tablePieces(const Table& t, PageCutter& cut) {
  const bool spills = nearFoot();
  size_t pages = 0;
  auto pieces = tableRowPieces(t, cut, &pages);
  if (pages == 1)  // on the page it began on (or the next, when it spilled over)
    above = std::max(0.0, above + (spills ? cut.used() - room : cut.used()));
  else
    above = cut.used();
  return pieces;
}

}  // namespace dangbo::reports
