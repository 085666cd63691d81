#include "reports/ReportOrigins.h"

#include <sstream>

#include "core/Errors.h"
#include "core/I18n.h"
#include "reports/CongressReport.h"
#include "reports/Json.h"
#include "services/OriginReports.h"
#include "services/Services.h"

namespace dangbo::reports {

using core::format;
using core::tr;

namespace {

// The heading of an origin's part: "Đơn vị cũ NAME", or "Không thuộc đơn vị cũ" for the cells without one.
std::string originHeading(const std::string& origin) {
  return origin.empty() ? services::originLabel(origin) : format(tr("Former commune {1}"), {origin});
}

// The tables of an origin's model appended to the whole's: each section headed by the origin, each table's
// key suffixed with "@ORIGIN" and its caption naming the origin.
void appendOrigin(services::ReportModel& whole, services::ReportModel part, const std::string& origin) {
  const std::string label = services::originLabel(origin);
  bool first = true;
  for (auto& sec : part.sections) {
    sec.heading = sec.heading.empty() || first
                      ? originHeading(origin) + (sec.heading.empty() ? "" : ": " + sec.heading)
                      : label + ": " + sec.heading;
    first = false;
    for (auto& t : sec.tables) {
      t.key += "@" + origin;
      t.caption += " (" + label + ")";
    }
    for (auto& c : sec.charts) c.title += " (" + label + ")";
    whole.sections.push_back(std::move(sec));
  }
}

}  // namespace

FrozenReport makeOriginReport(services::Services& s, const services::Actor& actor, const ReportRequest& q,
                              core::Progress* progress) {
  ReportRequest inner = q;
  inner.origin.clear();
  inner.byOrigin = false;
  if (!q.origin.empty()) {
    services::OriginRegister part(s, actor, q.origin, q.asOf);
    FrozenReport r = makeReport(part.services(), actor, inner, progress);
    r.templateFolder = officeTemplateFolder(s.path().string());
    r.origin = part.origin();
    if (r.model) r.model->title += " - " + services::originLabel(r.origin);
    return r;
  }
  const auto origins = services::reportOrigins(s, actor);
  if (origins.empty() || origins.front().empty())  // "" comes last: no cell comes from a former commune
    throw core::DataError(
        tr("No cell of this register comes from a former commune: there is nothing to break "
           "down by origin."));
  FrozenReport r = makeReport(s, actor, inner, progress);
  for (const auto& origin : origins) {
    services::OriginRegister part(s, actor, origin, q.asOf);
    FrozenReport p = makeReport(part.services(), actor, inner, progress);
    if (r.model && p.model)
      appendOrigin(*r.model, std::move(*p.model), origin);
    else if (r.congress && p.congress)
      r.congressByOrigin.emplace_back(origin, std::move(*p.congress));
  }
  return r;
}

void addOriginParts(Document& doc, const FrozenReport& r) {
  if (!r.origin.empty()) {
    // Under the title lines: the report counts one former commune.
    size_t at = 0;
    while (at < doc.blocks.size() && std::holds_alternative<TitleLine>(doc.blocks[at])) ++at;
    doc.blocks.insert(doc.blocks.begin() + long(at),
                      TitleLine{format(tr("Former commune {1}"), {r.origin}), TitleStyle::Note});
  }
  for (const auto& [origin, figures] : r.congressByOrigin) {
    Document part = congressDocument(figures, r.committee, r.templateFolder);
    doc.pageBreak();
    doc.heading(originHeading(origin));
    for (auto& b : part.blocks) doc.blocks.push_back(std::move(b));
  }
}

void writeCongressByOriginJson(std::ostream& out, const FrozenReport& r) {
  out << "{\n\"report\": ";
  writeCongressJson(out, *r.congress);
  out << ",\n\"by_origin\": [";
  bool first = true;
  for (const auto& [origin, figures] : r.congressByOrigin) {
    out << (first ? "\n" : ",\n") << "{\"origin\": " << JsonWriter::quote(origin) << ", \"report\": ";
    writeCongressJson(out, figures);
    out << "}";
    first = false;
  }
  out << "\n]\n}\n";
}

}  // namespace dangbo::reports
