// One door per record (continued from test_OneDoorKinds.cpp): the kinds an import writes through the doors of
// the pages that own them — a member's training, disciplinary decisions, committee seats, cell secretaries
// over time and candidates — stored and refused alike by every door that can write them.
#include <doctest/doctest.h>

#include "OneDoorRegisters.h"

using namespace dangbo;
using namespace dangbo::test::onedoor;
using dangbo::test::TempDir;

TEST_CASE("one door: a member's training through the member form and an import (no CLI or package door)") {
  Registers r;
  const std::string stored =
      "SELECT group_concat(year || '|' || date || '|' || course) FROM trainings WHERE "
      "member_id = (SELECT id FROM members WHERE code = '" +
      r.member + "') AND date = '2025-05-15'";
  const std::string course = "Tập huấn nghiệp vụ công tác đảng";
  CHECK(r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
           services::addTraining(s, a, r.member, 2025, core::Date::make(2025, 5, 15), course);
         }).empty());
  const std::map<std::string, std::string> row = {
      {"Mã đảng viên", r.member}, {"Ngày", "15/05/2025"}, {"Nội dung", course}};
  CHECK(r.byImport(kOfficeAccount, "tap_huan", row).empty());
  const std::string expected = r.outcome(Door::Window, stored, "member:" + r.member);
  CHECK(expected ==
        "2025|2025-05-15|" + course + " # vanphong|training.add|member:" + r.member + "||2025 " + course);
  CHECK(r.outcome(Door::Import, stored, "member:" + r.member) == expected);
  // The same file again: unchanged, nothing written twice.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "tap_huan", row).empty());
  CHECK(r.sql(Door::Import, stored) == "2025|2025-05-15|" + course);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM audit_log WHERE action = 'training.add'") == "1");

  // No course: the form's refusal, from both doors, nothing written.
  before = auditCounts(r);
  const std::string refusal = r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
    services::addTraining(s, a, r.member, 2025, core::Date::make(2025, 6, 1), "");
  });
  sameRefusal(r, refusal,
              {{Door::Import, r.byImport(kOfficeAccount, "tap_huan",
                                         {{"Mã đảng viên", r.member}, {"Ngày", "01/06/2025"}})}},
              {{Door::Window, before[Door::Window]}, {Door::Import, before[Door::Import]}});
  // A recorded training is not rewritten by an import (the form adds trainings only).
  const std::string rewritten = r.byImport(
      kOfficeAccount, "tap_huan", {{"Mã đảng viên", r.member}, {"Ngày", "15/05/2025"}, {"Nội dung", "Khác"}});
  CHECK(rewritten.find("\"Nội dung\"") != std::string::npos);
  CHECK(r.sql(Door::Import, stored) == "2025|2025-05-15|" + course);

  // A secretary of another cell: the form's refusal, from both doors.
  const services::Actor other{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code <> '" + r.cell + "' LIMIT 1"))};
  std::string windowRefusal;
  {
    auto s = services::Services::open(r.db[Door::Window]);
    try {
      services::addTraining(*s, other, r.member, 2025, core::Date::make(2025, 7, 1), course);
    } catch (const std::exception& e) {
      windowRefusal = e.what();
    }
  }
  CAPTURE(windowRefusal);
  REQUIRE_FALSE(windowRefusal.empty());
  const std::string imported = r.byImport(
      other, "tap_huan", {{"Mã đảng viên", r.member}, {"Ngày", "01/07/2025"}, {"Nội dung", course}});
  CHECK(imported.find(windowRefusal) != std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM trainings") ==
        r.sql(Door::Window, "SELECT count(*) FROM trainings"));
}

TEST_CASE("one door: a new disciplinary decision through the discipline page's call and an import") {
  Registers r;
  const std::string stored =
      "SELECT number || '|' || date || '|' || form || '|' || body || '|' || violation || '|' || "
      "coalesce(violation_on, '') FROM disciplines WHERE number = '10-QĐ/UBKT'";
  const std::string record = "discipline:" + r.sql(Door::Window, "SELECT max(id) + 1 FROM disciplines");
  // The discipline page's call for a decision on the member dated 01/08/2025.
  auto decide = [&](const char* number, const char* form, const char* violation, core::Date violationOn) {
    return [&r, number, form, violation, violationOn](auto& s, auto& a) {
      services::DecisionInput d;
      d.subjectType = "dang_vien";
      d.subjectCode = r.member;
      d.number = number;
      d.date = *core::Date::make(2025, 8, 1);
      d.form = form;
      d.body = "UBKT Đảng ủy";
      d.violation = violation;
      d.violationOn = violationOn;
      services::recordDecision(s, a, d);
    };
  };
  CHECK(r.byWindow(kInspectionAccount,
                   decide("10-QĐ/UBKT", "khien_trach", "Vi phạm quy chế", *core::Date::make(2025, 7, 1)))
            .empty());
  const std::map<std::string, std::string> row = {{"Số quyết định", "10-QĐ/UBKT"},
                                                  {"Ngày quyết định", "01/08/2025"},
                                                  {"Đối tượng", "Đảng viên"},
                                                  {"Mã", r.member},
                                                  {"Hình thức", "Khiển trách"},
                                                  {"Cấp quyết định", "UBKT Đảng ủy"},
                                                  {"Nội dung vi phạm", "Vi phạm quy chế"},
                                                  {"Ngày vi phạm", "01/07/2025"}};
  // The dry run of the inspection committee shows the new row, and no refusal.
  const std::string planned = r.byDryRun(kInspectionAccount, "ky_luat", row);
  CHECK(planned == "10-QĐ/UBKT / dang_vien / " + r.member + "\n");
  CHECK(r.byImport(kInspectionAccount, "ky_luat", row).empty());
  const std::string expected = r.outcome(Door::Window, stored, record);
  CHECK(expected ==
        "10-QĐ/UBKT|2025-08-01|khien_trach|UBKT Đảng ủy|Vi phạm quy chế|2025-07-01 # kiemtra|"
        "discipline.add|" +
            record + "||khien_trach dang_vien:" + r.member + " 2025-08-01");
  CHECK(r.outcome(Door::Import, stored, record) == expected);
  // The same file again: unchanged, nothing written twice.
  CHECK(r.byImport(kInspectionAccount, "ky_luat", row).empty());
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM audit_log WHERE action = 'discipline.add'") ==
        r.sql(Door::Window, "SELECT count(*) FROM audit_log WHERE action = 'discipline.add'"));

  // A violation dated after the decision: the page's refusal, from the import and its dry run (naming the
  // file, the row and the column), nothing written.
  auto before = auditCounts(r);
  const std::string refusal = r.byWindow(
      kInspectionAccount, decide("11-QĐ/UBKT", "canh_cao", "Vi phạm", *core::Date::make(2025, 9, 1)));
  auto bad = row;
  bad["Số quyết định"] = "11-QĐ/UBKT";
  bad["Hình thức"] = "Cảnh cáo";
  bad["Nội dung vi phạm"] = "Vi phạm";
  bad["Ngày vi phạm"] = "01/09/2025";
  const std::string imported = r.byImport(kInspectionAccount, "ky_luat", bad);
  sameRefusal(r, refusal, {{Door::Import, imported}},
              {{Door::Window, before[Door::Window]}, {Door::Import, before[Door::Import]}});
  CHECK(imported.find("ky_luat.csv") == 0);
  CHECK(imported.find("\"Ngày vi phạm\"") != std::string::npos);
  const std::string dry = r.byDryRun(kInspectionAccount, "ky_luat", bad);
  CHECK(dry.find(refusal) != std::string::npos);
  CHECK(dry.find("\"Ngày vi phạm\"") != std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM disciplines WHERE number = '11-QĐ/UBKT'") == "0");

  // A cell secretary (even of the member's own cell) and the office: the file is refused as a whole, and the
  // dry run shows nothing of the row (neither its key nor the stored decision's text).
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + r.cell + "'"))};
  auto guess = row;
  guess["Số quyết định"] = "9-QĐ/UBKT";
  guess["Nội dung vi phạm"] = "Vi phạm quy định";
  for (const auto& actor : {secretary, kOfficeAccount}) {
    CAPTURE(actor.username);
    before = auditCounts(r);
    CHECK(r.byImport(actor, "ky_luat", row).find("ky_luat.csv") == 0);
    const std::string shown = r.byDryRun(actor, "ky_luat", guess);
    CHECK(shown.find("ky_luat.csv") == 0);
    CHECK(shown.find("9-QĐ/UBKT") == std::string::npos);
    CHECK(shown.find("Vi phạm quy định") == std::string::npos);
    CHECK(shown.find(r.member) == std::string::npos);
    CHECK(auditCounts(r) == before);
  }
}

TEST_CASE("one door: an imported expulsion of a member whose file already records it is not recorded twice") {
  Registers r;
  // The member's file says expelled on the decision's day (an office's old records); the decision follows.
  const std::string code = r.member;
  {
    auto s = services::Services::open(r.db[Door::Import]);
    if (r.sql(Door::Import, "SELECT official_on IS NULL FROM members WHERE code = '" + code + "'") == "1")
      services::recordAction(
          *s, kOfficeAccount, code,
          services::MemberAction{"recognized", *core::Date::make(2025, 9, 1), "", "", "", ""});
    services::recordAction(
        *s, kOfficeAccount, code,
        services::MemberAction{"expelled", *core::Date::make(2025, 9, 10), "", "", "KL01", ""});
  }
  const std::string events = "SELECT count(*) FROM member_events WHERE kind = 'expelled'";
  const std::string before = r.sql(Door::Import, events);
  CHECK(r.byImport(kInspectionAccount, "ky_luat",
                   {{"Số quyết định", "KL01"},
                    {"Ngày quyết định", "10/09/2025"},
                    {"Đối tượng", "Đảng viên"},
                    {"Mã", code},
                    {"Hình thức", "Khai trừ"},
                    {"Cấp quyết định", "Đảng ủy"},
                    {"Nội dung vi phạm", "Vi phạm tư cách"}})
            .empty());
  CHECK(r.sql(Door::Import, events) == before);
  CHECK(r.sql(Door::Import, "SELECT form FROM disciplines WHERE number = 'KL01'") == "khai_tru");
}

TEST_CASE("one door: a committee seat through its service call, an import and the CLI") {
  Registers r;
  const std::string stored =
      "SELECT t.name || '|' || s.position FROM committee_seats s JOIN terms t ON t.id = s.term_id JOIN "
      "members m ON m.id = s.member_id WHERE m.code = '" +
      r.member + "' AND t.name = '2030-2035'";
  const std::string record = "committee_seat:2030-2035/" + r.member;
  auto seat = [&](const std::string& term, const std::string& position) {
    return [&r, term, position](auto& s, auto& a) {
      services::saveCommitteeSeat(s, a, term, r.member, position);
    };
  };
  auto row = [&](const std::string& term, const std::string& position) {
    return std::map<std::string, std::string>{
        {"Nhiệm kỳ", term}, {"Mã đảng viên", r.member}, {"Chức vụ", position}};
  };
  auto cli = [&](const char* action, const std::string& term, const std::string& position) {
    return r.byCli("vanphong", {action, "committee_seat", term + "/" + r.member, "position=" + position});
  };
  // A new seat, then a change of position: the same stored value and audit row from every door.
  CHECK(r.byWindow(kOfficeAccount, seat("2030-2035", "uv_bch")).empty());
  CHECK(r.byImport(kOfficeAccount, "cap_uy", row("2030-2035", "Ủy viên Ban Chấp hành")).empty());
  CHECK(cli("add", "2030-2035", "uv_bch").empty());
  std::string expected = r.outcome(Door::Window, stored, record);
  CHECK(expected == "2030-2035|uv_bch # vanphong|committee_seat.add|" + record + "||position: uv_bch");
  sameOutcome(r, stored, record);
  CHECK(r.byWindow(kOfficeAccount, seat("2030-2035", "pho_bi_thu")).empty());
  CHECK(r.byDryRun(kOfficeAccount, "cap_uy", row("2030-2035", "Phó Bí thư")).find("->") != std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "cap_uy", row("2030-2035", "Phó Bí thư")).empty());
  CHECK(cli("set", "2030-2035", "pho_bi_thu").empty());
  expected = r.outcome(Door::Window, stored, record);
  CHECK(expected == "2030-2035|pho_bi_thu # vanphong|committee_seat.update|" + record +
                        "|position: uv_bch|position: pho_bi_thu");
  sameOutcome(r, stored, record);
  // `record show` reads the seat back.
  const auto seatShown =
      test::runCliWithInput({"--db", r.db[Door::Cli].string(), "--user", "kiemtra", "--password-fd", "FD",
                             "record", "show", "committee_seat", "2030-2035/" + r.member},
                            password("kiemtra") + "\n");
  CHECK(seatShown.code == 0);
  CHECK(seatShown.out == "position=pho_bi_thu\n");
  // The same file again: unchanged, no audit row.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "cap_uy", row("2030-2035", "Phó Bí thư")).empty());
  CHECK(auditCounts(r) == before);

  // A term of one year: the door's refusal, from the import and its dry run (file, row, column), nothing
  // written.
  const std::string refusal = r.byWindow(kOfficeAccount, seat("2025-2025", "uv_bch"));
  const std::string imported = r.byImport(kOfficeAccount, "cap_uy", row("2025-2025", "uv_bch"));
  sameRefusal(r, refusal, {{Door::Import, imported}, {Door::Cli, cli("add", "2025-2025", "uv_bch")}}, before);
  // An unknown position: the door's words from the CLI; the import refuses it already when reading the file
  // (the column's values, listed), at the same column.
  const std::string badPosition = r.byWindow(kOfficeAccount, seat("2030-2035", "thu_quy"));
  sameRefusal(r, badPosition, {{Door::Cli, cli("set", "2030-2035", "thu_quy")}}, before);
  CHECK(r.byImport(kOfficeAccount, "cap_uy", row("2030-2035", "thu_quy")).find("\"Chức vụ\": \"thu_quy\"") !=
        std::string::npos);
  CHECK(imported.find("cap_uy.csv") == 0);
  CHECK(imported.find("\"Nhiệm kỳ\"") != std::string::npos);
  CHECK(r.byDryRun(kOfficeAccount, "cap_uy", row("2025-2025", "uv_bch")).find(refusal) != std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM terms WHERE name = '2025-2025'") == "0");

  // A cell secretary, even of the member's own cell: the office's work. The service call throws, the import
  // and its dry run refuse the whole file and show nothing of its rows.
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + r.cell + "'"))};
  before = auditCounts(r);
  {
    auto s = services::Services::open(r.db[Door::Window]);
    CHECK_THROWS_AS(services::saveCommitteeSeat(*s, secretary, "2030-2035", r.member, "bi_thu"),
                    core::PermissionError);
  }
  CHECK(r.byImport(secretary, "cap_uy", row("2030-2035", "Bí thư")).find("cap_uy.csv") == 0);
  const std::string shown = r.byDryRun(secretary, "cap_uy", row("2030-2035", "Bí thư"));
  CHECK(shown.find("cap_uy.csv") == 0);
  CHECK(shown.find(r.member) == std::string::npos);
  CHECK(shown.find("Phó") == std::string::npos);
  // The inspection committee's account on the command line: the office's work too.
  CHECK(r.byCli("kiemtra", {"set", "committee_seat", "2030-2035/" + r.member, "position=bi_thu"})
            .find("kiemtra") != std::string::npos);
  CHECK(auditCounts(r) == before);
  for (Door d : {Door::Window, Door::Import, Door::Cli}) CHECK(r.sql(d, stored) == "2030-2035|pho_bi_thu");
}

TEST_CASE(
    "one door: a cell secretary's period, past or present, through its service call, an import and the CLI") {
  Registers r;
  // Two official members of the cell, official since before the periods below, on every register.
  const std::string second = r.sql(
      Door::Window, "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE o.code = '" +
                        r.cell + "' AND m.status = 'active' AND m.code <> '" + r.member +
                        "' ORDER BY m.code LIMIT 1");
  REQUIRE_FALSE(second.empty());
  for (const auto& [door, path] : r.db) {
    auto s = services::Services::open(path);
    for (const std::string& code : {r.member, second})
      services::storeOf(*s).db().exec(
          "UPDATE members SET admitted_on = '2010-01-01', official_on = '2011-01-01', transferred_in_on = "
          "NULL "
          "WHERE code = '" +
          code + "'");
    services::storeOf(*s).db().exec("UPDATE organizations SET founded = '2000-01-01' WHERE code = '" +
                                    r.cell + "'");
    // (The small register's secretary of the cell since 2020 is taken out: the periods below are the cell's.)
    services::storeOf(*s).db().exec(
        "DELETE FROM cell_leaders WHERE org_id = (SELECT id FROM organizations WHERE code = '" + r.cell +
        "')");
  }
  const std::string stored =
      "SELECT group_concat(m.code || '|' || l.from_date || '|' || coalesce(l.to_date, ''), "
      "';') FROM cell_leaders l JOIN members m ON m.id = l.member_id JOIN organizations o "
      "ON o.id = l.org_id WHERE o.code = '" +
      r.cell + "' AND l.role = 'bi_thu'";
  const std::string record = "organization:" + r.cell;
  auto period = [&](const std::string& member, const char* from, std::optional<core::Date> to) {
    return [&r, member, from, to](auto& s, auto& a) {
      services::recordSecretaryPeriod(s, a, r.cell, member, *core::Date::parse(from), to, "");
    };
  };
  auto row = [&](const std::string& member, const std::string& from, const std::string& to) {
    return std::map<std::string, std::string>{
        {"Mã chi bộ", r.cell}, {"Mã đảng viên", member}, {"Từ ngày", from}, {"Đến ngày", to}};
  };
  // A past period, closed.
  CHECK(r.byWindow(kOfficeAccount, period(r.member, "2015-01-01", core::Date::make(2017, 12, 31))).empty());
  CHECK(r.byDryRun(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2015", "31/12/2017")) ==
        r.cell + " / " + r.member + " / 2015-01-01\n");
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2015", "31/12/2017")).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", r.cell, "action=secretary_period",
                             "member=" + r.member, "date=2015-01-01", "to=2017-12-31"})
            .empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record) ==
        r.member + "|2015-01-01|2017-12-31 # vanphong|cell_leader.period|" + record + "||bi_thu " + r.member +
            " 2015-01-01..2017-12-31");
  // The next one, handed over on its last day, open; then its end recorded ("Đến ngày").
  CHECK(r.byWindow(kOfficeAccount, period(second, "2017-12-31", std::nullopt)).empty());
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(second, "31/12/2017", "")).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", r.cell, "action=secretary_period",
                             "member=" + second, "date=2017-12-31"})
            .empty());
  CHECK(r.byWindow(kOfficeAccount, period(second, "2017-12-31", core::Date::make(2020, 6, 30))).empty());
  const std::string shown =
      r.byDryRun(kOfficeAccount, "bi_thu_chi_bo", row(second, "31/12/2017", "30/06/2020"));
  CHECK(shown.find(" -> 30/06/2020") != std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(second, "31/12/2017", "30/06/2020")).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", r.cell, "action=secretary_period",
                             "member=" + second, "date=2017-12-31", "to=2020-06-30"})
            .empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record)
            .find("|cell_leader.period|" + record + "|bi_thu " + second + " 2017-12-31..|bi_thu " + second +
                  " 2017-12-31..2020-06-30") != std::string::npos);
  // The same file again, and an empty "Đến ngày": unchanged, nothing written.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(second, "31/12/2017", "")).empty());
  CHECK(auditCounts(r) == before);

  // An overlapping period: the door's refusal from every door (the import's names file, row and column).
  const std::string refusal = r.byWindow(kOfficeAccount, period(r.member, "2019-01-01", std::nullopt));
  CAPTURE(refusal);
  CHECK(refusal.find(second) != std::string::npos);
  const std::string imported = r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2019", ""));
  sameRefusal(
      r, refusal,
      {{Door::Import, imported},
       {Door::Cli, r.byCli("vanphong", {"add", "organization_event", r.cell, "action=secretary_period",
                                        "member=" + r.member, "date=2019-01-01"})}},
      before);
  CHECK(imported.find("bi_thu_chi_bo.csv") == 0);
  CHECK(imported.find("\"Từ ngày\"") != std::string::npos);
  CHECK(r.byDryRun(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2019", "")).find(refusal) !=
        std::string::npos);
  // A last day before the first: refused naming "Đến ngày".
  CHECK(r.byImport(kOfficeAccount, "bi_thu_chi_bo", row(r.member, "01/01/2012", "01/01/2011"))
            .find("\"Đến ngày\"") != std::string::npos);

  // A cell secretary, even of this cell: the office's work. The call throws; the import and its dry run
  // refuse the file and show nothing of it.
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + r.cell + "'"))};
  {
    auto s = services::Services::open(r.db[Door::Window]);
    CHECK_THROWS_AS(
        services::recordSecretaryPeriod(*s, secretary, r.cell, r.member, *core::Date::make(2012, 1, 1),
                                        core::Date::make(2013, 1, 1), ""),
        core::PermissionError);
  }
  CHECK(r.byImport(secretary, "bi_thu_chi_bo", row(r.member, "01/01/2012", "01/01/2013"))
            .find("bi_thu_chi_bo.csv") == 0);
  const std::string secretaryShown = r.byDryRun(secretary, "bi_thu_chi_bo", row(second, "31/12/2017", ""));
  CHECK(secretaryShown.find("bi_thu_chi_bo.csv") == 0);
  CHECK(secretaryShown.find(second) == std::string::npos);
  CHECK(auditCounts(r) == before);
}

TEST_CASE("one door: a candidate through the admissions page's calls, an import and the CLI") {
  Registers r;
  for (const auto& [door, path] : r.db)
    services::storeOf(*services::Services::open(path))
        .db()
        .exec("UPDATE organizations SET founded = '2000-01-01' WHERE code = '" + r.cell + "'");
  const std::string kinh = r.sql(Door::Window, "SELECT code FROM ethnic_groups WHERE name = 'Kinh'");
  REQUIRE_FALSE(kinh.empty());
  const std::string code = "QC900", record = "candidate:" + code;
  const std::string stored =
      "SELECT c.full_name || '|' || c.birth_date || '|' || c.gender || '|' || c.ethnicity || '|' || "
      "c.listed_on || '|' || o.code || '|' || c.status FROM candidates c JOIN organizations o ON o.id = "
      "c.cell_id WHERE c.code = '" +
      code + "'";
  auto listing = [&](const std::string& key, const std::string& cell, const char* listed) {
    return [key, cell, listed, kinh](auto& s, auto& a) {
      services::NewCandidate n;
      n.code = key;
      n.fullName = "Lò Văn Tâm";
      n.birthDate = core::PartialDate::parse("1995-04-02");
      n.gender = "nam";
      n.ethnicity = kinh;
      n.cellCode = cell;
      n.listedOn = *core::Date::parse(listed);
      services::createCandidate(s, a, n);
    };
  };
  auto row = [&](const std::string& key, const std::string& cell, const std::string& listed) {
    return std::map<std::string, std::string>{
        {"Mã", key},         {"Họ và tên", "Lò Văn Tâm"}, {"Ngày sinh", "02/04/1995"},   {"Giới tính", "Nam"},
        {"Dân tộc", "Kinh"}, {"Mã chi bộ", cell},         {"Ngày vào danh sách", listed}};
  };
  auto cli = [&](const std::string& key, const std::string& cell, const std::string& listed) {
    return r.byCli("vanphong", {"add", "candidate", key, "full_name=Lò Văn Tâm", "birth_date=1995-04-02",
                                "gender=nam", "ethnicity=" + kinh, "cell=" + cell, "listed_on=" + listed});
  };
  // Listed: the same stored file and the same audit row (candidate.add) from the page, an import and the CLI.
  CHECK(r.byWindow(kOfficeAccount, listing(code, r.cell, "2025-01-10")).empty());
  CHECK(r.byDryRun(kOfficeAccount, "quan_chung", row(code, r.cell, "10/01/2025")) == code + "\n");
  CHECK(r.byImport(kOfficeAccount, "quan_chung", row(code, r.cell, "10/01/2025")).empty());
  CHECK(cli(code, r.cell, "2025-01-10").empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record) == "Lò Văn Tâm|1995-04-02|nam|" + kinh + "|2025-01-10|" +
                                                       r.cell + "|in_progress # vanphong|candidate.add|" +
                                                       record + "||Lò Văn Tâm | " + r.cell + " | 2025-01-10");
  // The same file again: unchanged, no audit row.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "quan_chung", row(code, r.cell, "10/01/2025")).empty());
  CHECK(auditCounts(r) == before);

  // A changed name: the correction (candidate.correct, old and new value), from every door.
  auto renamed = row(code, r.cell, "10/01/2025");
  renamed["Họ và tên"] = "Lò Văn Tám";
  CHECK(r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
           services::correctCandidate(s, a, code,
                                      {"Lò Văn Tám", core::PartialDate::parse("1995-04-02"), "", "",
                                       *core::Date::parse("2025-01-10"), "sửa tên"});
         }).empty());
  CHECK(r.byDryRun(kOfficeAccount, "quan_chung", renamed).find("Lò Văn Tâm -> Lò Văn Tám") !=
        std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "quan_chung", renamed).empty());
  CHECK(
      r.byCli("vanphong", {"set", "candidate", code, "full_name=Lò Văn Tám", "--reason", "sửa tên"}).empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record)
            .find("|candidate.correct|" + record + "|full_name=Lò Văn Tâm|full_name=Lò Văn Tám") !=
        std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT reason FROM audit_log WHERE action = 'candidate.correct'") ==
        "nhập từ tệp quan_chung.csv");

  // Listed before the cell was founded: the page's refusal from the import (file, row, column), its dry run
  // and the CLI, nothing written.
  before = auditCounts(r);
  const std::string refusal = r.byWindow(kOfficeAccount, listing("QC901", r.cell, "1999-05-01"));
  const std::string imported = r.byImport(kOfficeAccount, "quan_chung", row("QC901", r.cell, "01/05/1999"));
  sameRefusal(r, refusal, {{Door::Import, imported}, {Door::Cli, cli("QC901", r.cell, "1999-05-01")}},
              before);
  CHECK(imported.find("quan_chung.csv") == 0);
  CHECK(imported.find("\"Ngày vào danh sách\"") != std::string::npos);
  CHECK(r.byDryRun(kOfficeAccount, "quan_chung", row("QC901", r.cell, "01/05/1999")).find(refusal) !=
        std::string::npos);
  for (Door d : {Door::Window, Door::Import, Door::Cli})
    CHECK(r.sql(d, "SELECT count(*) FROM candidates WHERE code = 'QC901'") == "0");

  // A completed file (its decision and ceremony recorded: the person is a member by now) is the history of an
  // old file, which no page lists anew: the import writes its listing with its own row, whatever the listing
  // day, and walks its stages through the admissions page's rules in order (test_OneDoorCandidateStages.cpp):
  // a decision and a ceremony with no cell's vote before them are refused, nothing written.
  auto completed = row("QC910", r.cell, "01/05/1999");
  completed["Ngày quyết định"] = "01/06/2000";
  completed["Ngày lễ kết nạp"] = "20/06/2000";
  CHECK(r.byImport(kOfficeAccount, "quan_chung", completed).find("\"Ngày quyết định\"") != std::string::npos);
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM candidates WHERE code = 'QC910'") == "0");
  before = auditCounts(r);

  // A secretary of another cell: the page's call throws; the import and its dry run refuse, showing nothing
  // of the stored file, and write nothing.
  const std::string other =
      r.sql(Door::Window, "SELECT code FROM organizations WHERE code <> '" + r.cell +
                              "' AND kind = 'co_so' AND ceased IS NULL ORDER BY code LIMIT 1");
  REQUIRE_FALSE(other.empty());
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + other + "'"))};
  {
    auto s = services::Services::open(r.db[Door::Window]);
    CHECK_THROWS_AS(listing("QC902", r.cell, "2025-01-10")(*s, secretary), core::PermissionError);
  }
  CHECK(r.byImport(secretary, "quan_chung", row("QC902", r.cell, "10/01/2025")).find("quan_chung.csv") == 0);
  auto hostile = row(code, other, "10/01/2025");
  hostile["Họ và tên"] = "Lò Văn Tâm";
  for (const auto& cells : {hostile, row(code, r.cell, "10/01/2025")}) {
    CHECK(r.byImport(secretary, "quan_chung", cells).find("quan_chung.csv") == 0);
    const std::string shown = r.byDryRun(secretary, "quan_chung", cells);
    CAPTURE(shown);
    CHECK(shown.find("Tám") == std::string::npos);
    CHECK(shown.find("->") == std::string::npos);
  }
  CHECK(auditCounts(r) == before);
  for (Door d : {Door::Window, Door::Import, Door::Cli}) {
    CHECK(r.sql(d, "SELECT count(*) FROM candidates WHERE code = 'QC902'") == "0");
    CHECK(r.sql(d, stored).starts_with("Lò Văn Tám|"));
  }
  // The secretary of the cell itself lists through the import as through the page, the audit row theirs.
  const services::Actor own{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + r.cell + "'"))};
  CHECK(r.byWindow(own, listing("QC903", r.cell, "2025-02-03")).empty());
  CHECK(r.byImport(own, "quan_chung", row("QC903", r.cell, "03/02/2025")).empty());
  const std::string ownRow =
      "SELECT username || '|' || action || '|' || new_value FROM audit_log WHERE record = 'candidate:QC903'";
  CHECK(r.sql(Door::Import, ownRow) == "bithu|candidate.add|Lò Văn Tâm | " + r.cell + " | 2025-02-03");
  CHECK(r.sql(Door::Import, ownRow) == r.sql(Door::Window, ownRow));
}
