// The cell-work door's deletions and the reading of single records (`record show|delete`, the window): the
// same scope as the door's writes, one audit row per deleted record with its old values.
#include <algorithm>

#include "services/CellWork.h"
#include "services/CellWorkInternal.h"

namespace dangbo::services {

using cellwork::single;

namespace {
std::string amountText(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : std::string();
}
// A deletion through the door, once its scope is checked and the record found: the record's old values (the
// non-empty ones) in its audit row, and the row removed.
template <class Door, class Remove>
DoorOutcome deleted(Door& d, std::string record, const char* entity,
                    std::vector<std::pair<std::string, std::string>> old, Remove remove) {
  DoorOutcome out;
  out.record = std::move(record);
  for (auto& [field, before] : old)
    if (!before.empty()) out.changes.push_back({std::move(field), std::move(before), ""});
  remove();
  d.writeDeleted(out, entity);
  return out;
}
}  // namespace

DoorOutcome CellWorkDoor::deleteMeeting(const std::string& cellCode, const Date& on,
                                        const std::string& kindIn) {
  auto& d = *d_;
  const auto m = d.recordedMeeting(cellCode, on, kindIn);
  const auto& [cell, kind, row] = m;
  const auto* stored = &row;
  std::vector<std::pair<std::string, std::string>> old = {
      {"kind", kind},
      {"topic", stored->topic},
      {"starts_at", stored->startsAt},
      {"ends_at", stored->endsAt},
      {"chair", memberCodeOf(*d.reg, stored->chairId)},
      {"minutes_by", memberCodeOf(*d.reg, stored->minutesBy)},
      {"resolution", stored->resolution},
      {"grade", stored->grade},
      {"place", stored->place}};
  for (const auto& a : d.repo.attendance(stored->id))
    old.push_back({"attendance " + memberCodeOf(*d.reg, a.memberId), a.status});
  return deleted(d, "meeting:" + cell.code + "/" + on.iso() + "/" + kind, "meeting", std::move(old),
                 [&] { d.repo.deleteMeeting(stored->id); });
}

DoorOutcome CellWorkDoor::deleteAttendance(const std::string& cellCode, const Date& on,
                                           const std::string& kindIn, const std::string& memberCode) {
  auto& d = *d_;
  const auto m = d.recordedMeeting(cellCode, on, kindIn);
  const auto& [cell, kind, row] = m;
  const auto* stored = &row;
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
  return deleted(d, "leave:" + mem.code + "/" + from.iso(), "leave",
                 {{"to", stored->to.iso()}, {"reason", stored->reason}, {"decision", stored->decision}}, [&] {
                   d.repo.deleteLeave(mem.id, from);
                   std::erase_if(d.reg->leaves[mem.id],
                                 [&](const store::LeaveRow& x) { return x.from == from; });
                 });
}

DoorOutcome CellWorkDoor::deleteBasis(const std::string& memberCode, const YearMonth& from) {
  auto& d = *d_;
  const auto& mem = d.reg->member(d.member(memberCode));
  d.requireCell(mem.cellId);
  const auto bases = d.repo.bases(mem.id);
  auto it = std::find_if(bases.begin(), bases.end(), [&](const auto& b) { return b.from == from; });
  if (it == bases.end())
    throw DataError(format(tr("{1} ({2}) has no dues basis from {3}."), {mem.fullName, mem.code, from.vn()}));
  return deleted(d, "dues_basis:" + mem.code + "/" + from.iso(), "dues_basis",
                 {{"category", it->category},
                  {"base", amountText(it->baseVnd)},
                  {"relief", it->relief},
                  {"decision", it->decision}},
                 [&] { d.repo.deleteBasis(mem.id, from); });
}

DoorOutcome CellWorkDoor::deletePayment(const std::string& memberCode, const YearMonth& month) {
  auto& d = *d_;
  const auto& mem = d.reg->member(d.member(memberCode));
  const auto stored = d.repo.payment(mem.id, month);
  if (!stored)
    throw DataError(
        format(tr("{1} ({2}) has no dues payment for {3}."), {mem.fullName, mem.code, month.vn()}));
  d.requireCell(stored->cellId);
  return deleted(d, "dues_payment:" + mem.code + "/" + month.iso(), "dues_payment",
                 {{"amount", std::to_string(stored->amount)},
                  {"paid_on", stored->paidOn.iso()},
                  {"channel", stored->channel},
                  {"receipt", stored->receipt}},
                 [&] { d.repo.deletePayment(mem.id, month); });
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
  return deleted(d, "dues_sent:" + cell.code + "/" + month.iso(), "dues_sent",
                 {{"amount", std::to_string(old->amount)}, {"sent_on", old->sentOn.iso()}},
                 [&] { d.repo.deleteRemittance(cell.id, month); });
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
// A member's file as the single reads need it, after the reading scope of their present cell.
store::ListEntry readableMember(Services& s, const Actor& actor, const std::string& code) {
  const cellwork::Register reg(storeOf(s));
  const auto& mem = reg.member(reg.memberByCode(code));
  cellwork::requireRead(actor, mem.cellId);
  return mem;
}
}  // namespace

std::vector<LeaveInput> leavesOf(Services& s, const Actor& actor, const std::string& memberCode) {
  const auto mem = readableMember(s, actor, memberCode);
  std::vector<LeaveInput> out;
  for (const auto& l : store::CellWorkRepository(storeOf(s)).leaves())
    if (l.memberId == mem.id) out.push_back({mem.code, l.from, l.to, l.reason, l.decision});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  return out;
}

std::vector<BasisInput> duesBasesOf(Services& s, const Actor& actor, const std::string& memberCode) {
  const auto mem = readableMember(s, actor, memberCode);
  std::vector<BasisInput> out;
  for (auto& b : store::CellWorkRepository(storeOf(s)).bases(mem.id)) out.push_back({mem.code, std::move(b)});
  return out;
}

std::vector<PaymentInput> duesPaymentsOf(Services& s, const Actor& actor, const std::string& memberCode) {
  const auto mem = readableMember(s, actor, memberCode);
  std::vector<PaymentInput> out;
  for (const auto& p : store::CellWorkRepository(storeOf(s)).paymentsOf(mem.id))
    out.push_back({mem.code, p.month, p.amount, p.paidOn, p.channel, p.receipt});
  return out;
}

std::vector<RemittanceInput> remittancesOf(Services& s, const Actor& actor, const std::string& cellCode,
                                           int year) {
  const cellwork::Register reg(storeOf(s));
  const auto& cell = reg.cellByCode(cellCode);
  cellwork::requireRead(actor, cell.id);
  std::vector<RemittanceInput> out;
  for (const auto& r : store::CellWorkRepository(storeOf(s)).remittancesFor({year, 1}, {year, 12}))
    if (r.cellId == cell.id) out.push_back({cell.code, r.month, r.amount, r.sentOn});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.month < b.month; });
  return out;
}

}  // namespace dangbo::services
