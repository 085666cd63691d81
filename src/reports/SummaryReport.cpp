#include "reports/SummaryReport.h"

#include "core/I18n.h"
#include "core/Numbers.h"
#include "reports/Json.h"

namespace dangbo::reports {

using core::formatCountVn;

std::string summaryLine(const services::Summary& s) {
  return core::format(
      core::tr("{1}: {2} party organizations ({3} grassroots, {4} subordinate: {5} village, {6} "
               "school), {7} members ({8} probationary, {9} exempt) on {10}; {11} candidates, {12} "
               "ratings, {13} inspections, {14} disciplinary decisions, {15} removals."),
      {s.committee, formatCountVn(s.organizations), formatCountVn(s.grassroots), formatCountVn(s.subordinate),
       formatCountVn(s.villageCells), formatCountVn(s.schoolCells), formatCountVn(s.members),
       formatCountVn(s.probationary), formatCountVn(s.exempt), s.on.vn(), formatCountVn(s.candidates),
       formatCountVn(s.ratings), formatCountVn(s.inspections), formatCountVn(s.disciplines),
       formatCountVn(s.removals)});
}

void writeSummaryJson(std::ostream& out, const services::Summary& s) {
  JsonWriter j(out);
  j.beginObject();
  j.key("committee").value(s.committee);
  j.key("as_of").value(s.on.iso());
  j.key("organizations").beginObject();
  j.key("total").value(s.organizations).key("grassroots").value(s.grassroots);
  j.key("subordinate")
      .value(s.subordinate)
      .key("village")
      .value(s.villageCells)
      .key("school")
      .value(s.schoolCells);
  j.endObject();
  j.key("members").beginObject();
  j.key("total").value(s.members).key("official").value(s.official).key("probationary").value(s.probationary);
  j.key("exempt").value(s.exempt).key("women").value(s.women);
  j.endObject();
  j.key("candidates")
      .value(s.candidates)
      .key("ratings")
      .value(s.ratings)
      .key("inspections")
      .value(s.inspections);
  j.key("disciplines").value(s.disciplines).key("removals").value(s.removals);
  j.endObject();
}

}  // namespace dangbo::reports
