#include "reports/CellWorkReport.h"

#include <cstdio>
#include <string>

#include "core/Numbers.h"
#include "reports/Json.h"

namespace dangbo::reports {

namespace {
std::string two(int m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", m);
  return buf;
}

void amount(JsonWriter& w, const char* key, const std::optional<int64_t>& v) {
  w.key(key);
  if (v)
    w.value(*v);
  else
    w.null();
}

void monthTotals(JsonWriter& w, const std::map<int, services::DuesMonthTotals>& months) {
  w.beginObject();
  for (const auto& [m, x] : months) {
    w.key(two(m)).beginObject();
    w.key("members").value(x.members);
    w.key("exempt").value(x.exempt);
    w.key("unpaid").value(x.unpaid);
    w.key("collected").value(x.collected);
    amount(w, "kept", x.kept);
    amount(w, "to_send", x.toSend);
    w.key("sent").value(x.sent);
    w.endObject();
  }
  w.endObject();
}
}  // namespace

void writeDuesBookJson(std::ostream& out, const services::DuesBook& book) {
  JsonWriter w(out);
  w.beginObject();
  w.key("cell").value(book.cellCode);
  w.key("year").value(book.year);
  w.key("as_of").value(book.asOf.iso());
  w.key("members").beginArray();
  for (const auto& m : book.members) {
    w.beginObject();
    w.key("code").value(m.code);
    w.key("name").value(m.name);
    w.key("months").beginObject();
    for (const auto& [mo, x] : m.months) {
      w.key(two(mo)).beginObject();
      amount(w, "due", x.due.due);
      w.key("paid").value(x.paid);
      w.key("exempt").value(x.due.exempt);
      w.key("owed").value(x.owed);
      w.endObject();
    }
    w.endObject();
    w.endObject();
  }
  w.endArray();
  w.key("months");
  monthTotals(w, book.months);
  w.endObject();
  out << '\n';
}

void writeDuesSummaryJson(std::ostream& out, const services::DuesSummary& sum) {
  JsonWriter w(out);
  w.beginObject();
  w.key("year").value(sum.year);
  w.key("as_of").value(sum.asOf.iso());
  w.key("cells").beginArray();
  for (const auto& c : sum.cells) {
    w.beginObject();
    w.key("cell").value(c.code);
    w.key("name").value(c.name);
    w.key("months");
    monthTotals(w, c.months);
    w.endObject();
  }
  w.endArray();
  w.key("months");
  monthTotals(w, sum.months);
  w.key("commune_kept").beginObject();
  for (const auto& [m, v] : sum.communeKept) amount(w, two(m).c_str(), v);
  w.endObject();
  w.endObject();
  out << '\n';
}

void writeMeetingsJson(std::ostream& out, const std::vector<services::MeetingView>& meetings) {
  JsonWriter w(out);
  w.beginArray();
  for (const auto& m : meetings) {
    w.beginObject();
    w.key("cell").value(m.cellCode);
    w.key("date").value(m.heldOn.iso());
    w.key("kind").value(m.kind);
    w.key("present").value(m.present);
    w.key("expected").value(m.expected);
    w.key("rate");
    if (m.rateTenths)
      w.raw(core::formatTenthsJson(*m.rateTenths));
    else
      w.null();
    w.key("grade");
    if (m.grade.empty())
      w.null();
    else
      w.value(m.grade);
    w.endObject();
  }
  w.endArray();
  out << '\n';
}

}  // namespace dangbo::reports
