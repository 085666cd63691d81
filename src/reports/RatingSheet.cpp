#include "reports/RatingSheet.h"

#include "core/Enums.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "reports/PdfRenderer.h"

namespace dangbo::reports {

using core::format;
using core::tr;

namespace {

constexpr const char* kLevels[] = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};

// The note of a member's row: why not rated, disciplined, the office's exception.
std::string noteOf(const services::RatingSheetRow& r) {
  std::string note = r.reason;
  auto add = [&](const std::string& s) { note += (note.empty() ? "" : "; ") + s; };
  if (r.disciplined) add(tr("disciplined in the year"));
  if (!r.exceptionReason.empty()) add(format(tr("exception: {1}"), {r.exceptionReason}));
  return note;
}

}  // namespace

Document ratingSheetDocument(const core::CommitteeInfo& committee, const RatingSheetInfo& info,
                             const std::vector<services::RatingSheetRow>& rows) {
  const std::string year = std::to_string(info.year);
  Document doc;
  doc.title = format(tr("Rating list {1} - {2}"), {year, info.cellName});
  DocumentHeader h;
  h.superior = core::toUpper(committee.name);
  h.executive = core::toUpper(info.cellName);
  h.number = tr("No. ...-DS/CB");
  h.party = tr("COMMUNIST PARTY OF VIETNAM");
  h.placeDate = format(tr("{1}, day .. month .. year ...."), {committee.place});
  doc.header = std::move(h);
  doc.titleLine(core::toUpper(tr("Rating list")), TitleStyle::Title);
  doc.titleLine(format(tr("Quality rating of party members in {1}"), {year}), TitleStyle::Subtitle);
  std::string note =
      format(tr("({1}, code {2}; members in the cell on 31/12/{3})"), {info.cellName, info.cellCode, year});
  if (info.roundStatus == "open") note += std::string(" - ") + tr("draft: the round is not locked");
  doc.titleLine(note, TitleStyle::Note);

  Table t;
  t.header.push_back({Cell::textCell(tr("No.")), Cell::textCell(tr("Full name")), Cell::textCell(tr("Code")),
                      Cell::textCell(tr("Self-assessment")), Cell::textCell(tr("Cell proposal")),
                      Cell::textCell(tr("Committee decision")), Cell::textCell(tr("Score")),
                      Cell::textCell(tr("Notes"))});
  t.align = {Align::Right,  Align::Left,   Align::Left,  Align::Center,
             Align::Center, Align::Center, Align::Right, Align::Left};
  int counts[4] = {0, 0, 0, 0};
  int rated = 0, notRated = 0;
  int no = 0;
  for (const auto& r : rows) {
    TableRow row;
    row.cells.push_back(Cell::count(++no));
    row.cells.push_back(Cell::textCell(r.name));
    row.cells.push_back(Cell::textCell(r.code));
    row.cells.push_back(Cell::textCell(r.selfLevel));
    row.cells.push_back(Cell::textCell(r.proposedLevel));
    row.cells.push_back(Cell::textCell(r.level));
    row.cells.push_back(r.score ? Cell::count(*r.score) : Cell::textCell(""));
    row.cells.push_back(Cell::textCell(noteOf(r)));
    t.rows.push_back(std::move(row));
    if (!r.eligibility.empty()) {
      if (r.eligibility != "not_in_cell") ++notRated;
      continue;
    }
    for (int k = 0; k < 4; ++k)
      if (r.level == kLevels[k]) {
        ++counts[k];
        ++rated;
      }
  }
  doc.table(std::move(t));

  Table sum;
  sum.caption = tr("Committee decision by level");
  sum.header.push_back(
      {Cell::textCell(tr("Level")), Cell::textCell(tr("Members")), Cell::textCell(tr("Share"))});
  for (int k = 0; k < 4; ++k) {
    TableRow row;
    row.cells = {Cell::textCell(core::enums::ratingLevel.label(kLevels[k]) + " (" + kLevels[k] + ")"),
                 Cell::count(counts[k]), Cell::share(counts[k], rated)};
    sum.rows.push_back(std::move(row));
  }
  TableRow good;
  good.cells = {Cell::textCell(tr("Good or better")), Cell::count(counts[0] + counts[1]),
                Cell::share(counts[0] + counts[1], rated)};
  sum.rows.push_back(std::move(good));
  TableRow total;
  total.total = true;
  total.cells = {Cell::textCell(tr("Rated")), Cell::count(rated), Cell::share(rated, rated)};
  sum.rows.push_back(std::move(total));
  doc.table(std::move(sum));
  doc.paragraph(
      format(tr("Members in the cell not rated for {1}: {2}."), {year, core::formatCountVn(notRated)}));
  return doc;
}

void writeRatingSheetPdf(const std::filesystem::path& out, const core::CommitteeInfo& committee,
                         const RatingSheetInfo& info, const std::vector<services::RatingSheetRow>& rows) {
  renderPdf(out, ratingSheetDocument(committee, info, rows));
}

}  // namespace dangbo::reports
