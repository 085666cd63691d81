#include "services/ImportCellWork.h"

#include <map>
#include <stdexcept>
#include <tuple>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/CellWork.h"

namespace dangbo::services {

using core::format;
using core::tr;
namespace en = core::enums;
using T = ImportType;

namespace {
const ImportColumn kMeetings[] = {
    {"cell", "Mã chi bộ", T::Code, false, true},
    {"held_on", "Ngày", T::Date, false, true},
    {"kind", "Loại", T::Enum, false, true, &en::meetingKind},
    {"topic", "Nội dung", T::Text, true},
    {"starts_at", "Bắt đầu", T::Text, true},
    {"ends_at", "Kết thúc", T::Text, true},
    {"chair", "Chủ trì", T::Code, true},
    {"grade", "Xếp loại", T::Enum, true, false, &en::meetingGrade},
};
const ImportColumn kAttendance[] = {
    {"cell", "Mã chi bộ", T::Code, false, true},
    {"held_on", "Ngày", T::Date, false, true},
    {"kind", "Loại", T::Enum, true, false, &en::meetingKind},
    {"member", "Mã đảng viên", T::Code, false, true},
    {"status", "Tình trạng", T::Enum, false, true, &en::attendanceStatus},
    {"reason", "Lý do", T::Text, true},
};
const ImportColumn kLeaves[] = {
    {"member", "Mã đảng viên", T::Code, false, true},
    {"from_on", "Từ ngày", T::Date, false, true},
    {"to_on", "Đến ngày", T::Date, false, true},
    {"reason", "Lý do", T::Text, true},
    {"decision", "Căn cứ", T::Text, true},
};
const ImportColumn kBases[] = {
    {"member", "Mã đảng viên", T::Code, false, true},
    {"from_month", "Từ tháng", T::Text, false, true},
    {"category", "Đối tượng", T::Enum, false, true, &en::duesCategory},
    {"base", "Thu nhập tính đảng phí", T::Text, true},
    {"relief", "Miễn, giảm", T::Enum, true, false, &en::duesRelief},
    {"decision", "Căn cứ", T::Text, true},
};
const ImportColumn kPayments[] = {
    {"member", "Mã đảng viên", T::Code, false, true},
    {"month", "Tháng", T::Text, false, true},
    {"amount", "Số tiền", T::Text, false, true},
    {"paid_on", "Ngày nộp", T::Date, false, true},
    {"channel", "Hình thức", T::Enum, false, true, &en::duesChannel},
    {"receipt", "Số biên lai", T::Text, true},
};

}  // namespace

const std::vector<ImportFileSpec>& cellWorkFileSpecs() {
  static const std::vector<ImportFileSpec> k = {
      {"sinh_hoat", kMeetings, {"cell", "held_on", "kind"}},
      {"diem_danh", kAttendance, {"cell", "held_on", "kind", "member"}},
      {"tam_mien", kLeaves, {"member", "from_on"}},
      {"muc_dang_phi", kBases, {"member", "from_month"}},
      {"dang_phi", kPayments, {"member", "month"}},
  };
  return k;
}

bool isCellWorkImport(std::string_view kind) {
  for (const auto& s : cellWorkFileSpecs())
    if (kind == s.kind) return true;
  return false;
}

void importCellWorkFile(CellWorkDoor& door, const ImportFileSpec& spec, const ImportFile& file, bool dryRun,
                        const std::function<bool(std::string_view)>& definedByImport, PlannedFile& pf,
                        std::vector<std::string>& problems) {
  const std::string kind = spec.kind;
  auto header = [&](const char* field) {
    auto it = file.headers.find(field);
    if (it != file.headers.end()) return it->second;
    const ImportColumn* c = importColumn(spec, field);
    return std::string(c ? c->header : field);
  };
  if (kind == "diem_danh" && !dryRun) {
    // One write (and one audit row) per meeting, as the window records it.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<AttendanceInput>> byMeeting;
    for (const auto& row : file.rows) {
      auto v = [&](const char* field) { return std::string(row.value(spec, field)); };
      std::string kind = v("kind");
      if (kind.empty())  // the cell's only meeting that day: join the rows that name its kind
        for (const auto& [k, list] : byMeeting)
          if (std::get<0>(k) == v("cell") && std::get<1>(k) == v("held_on") && !std::get<2>(k).empty())
            kind = std::get<2>(k);
      byMeeting[{v("cell"), v("held_on"), kind}].push_back({v("member"), v("status"), v("reason")});
    }
    for (const auto& [k, rows] : byMeeting) {
      auto o = door.saveAttendance(std::get<0>(k), *core::Date::parse(std::get<1>(k)), std::get<2>(k), rows,
                                   false);
      if (o.changed())
        ++pf.updated;
      else
        pf.unchanged += int(rows.size());
    }
    return;
  }
  std::map<std::string, int> keys;  // key -> first row
  for (const auto& row : file.rows) {
    auto v = [&](const char* field) { return std::string(row.value(spec, field)); };
    PlannedRow pr;
    pr.row = row.row;
    for (const auto& m : row.problems) pr.problems.push_back(m);
    auto problem = [&](const char* field, const std::string& reason) {
      pr.problems.push_back(importProblem(file.source, row.row, header(field), reason));
    };
    // The key, and a key seen before (a month paid twice: an error at the later row).
    std::string key;
    for (const auto& f : spec.keyFields) key.append(key.empty() ? "" : " / ").append(v(f.c_str()));
    pr.key = key;
    if (pr.problems.empty()) {
      auto [it, fresh] = keys.emplace(key, row.row);
      if (!fresh)
        problem(spec.keyFields.back().c_str(),
                format(tr("the key {1} already appears at row {2}."), {key, std::to_string(it->second)}));
    }
    auto month = [&](const char* field) -> std::optional<core::YearMonth> {
      auto m = core::YearMonth::parse(v(field));
      if (!m) problem(field, format(tr("\"{1}\" is not a month mm/yyyy."), {v(field)}));
      return m;
    };
    auto amount = [&](const char* field, bool optional) -> std::optional<int64_t> {
      if (optional && v(field).empty()) return std::nullopt;
      auto a = amountVnd(v(field));
      if (!a) problem(field, format(tr("\"{1}\" is not a whole number of đồng."), {v(field)}));
      return a;
    };
    auto date = [&](const char* field) { return *core::Date::parse(v(field)); };
    DoorOutcome o;
    bool refused = !pr.problems.empty();
    try {
      if (!refused && kind == "sinh_hoat") {
        MeetingInput in;
        in.cellCode = v("cell");
        in.heldOn = date("held_on");
        in.kind = v("kind");
        in.topic = v("topic");
        in.startsAt = v("starts_at");
        in.endsAt = v("ends_at");
        in.chairCode = v("chair");
        in.grade = v("grade");
        in.withAttendance = false;
        o = door.saveMeeting(in, dryRun);
      } else if (!refused && kind == "diem_danh") {
        o = door.saveAttendance(v("cell"), date("held_on"), v("kind"),
                                {{v("member"), v("status"), v("reason")}}, dryRun);
      } else if (!refused && kind == "tam_mien") {
        o = door.saveLeave({v("member"), date("from_on"), date("to_on"), v("reason"), v("decision")}, dryRun);
      } else if (!refused && kind == "muc_dang_phi") {
        auto from = month("from_month");
        auto base = amount("base", true);
        if (pr.problems.empty())
          o = door.saveBasis({v("member"), {*from, v("category"), base, v("relief"), v("decision")}}, dryRun);
      } else if (!refused && kind == "dang_phi") {
        auto m = month("month");
        auto a = amount("amount", false);
        if (pr.problems.empty())
          o = door.savePayment({v("member"), *m, *a, date("paid_on"), v("channel"), v("receipt")}, dryRun);
      }
    } catch (const std::runtime_error& e) {
      // A member or cell that the same import adds is checked when the row is written.
      if (dryRun && (definedByImport(v("member")) || definedByImport(v("cell")))) {
        o.isNew = true;
      } else {
        if (!dryRun)
          throw core::DataError(
              importProblem(file.source, row.row, header(spec.keyFields.front().c_str()), e.what()));
        problem(spec.keyFields.front().c_str(), e.what());
      }
    }
    if (pr.problems.empty() && !o.isNew)
      for (const auto& c : o.changes) pr.changes.push_back({c.field, c.oldValue, c.newValue, c.field});
    addPlannedRow(pf, std::move(pr), o.isNew, problems);
  }
}

}  // namespace dangbo::services
