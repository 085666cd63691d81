// The cells' monthly work (spec/cell-work.md) through services/CellWork's door, the window's own calls:
// `meeting` and `attendance` (KEY CELL/DAY[/KIND]), `leave` (MEMBER/FROM), `dues_basis` and `dues_payment`
// (MEMBER/MONTH), `dues_sent` (CELL/MONTH, what the cell sent up to the commune). A secretary: their own
// cell.
#include <algorithm>

#include "cli/record/RecordKinds.h"
#include "core/CellWork.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "services/CellWork.h"

namespace dangbo::cli::record {

namespace {

namespace en = core::enums;

// The parts of a KEY "A/B[/C]".
std::vector<std::string> partsOf(const std::string& key, const char* form, size_t least, size_t most) {
  std::vector<std::string> out;
  size_t at = 0;
  while (true) {
    const auto slash = key.find('/', at);
    out.push_back(key.substr(at, slash == std::string::npos ? std::string::npos : slash - at));
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  const bool empty = std::any_of(out.begin(), out.end(), [](const std::string& p) { return p.empty(); });
  if (empty || out.size() < least || out.size() > most)
    throw UsageError(format(tr("The key \"{1}\" is not {2}."), {key, form}));
  return out;
}

core::Date dayOf(const std::string& text, const std::string& key, const char* form) {
  auto d = core::Date::parse(text);
  if (!d) throw UsageError(format(tr("The key \"{1}\" is not {2}."), {key, form}));
  return *d;
}

core::YearMonth monthOf(const std::string& text, const std::string& key, const char* form) {
  auto m = core::YearMonth::parse(text);
  if (!m) throw UsageError(format(tr("The key \"{1}\" is not {2}."), {key, form}));
  return *m;
}

std::optional<int64_t> amountOf(const Values& v, const char* name) {
  const std::string t = v.text(name);
  if (t.empty()) return std::nullopt;
  auto a = services::amountVnd(t);
  if (!a)
    throw core::DataError(format(tr("{1}: \"{2}\" is not a whole number of đồng."), {std::string(name), t}));
  return a;
}

std::string amountText(const std::optional<int64_t>& a) {
  return a ? std::to_string(*a) : std::string();
}

// A meeting's KEY: the cell, the day and (optional) the kind.
struct MeetingKey {
  std::string cell;
  core::Date day;
  std::string kind;
};
constexpr const char* kMeetingForm = "CELL/YYYY-MM-DD[/KIND]";
MeetingKey meetingKey(const std::string& key) {
  const auto p = partsOf(key, kMeetingForm, 2, 3);
  return {p[0], dayOf(p[1], key, kMeetingForm), p.size() == 3 ? p[2] : std::string()};
}

// The fields of a meeting given as FIELD=VALUE (those not given stay as they are).
void putMeeting(services::MeetingInput& in, const Values& v) {
  using In = services::MeetingInput;
  static const std::pair<const char*, std::string In::*> kTexts[] = {
      {"topic", &In::topic},     {"starts_at", &In::startsAt},       {"ends_at", &In::endsAt},
      {"chair", &In::chairCode}, {"minutes_by", &In::minutesByCode}, {"resolution", &In::resolution},
      {"grade", &In::grade}};
  for (const auto& [name, member] : kTexts)
    if (v.has(name)) in.*member = v.text(name);
  if (v.has("place")) in.place = v.text("place");
}

// The stored meeting of a KEY (the only one that day when the kind is not named), or nullopt.
std::optional<services::MeetingView> storedMeeting(Context& c, const MeetingKey& k) {
  std::optional<services::MeetingView> found;
  for (auto& v : services::meetingsBetween(c.s, c.actor, k.day, k.day, k.cell))
    if (k.kind.empty() || v.kind == k.kind) {
      if (found)
        throw core::DataError(format(tr("The cell {1} held several meetings on {2}: name the kind."),
                                     {v.cellCode, k.day.vn()}));
      found = std::move(v);
    }
  return found;
}

Kind meetingKind() {
  Kind k{"meeting",
         N_("a cell's meeting (its attendance: kind attendance); KEY: CELL/DAY[/KIND], the kind thuong_ky "
            "when not named"),
         {field("topic", N_("Topic")), field("starts_at", N_("Start time")), field("ends_at", N_("End time")),
          field("chair", N_("Chair (code)")), field("minutes_by", N_("Minute-taker (code)")),
          field("resolution", N_("Resolution")), field("grade", N_("Grade"), T::Enum, &en::meetingGrade),
          field("place", N_("Meeting place"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto v = storedMeeting(c, meetingKey(key));
    if (!v) throw core::DataError(format(tr("No meeting is recorded for {1}."), {key}));
    line(c.out, "kind", v->kind);
    line(c.out, "topic", v->topic);
    line(c.out, "starts_at", v->startsAt);
    line(c.out, "ends_at", v->endsAt);
    line(c.out, "chair", v->chairCode);
    line(c.out, "minutes_by", v->minutesByCode);
    line(c.out, "resolution", v->resolution);
    line(c.out, "grade", v->grade);
    line(c.out, "place", v->place);
    line(c.out, "present", std::to_string(v->present));
    line(c.out, "expected", std::to_string(v->expected));
  };
  auto write = [](Context& c, const services::MeetingInput& in) {
    services::saveMeeting(c.s, c.actor, in);
    c.err << format(tr("Meeting of {1} on {2} saved."), {in.cellCode, in.heldOn.vn()}) << "\n";
  };
  k.add = [write](Context& c, const std::string& key, const Values& v) {
    const auto mk = meetingKey(key);
    services::MeetingInput in;
    in.cellCode = mk.cell;
    in.heldOn = mk.day;
    in.kind = mk.kind.empty() ? "thuong_ky" : mk.kind;
    putMeeting(in, v);
    in.withAttendance = false;
    // The door's dry run: its scope and checks first, then whether the meeting is already recorded.
    if (!services::CellWorkDoor(c.s, c.actor).saveMeeting(in, true).isNew)
      throw core::DataError(
          format(tr("A meeting is already recorded for {1}: record set changes it."), {key}));
    write(c, in);
  };
  k.set = [write](Context& c, const std::string& key, const Values& v) {
    const auto mk = meetingKey(key);
    const auto old = storedMeeting(c, mk);
    if (!old) throw core::DataError(format(tr("No meeting is recorded for {1}."), {key}));
    services::MeetingInput in{mk.cell,     mk.day,         old->kind,          old->topic,      old->startsAt,
                              old->endsAt, old->chairCode, old->minutesByCode, old->resolution, old->grade,
                              {},          false,          std::nullopt};
    putMeeting(in, v);
    write(c, in);
  };
  k.del = [](Context& c, const std::string& key, const Values&) {
    const auto mk = meetingKey(key);
    services::deleteMeeting(c.s, c.actor, mk.cell, mk.day, mk.kind);
    c.err << format(tr("Meeting of {1} on {2} deleted."), {mk.cell, mk.day.vn()}) << "\n";
  };
  return k;
}

Kind attendanceKind() {
  Kind k{"attendance",
         N_("a member's attendance at a meeting; KEY: CELL/DAY[/KIND] of the meeting"),
         {field("member", N_("Member (code)")),
          field("status", N_("Attendance"), T::Enum, &en::attendanceStatus), field("reason", N_("Reason"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto v = storedMeeting(c, meetingKey(key));
    if (!v) throw core::DataError(format(tr("No meeting is recorded for {1}."), {key}));
    for (const auto& [code, a] : v->attendance)
      line(c.out, code, a.status + (a.reason.empty() ? "" : " (" + a.reason + ")"));
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    const auto mk = meetingKey(key);
    const std::string member = v.needText("member");
    services::saveAttendance(c.s, c.actor, mk.cell, mk.day, mk.kind,
                             {{member, v.needText("status"), v.text("reason")}});
    c.err << format(tr("Attendance of {1} at the meeting of {2} saved."), {member, mk.day.vn()}) << "\n";
  };
  k.set = k.add;
  k.del = [](Context& c, const std::string& key, const Values& v) {
    const auto mk = meetingKey(key);
    const std::string member = v.needText("member");
    services::deleteAttendance(c.s, c.actor, mk.cell, mk.day, mk.kind, member);
    c.err << format(tr("Attendance of {1} at the meeting of {2} deleted."), {member, mk.day.vn()}) << "\n";
  };
  return k;
}

constexpr const char* kLeaveForm = "MEMBER/YYYY-MM-DD";
Kind leaveKind() {
  Kind k{"leave",
         N_("a temporary leave from party activity (under 12 months); KEY: MEMBER/FROM (show: MEMBER lists "
            "them)"),
         {field("to", N_("To"), T::Date), field("reason", N_("Reason")), field("decision", N_("Decision"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto p = partsOf(key, kLeaveForm, 1, 2);
    for (const auto& l : services::leavesOf(c.s, c.actor, p[0]))
      if (p.size() == 1 || l.from == dayOf(p[1], key, kLeaveForm))
        line(c.out, l.from.iso(), l.to.iso() + " | " + l.reason + " | " + l.decision);
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    const auto p = partsOf(key, kLeaveForm, 2, 2);
    services::LeaveInput in{p[0], dayOf(p[1], key, kLeaveForm), v.needDate("to"), v.text("reason"),
                            v.text("decision")};
    services::saveLeave(c.s, c.actor, in);
    c.err << format(tr("Temporary leave of {1} from {2} saved."), {in.memberCode, in.from.vn()}) << "\n";
  };
  k.set = [](Context& c, const std::string& key, const Values& v) {
    const auto p = partsOf(key, kLeaveForm, 2, 2);
    const core::Date from = dayOf(p[1], key, kLeaveForm);
    std::optional<services::LeaveInput> in;
    for (const auto& l : services::leavesOf(c.s, c.actor, p[0]))
      if (l.from == from) in = l;
    if (!in) throw core::DataError(format(tr("No temporary leave is recorded for {1}."), {key}));
    if (v.has("to")) in->to = v.needDate("to");
    if (v.has("reason")) in->reason = v.text("reason");
    if (v.has("decision")) in->decision = v.text("decision");
    services::saveLeave(c.s, c.actor, *in);
    c.err << format(tr("Temporary leave of {1} from {2} saved."), {in->memberCode, in->from.vn()}) << "\n";
  };
  k.del = [](Context& c, const std::string& key, const Values&) {
    const auto p = partsOf(key, kLeaveForm, 2, 2);
    const core::Date from = dayOf(p[1], key, kLeaveForm);
    services::deleteLeave(c.s, c.actor, p[0], from);
    c.err << format(tr("Temporary leave of {1} from {2} deleted."), {p[0], from.vn()}) << "\n";
  };
  return k;
}

constexpr const char* kMemberMonthForm = "MEMBER/YYYY-MM";
Kind basisKind() {
  Kind k{"dues_basis",
         N_("a member's dues basis from a month until the next one; KEY: MEMBER/MONTH (show: MEMBER lists "
            "them)"),
         {field("category", N_("Category"), T::Enum, &en::duesCategory),
          field("base", N_("Monthly income (đồng)")),
          field("relief", N_("Exemption or reduction"), T::Enum, &en::duesRelief),
          field("decision", N_("Decision"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto p = partsOf(key, kMemberMonthForm, 1, 2);
    for (const auto& b : services::duesBasesOf(c.s, c.actor, p[0]))
      if (p.size() == 1 || b.basis.from == monthOf(p[1], key, kMemberMonthForm))
        line(c.out, b.basis.from.iso(),
             b.basis.category + " | " + amountText(b.basis.baseVnd) + " | " + b.basis.relief + " | " +
                 b.basis.decision);
  };
  auto save = [](Context& c, const std::string& key, const Values& v, bool change) {
    const auto p = partsOf(key, kMemberMonthForm, 2, 2);
    services::BasisInput in{p[0], {monthOf(p[1], key, kMemberMonthForm), "", std::nullopt, "", ""}};
    bool found = false;
    if (change)  // the stored row, read in the reading scope
      for (const auto& b : services::duesBasesOf(c.s, c.actor, p[0]))
        if (b.basis.from == in.basis.from) {
          found = true;
          in = b;
        }
    if (change && !found) throw core::DataError(format(tr("No dues basis is recorded for {1}."), {key}));
    if (v.has("category") || !change) in.basis.category = v.text("category");
    if (v.has("base") || !change) in.basis.baseVnd = amountOf(v, "base");
    if (v.has("relief") || !change) in.basis.relief = v.text("relief");
    if (v.has("decision") || !change) in.basis.decision = v.text("decision");
    if (!change && !services::CellWorkDoor(c.s, c.actor).saveBasis(in, true).isNew)
      throw core::DataError(
          format(tr("A dues basis is already recorded for {1}: record set changes it."), {key}));
    services::saveDuesBasis(c.s, c.actor, in);
    c.err << format(tr("Dues basis of {1} from {2} saved."), {in.memberCode, in.basis.from.vn()}) << "\n";
  };
  k.add = [save](Context& c, const std::string& key, const Values& v) { save(c, key, v, false); };
  k.set = [save](Context& c, const std::string& key, const Values& v) { save(c, key, v, true); };
  k.del = [](Context& c, const std::string& key, const Values&) {
    const auto p = partsOf(key, kMemberMonthForm, 2, 2);
    const auto m = monthOf(p[1], key, kMemberMonthForm);
    services::deleteDuesBasis(c.s, c.actor, p[0], m);
    c.err << format(tr("Dues basis of {1} from {2} deleted."), {p[0], m.vn()}) << "\n";
  };
  return k;
}

Kind paymentKind() {
  Kind k{"dues_payment",
         N_("a member's dues paid for a month; KEY: MEMBER/MONTH the payment is for (show: MEMBER lists "
            "them)"),
         {field("amount", N_("Amount (đồng)")), field("paid_on", N_("Paid on"), T::Date),
          field("channel", N_("Way of paying"), T::Enum, &en::duesChannel), field("receipt", N_("Receipt"))}};
  k.show = [](Context& c, const std::string& key) {
    const auto p = partsOf(key, kMemberMonthForm, 1, 2);
    for (const auto& x : services::duesPaymentsOf(c.s, c.actor, p[0]))
      if (p.size() == 1 || x.month == monthOf(p[1], key, kMemberMonthForm))
        line(c.out, x.month.iso(),
             std::to_string(x.amount) + " | " + x.paidOn.iso() + " | " + x.channel + " | " + x.receipt);
  };
  auto save = [](Context& c, const std::string& key, const Values& v, bool change) {
    const auto p = partsOf(key, kMemberMonthForm, 2, 2);
    services::PaymentInput in;
    in.memberCode = p[0];
    in.month = monthOf(p[1], key, kMemberMonthForm);
    bool found = false;
    if (change)  // the stored row, read in the reading scope
      for (const auto& x : services::duesPaymentsOf(c.s, c.actor, p[0]))
        if (x.month == in.month) {
          found = true;
          in = x;
        }
    if (change && !found) throw core::DataError(format(tr("No dues payment is recorded for {1}."), {key}));
    if (v.has("amount") || !change) in.amount = amountOf(v, "amount").value_or(0);
    if (v.has("paid_on") || !change) in.paidOn = v.needDate("paid_on");
    if (v.has("channel")) in.channel = v.text("channel");
    if (v.has("receipt")) in.receipt = v.text("receipt");
    if (!change && !services::CellWorkDoor(c.s, c.actor).savePayment(in, true).isNew)
      throw core::DataError(
          format(tr("A dues payment is already recorded for {1}: record set changes it."), {key}));
    services::saveDuesPayment(c.s, c.actor, in);
    c.err << format(tr("Dues of {1} for {2} saved."), {in.memberCode, in.month.vn()}) << "\n";
  };
  k.add = [save](Context& c, const std::string& key, const Values& v) { save(c, key, v, false); };
  k.set = [save](Context& c, const std::string& key, const Values& v) { save(c, key, v, true); };
  k.del = [](Context& c, const std::string& key, const Values&) {
    const auto p = partsOf(key, kMemberMonthForm, 2, 2);
    const auto m = monthOf(p[1], key, kMemberMonthForm);
    services::deleteDuesPayment(c.s, c.actor, p[0], m);
    c.err << format(tr("Dues of {1} for {2} deleted."), {p[0], m.vn()}) << "\n";
  };
  return k;
}

constexpr const char* kSentForm = "CELL/YYYY-MM";
Kind sentKind() {
  Kind k{"dues_sent",
         N_("the dues a cell sent up to the commune for a month; KEY: CELL/MONTH (show: CELL/YEAR lists the "
            "year)"),
         {field("amount", N_("Amount (đồng)")), field("sent_on", N_("Sent on"), T::Date)}};
  k.show = [](Context& c, const std::string& key) {
    const auto p = partsOf(key, kSentForm, 2, 2);
    const bool wholeYear = p[1].size() == 4;
    const auto m = wholeYear ? core::YearMonth{yearOf(p[1]), 1} : monthOf(p[1], key, kSentForm);
    for (const auto& r : services::remittancesOf(c.s, c.actor, p[0], m.year))
      if (wholeYear || r.month == m)
        line(c.out, r.month.iso(), std::to_string(r.amount) + " | " + r.sentOn.iso());
  };
  k.add = [](Context& c, const std::string& key, const Values& v) {
    const auto p = partsOf(key, kSentForm, 2, 2);
    services::RemittanceInput in{p[0], monthOf(p[1], key, kSentForm), 0, v.needDate("sent_on")};
    auto a = amountOf(v, "amount");
    if (!a) v.needText("amount");
    in.amount = *a;
    services::saveRemittance(c.s, c.actor, in);
    c.err << format(tr("Dues sent up by {1} for {2} saved."), {in.cellCode, in.month.vn()}) << "\n";
  };
  k.set = k.add;
  k.del = [](Context& c, const std::string& key, const Values&) {
    const auto p = partsOf(key, kSentForm, 2, 2);
    const auto m = monthOf(p[1], key, kSentForm);
    services::deleteRemittance(c.s, c.actor, p[0], m);
    c.err << format(tr("Dues sent up by {1} for {2} deleted."), {p[0], m.vn()}) << "\n";
  };
  return k;
}

}  // namespace

void addCellWorkKinds(std::vector<Kind>& k) {
  k.insert(k.end(), {meetingKind(), attendanceKind(), leaveKind(), basisKind(), paymentKind(), sentKind()});
}

}  // namespace dangbo::cli::record
