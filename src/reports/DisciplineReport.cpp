#include "reports/DisciplineReport.h"

#include "core/Csv.h"
#include "core/Enums.h"
#include "core/I18n.h"
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
  for (const char* form : {"khien_trach", "canh_cao", "giai_tan"})
    j.key(form).value(countOf(f.organizationForms, form));
  j.endObject();
  j.key("by_body").beginArray();
  for (const auto& b : f.byBody)
    j.beginObject()
        .key("subject_type")
        .value(b.subjectType)
        .key("body")
        .value(b.body)
        .key("form")
        .value(b.form)
        .key("count")
        .value(b.count)
        .endObject();
  j.endArray();
  j.key("xoa_ten").value(f.removals);
  j.key("removals_by_ground").beginObject();
  for (const auto& g : core::enums::removalGround.items())
    j.key(g.code).value(countOf(f.removalsByGround, g.code));
  j.endObject();
  j.key("inspections").beginObject();
  j.key("organizations").value(f.inspected.organizations).key("members").value(f.inspected.members);
  j.key("by_kind").beginObject();
  for (const auto& k : core::enums::inspectionKind.items()) {
    auto it = f.inspectionsByKind.find(std::string(k.code));
    services::InspectedCount c = it == f.inspectionsByKind.end() ? services::InspectedCount{} : it->second;
    j.key(k.code)
        .beginObject()
        .key("organizations")
        .value(c.organizations)
        .key("members")
        .value(c.members)
        .endObject();
  }
  j.endObject();
  j.endObject();
  j.endObject();
}

void writeDisciplineCsv(std::ostream& out, const services::DisciplineFigures& f) {
  // One row per figure, headed in Vietnamese: what is counted (its label, then its code), by whom, how many.
  using core::tr;
  namespace en = core::enums;
  out << core::csvLine({tr("Figure"), tr("Kind"), tr("Code"), tr("Decided by"), tr("Organizations"),
                        tr("Members"), tr("Number")});
  auto row = [&](const std::string& figure, const std::string& label, const std::string& code,
                 const std::string& body, const std::string& orgs, const std::string& members,
                 const std::string& count) {
    out << core::csvLine({figure, label, code, body, orgs, members, count});
  };
  const std::string disciplined = tr("Members disciplined"),
                    orgsDisciplined = tr("Organizations disciplined");
  for (const auto& [form, n] : f.memberForms)
    row(disciplined, en::disciplineForm.label(form), form, "", "", "", std::to_string(n));
  for (const auto& [form, n] : f.organizationForms)
    row(orgsDisciplined, en::disciplineForm.label(form), form, "", "", "", std::to_string(n));
  for (const auto& b : f.byBody)
    row(tr("Discipline by the deciding body"),
        en::subjectType.label(b.subjectType) + ": " + en::disciplineForm.label(b.form),
        b.subjectType + ":" + b.form, b.body, "", "", std::to_string(b.count));
  row(tr("Names removed"), "", "xoa_ten", "", "", "", std::to_string(f.removals));
  for (const auto& [g, n] : f.removalsByGround)
    row(tr("Names removed by ground"), en::removalGround.label(g), g, "", "", "", std::to_string(n));
  for (const auto& [k, c] : f.inspectionsByKind)
    row(tr("Inspections"), en::inspectionKind.label(k), k, "", std::to_string(c.organizations),
        std::to_string(c.members), "");
  row(tr("Inspections"), tr("All kinds"), "all", "", std::to_string(f.inspected.organizations),
      std::to_string(f.inspected.members), "");
}

}  // namespace dangbo::reports
