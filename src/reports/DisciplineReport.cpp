#include "reports/DisciplineReport.h"

#include "core/Csv.h"
#include "core/Enums.h"
#include "reports/Json.h"

namespace dangbo::reports {

namespace {
int countOf(const std::map<std::string, int>& m, std::string_view key) {
  auto it = m.find(std::string(key));
  return it == m.end() ? 0 : it->second;
}
}  // namespace

void writeDisciplineJson(std::ostream& out, const services::DisciplineFigures& f, const core::Date& from,
                         const core::Date& to) {
  JsonWriter j(out);
  j.beginObject();
  j.key("period").beginObject().key("from").value(from.iso()).key("to").value(to.iso()).endObject();
  j.key("members").beginObject();
  for (const char* form : {"khien_trach", "canh_cao", "cach_chuc", "khai_tru"})
    j.key(form).value(countOf(f.memberForms, form));
  j.endObject();
  j.key("organizations").beginObject();
  for (const char* form : {"khien_trach", "canh_cao", "giai_tan"}) j.key(form).value(countOf(f.organizationForms, form));
  j.endObject();
  j.key("by_body").beginArray();
  for (const auto& b : f.byBody)
    j.beginObject()
        .key("subject_type").value(b.subjectType)
        .key("body").value(b.body)
        .key("form").value(b.form)
        .key("count").value(b.count)
        .endObject();
  j.endArray();
  j.key("xoa_ten").value(f.removals);
  j.key("removals_by_ground").beginObject();
  for (const auto& g : core::enums::removalGround.items()) j.key(g.code).value(countOf(f.removalsByGround, g.code));
  j.endObject();
  j.key("inspections").beginObject();
  j.key("organizations").value(f.inspected.organizations).key("members").value(f.inspected.members);
  j.key("by_kind").beginObject();
  for (const auto& k : core::enums::inspectionKind.items()) {
    auto it = f.inspectionsByKind.find(std::string(k.code));
    services::InspectedCount c = it == f.inspectionsByKind.end() ? services::InspectedCount{} : it->second;
    j.key(k.code).beginObject().key("organizations").value(c.organizations).key("members").value(c.members).endObject();
  }
  j.endObject();
  j.endObject();
  j.endObject();
}

void writeDisciplineCsv(std::ostream& out, const services::DisciplineFigures& f) {
  out << "section,key,body,organizations,members,count\n";
  for (const auto& [form, n] : f.memberForms) out << "members," << form << ",,,," << n << "\n";
  for (const auto& [form, n] : f.organizationForms) out << "organizations," << form << ",,,," << n << "\n";
  for (const auto& b : f.byBody)
    out << "by_body," << b.subjectType << ":" << b.form << "," << core::csvField(b.body) << ",,," << b.count << "\n";
  out << "xoa_ten,,,,," << f.removals << "\n";
  for (const auto& [g, n] : f.removalsByGround) out << "removals_by_ground," << g << ",,,," << n << "\n";
  for (const auto& [k, c] : f.inspectionsByKind)
    out << "inspections," << k << ",," << c.organizations << "," << c.members << ",\n";
  out << "inspections,all,," << f.inspected.organizations << "," << f.inspected.members << ",\n";
}

}  // namespace dangbo::reports
