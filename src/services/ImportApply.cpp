#include <algorithm>
#include <functional>
#include <set>

#include "core/Date.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Import.h"
#include "services/Services.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/ImportRepository.h"
#include "store/SettingsRepository.h"

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
};

const std::map<std::string, std::string>& tableOf() {
  static const std::map<std::string, std::string> k = {
      {"to_chuc", "organizations"},  {"dang_vien", "members"},    {"quan_chung", "candidates"},
      {"xep_loai", "ratings"},       {"kiem_tra", "inspections"}, {"ky_luat", "disciplines"},
      {"cap_uy", "committee_seats"}, {"chi_tieu", "targets"}};
  return k;
}
}  // namespace

const std::vector<ImportFileSpec>& importFileSpecs() {
  static const std::vector<ImportFileSpec> k = {
      {"to_chuc", kOrganizations, {"code"}},
      {"dang_vien", kMembers, {"code"}},
      {"quan_chung", kCandidates, {"code"}},
      {"xep_loai", kRatings, {"year", "subject_type", "subject_id"}},
      {"kiem_tra", kInspections, {"number", "subject_type", "subject_id"}},
      {"ky_luat", kDisciplines, {"number", "subject_type", "subject_id"}},
      {"cap_uy", kSeats, {"term_id", "member_id"}},
      {"chi_tieu", kTargets, {"key", "from_year", "to_year"}},
  };
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

// ---------------------------------------------------------------------------------------------
namespace {

constexpr const char* kNewPrefix = "new:";  // a reference to a record created by this import

// Ethnic groups by name and other names.
class EthnicIndex {
 public:
  explicit EthnicIndex(const std::vector<store::EthnicGroupNames>& groups) {
    for (const auto& g : groups) {
      own_[core::fold(g.name)] = g.code;
      byCode_[g.code] = g.name;
      size_t start = 0;
      while (start <= g.otherNames.size()) {
        size_t end = g.otherNames.find(';', start);
        if (end == std::string::npos) end = g.otherNames.size();
        std::string piece = core::normalizeText(g.otherNames.substr(start, end - start));
        addOther(piece, g.code);
        // "Tày Khao (Thái Trắng)": both names count.
        size_t open = piece.find('('), close = piece.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open) {
          addOther(core::normalizeText(piece.substr(0, open)), g.code);
          addOther(core::normalizeText(piece.substr(open + 1, close - open - 1)), g.code);
        }
        start = end + 1;
      }
    }
  }
  // The group code, or a reason in `error`.
  std::optional<std::string> resolve(const std::string& text, std::string& error) const {
    std::string key = core::fold(text);
    if (auto it = own_.find(key); it != own_.end()) return it->second;
    if (auto it = other_.find(key); it != other_.end()) {
      if (it->second.size() == 1) return *it->second.begin();
      std::string names;
      for (const auto& code : it->second) names += (names.empty() ? "" : ", ") + byCode_.at(code);
      error =
          format(tr("\"{1}\" is another name of several ethnic groups ({2}): write the group's own name."),
                 {text, names});
      return std::nullopt;
    }
    if (byCode_.count(text)) return text;
    error = format(tr("\"{1}\" is not one of the 54 ethnic groups or their other names."), {text});
    return std::nullopt;
  }
  // The group's name for display.
  std::string name(const std::string& code) const {
    auto it = byCode_.find(code);
    return it == byCode_.end() ? code : it->second;
  }

 private:
  void addOther(const std::string& piece, const std::string& code) {
    if (!piece.empty()) other_[core::fold(piece)].insert(code);
  }
  std::map<std::string, std::string> own_, byCode_;
  std::map<std::string, std::set<std::string>> other_;
};

// What evaluating a row found.
struct Outcome {
  ImportAction action = ImportAction::Unchanged;
  std::string key;
  std::vector<ImportChange> changes;
  std::vector<std::string> problems;
  store::ImportValues values;   // storage values of the present, non-empty columns
  store::ImportValues updates;  // the columns that change
  std::optional<store::StoredRecord> stored;
  std::optional<bool> committee;  // to_chuc: Có chi ủy
  bool committeeChanges = false;
};

struct Context {
  Services& s;
  store::ImportRepository repo;
  EthnicIndex ethnic;
  core::Date today;
  bool applying = false;
  std::set<std::string> importOrgs, importMembers;  // codes defined by the import

  Context(Services& svc, bool apply)
      : s(svc),
        repo(svc.database()),
        ethnic(repo.ethnicGroups()),
        today(core::Date::today()),
        applying(apply) {}

  // The id (as text) of a referenced code, "new:CODE" when the import creates it, nullopt when unknown.
  std::optional<std::string> ref(const std::string& table, const std::string& code) {
    if (auto id = repo.idByCode(table, code)) return std::to_string(*id);
    const auto& pool = table == "organizations" ? importOrgs : importMembers;
    if (pool.count(code)) return std::string(kNewPrefix) + code;
    return std::nullopt;
  }
  // The id (as text) of a term, created when applying.
  std::string term(const std::string& name) {
    if (auto id = repo.termId(name)) return std::to_string(*id);
    if (!applying) return std::string(kNewPrefix) + name;
    core::Term t;
    t.name = name;
    t.fromYear = std::stoi(name.substr(0, 4));
    t.toYear = std::stoi(name.substr(5, 4));
    return std::to_string(repo.insertTerm(t));
  }
};

bool isNewRef(const std::optional<std::string>& v) {
  return v && v->rfind(kNewPrefix, 0) == 0;
}

const std::string& headerOf(const ImportFile& f, const ImportColumn& c, std::string& tmp) {
  auto it = f.headers.find(c.field);
  if (it != f.headers.end()) return it->second;
  tmp = c.header;
  return tmp;
}

// The table holding the code a reference column names.
std::string refTable(const std::string& kind, const std::string& field, const ImportRow& row) {
  if (field == "cell_id" || field == "merged_into") return "organizations";
  if (field == "sponsor1" || field == "sponsor2" || field == "member_id") return "members";
  if (field == "subject_id") {
    auto t = row.values.find("subject_type");
    if (t == row.values.end() || t->second.empty() || row.invalid.count("subject_type")) return {};
    return t->second == "to_chuc" ? "organizations" : "members";
  }
  (void)kind;
  return {};
}

// The text shown for a stored or new value of a column.
std::string display(Context& ctx, const std::string& field, const std::string& table,
                    const std::optional<std::string>& v) {
  if (!v) return {};
  if (isNewRef(v)) return v->substr(std::string(kNewPrefix).size());
  if (!table.empty()) {
    if (field == "term_id") return ctx.repo.termName(std::stoll(*v));
    return ctx.repo.codeById(table, std::stoll(*v));
  }
  if (field == "ethnicity") return ctx.ethnic.name(*v);
  return *v;
}

// The history event of a member status ("" for active).
std::string statusEventKind(const std::string& status) {
  if (status == "exempt") return "exempted";
  if (status == "transferred_out") return "transfer_out";
  if (status == "deceased" || status == "removed" || status == "expelled" || status == "left") return status;
  return {};
}

Outcome evaluate(Context& ctx, const ImportFileSpec& spec, const ImportFile& file, const ImportRow& row) {
  Outcome out;
  out.problems = row.problems;
  const std::string kind = spec.kind;
  const std::string& table = tableOf().at(kind);
  std::string tmp;
  auto problem = [&](const ImportColumn& c, const std::string& reason) {
    out.problems.push_back(importProblem(file.source, row.row, headerOf(file, c, tmp), reason));
  };

  // Storage values of the present, non-empty, readable columns.
  for (const auto& c : spec.columns) {
    auto it = row.values.find(c.field);
    if (it == row.values.end() || it->second.empty() || row.invalid.count(c.field)) continue;
    const std::string& v = it->second;
    const std::string field = c.field;
    if (field == "has_committee") {
      out.committee = v == "1";
    } else if (c.type == T::Ethnic) {
      std::string err;
      if (auto code = ctx.ethnic.resolve(v, err))
        out.values[field] = *code;
      else
        problem(c, err);
    } else if (c.type == T::TermName) {
      out.values[field] = ctx.term(v);
    } else if (c.type == T::Code && field != "code") {
      std::string t = refTable(kind, field, row);
      if (t.empty()) continue;  // subject type missing or unreadable: reported elsewhere
      if (auto id = ctx.ref(t, v))
        out.values[field] = *id;
      else if (t == "organizations")
        problem(c, format(tr("no organization has the code \"{1}\" in the import or the register."), {v}));
      else
        problem(c, format(tr("no member has the code \"{1}\" in the import or the register."), {v}));
    } else {
      out.values[field] = v;
    }
  }

  // The key.
  store::ImportValues key;
  bool keyComplete = true, keyNew = false;
  for (const auto& f : spec.keyFields) {
    const ImportColumn& c = *importColumn(spec, f);
    auto raw = row.values.find(f);
    std::string text = raw == row.values.end() ? std::string() : raw->second;
    out.key += (out.key.empty() ? "" : " / ") + text;
    auto v = out.values.find(f);
    if (v == out.values.end()) {
      keyComplete = false;
      if (text.empty() && !row.invalid.count(f)) problem(c, tr("a value is required."));
      continue;
    }
    keyNew = keyNew || isNewRef(v->second);
    key[f] = v->second;
  }
  if (!keyComplete) {
    out.action = ImportAction::Error;
    return out;
  }

  std::vector<std::string> columns;
  for (const auto& c : spec.columns)
    if (std::string(c.field) != "has_committee") columns.push_back(c.field);
  if (!keyNew) out.stored = ctx.repo.find(table, key, columns);

  auto has = [&](const char* f) { return out.values.count(f) > 0; };
  auto rowText = [&](const char* f) {
    auto it = row.values.find(f);
    return it == row.values.end() ? std::string() : it->second;
  };
  if (!out.stored) {
    for (const auto& c : spec.columns)
      if (c.requiredForNew && file.headers.count(c.field) && !has(c.field) && !row.invalid.count(c.field) &&
          rowText(c.field).empty() &&
          std::find(spec.keyFields.begin(), spec.keyFields.end(), c.field) == spec.keyFields.end()) {
        std::string t =
            c.type == T::Code && std::string(c.field) != "code" ? refTable(kind, c.field, row) : "x";
        if (!t.empty()) problem(c, tr("a value is required for a new record."));
      }
  }
  // Member status: a status other than active needs the day it began when it is new or changes.
  if (kind == "dang_vien" && has("status") && *out.values["status"] != "active" && !has("status_since") &&
      !row.invalid.count("status_since")) {
    bool changes = !out.stored || out.stored->values["status"] != out.values["status"];
    if (changes)
      problem(*importColumn(spec, "status_since"), tr("required for every status but \"Đang sinh hoạt\"."));
  }
  if (kind == "chi_tieu" && has("from_year") && has("to_year") &&
      std::stoi(*out.values["to_year"]) < std::stoi(*out.values["from_year"]))
    problem(*importColumn(spec, "to_year"), tr("the last year is before the first year."));

  // Changes against the stored record.
  if (out.stored) {
    for (const auto& [field, v] : out.values) {
      if (key.count(field)) continue;
      const auto& old = out.stored->values[field];
      if (old == v) continue;
      out.updates[field] = v;
      const ImportColumn& c = *importColumn(spec, field);
      std::string t = c.type == T::Code || c.type == T::TermName ? refTable(kind, field, row) : std::string();
      out.changes.push_back({headerOf(file, c, tmp), display(ctx, field, t, old), display(ctx, field, t, v)});
    }
    if (out.committee && *out.committee != ctx.repo.hasOpenCellCommittee(out.stored->rowid)) {
      out.committeeChanges = true;
      out.changes.push_back({headerOf(file, *importColumn(spec, "has_committee"), tmp),
                             *out.committee ? tr("No") : tr("Yes"), *out.committee ? tr("Yes") : tr("No")});
    }
  }

  if (!out.problems.empty())
    out.action = ImportAction::Error;
  else if (!out.stored)
    out.action = ImportAction::New;
  else if (!out.changes.empty())
    out.action = ImportAction::Update;
  else
    out.action = ImportAction::Unchanged;
  return out;
}

std::optional<core::Date> dateOf(const store::ImportValues& v, const char* field) {
  auto it = v.find(field);
  if (it == v.end() || !it->second) return std::nullopt;
  return core::Date::parse(*it->second);
}
std::optional<core::Id> idOf(const store::ImportValues& v, const char* field) {
  auto it = v.find(field);
  if (it == v.end() || !it->second || isNewRef(it->second)) return std::nullopt;
  return std::stoll(*it->second);
}

// Writes one evaluated row (applying).
void write(Context& ctx, const ImportFileSpec& spec, Outcome& o) {
  const std::string kind = spec.kind;
  const std::string& table = tableOf().at(kind);
  auto& repo = ctx.repo;
  if (o.action == ImportAction::New) {
    store::ImportValues values = o.values;
    if (kind == "xep_loai" && *values["subject_type"] == "dang_vien")
      if (core::Id cell = repo.memberCell(*idOf(values, "subject_id")))
        values["cell_id"] = std::to_string(cell);
    core::Id id = repo.insert(table, values);
    if (kind == "to_chuc" && o.committee.value_or(false))
      repo.openCellCommittee(id, dateOf(values, "founded"));
    if (kind == "dang_vien") {
      auto cell = idOf(values, "cell_id");
      core::MemberEvent e;
      e.memberId = id;
      e.toCell = cell;
      if (auto in = dateOf(values, "transferred_in_on")) {
        e.date = *in;
        e.kind = "transfer_in";
        repo.insertMemberEvent(e);
      } else if (auto adm = dateOf(values, "admitted_on")) {
        e.date = *adm;
        e.kind = "admitted";
        repo.insertMemberEvent(e);
      }
      if (auto off = dateOf(values, "official_on")) {
        e.date = *off;
        e.kind = "recognized";
        e.toCell.reset();
        repo.insertMemberEvent(e);
      }
      std::string status = values.count("status") ? *values["status"] : "active";
      if (std::string k = statusEventKind(status); !k.empty()) {
        core::MemberEvent s;
        s.memberId = id;
        s.date = dateOf(values, "status_since").value_or(ctx.today);
        s.kind = k;
        s.fromCell = cell;
        repo.insertMemberEvent(s);
      }
    }
    return;
  }
  if (o.action != ImportAction::Update) return;
  core::Id id = o.stored->rowid;
  repo.update(table, id, o.updates);
  if (kind == "to_chuc" && o.committeeChanges) {
    if (*o.committee) {
      auto founded = dateOf(o.values, "founded");
      if (!founded) founded = dateOf(o.stored->values, "founded");
      repo.openCellCommittee(id, founded);
    } else {
      repo.closeCellCommittee(id, ctx.today);
    }
  }
  if (kind == "dang_vien") {
    auto& u = o.updates;
    auto oldCell = idOf(o.stored->values, "cell_id");
    if (u.count("cell_id")) {
      core::MemberEvent e;
      e.memberId = id;
      e.date = ctx.today;
      e.kind = "moved";
      e.fromCell = oldCell;
      e.toCell = idOf(u, "cell_id");
      repo.insertMemberEvent(e);
    }
    if (u.count("official_on") && !o.stored->values["official_on"]) {
      core::MemberEvent e;
      e.memberId = id;
      e.date = *dateOf(u, "official_on");
      e.kind = "recognized";
      repo.insertMemberEvent(e);
    }
    if (u.count("status")) {
      const std::string status = *u["status"];
      const std::string before = o.stored->values["status"].value_or("active");
      std::string k = statusEventKind(status);
      if (k.empty() && status == "active" && before == "exempt") k = "exemption_ended";
      if (!k.empty()) {
        core::MemberEvent e;
        e.memberId = id;
        e.date = dateOf(o.values, "status_since").value_or(ctx.today);
        e.kind = k;
        e.fromCell = idOf(o.values, "cell_id") ? idOf(o.values, "cell_id") : oldCell;
        repo.insertMemberEvent(e);
      }
    }
  }
}

// Members of the import resembling stored members or each other.
void findDuplicates(Context& ctx, const ImportFile& file, const std::vector<PlannedRow>& planned,
                    std::vector<LikelyDuplicate>& out) {
  struct Ident {
    std::string code, name, birth, cccd, card;
    int row = 0;
    bool isNew = false;
  };
  auto value = [](const ImportRow& r, const char* f) {
    auto it = r.values.find(f);
    return it == r.values.end() || r.invalid.count(f) ? std::string() : it->second;
  };
  std::vector<Ident> rows;
  for (size_t i = 0; i < file.rows.size(); ++i) {
    const ImportRow& r = file.rows[i];
    rows.push_back({value(r, "code"), core::fold(value(r, "full_name")), value(r, "birth_date"),
                    value(r, "cccd"), value(r, "card_no"), r.row, planned[i].action == ImportAction::New});
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto compare = [&](const Ident& a, const std::string& code, const std::string& name,
                     const std::string& birth, const std::string& cccd, const std::string& card,
                     bool inImport) {
    if (code == a.code) return;
    auto add = [&](const std::string& reason) {
      if (seen.insert({a.code, code, reason}).second)
        out.push_back({file.source, a.row, a.code, code, inImport, reason});
    };
    if (!a.cccd.empty() && a.cccd == cccd) add(format(tr("same CCCD number {1}"), {cccd}));
    if (!a.card.empty() && a.card == card) add(format(tr("same party card number {1}"), {card}));
    if (!a.name.empty() && !a.birth.empty() && a.name == name && a.birth == birth)
      add(format(tr("same name and birth date ({1})"), {core::PartialDate::parse(birth)->vn()}));
  };
  auto stored = ctx.repo.memberIdentities();
  for (size_t i = 0; i < rows.size(); ++i) {
    const Ident& a = rows[i];
    if (!a.isNew) continue;
    for (size_t j = 0; j < rows.size(); ++j)
      if (j != i && (j < i || !rows[j].isNew))
        compare(a, rows[j].code, rows[j].name, rows[j].birth, rows[j].cccd, rows[j].card, true);
    for (const auto& m : stored) compare(a, m.code, m.searchKey, m.birthDate, m.cccd, m.cardNo, false);
  }
}

const ImportFile* fileOf(const ImportBatch& batch, const std::string& kind) {
  for (const auto& f : batch.files)
    if (f.kind == kind) return &f;
  return nullptr;
}

ImportPlan plan(Context& ctx, const ImportBatch& batch) {
  ImportPlan p;
  p.notices = batch.notices;
  if (const ImportFile* f = fileOf(batch, "to_chuc"))
    for (const auto& r : f->rows)
      if (auto it = r.values.find("code"); it != r.values.end() && !it->second.empty())
        ctx.importOrgs.insert(it->second);
  if (const ImportFile* f = fileOf(batch, "dang_vien"))
    for (const auto& r : f->rows)
      if (auto it = r.values.find("code"); it != r.values.end() && !it->second.empty())
        ctx.importMembers.insert(it->second);

  for (const auto& spec : importFileSpecs()) {
    const ImportFile* file = fileOf(batch, spec.kind);
    if (!file) continue;
    PlannedFile pf{file->kind, file->source, {}, 0, 0, 0, 0};
    for (const auto& m : file->problems) p.problems.push_back(m);
    std::map<std::string, int> keys;  // key -> first row
    for (const auto& row : file->rows) {
      Outcome o = evaluate(ctx, spec, *file, row);
      bool keyed = o.action != ImportAction::Error ||
                   std::all_of(spec.keyFields.begin(), spec.keyFields.end(),
                               [&](const std::string& f) { return o.values.count(f) > 0; });
      if (keyed) {
        auto [it, fresh] = keys.emplace(o.key, row.row);
        if (!fresh) {
          std::string tmp;
          const ImportColumn& c = *importColumn(spec, spec.keyFields.front());
          o.problems.push_back(importProblem(
              file->source, row.row, headerOf(*file, c, tmp),
              format(tr("the key {1} already appears at row {2}."), {o.key, std::to_string(it->second)})));
          o.action = ImportAction::Error;
        }
      }
      for (const auto& m : o.problems) p.problems.push_back(m);
      switch (o.action) {
        case ImportAction::New:
          ++pf.added;
          break;
        case ImportAction::Update:
          ++pf.updated;
          break;
        case ImportAction::Unchanged:
          ++pf.unchanged;
          break;
        case ImportAction::Error:
          ++pf.errors;
          break;
      }
      pf.rows.push_back({row.row, o.key, o.action, std::move(o.changes), std::move(o.problems)});
    }
    if (file->kind == "dang_vien") findDuplicates(ctx, *file, pf.rows, p.duplicates);
    p.files.push_back(std::move(pf));
  }
  return p;
}

}  // namespace

ImportPlan planImport(Services& s, const Actor& actor, const ImportBatch& batch) {
  require(actor, Permission::WriteRegister);
  Context ctx(s, false);
  return plan(ctx, batch);
}

ImportResult applyImport(Services& s, const Actor& actor, const ImportBatch& batch) {
  require(actor, Permission::WriteRegister);
  ImportResult result;
  {
    Context ctx(s, false);
    result.plan = plan(ctx, batch);
  }
  if (!result.plan.ok()) {
    std::string text;
    for (const auto& m : result.plan.problems) text += (text.empty() ? "" : "\n") + m;
    throw core::DataError(text);
  }
  for (const auto& f : result.plan.files) {
    result.added += f.added;
    result.updated += f.updated;
    result.unchanged += f.unchanged;
  }
  if (!result.plan.changesAnything()) return result;

  store::Database& db = s.database();
  db.transaction([&] {
    db.deferForeignKeys();
    Context ctx(s, true);  // every reference resolves in the database by the time its row is written
    for (const auto& spec : importFileSpecs()) {
      const ImportFile* file = fileOf(batch, spec.kind);
      if (!file) continue;
      if (file->kind == "to_chuc") {
        // First every organization without its merge target (which may come later in the file).
        for (const auto& row : file->rows) {
          ImportRow first = row;
          first.values.erase("merged_into");
          Outcome o = evaluate(ctx, spec, *file, first);
          write(ctx, spec, o);
        }
      }
      for (const auto& row : file->rows) {
        Outcome o = evaluate(ctx, spec, *file, row);
        if (o.action == ImportAction::Error)
          throw core::DataError(o.problems.empty() ? std::string(tr("The import could not be applied."))
                                                   : o.problems.front());
        write(ctx, spec, o);
      }
    }
    store::AuditRepository audit(db);
    for (const auto& f : result.plan.files)
      audit.append(actor.username, "import", f.source, "",
                   format(tr("{1} new, {2} updated, {3} unchanged"),
                          {std::to_string(f.added), std::to_string(f.updated), std::to_string(f.unchanged)}),
                   "");
    store::SettingsRepository(db).bumpRevision();
  });
  result.written = true;
  return result;
}

}  // namespace dangbo::services
