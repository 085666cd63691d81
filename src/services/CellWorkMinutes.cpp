// The minutes sheet of a cell meeting (biên bản sinh hoạt chi bộ), pre-filled from the register: the cell,
// the day, kind and times, the chair and minute-taker, and the attendance list of the cell's members that day
// (with what was recorded, or blank boxes to tick before the meeting is recorded). Its wording and the blanks
// to write in are the template's (reports/meeting-minutes.txt).
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "services/CellWork.h"
#include "services/ReportModel.h"
#include "services/Services.h"

namespace dangbo::services {

using core::format;
using core::tr;

namespace {
// KEY "CELL/DAY[/KIND]".
struct MinutesKey {
  std::string cell, kind;
  core::Date day;
};
MinutesKey minutesKey(const std::string& key) {
  MinutesKey k;
  const auto a = key.find('/');
  const auto b = a == std::string::npos ? a : key.find('/', a + 1);
  std::optional<core::Date> day;
  if (a != std::string::npos && a > 0) {
    k.cell = key.substr(0, a);
    day = core::Date::parse(key.substr(a + 1, b == std::string::npos ? b : b - a - 1));
    if (b != std::string::npos) k.kind = key.substr(b + 1);
  }
  if (!day || k.cell.empty() || (b != std::string::npos && k.kind.empty()))
    throw core::DataError(
        format(tr("\"{1}\" is not a meeting: write CELL/DAY, such as CB07/2026-11-24."), {key}));
  if (!k.kind.empty() && !core::enums::meetingKind.contains(k.kind))
    throw core::DataError(format(tr("\"{1}\" is not a kind of meeting."), {k.kind}));
  k.day = *day;
  return k;
}

std::string nameOf(const std::vector<CellMemberOnDay>& members, const std::string& code) {
  for (const auto& m : members)
    if (m.code == code) return m.fullName;
  return code;
}
}  // namespace

ReportModel meetingMinutesReport(Services& s, const Actor& actor, const std::string& key) {
  const MinutesKey k = minutesKey(key);
  // Scope: a secretary only their own cell (both calls refuse another).
  const auto members = cellMembersOn(s, actor, k.cell, k.day);
  std::optional<MeetingView> held;
  for (auto& v : meetingsBetween(s, actor, k.day, k.day, k.cell))
    if (k.kind.empty() ? v.kind == "thuong_ky" || !held : v.kind == k.kind) held = std::move(v);
  std::string cellName = k.cell;
  for (const auto& o : s.organizations(actor))
    if (core::fold(o.code) == core::fold(k.cell)) cellName = o.name;

  ReportModel r;
  r.name = "meeting-minutes";
  r.title = tr("Minutes of the cell meeting");
  r.committee = s.committee().name;
  r.from = r.to = r.asOf = k.day;

  ReportSection head;
  ReportTable h;
  h.key = "meeting";
  h.columns = {tr("Item"), tr("Value")};
  h.sums = false;
  auto item = [&](const char* rowKey, const char* label, std::string value) {
    h.rows.push_back({rowKey, {Figure::label(tr(label)), Figure::label(std::move(value))}, RowRole::Body});
  };
  const std::string kind = held ? held->kind : (k.kind.empty() ? "thuong_ky" : k.kind);
  item("cell", core::N_("Party cell"), cellName);
  item("kind", core::N_("Kind of meeting"), core::enums::meetingKind.label(kind));
  std::string when = k.day.vn();
  if (held && !held->startsAt.empty())
    when +=
        ", " + format(tr("from {1} to {2}"), {held->startsAt, held->endsAt.empty() ? "..." : held->endsAt});
  item("when", core::N_("Time"), when);
  // Where: as recorded, else a line the secretary fills in.
  item("place", core::N_("Meeting place"), held && !held->place.empty() ? held->place : std::string(40, '.'));
  item("chair", core::N_("Chair"), held && !held->chairCode.empty() ? nameOf(members, held->chairCode) : "");
  item("minutes_by", core::N_("Minute-taker"),
       held && !held->minutesByCode.empty() ? nameOf(members, held->minutesByCode) : "");
  item("topic", core::N_("Topic"), held ? held->topic : "");
  item("grade", core::N_("Grade"),
       held && !held->grade.empty() ? core::enums::meetingGrade.label(held->grade) : std::string());
  int exempt = 0, onLeave = 0;
  for (const auto& m : members) {
    if (m.exempt) ++exempt;
    if (m.onLeave && !m.exempt) ++onLeave;
  }
  const int expected = int(members.size()) - exempt - onLeave;
  std::string present = "....";
  if (held)
    present = format(tr("{1} present ({2})"),
                     {std::to_string(held->present),
                      held->rateTenths ? core::formatPercentVn(*held->rateTenths) : std::string("-")});
  item("members", core::N_("Members"),
       format(tr("{1} in the cell, {2} exempt from activity, {3} on leave, {4} expected; {5}"),
              {std::to_string(members.size()), std::to_string(exempt), std::to_string(onLeave),
               std::to_string(expected), present}));
  head.tables.push_back(std::move(h));
  r.sections.push_back(std::move(head));

  ReportSection att;
  att.heading = tr("Attendance");
  ReportTable t;
  t.key = "attendance";
  t.columns = {tr("No."),
               tr("Full name"),
               tr("Code"),
               tr("Present"),
               tr("Absent with reason"),
               tr("Absent without reason"),
               tr("Reason, signature")};
  t.sums = false;
  int no = 0;
  for (const auto& m : members) {
    std::string status, reason;
    if (held)
      if (auto it = held->attendance.find(m.code); it != held->attendance.end()) {
        status = it->second.status;
        reason = it->second.reason;
      }
    if (status.empty() && (m.exempt || m.onLeave)) status = "vang_co_ly_do";
    if (reason.empty() && m.exempt) reason = tr("exempt from activity");
    if (reason.empty() && m.onLeave) reason = tr("on temporary leave");
    auto tick = [&](const char* s) { return Figure::label(status == s ? "x" : ""); };
    t.rows.push_back({m.code,
                      {Figure::count(++no), Figure::label(m.fullName), Figure::label(m.code), tick("co_mat"),
                       tick("vang_co_ly_do"), tick("vang_khong_ly_do"), Figure::label(reason)},
                      RowRole::Body});
  }
  att.tables.push_back(std::move(t));
  r.sections.push_back(std::move(att));
  if (held && !held->resolution.empty()) {
    ReportSection res;
    res.heading = tr("Resolution");
    res.paragraphs.push_back(held->resolution);
    r.sections.push_back(std::move(res));
  }
  return r;
}

}  // namespace dangbo::services
