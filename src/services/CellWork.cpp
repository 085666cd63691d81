// The door of the cell-work records (services/CellWork.h): scope, validation and one audit row per changed
// record; the reading, the reports' figures and the findings are in CellWorkReading.cpp, the deletions and
// single-record reading in CellWorkRecords.cpp.
#include "services/CellWork.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/Numbers.h"
#include "core/VietText.h"
#include "services/CellWorkInternal.h"
#include "services/Services.h"
#include "services/StoreAccess.h"

namespace dangbo::services {

using cellwork::diff;
using core::N_;

CellWorkDoor::CellWorkDoor(Services& s, const Actor& actor, Date today)
    : d_(std::make_unique<Impl>(s, actor, today)) {}
CellWorkDoor::~CellWorkDoor() = default;

namespace {
std::string timeText(const std::string& t, const char* what) {
  std::string v = core::normalizeText(t);
  if (v.empty()) return v;
  if (!core::meetingMinutes(v, "23:59") && v != "23:59")
    throw DataError(format(tr("{1} \"{2}\" is not a time hh:mm."), {tr(what), v}));
  if (v.size() == 4) v = "0" + v;
  return v;
}
}  // namespace

DoorOutcome CellWorkDoor::saveMeeting(const MeetingInput& in, bool dryRun) {
  auto& d = *d_;
  const auto& cell = d.cell(in.cellCode);
  d.requireCell(cell.id);
  if (!core::enums::meetingKind.contains(in.kind))
    throw DataError(format(tr("\"{1}\" is not a kind of meeting."), {in.kind}));
  if (!in.grade.empty() && !core::enums::meetingGrade.contains(in.grade))
    throw DataError(format(tr("\"{1}\" is not a grade of a meeting."), {in.grade}));
  d.notFuture(in.heldOn, N_("The meeting day"));
  if ((cell.founded && in.heldOn < *cell.founded) || (cell.ceased && in.heldOn >= *cell.ceased))
    throw DataError(format(tr("The cell {1} did not exist on {2}."), {cell.code, in.heldOn.vn()}));
  store::MeetingRow m;
  m.cellId = cell.id;
  m.heldOn = in.heldOn;
  m.kind = in.kind;
  m.topic = core::normalizeText(in.topic);
  m.resolution = core::normalizeText(in.resolution);
  m.grade = in.grade;
  m.startsAt = timeText(in.startsAt, N_("The start time"));
  m.endsAt = timeText(in.endsAt, N_("The end time"));
  if (!m.startsAt.empty() && !m.endsAt.empty() && !core::meetingMinutes(m.startsAt, m.endsAt))
    throw DataError(format(tr("The meeting ends ({1}) before it starts ({2})."), {m.endsAt, m.startsAt}));
  auto memberOfCell = [&](const std::string& code, const char* what) -> std::optional<core::Id> {
    if (core::normalizeText(code).empty()) return std::nullopt;
    const size_t i = d.member(code);
    if (!d.reg->inCellOn(i, cell.id, in.heldOn))
      throw DataError(format(tr("{1}: {2} was not a member of the cell {3} on {4}."),
                             {tr(what), d.reg->member(i).code, cell.code, in.heldOn.vn()}));
    return d.reg->member(i).id;
  };
  m.chairId = memberOfCell(in.chairCode, N_("The chair"));
  if (in.place && core::normalizeText(*in.place).size() > 200)
    throw DataError(tr("The meeting place is longer than 200 characters."));
  m.minutesBy = memberOfCell(in.minutesByCode, N_("The minute-taker"));

  DoorOutcome out;
  out.record = "meeting:" + cell.code + "/" + in.heldOn.iso() + "/" + in.kind;
  auto stored = d.repo.meeting(cell.id, in.heldOn, in.kind);
  out.isNew = !stored;
  const store::MeetingRow old = stored.value_or(store::MeetingRow{});
  diff(out.changes, "topic", old.topic, m.topic, out.isNew);
  diff(out.changes, "starts_at", old.startsAt, m.startsAt, out.isNew);
  diff(out.changes, "ends_at", old.endsAt, m.endsAt, out.isNew);
  diff(out.changes, "chair", memberCodeOf(*d.reg, old.chairId), memberCodeOf(*d.reg, m.chairId), out.isNew);
  diff(out.changes, "minutes_by", memberCodeOf(*d.reg, old.minutesBy), memberCodeOf(*d.reg, m.minutesBy),
       out.isNew);
  diff(out.changes, "resolution", old.resolution, m.resolution, out.isNew);
  diff(out.changes, "grade", old.grade, m.grade, out.isNew);
  m.place = in.place ? core::normalizeText(*in.place) : old.place;
  diff(out.changes, "place", old.place, m.place, out.isNew);
  if (out.isNew && out.changes.empty()) out.changes.push_back({"kind", "", m.kind});
  m.id = old.id;
  if (!dryRun && out.changed()) m.id = d.repo.saveMeeting(m);
  if (dryRun && out.isNew) d.pendingMeetings.insert({cell.id, in.heldOn.iso(), in.kind});
  if (in.withAttendance) {
    // The attendance as one more field of the same record (one audit row per meeting).
    auto att = saveAttendance(cell.code, in.heldOn, in.kind, in.attendance, true);
    std::vector<store::AttendanceRow> rows;
    for (const auto& a : in.attendance) {
      const size_t i = d.member(a.memberCode);
      std::string status = a.status;
      if (d.reg->exemptOn(i, in.heldOn) || d.reg->onLeave(d.reg->member(i).id, in.heldOn, in.heldOn))
        status = "vang_co_ly_do";
      rows.push_back({m.id, d.reg->member(i).id, status, core::normalizeText(a.reason)});
    }
    // Members not listed any more lose their row.
    std::set<core::Id> listed;
    for (const auto& r : rows) listed.insert(r.memberId);
    if (!out.isNew)
      for (const auto& r : d.repo.attendance(m.id))
        if (!listed.contains(r.memberId))
          att.changes.push_back({"attendance " + memberCodeOf(*d.reg, r.memberId), r.status, ""});
    for (auto& c : att.changes) out.changes.push_back(std::move(c));
    if (!dryRun && out.changed()) d.repo.replaceAttendance(m.id, rows);
  }
  d.write(out, "meeting", dryRun);
  return out;
}

DoorOutcome CellWorkDoor::saveAttendance(const std::string& cellCode, const Date& on,
                                         const std::string& kindIn, const std::vector<AttendanceInput>& rows,
                                         bool dryRun) {
  auto& d = *d_;
  const auto& cell = d.cell(cellCode);
  d.requireCell(cell.id);
  const std::string kind = d.meetingKind(cell, on, kindIn);
  auto stored = d.repo.meeting(cell.id, on, kind);
  if (!stored && !d.pendingMeetings.contains({cell.id, on.iso(), kind}))
    throw DataError(format(tr("The cell {1} has no meeting recorded on {2}."), {cell.code, on.vn()}));
  std::map<core::Id, store::AttendanceRow> current;
  if (stored)
    for (auto& r : d.repo.attendance(stored->id)) current.emplace(r.memberId, r);
  DoorOutcome out;
  out.record = "meeting:" + cell.code + "/" + on.iso() + "/" + kind;
  std::set<core::Id> seen;
  for (const auto& a : rows) {
    const size_t i = d.member(a.memberCode);
    const auto& mem = d.reg->member(i);
    if (!core::enums::attendanceStatus.contains(a.status))
      throw DataError(format(tr("\"{1}\" is not an attendance status."), {a.status}));
    if (!d.reg->inCellOn(i, cell.id, on))
      throw DataError(format(tr("{1} ({2}) was not a member of the cell {3} on {4}."),
                             {mem.fullName, mem.code, cell.code, on.vn()}));
    if (!seen.insert(mem.id).second)
      throw DataError(
          format(tr("{1} ({2}) is listed twice for the meeting of {3}."), {mem.fullName, mem.code, on.vn()}));
    std::string status = a.status;
    if (d.reg->exemptOn(i, on) || d.reg->onLeave(mem.id, on, on)) {
      if (status == "vang_khong_ly_do")
        throw DataError(format(
            tr("{1} ({2}) is exempt from party activity or on leave on {3}: not absent without reason."),
            {mem.fullName, mem.code, on.vn()}));
      status = "vang_co_ly_do";
    }
    const std::string reason = core::normalizeText(a.reason);
    auto it = current.find(mem.id);
    const std::string before =
        it == current.end()
            ? ""
            : it->second.status + (it->second.reason.empty() ? "" : " (" + it->second.reason + ")");
    const std::string after = status + (reason.empty() ? "" : " (" + reason + ")");
    if (before != after) out.changes.push_back({"attendance " + mem.code, before, after});
    current[mem.id] = {stored ? stored->id : 0, mem.id, status, reason};
  }
  if (!dryRun && !out.changes.empty() && stored) {
    // Called alone (an attendance file): write the merged list and audit it as a change of the meeting.
    std::vector<store::AttendanceRow> all;
    for (auto& [id, r] : current) all.push_back(r);
    d.repo.replaceAttendance(stored->id, all);
    d.write(out, "meeting", false);
  }
  return out;
}

DoorOutcome CellWorkDoor::saveLeave(const LeaveInput& in, bool dryRun) {
  auto& d = *d_;
  const size_t i = d.member(in.memberCode);
  const auto& mem = d.reg->member(i);
  d.requireCell(d.reg->cellOn(i, in.from));
  if (in.to < in.from)
    throw DataError(format(tr("The leave ends ({1}) before it starts ({2})."), {in.to.vn(), in.from.vn()}));
  if (!(in.to < in.from.addMonths(12)))
    throw DataError(format(tr("A temporary leave lasts under 12 months: {1} to {2} is longer."),
                           {in.from.vn(), in.to.vn()}));
  if (!d.reg->presentOn(i, in.from))
    throw DataError(format(tr("{1} ({2}) was not a member on {3}."), {mem.fullName, mem.code, in.from.vn()}));
  store::LeaveRow l{
      0, mem.id, in.from, in.to, core::normalizeText(in.reason), core::normalizeText(in.decision)};
  DoorOutcome out;
  out.record = "leave:" + mem.code + "/" + in.from.iso();
  auto stored = d.repo.leave(mem.id, in.from);
  out.isNew = !stored;
  const store::LeaveRow old = stored.value_or(store::LeaveRow{});
  diff(out.changes, "to", stored ? old.to.iso() : "", l.to.iso(), out.isNew);
  diff(out.changes, "reason", old.reason, l.reason, out.isNew);
  diff(out.changes, "decision", old.decision, l.decision, out.isNew);
  if (!dryRun && out.changed()) {
    d.repo.saveLeave(l);
    auto& list = d.reg->leaves[mem.id];
    std::erase_if(list, [&](const store::LeaveRow& x) { return x.from == l.from; });
    list.push_back(l);
  }
  d.write(out, "leave", dryRun);
  return out;
}

DoorOutcome CellWorkDoor::saveBasis(const BasisInput& in, bool dryRun) {
  auto& d = *d_;
  const size_t i = d.member(in.memberCode);
  const auto& mem = d.reg->member(i);
  d.requireCell(mem.cellId);
  core::DuesBasis b = in.basis;
  if (!core::enums::duesCategory.contains(b.category))
    throw DataError(format(tr("\"{1}\" is not a category of dues."), {b.category}));
  if (!b.relief.empty() && !core::enums::duesRelief.contains(b.relief))
    throw DataError(format(tr("\"{1}\" is not an exemption or reduction of dues."), {b.relief}));
  if ((b.category == "bhxh" || b.category == "huu_tri") && !b.baseVnd && b.relief != "mien")
    throw DataError(format(tr("{1} ({2}): give the monthly salary or pension the dues are computed from."),
                           {mem.fullName, mem.code}));
  if (b.baseVnd && (*b.baseVnd < 0 || *b.baseVnd > 10'000'000'000LL))
    throw DataError(format(tr("The monthly income {1} đ is not possible."), {std::to_string(*b.baseVnd)}));
  if (b.from > YearMonth::of(d.today).plus(12))
    throw DataError(format(tr("The month {1} is more than a year ahead."), {b.from.vn()}));
  b.decision = core::normalizeText(b.decision);
  DoorOutcome out;
  out.record = "dues_basis:" + mem.code + "/" + b.from.iso();
  const auto stored = d.repo.bases(mem.id);
  const core::DuesBasis* old = nullptr;
  for (const auto& x : stored)
    if (x.from == b.from) old = &x;
  out.isNew = !old;
  auto base = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
  diff(out.changes, "category", old ? old->category : "", b.category, out.isNew);
  diff(out.changes, "base", old ? base(old->baseVnd) : "", base(b.baseVnd), out.isNew);
  diff(out.changes, "relief", old ? old->relief : "", b.relief, out.isNew);
  diff(out.changes, "decision", old ? old->decision : "", b.decision, out.isNew);
  if (!dryRun && out.changed()) d.repo.saveBasis(mem.id, b);
  d.write(out, "dues_basis", dryRun);
  return out;
}

DoorOutcome CellWorkDoor::savePayment(const PaymentInput& in, bool dryRun) {
  auto& d = *d_;
  const size_t i = d.member(in.memberCode);
  const auto& mem = d.reg->member(i);
  const Date monthEnd = in.month.last();
  if (!d.reg->presentOn(i, monthEnd))
    throw DataError(format(tr("{1} ({2}) was not a member at the end of {3}: no dues are owed for it."),
                           {mem.fullName, mem.code, in.month.vn()}));
  const core::Id cellId = d.reg->cellOn(i, monthEnd);
  d.requireCell(cellId);
  if (in.amount <= 0 || in.amount > 1'000'000'000LL)
    throw DataError(format(tr("The amount {1} đ is not possible: a whole number of đồng above 0."),
                           {std::to_string(in.amount)}));
  if (!core::enums::duesChannel.contains(in.channel))
    throw DataError(format(tr("\"{1}\" is not a way of paying dues."), {in.channel}));
  d.notFuture(in.paidOn, N_("The payment day"));
  if (in.month > YearMonth::of(in.paidOn).plus(12))
    throw DataError(
        format(tr("Dues for {1} paid on {2}: more than a year ahead."), {in.month.vn(), in.paidOn.vn()}));
  store::PaymentRow p{
      0, mem.id, in.month, in.amount, in.paidOn, in.channel, core::normalizeText(in.receipt), cellId};
  DoorOutcome out;
  out.record = "dues_payment:" + mem.code + "/" + in.month.iso();
  auto stored = d.repo.payment(mem.id, in.month);
  out.isNew = !stored;
  const store::PaymentRow old = stored.value_or(store::PaymentRow{});
  diff(out.changes, "amount", stored ? std::to_string(old.amount) : "", std::to_string(p.amount), out.isNew);
  diff(out.changes, "paid_on", stored ? old.paidOn.iso() : "", p.paidOn.iso(), out.isNew);
  diff(out.changes, "channel", old.channel, p.channel, out.isNew);
  diff(out.changes, "receipt", old.receipt, p.receipt, out.isNew);
  if (!dryRun && out.changed()) d.repo.savePayment(p);
  d.write(out, "dues_payment", dryRun);
  return out;
}

DoorOutcome CellWorkDoor::saveRemittance(const RemittanceInput& in, bool dryRun) {
  auto& d = *d_;
  const auto& cell = d.cell(in.cellCode);
  d.requireCell(cell.id);
  if (in.amount < 0)
    throw DataError(format(tr("The amount {1} đ is not possible."), {std::to_string(in.amount)}));
  d.notFuture(in.sentOn, N_("The day sent"));
  DoorOutcome out;
  out.record = "dues_sent:" + cell.code + "/" + in.month.iso();
  auto all = d.repo.remittancesFor(in.month, in.month);
  const store::RemittanceRow* old = nullptr;
  for (const auto& r : all)
    if (r.cellId == cell.id) old = &r;
  out.isNew = !old;
  diff(out.changes, "amount", old ? std::to_string(old->amount) : "", std::to_string(in.amount), out.isNew);
  diff(out.changes, "sent_on", old ? old->sentOn.iso() : "", in.sentOn.iso(), out.isNew);
  if (!dryRun && out.changed()) d.repo.saveRemittance({cell.id, in.month, in.amount, in.sentOn});
  d.write(out, "dues_sent", dryRun);
  return out;
}

using cellwork::single;

DoorOutcome saveMeeting(Services& s, const Actor& actor, const MeetingInput& in) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.saveMeeting(in); });
}
DoorOutcome saveLeave(Services& s, const Actor& actor, const LeaveInput& in) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.saveLeave(in); });
}
DoorOutcome saveDuesBasis(Services& s, const Actor& actor, const BasisInput& in) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.saveBasis(in); });
}
DoorOutcome saveDuesPayment(Services& s, const Actor& actor, const PaymentInput& in) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.savePayment(in); });
}
DoorOutcome saveRemittance(Services& s, const Actor& actor, const RemittanceInput& in) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.saveRemittance(in); });
}

}  // namespace dangbo::services
