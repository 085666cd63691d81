// The cell-work door's deletions and the reading of single records (`record show|delete`, the window): the
// same scope as the door's writes, one audit row per deleted record with its old values.
#include <algorithm>

#include "services/CellWork.h"
#include "services/CellWorkInternal.h"

namespace dangbo::services {

using cellwork::memberCodeOf;
using cellwork::single;
using core::DataError;
using core::Date;
using core::format;
using core::tr;
using core::YearMonth;

namespace {
std::string amountText(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : std::string();
}
// The old values of a deleted record, as the audit row keeps them.
void gone(DoorOutcome& out, const char* field, const std::string& before) {
  if (!before.empty()) out.changes.push_back({field, before, ""});
}
}  // namespace

DoorOutcome CellWorkDoor::deleteMeeting(const std::string& cellCode, const Date& on,
                                        const std::string& kindIn) {
  auto& d = *d_;
  const auto& cell = d.cell(cellCode);
  d.requireCell(cell.id);
  const std::string kind = d.meetingKind(cell, on, kindIn);
  const auto stored = d.repo.meeting(cell.id, on, kind);
  if (!stored)
    throw DataError(format(tr("The cell {1} has no meeting recorded on {2}."), {cell.code, on.vn()}));
  DoorOutcome out;
  out.record = "meeting:" + cell.code + "/" + on.iso() + "/" + kind;
  gone(out, "kind", kind);
  gone(out, "topic", stored->topic);
  gone(out, "starts_at", stored->startsAt);
  gone(out, "ends_at", stored->endsAt);
  gone(out, "chair", memberCodeOf(*d.reg, stored->chairId));
  gone(out, "minutes_by", memberCodeOf(*d.reg, stored->minutesBy));
  gone(out, "resolution", stored->resolution);
  gone(out, "grade", stored->grade);
  for (const auto& a : d.repo.attendance(stored->id))
    out.changes.push_back({"attendance " + memberCodeOf(*d.reg, a.memberId), a.status, ""});
  d.repo.deleteMeeting(stored->id);
  d.writeDeleted(out, "meeting");
  return out;
}

DoorOutcome CellWorkDoor::deleteAttendance(const std::string& cellCode, const Date& on,
                                           const std::string& kindIn, const std::string& memberCode) {
  auto& d = *d_;
  const auto& cell = d.cell(cellCode);
  d.requireCell(cell.id);
  const std::string kind = d.meetingKind(cell, on, kindIn);
  const auto stored = d.repo.meeting(cell.id, on, kind);
  if (!stored)
    throw DataError(format(tr("The cell {1} has no meeting recorded on {2}."), {cell.code, on.vn()}));
  const auto& mem = d.reg->member(d.member(memberCode));
  auto rows = d.repo.attendance(stored->id);
  auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.memberId == mem.id; });
  if (it == rows.end())
    throw DataError(format(tr("{1} ({2}) has no attendance recorded for the meeting of {3}."),
                           {mem.fullName, mem.code, on.vn()}));
  DoorOutcome out;
  out.record = "meeting:" + cell.code + "/" + on.iso() + "/" + kind;
  out.changes.push_back(
      {"attendance " + mem.code, it->status + (it->reason.empty() ? "" : " (" + it->reason + ")"), ""});
  rows.erase(it);
  d.repo.replaceAttendance(stored->id, rows);
  d.write(out, "meeting", false);
  return out;
}

DoorOutcome CellWorkDoor::deleteLeave(const std::string& memberCode, const Date& from) {
  auto& d = *d_;
  const size_t i = d.member(memberCode);
  const auto& mem = d.reg->member(i);
  d.requireCell(d.reg->cellOn(i, from));
  const auto stored = d.repo.leave(mem.id, from);
  if (!stored)
    throw DataError(
        format(tr("{1} ({2}) has no temporary leave from {3}."), {mem.fullName, mem.code, from.vn()}));
  DoorOutcome out;
  out.record = "leave:" + mem.code + "/" + from.iso();
  gone(out, "to", stored->to.iso());
  gone(out, "reason", stored->reason);
  gone(out, "decision", stored->decision);
  d.repo.deleteLeave(mem.id, from);
  std::erase_if(d.reg->leaves[mem.id], [&](const store::LeaveRow& x) { return x.from == from; });
  d.writeDeleted(out, "leave");
  return out;
}

DoorOutcome CellWorkDoor::deleteBasis(const std::string& memberCode, const YearMonth& from) {
  auto& d = *d_;
  const auto& mem = d.reg->member(d.member(memberCode));
  d.requireCell(mem.cellId);
  const auto bases = d.repo.bases(mem.id);
  auto it = std::find_if(bases.begin(), bases.end(), [&](const auto& b) { return b.from == from; });
  if (it == bases.end())
    throw DataError(format(tr("{1} ({2}) has no dues basis from {3}."), {mem.fullName, mem.code, from.vn()}));
  DoorOutcome out;
  out.record = "dues_basis:" + mem.code + "/" + from.iso();
  gone(out, "category", it->category);
  gone(out, "base", amountText(it->baseVnd));
  gone(out, "relief", it->relief);
  gone(out, "decision", it->decision);
  d.repo.deleteBasis(mem.id, from);
  d.writeDeleted(out, "dues_basis");
  return out;
}

DoorOutcome CellWorkDoor::deletePayment(const std::string& memberCode, const YearMonth& month) {
  auto& d = *d_;
  const auto& mem = d.reg->member(d.member(memberCode));
  const auto stored = d.repo.payment(mem.id, month);
  if (!stored)
    throw DataError(
        format(tr("{1} ({2}) has no dues payment for {3}."), {mem.fullName, mem.code, month.vn()}));
  d.requireCell(stored->cellId);
  DoorOutcome out;
  out.record = "dues_payment:" + mem.code + "/" + month.iso();
  gone(out, "amount", std::to_string(stored->amount));
  gone(out, "paid_on", stored->paidOn.iso());
  gone(out, "channel", stored->channel);
  gone(out, "receipt", stored->receipt);
  d.repo.deletePayment(mem.id, month);
  d.writeDeleted(out, "dues_payment");
  return out;
}

DoorOutcome CellWorkDoor::deleteRemittance(const std::string& cellCode, const YearMonth& month) {
  auto& d = *d_;
  const auto& cell = d.cell(cellCode);
  d.requireCell(cell.id);
  const store::RemittanceRow* old = nullptr;
  const auto all = d.repo.remittancesFor(month, month);
  for (const auto& r : all)
    if (r.cellId == cell.id) old = &r;
  if (!old)
    throw DataError(
        format(tr("The cell {1} has recorded nothing sent up for {2}."), {cell.code, month.vn()}));
  DoorOutcome out;
  out.record = "dues_sent:" + cell.code + "/" + month.iso();
  gone(out, "amount", std::to_string(old->amount));
  gone(out, "sent_on", old->sentOn.iso());
  d.repo.deleteRemittance(cell.id, month);
  d.writeDeleted(out, "dues_sent");
  return out;
}

DoorOutcome saveAttendance(Services& s, const Actor& actor, const std::string& cellCode, const Date& on,
                           const std::string& kind, const std::vector<AttendanceInput>& rows) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.saveAttendance(cellCode, on, kind, rows); });
}
DoorOutcome deleteMeeting(Services& s, const Actor& actor, const std::string& cellCode, const Date& on,
                          const std::string& kind) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.deleteMeeting(cellCode, on, kind); });
}
DoorOutcome deleteAttendance(Services& s, const Actor& actor, const std::string& cellCode, const Date& on,
                             const std::string& kind, const std::string& memberCode) {
  return single(s, actor,
                [&](CellWorkDoor& d) { return d.deleteAttendance(cellCode, on, kind, memberCode); });
}
DoorOutcome deleteLeave(Services& s, const Actor& actor, const std::string& memberCode, const Date& from) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.deleteLeave(memberCode, from); });
}
DoorOutcome deleteDuesBasis(Services& s, const Actor& actor, const std::string& memberCode,
                            const YearMonth& from) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.deleteBasis(memberCode, from); });
}
DoorOutcome deleteDuesPayment(Services& s, const Actor& actor, const std::string& memberCode,
                              const YearMonth& month) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.deletePayment(memberCode, month); });
}
DoorOutcome deleteRemittance(Services& s, const Actor& actor, const std::string& cellCode,
                             const YearMonth& month) {
  return single(s, actor, [&](CellWorkDoor& d) { return d.deleteRemittance(cellCode, month); });
}

std::optional<int64_t> amountVnd(std::string_view s) {
  int64_t v = 0;
  int digits = 0;
  for (char c : s) {
    if (c == '.' || c == ' ') continue;
    if (c < '0' || c > '9' || ++digits > 12) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  return v;
}

// --- reading one member's or one cell's records ---

namespace {
// The member's index, after the reading scope of their present cell.
size_t readableMember(const Actor& actor, const cellwork::Register& reg, const std::string& code) {
  auto it = reg.byCode.find(cellwork::upper(core::normalizeText(code)));
  if (it == reg.byCode.end()) throw DataError(format(tr("There is no member with the code {1}."), {code}));
  cellwork::requireRead(actor, reg.member(it->second).cellId);
  return it->second;
}
}  // namespace

std::vector<LeaveInput> leavesOf(Services& s, const Actor& actor, const std::string& memberCode) {
  cellwork::Register reg(storeOf(s));
  const auto& mem = reg.member(readableMember(actor, reg, memberCode));
  std::vector<LeaveInput> out;
  if (auto it = reg.leaves.find(mem.id); it != reg.leaves.end())
    for (const auto& l : it->second) out.push_back({mem.code, l.from, l.to, l.reason, l.decision});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  return out;
}

std::vector<BasisInput> duesBasesOf(Services& s, const Actor& actor, const std::string& memberCode) {
  cellwork::Register reg(storeOf(s));
  const auto& mem = reg.member(readableMember(actor, reg, memberCode));
  std::vector<BasisInput> out;
  for (auto& b : store::CellWorkRepository(storeOf(s)).bases(mem.id)) out.push_back({mem.code, std::move(b)});
  return out;
}

std::vector<PaymentInput> duesPaymentsOf(Services& s, const Actor& actor, const std::string& memberCode) {
  cellwork::Register reg(storeOf(s));
  const auto& mem = reg.member(readableMember(actor, reg, memberCode));
  std::vector<PaymentInput> out;
  for (const auto& p : store::CellWorkRepository(storeOf(s)).paymentsOf(mem.id))
    out.push_back({mem.code, p.month, p.amount, p.paidOn, p.channel, p.receipt});
  return out;
}

std::vector<RemittanceInput> remittancesOf(Services& s, const Actor& actor, const std::string& cellCode,
                                           int year) {
  cellwork::Register reg(storeOf(s));
  auto it = reg.orgByCode.find(cellwork::upper(core::normalizeText(cellCode)));
  if (it == reg.orgByCode.end())
    throw DataError(format(tr("There is no party cell with the code {1}."), {cellCode}));
  const auto& cell = reg.orgs[it->second];
  cellwork::requireRead(actor, cell.id);
  std::vector<RemittanceInput> out;
  for (const auto& r : store::CellWorkRepository(storeOf(s)).remittancesFor({year, 1}, {year, 12}))
    if (r.cellId == cell.id) out.push_back({cell.code, r.month, r.amount, r.sentOn});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.month < b.month; });
  return out;
}

}  // namespace dangbo::services
