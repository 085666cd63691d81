// The import's part of the one door (issue 14): who may import which file, and the audit rows of an applied
// file, per changed record with the old and new value of each changed field, as the window's writes leave
// them.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/Enums.h"
#include "core/I18n.h"
#include "core/MemberFields.h"
#include "services/AuditText.h"
#include "services/Import.h"
#include "services/ImportInternal.h"
#include "store/AuditRepository.h"

namespace dangbo::services {

using core::format;
using core::tr;

namespace {

// The record name of a file's rows in the audit, as the window's own writes name them.
std::string auditEntity(std::string_view kind) {
  static const std::map<std::string, std::string, std::less<>> k = {
      {"to_chuc", "organization"},  {"dang_vien", "member"},    {"quan_chung", "candidate"},
      {"xep_loai", "rating"},       {"kiem_tra", "inspection"}, {"ky_luat", "discipline"},
      {"cap_uy", "committee_seat"}, {"chi_tieu", "target"}};
  return k.find(kind)->second;
}

// The position of a member's field in its description (fields the description lacks, such as the cell, last).
size_t memberFieldOrder(const std::string& field) {
  const auto& all = core::memberFields();
  for (size_t i = 0; i < all.size(); ++i)
    if (field == all[i].name) return i;
  return all.size();
}

}  // namespace

// The audit rows of one applied file: per changed record the old and new value of each changed field; per
// new record its values (a bulk load: one row naming the new records).
void auditRecords(store::AuditRepository& audit, const Actor& actor, const PlannedFile& f,
                  const ImportFile& file, bool merged) {
  const std::string entity = auditEntity(f.kind);
  const ImportFileSpec& spec = *importFileSpec(f.kind);
  const bool bulk = f.added >= kImportBulkRows;
  const PlannedRow *firstNew = nullptr, *lastNew = nullptr;
  for (size_t i = 0; i < f.rows.size(); ++i) {
    const PlannedRow& r = f.rows[i];
    if (r.action != ImportAction::Update && r.action != ImportAction::New) continue;
    if (r.action == ImportAction::New && bulk) {
      if (!firstNew) firstNew = &r;
      lastNew = &r;
      continue;
    }
    // The record's door wrote the row of a new record, and of the fields it changed.
    const bool doorNew =
        r.action == ImportAction::New && import_detail::doorWritesNew(f.kind, file.rows[i], merged);
    if (doorNew && f.kind != "quan_chung") continue;
    const std::string where = format(tr("{1}, row {2}"), {f.source, std::to_string(r.row)});
    if (r.action == ImportAction::Update) {
      // The row the dialog writes for the same change: a member's fields in the order of their description.
      std::vector<ChangedField> changes;
      for (const auto& c : r.changes)
        if (!import_detail::doorAudits(f.kind, c.field) ||
            (merged && f.kind == "quan_chung" && !import_detail::candidateStageField(c.field)))
          changes.push_back({c.field, c.oldValue, c.newValue});
      if (changes.empty()) continue;
      if (f.kind == "dang_vien")
        std::stable_sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) {
          return memberFieldOrder(a.field) < memberFieldOrder(b.field);
        });
      const auto [before, after] = auditValues(changes);
      audit.append(actor.username, entity + ".update", entity + ":" + r.key, before, after, where);
    } else {
      std::string values;
      const ImportRow& row = file.rows[i];
      for (size_t k = 0; k < spec.columns.size(); ++k)
        if (auto v = row.value(k);
            !v.empty() && !(doorNew && import_detail::doorAuditsNew(f.kind, spec.columns[k].field)) &&
            !(f.kind == "quan_chung" && import_detail::candidateStageField(spec.columns[k].field)))
          values.append(values.empty() ? "" : "; ").append(spec.columns[k].field).append(": ").append(v);
      if (!values.empty())
        audit.append(actor.username, entity + ".import", entity + ":" + r.key, "", values, where);
    }
  }
  if (firstNew)
    audit.append(actor.username, entity + ".import", entity + ":" + firstNew->key + ".." + lastNew->key, "",
                 format(tr("{1} new records, {2} to {3}, as in the file"),
                        {std::to_string(f.added), firstNew->key, lastNew->key}),
                 f.source);
}

std::string importFileRefusal(const Actor& actor, std::string_view kind) {
  const std::string role = core::enums::userRole.label(actor.role);
  if (kind == "kiem_tra" || kind == "ky_luat") {
    if (!allows(actor, Permission::ReadCaseFiles))
      return format(
          tr("the account {1} ({2}) may neither read nor write inspection and discipline case files: "
             "only the inspection committee imports this file."),
          {actor.username, role});
    return {};
  }
  if (kind == "to_chuc" || kind == "cap_uy" || kind == "chi_tieu" || kind == "bi_thu_chi_bo") {
    if (!allows(actor, Permission::EditSettings))
      return format(
          tr("the account {1} ({2}) may not change party organizations, the committee or the targets: "
             "only the office or an administrator imports this file."),
          {actor.username, role});
    return {};
  }
  if (!allows(actor, Permission::WriteRegister))
    return format(tr("the account {1} ({2}) may not change the register."), {actor.username, role});
  return {};
}

// The import needs at least one of the rights its files call for.
void requireSomeImport(const Actor& actor) {
  if (!allows(actor, Permission::ReadCaseFiles)) require(actor, Permission::WriteRegister);
}

}  // namespace dangbo::services
