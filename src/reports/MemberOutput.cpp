#include "reports/MemberOutput.h"

#include <string>
#include <string_view>

#include "core/Csv.h"
#include "core/I18n.h"
#include "reports/Json.h"

namespace dangbo::reports {

namespace {

using core::csvField;

std::string iso(const std::optional<core::Date>& d) {
  return d ? d->iso() : std::string();
}

void optionalString(JsonWriter& w, std::string_view key, const std::string& s) {
  w.key(key);
  if (s.empty())
    w.null();
  else
    w.value(s);
}

}  // namespace

void writeMembersCsv(std::ostream& out, const std::vector<services::MemberRow>& rows) {
  out << "code,name,cell,cell_name,status,standing,gender,birth_date,ethnicity,admitted_on,official_on,card_"
         "no\n";
  for (const auto& r : rows) {
    out << csvField(r.code) << ',' << csvField(r.name) << ',' << csvField(r.cellCode) << ','
        << csvField(r.cellName) << ',' << r.status << ',' << r.standing << ',' << r.gender << ','
        << (r.birthDate ? r.birthDate->storage() : "") << ',' << csvField(r.ethnicityName) << ','
        << iso(r.admittedOn) << ',' << iso(r.officialOn) << ',' << csvField(r.cardNo) << '\n';
  }
}

void writeMembersJson(std::ostream& out, const std::vector<services::MemberRow>& rows) {
  JsonWriter w(out);
  w.beginArray();
  for (const auto& r : rows) {
    w.beginObject();
    w.key("code").value(r.code);
    w.key("name").value(r.name);
    w.key("cell").value(r.cellCode);
    w.key("cell_name").value(r.cellName);
    w.key("status").value(r.status);
    w.key("standing").value(r.standing);
    w.key("gender").value(r.gender);
    optionalString(w, "birth_date", r.birthDate ? r.birthDate->storage() : std::string());
    optionalString(w, "ethnicity", r.ethnicityName);
    optionalString(w, "admitted_on", iso(r.admittedOn));
    optionalString(w, "official_on", iso(r.officialOn));
    optionalString(w, "card_no", r.cardNo);
    optionalString(w, "origin", r.origin);
    w.endObject();
  }
  w.endArray();
  out << '\n';
}

void writeFindingsText(std::ostream& out, const std::vector<services::CheckFinding>& findings) {
  if (findings.empty()) {
    out << core::tr("No problems found.") << '\n';
    return;
  }
  for (const auto& f : findings) {
    out << f.subject;
    if (f.year) out << " (" << *f.year << ')';
    out << ": " << f.message << " [" << f.rule << "]\n";
  }
}

void writeFindingsJson(std::ostream& out, const std::vector<services::CheckFinding>& findings) {
  JsonWriter w(out);
  w.beginArray();
  for (const auto& f : findings) {
    w.beginObject();
    w.key("rule").value(f.rule);
    w.key("subject").value(f.subject);
    w.key("year");
    if (f.year)
      w.value(*f.year);
    else
      w.null();
    w.key("message").value(f.message);
    w.endObject();
  }
  w.endArray();
  out << '\n';
}

}  // namespace dangbo::reports
