// A dangbo file read as a merge source: each import file's rows read from its table, and the member history.
#include <map>
#include <stdexcept>
#include <string>

#include "services/Import.h"
#include "services/ImportSecretaries.h"
#include "services/ImportTraining.h"
#include "services/Merge.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MergeRepository.h"

namespace dangbo::services {

namespace {

// The table of the register each import file of spec/import.md is read from.
const std::string& tableOf(const std::string& kind) {
  static const std::map<std::string, std::string, std::less<>> kTables = {
      {"to_chuc", "organizations"},    {"dang_vien", "members"},
      {"quan_chung", "candidates"},    {"xep_loai", "ratings"},
      {"kiem_tra", "inspections"},     {"ky_luat", "disciplines"},
      {"cap_uy", "committee_seats"},   {"chi_tieu", "targets"},
      {"sinh_hoat", "meetings"},       {"diem_danh", "meeting_attendance"},
      {"tam_mien", "activity_leaves"}, {"muc_dang_phi", "dues_bases"},
      {"dang_phi", "dues_payments"}};
  auto known = kTables.find(kind);
  if (known == kTables.end()) throw std::logic_error("merge: no table for the import file " + kind);
  return known->second;
}

}  // namespace

MergeSource readRegisterSource(const std::string& name, const std::string& path) {
  auto src = Services::openForReading(path);
  store::MergeRepository repo(storeOf(*src));
  MergeSource out;
  out.name = name;
  out.path = path;
  for (const auto& spec : importFileSpecs()) {
    // A member's trainings (tap_huan) are not carried by a merge yet, as before they were an import file (a
    // training recorded without its day has no row in that file).
    if (spec.kind == trainingFileSpec().kind) continue;
    // Nor are the cells' secretaries over time (bi_thu_chi_bo), read by the import since issue 14.
    if (spec.kind == secretaryFileSpec().kind) continue;
    ImportFile f;
    f.kind = spec.kind;
    f.source = name + ": " + spec.kind;
    std::vector<std::string> columns;
    for (const auto& c : spec.columns) {
      columns.emplace_back(c.field);
      f.headers[c.field] = c.header;
    }
    const std::string& table = tableOf(spec.kind);
    int n = 1;
    for (const auto& values : repo.rowsOf(table, columns)) {
      ImportRow row;
      row.row = ++n;
      for (const auto& v : values) row.append(v.value_or(std::string()));
      f.rows.push_back(std::move(row));
    }
    if (!f.rows.empty()) out.batch.files.push_back(std::move(f));
  }
  for (auto& e : repo.codedMemberEvents())
    out.events.push_back({std::move(e.memberCode), std::move(e.date), std::move(e.kind),
                          std::move(e.fromCell), std::move(e.toCell), std::move(e.place),
                          std::move(e.decisionNo), std::move(e.reason)});
  return out;
}

}  // namespace dangbo::services
