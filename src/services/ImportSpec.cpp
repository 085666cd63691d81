// The template files of spec/import.md and the small helpers around them.
#include <map>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Import.h"
#include "services/ImportCellWork.h"
#include "services/ImportSecretaries.h"
#include "services/ImportTraining.h"

namespace dangbo::services {

using core::format;
using core::tr;
namespace en = core::enums;
using T = ImportType;

// ---------------------------------------------------------------------------------------------
// The template files of spec/import.md.
namespace {
const ImportColumn kOrganizations[] = {
    {"code", "Mã", T::Code, false, true},
    {"name", "Tên", T::Text, false, true},
    {"kind", "Loại", T::Enum, false, true, &en::orgKind},
    {"category", "Khối", T::Enum, false, true, &en::orgCategory},
    {"founded", "Ngày thành lập", T::Date, true},
    {"ceased", "Ngày giải thể", T::Date, true},
    {"merged_into", "Sáp nhập vào", T::Code, true},
    {"has_committee", "Có chi ủy", T::YesNo},
    {"origin", "Đơn vị cũ", T::Text, true},
};
const ImportColumn kMembers[] = {
    {"code", "Mã", T::Code, false, true},
    {"full_name", "Họ và tên", T::Text, false, true},
    {"birth_date", "Ngày sinh", T::BirthDate},
    {"gender", "Giới tính", T::Enum, false, true, &en::gender},
    {"ethnicity", "Dân tộc", T::Ethnic},
    {"religion", "Tôn giáo", T::Text},
    {"hometown", "Quê quán", T::Text},
    {"residence", "Nơi ở hiện nay", T::Text},
    {"cccd", "Số CCCD", T::Cccd, true},
    {"education", "Học vấn", T::Text},
    {"qualification", "Chuyên môn", T::Enum, false, false, &en::qualification},
    {"theory", "Lý luận chính trị", T::Enum, false, false, &en::theory},
    {"occupation", "Nghề nghiệp, chức vụ", T::Text},
    {"cell_id", "Mã chi bộ", T::Code, false, true},
    {"admitted_on", "Ngày vào Đảng", T::Date, false, true},
    {"official_on", "Ngày chính thức", T::Date},
    {"card_no", "Số thẻ", T::Text, true},
    {"file_no", "Số lý lịch", T::Text, true},
    {"transferred_in_on", "Ngày chuyển đến", T::Date, true},
    {"status", "Tình trạng", T::Enum, false, false, &en::memberStatus},
    {"status_since", "Ngày thay đổi tình trạng", T::Date},
};
const ImportColumn kCandidates[] = {
    {"code", "Mã", T::Code, false, true},
    {"full_name", "Họ và tên", T::Text, false, true},
    {"birth_date", "Ngày sinh", T::BirthDate},
    {"gender", "Giới tính", T::Enum, false, true, &en::gender},
    {"ethnicity", "Dân tộc", T::Ethnic},
    {"cell_id", "Mã chi bộ", T::Code, false, true},
    {"listed_on", "Ngày vào danh sách", T::Date, false, true},
    {"certificate_on", "Ngày cấp giấy chứng nhận", T::Date, true},
    {"sponsor1", "Người giới thiệu 1", T::Code, true},
    {"sponsor2", "Người giới thiệu 2", T::Code, true},
    {"cell_vote_on", "Ngày chi bộ xét", T::Date, true},
    {"cell_vote_in_favour", "Số tán thành", T::Count, true},
    {"decision_on", "Ngày quyết định", T::Date, true},
    {"ceremony_on", "Ngày lễ kết nạp", T::Date, true},
};
const ImportColumn kRatings[] = {
    {"year", "Năm", T::Year, false, true},
    {"subject_type", "Đối tượng", T::Enum, false, true, &en::subjectType},
    {"subject_id", "Mã", T::Code, false, true},
    {"level", "Xếp loại", T::Enum, false, true, &en::ratingLevel},
};
const ImportColumn kInspections[] = {
    {"number", "Số", T::Text, false, true},
    {"date", "Ngày", T::Date, false, true},
    {"subject_type", "Đối tượng", T::Enum, false, true, &en::subjectType},
    {"subject_id", "Mã", T::Code, false, true},
    {"kind", "Loại", T::Enum, false, true, &en::inspectionKind},
    {"conclusion", "Kết luận", T::Text, true},
};
const ImportColumn kDisciplines[] = {
    {"number", "Số quyết định", T::Text, false, true},
    {"date", "Ngày quyết định", T::Date, false, true},
    {"subject_type", "Đối tượng", T::Enum, false, true, &en::subjectType},
    {"subject_id", "Mã", T::Code, false, true},
    {"form", "Hình thức", T::Enum, false, true, &en::disciplineForm},
    {"body", "Cấp quyết định", T::Text},
    {"violation", "Nội dung vi phạm", T::Text},
    {"violation_on", "Ngày vi phạm", T::Date, true},
};
const ImportColumn kSeats[] = {
    {"term_id", "Nhiệm kỳ", T::TermName, false, true},
    {"member_id", "Mã đảng viên", T::Code, false, true},
    {"position", "Chức vụ", T::Enum, false, true, &en::committeePosition},
};
const ImportColumn kTargets[] = {
    {"key", "Chỉ tiêu", T::Enum, false, true, &en::targetKey},
    {"from_year", "Từ năm", T::Year, false, true},
    {"to_year", "Đến năm", T::Year, false, true},
    {"value", "Giá trị", T::Number, false, true},
    {"origin", "Đơn vị cũ", T::Text, true},
};
}  // namespace

const std::vector<ImportFileSpec>& importFileSpecs() {
  static const std::vector<ImportFileSpec> k = [] {
    std::vector<ImportFileSpec> v = {
        {"to_chuc", kOrganizations, {"code"}},
        {"dang_vien", kMembers, {"code"}},
        {"quan_chung", kCandidates, {"code"}},
        {"xep_loai", kRatings, {"year", "subject_type", "subject_id"}},
        {"kiem_tra", kInspections, {"number", "subject_type", "subject_id"}},
        {"ky_luat", kDisciplines, {"number", "subject_type", "subject_id"}},
        {"cap_uy", kSeats, {"term_id", "member_id"}},
        {"chi_tieu", kTargets, {"key", "from_year", "to_year", "origin"}},
    };
    // Version 2: the cells' monthly work (services/ImportCellWork), after the members it refers to.
    for (const auto& c : cellWorkFileSpecs()) v.push_back(c);
    // The trainings of members (services/ImportTraining), after the members.
    v.push_back(trainingFileSpec());
    // The cells' secretaries over time (services/ImportSecretaries), after the organizations and members.
    v.push_back(secretaryFileSpec());
    return v;
  }();
  return k;
}

const ImportFileSpec* importFileSpec(std::string_view kind) {
  for (const auto& s : importFileSpecs())
    if (kind == s.kind) return &s;
  return nullptr;
}

const ImportColumn* importColumn(const ImportFileSpec& spec, std::string_view field) {
  for (const auto& c : spec.columns)
    if (field == c.field) return &c;
  return nullptr;
}

int importColumnIndex(const ImportFileSpec& spec, std::string_view field) {
  for (size_t i = 0; i < spec.columns.size(); ++i)
    if (field == spec.columns[i].field) return int(i);
  return -1;
}

std::string_view ImportRow::value(const ImportFileSpec& spec, std::string_view field) const {
  const int i = importColumnIndex(spec, field);
  return i < 0 ? std::string_view() : value(size_t(i));
}

std::string importProblem(const std::string& source, int row, const std::string& column,
                          const std::string& reason) {
  return format(tr("{1}, row {2}, column \"{3}\": {4}"), {source, std::to_string(row), column, reason});
}

std::string importActionLabel(ImportAction a) {
  switch (a) {
    case ImportAction::New:
      return tr("new");
    case ImportAction::Update:
      return tr("update");
    case ImportAction::Unchanged:
      return tr("unchanged");
    case ImportAction::Error:
      return tr("error");
  }
  return {};
}

bool ImportPlan::changesAnything() const {
  for (const auto& f : files)
    if (f.added || f.updated) return true;
  return false;
}

void addPlannedRow(PlannedFile& pf, PlannedRow pr, bool isNew, std::vector<std::string>& problems) {
  if (!pr.problems.empty()) {
    pr.action = ImportAction::Error;
    ++pf.errors;
  } else if (isNew) {
    pr.action = ImportAction::New;
    ++pf.added;
  } else if (!pr.changes.empty()) {
    pr.action = ImportAction::Update;
    ++pf.updated;
  } else {
    pr.action = ImportAction::Unchanged;
    ++pf.unchanged;
  }
  for (const auto& m : pr.problems) problems.push_back(m);
  pf.rows.push_back(std::move(pr));
}

void planDoorFile(const ImportFile& file, const ImportFileSpec& spec, bool dryRun, PlannedFile& pf,
                  std::vector<std::string>& problems,
                  const std::function<bool(const ImportRow&, PlannedRow&, const ImportProblemAt&)>& row) {
  auto header = [&](const std::string& field) {
    auto it = file.headers.find(field);
    return it != file.headers.end() ? it->second : std::string(importColumn(spec, field)->header);
  };
  std::map<std::string, int> keys;  // key -> first row
  for (const auto& r : file.rows) {
    PlannedRow pr;
    pr.row = r.row;
    for (const auto& f : spec.keyFields)
      pr.key += (pr.key.empty() ? "" : " / ") + std::string(r.value(spec, f));
    for (const auto& m : r.problems) pr.problems.push_back(m);
    const ImportProblemAt problem = [&](const std::string& field, const std::string& reason) {
      pr.problems.push_back(importProblem(file.source, r.row, header(field), reason));
    };
    if (pr.problems.empty())
      if (auto [it, fresh] = keys.emplace(pr.key, r.row); !fresh)
        problem(std::string(spec.keyFields.back()),
                format(tr("the key {1} already appears at row {2}."), {pr.key, std::to_string(it->second)}));
    const bool isNew = pr.problems.empty() ? row(r, pr, problem) : true;
    if (!pr.problems.empty() && !dryRun) throw core::DataError(pr.problems.front());
    addPlannedRow(pf, std::move(pr), isNew, problems);
  }
}

}  // namespace dangbo::services
