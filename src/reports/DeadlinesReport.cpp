#include "reports/DeadlinesReport.h"

#include <string>
#include <string_view>

#include "core/Csv.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "reports/Json.h"
#include "services/Deadlines.h"

namespace dangbo::reports {

namespace {

using core::csvField;
using core::tr;

void optionalCount(JsonWriter& w, std::string_view key, const std::optional<int64_t>& n) {
  w.key(key);
  if (n)
    w.value(*n);
  else
    w.null();
}

void optionalPercent(JsonWriter& w, std::string_view key, const std::optional<int64_t>& tenths) {
  w.key(key);
  if (tenths)
    w.raw(core::formatTenthsJson(*tenths));
  else
    w.null();
}

}  // namespace

void writeDeadlinesJson(std::ostream& out, const std::vector<services::Deadline>& deadlines) {
  JsonWriter w(out);
  w.beginArray();
  for (const auto& d : deadlines) {
    w.beginObject();
    w.key("kind").value(d.kind);
    w.key("code").value(d.code);
    w.key("name").value(d.name);
    w.key("due").value(d.due.iso());
    w.key("overdue_days").value(d.overdueDays);
    w.endObject();
  }
  w.endArray();
  out << '\n';
}

void writeDeadlinesCsv(std::ostream& out, const std::vector<services::Deadline>& deadlines) {
  // One row per deadline, headed in Vietnamese; the kind's code is kept beside its label for filtering. The
  // days are two columns, each a plain count: overdue once the day has passed, left while it is ahead (a
  // spreadsheet user sums or filters either; "-60 days overdue" read as a number would mislead).
  out << core::csvLine({tr("Deadline"), tr("Kind code"), tr("Code"), tr("Full name"), tr("Cell"), tr("From"),
                        tr("Due"), tr("Extended to"), tr("Step"), tr("Days overdue"), tr("Days left")});
  for (const auto& d : deadlines) {
    const std::string overdue = d.overdueDays > 0 ? std::to_string(d.overdueDays) : "";
    const std::string left = d.overdueDays > 0 ? "" : std::to_string(-d.overdueDays);
    out << csvField(services::deadlineKindLabel(d.kind)) << ',' << d.kind << ',' << csvField(d.code) << ','
        << csvField(d.name) << ',' << csvField(d.cellCode) << ',' << d.from.iso() << ',' << d.due.iso() << ','
        << (d.extendedDue ? d.extendedDue->iso() : "") << ',' << csvField(d.step) << ',' << overdue << ','
        << left << '\n';
  }
}

void writeAdmissionsJson(std::ostream& out, const std::vector<services::AdmissionProgress>& years) {
  JsonWriter w(out);
  w.beginArray();
  for (const auto& y : years) {
    w.beginObject();
    w.key("year").value(y.year);
    w.key("as_of").value(y.asOf.iso());
    w.key("admitted").value(y.admitted);
    w.key("awaiting_ceremony").value(y.awaitingCeremony);
    w.key("total").value(y.total);
    optionalCount(w, "target", y.target);
    optionalPercent(w, "percent_of_target", y.percentOfTarget);
    w.key("term");
    if (y.termName.empty())
      w.null();
    else
      w.value(y.termName);
    w.key("term_total").value(y.termTotal);
    optionalCount(w, "term_target", y.termTarget);
    optionalPercent(w, "term_percent", y.termPercent);
    w.key("cells").beginArray();
    for (const auto& c : y.cells) {
      w.beginObject();
      w.key("code").value(c.cellCode);
      w.key("name").value(c.cellName);
      w.key("admitted").value(c.admitted);
      w.key("awaiting_ceremony").value(c.awaitingCeremony);
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  out << '\n';
}

void writeAdmissionsCsv(std::ostream& out, const std::vector<services::AdmissionProgress>& years) {
  out << core::csvLine({tr("Year"), tr("Cell code"), tr("Name"), tr("Admitted"), tr("Awaiting the ceremony"),
                        tr("Total"), tr("Target"), tr("Percent of the target")});
  for (const auto& y : years) {
    out << y.year << ',' << csvField(tr("Whole committee")) << ',' << csvField(y.termName) << ','
        << y.admitted << ',' << y.awaitingCeremony << ',' << y.total << ','
        << (y.target ? std::to_string(*y.target) : "") << ','
        << (y.percentOfTarget ? core::formatTenthsJson(*y.percentOfTarget) : "") << '\n';
    for (const auto& c : y.cells)
      out << y.year << ',' << csvField(c.cellCode) << ',' << csvField(c.cellName) << ',' << c.admitted << ','
          << c.awaitingCeremony << ',' << (c.admitted + c.awaitingCeremony) << ",,\n";
  }
}

}  // namespace dangbo::reports
