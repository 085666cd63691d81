// `dangbo-cli record` for the cells' monthly work (meetings, attendance, dues): the same change through the
// CLI and through the cell-work page's service calls ends the same, and a secretary is kept to their cell.

#include "RecordKindsFixture.h"

using namespace dangbo;
using namespace dangbo::test::record;

TEST_CASE("cli record: the cells' monthly work through the window's door, a secretary kept to their cell") {
  Office o;
  const std::string meeting = o.cell + "/2026-06-10/bat_thuong";
  const auto held = day(2026, 6, 10);
  const std::string att =
      "SELECT a.status || a.reason FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id JOIN "
      "members p ON p.id = a.member_id WHERE m.kind = 'bat_thuong' AND m.held_on = '2026-06-10' AND p.code = "
      "'" +
      o.member + "'";
  const std::string memberId = "(SELECT id FROM members WHERE code = '" + o.member + "')";
  auto meetingInput = [&](const std::string& grade) {
    services::MeetingInput in;
    in.cellCode = o.cell;
    in.heldOn = held;
    in.kind = "bat_thuong";
    in.topic = "Kiểm điểm";
    in.startsAt = "19:30";
    in.endsAt = "21:00";
    in.chairCode = o.member;
    in.grade = grade;
    in.withAttendance = false;
    return in;
  };
  const std::vector<Step> steps = {
      // A meeting: added, refused, changed.
      {"meeting",
       "bithu",
       {"add", "meeting", meeting, "topic=Kiểm điểm", "starts_at=19:30", "ends_at=21:00", "chair=" + o.member,
        "grade=tot"},
       [&](auto& s, auto& a) { services::saveMeeting(s, a, meetingInput("tot")); },
       "SELECT topic || starts_at || ends_at || grade || chair_id FROM meetings WHERE held_on = "
       "'2026-06-10'"},
      {"meeting",
       "bithu",
       {"add", "meeting", o.cell + "/2026-06-11/bat_thuong", "starts_at=21:00", "ends_at=19:30"},
       [&](auto& s, auto& a) {
         auto in = meetingInput("");
         in.heldOn = day(2026, 6, 11);
         in.startsAt = "21:00";
         in.endsAt = "19:30";
         in.chairCode.clear();
         in.topic.clear();
         services::saveMeeting(s, a, in);
       },
       "",
       true},
      {"meeting",
       "bithu",
       {"set", "meeting", meeting, "grade=kha"},
       [&](auto& s, auto& a) { services::saveMeeting(s, a, meetingInput("kha")); },
       "SELECT topic || grade FROM meetings WHERE held_on = '2026-06-10'"},
      // Attendance at it.
      {"attendance",
       "bithu",
       {"add", "attendance", meeting, "member=" + o.member, "status=vang_khong_ly_do"},
       [&](auto& s, auto& a) {
         services::saveAttendance(s, a, o.cell, held, "bat_thuong", {{o.member, "vang_khong_ly_do", ""}});
       },
       att},
      {"attendance",
       "bithu",
       {"add", "attendance", meeting, "member=" + o.otherMember, "status=co_mat"},
       [&](auto& s, auto& a) {
         services::saveAttendance(s, a, o.cell, held, "bat_thuong", {{o.otherMember, "co_mat", ""}});
       },
       "",
       true},
      // A temporary leave.
      {"leave",
       "bithu",
       {"add", "leave", o.member + "/2026-08-01", "to=2026-10-31", "reason=Đi làm xa"},
       [&](auto& s, auto& a) {
         services::saveLeave(s, a, {o.member, day(2026, 8, 1), day(2026, 10, 31), "Đi làm xa", ""});
       },
       "SELECT to_on || reason FROM activity_leaves WHERE from_on = '2026-08-01' AND member_id = " +
           memberId},
      {"leave",
       "bithu",
       {"add", "leave", o.member + "/2026-08-02", "to=2027-09-01"},
       [&](auto& s, auto& a) {
         services::saveLeave(s, a, {o.member, day(2026, 8, 2), day(2027, 9, 1), "", ""});
       },
       "",
       true},
      // The dues basis, a payment, what the cell sent up.
      {"dues_basis",
       "bithu",
       {"add", "dues_basis", o.member + "/2026-12", "category=bhxh", "base=5.600.000"},
       [&](auto& s, auto& a) {
         services::saveDuesBasis(s, a, {o.member, {{2026, 12}, "bhxh", 5600000, "", ""}});
       },
       "SELECT category || base_vnd FROM dues_bases WHERE from_month = '2026-12' AND member_id = " +
           memberId},
      {"dues_basis",
       "bithu",
       {"set", "dues_basis", o.member + "/2026-12", "category=huu_tri", "base=", "relief=giam50"},
       [&](auto& s, auto& a) {
         services::saveDuesBasis(s, a, {o.member, {{2026, 12}, "huu_tri", std::nullopt, "giam50", ""}});
       },
       "",
       true},
      {"dues_payment",
       "bithu",
       {"add", "dues_payment", o.member + "/2026-12", "amount=56.000", "paid_on=2026-12-01", "receipt=BL-12"},
       [&](auto& s, auto& a) {
         services::saveDuesPayment(s, a,
                                   {o.member, {2026, 12}, 56000, day(2026, 12, 1), "tien_mat", "BL-12"});
       },
       "SELECT amount_vnd || paid_on || receipt FROM dues_payments WHERE month = '2026-12' AND member_id = " +
           memberId},
      {"dues_payment",
       "bithu",
       {"set", "dues_payment", o.member + "/2026-12", "amount=0"},
       [&](auto& s, auto& a) {
         services::saveDuesPayment(s, a, {o.member, {2026, 12}, 0, day(2026, 12, 1), "tien_mat", "BL-12"});
       },
       "",
       true},
      {"dues_sent",
       "bithu",
       {"add", "dues_sent", o.cell + "/2026-11", "amount=350.000", "sent_on=2026-12-02"},
       [&](auto& s, auto& a) {
         services::saveRemittance(s, a, {o.cell, {2026, 11}, 350000, day(2026, 12, 2)});
       },
       "SELECT amount_vnd || sent_on FROM dues_remittances r JOIN organizations c ON c.id = r.cell_id WHERE "
       "r.month = '2026-11' AND c.code = '" +
           o.cell + "'"},
      {"dues_sent",
       "bithu",
       {"add", "dues_sent", o.cell + "/2026-11", "amount=350000", "sent_on=2099-12-02"},
       [&](auto& s, auto& a) {
         services::saveRemittance(s, a, {o.cell, {2026, 11}, 350000, day(2099, 12, 2)});
       },
       "",
       true},
      // A secretary of another cell: refused by the door for every kind, reading included.
      {"meeting",
       "bithu",
       {"add", "meeting", o.other + "/2026-06-10/bat_thuong"},
       [&](auto& s, auto& a) {
         auto in = meetingInput("");
         in.cellCode = o.other;
         in.chairCode.clear();
         services::saveMeeting(s, a, in);
       },
       "",
       true},
      {"leave",
       "bithu",
       {"add", "leave", o.otherMember + "/2026-08-01", "to=2026-10-31"},
       [&](auto& s, auto& a) {
         services::saveLeave(s, a, {o.otherMember, day(2026, 8, 1), day(2026, 10, 31), "", ""});
       },
       "",
       true},
      {"dues_basis",
       "bithu",
       {"add", "dues_basis", o.otherMember + "/2026-12", "category=hoc_sinh"},
       [&](auto& s, auto& a) {
         services::saveDuesBasis(s, a, {o.otherMember, {{2026, 12}, "hoc_sinh", {}, "", ""}});
       },
       "",
       true},
      {"dues_payment",
       "bithu",
       {"add", "dues_payment", o.otherMember + "/2026-12", "amount=5000", "paid_on=2026-12-01"},
       [&](auto& s, auto& a) {
         services::saveDuesPayment(s, a, {o.otherMember, {2026, 12}, 5000, day(2026, 12, 1), "tien_mat", ""});
       },
       "",
       true},
      {"dues_sent",
       "bithu",
       {"delete", "dues_sent", o.other + "/2026-11"},
       [&](auto& s, auto& a) {
         services::deleteRemittance(s, a, o.other, {2026, 11});
       },
       "",
       true},
      {"attendance",
       "bithu",
       {"show", "attendance", o.other + "/2026-06-24"},
       [&](auto& s, auto& a) {
         services::meetingsBetween(s, a, day(2026, 6, 24), day(2026, 6, 24), o.other);
       },
       "",
       true},
      // Deleted through the door: each leaves an audit row with the old values.
      {"dues_payment",
       "bithu",
       {"delete", "dues_payment", o.member + "/2026-12"},
       [&](auto& s, auto& a) {
         services::deleteDuesPayment(s, a, o.member, {2026, 12});
       },
       "SELECT count(*) FROM dues_payments WHERE month = '2026-12'"},
      {"dues_payment",
       "bithu",
       {"delete", "dues_payment", o.member + "/2026-12"},
       [&](auto& s, auto& a) {
         services::deleteDuesPayment(s, a, o.member, {2026, 12});
       },
       "",
       true},
      {"dues_basis",
       "bithu",
       {"delete", "dues_basis", o.member + "/2026-12"},
       [&](auto& s, auto& a) {
         services::deleteDuesBasis(s, a, o.member, {2026, 12});
       },
       "SELECT count(*) FROM dues_bases WHERE from_month = '2026-12'"},
      {"leave",
       "bithu",
       {"delete", "leave", o.member + "/2026-08-01"},
       [&](auto& s, auto& a) { services::deleteLeave(s, a, o.member, day(2026, 8, 1)); },
       "SELECT count(*) FROM activity_leaves WHERE from_on = '2026-08-01'"},
      {"dues_sent",
       "vanphong",
       {"delete", "dues_sent", o.cell + "/2026-11"},
       [&](auto& s, auto& a) {
         services::deleteRemittance(s, a, o.cell, {2026, 11});
       },
       "SELECT count(*) FROM dues_remittances WHERE month = '2026-11'"},
      {"attendance",
       "bithu",
       {"delete", "attendance", meeting, "member=" + o.member},
       [&](auto& s, auto& a) { services::deleteAttendance(s, a, o.cell, held, "bat_thuong", o.member); },
       "SELECT count(*) FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.held_on = "
       "'2026-06-10'"},
      {"meeting",
       "bithu",
       {"delete", "meeting", meeting},
       [&](auto& s, auto& a) { services::deleteMeeting(s, a, o.cell, held, "bat_thuong"); },
       "SELECT count(*) FROM meetings WHERE held_on = '2026-06-10'"},
      {"meeting",
       "lanhdao",
       {"delete", "meeting", o.cell + "/2026-06-24"},
       [&](auto& s, auto& a) { services::deleteMeeting(s, a, o.cell, day(2026, 6, 24), ""); },
       "",
       true},
  };
  for (const auto& st : steps) sameOutcome(o, st);
  // The audit row of a deletion keeps the old values.
  CHECK(o.sql("SELECT action || '|' || old_value || '|' || new_value FROM audit_log WHERE record = "
              "'dues_payment:" +
              o.member + "/2026-12' ORDER BY id DESC LIMIT 1")
            .find("dues_payment.delete|") == 0);
  // `record show` reads what the door wrote.
  REQUIRE(
      o.record("bithu", {"add", "dues_payment", o.member + "/2026-12", "amount=56000", "paid_on=2026-12-01"})
          .code == 0);
  const auto shown = o.record("bithu", {"show", "dues_payment", o.member});
  CHECK(shown.code == 0);
  CHECK(shown.out.find("2026-12=56000 | 2026-12-01 | tien_mat | \n") != std::string::npos);
  const std::string regularDay = o.sql(
      "SELECT max(held_on) FROM meetings m JOIN organizations c ON c.id = m.cell_id WHERE m.kind = "
      "'thuong_ky' "
      "AND c.code = '" +
      o.cell + "'");
  const auto regular = o.record("vanphong", {"show", "meeting", o.cell + "/" + regularDay});
  CHECK(regular.code == 0);
  CHECK(regular.out.find("kind=thuong_ky\n") != std::string::npos);
  CHECK(o.record("bithu", {"show", "dues_payment", o.otherMember}).code == 1);
  CHECK(o.record("bithu", {"add", "meeting", "CB07-2026-06-10"}).code == 2);
}
