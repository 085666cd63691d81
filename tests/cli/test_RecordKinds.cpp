// `dangbo-cli record` for every kind: the same change made through the CLI and through the service call of
// the window's dialog, on two identical registers with the same accounts, stores the same value and leaves
// the same audit row; a bad value is refused by both with the dialog's words and writes nothing; and each
// account is kept to its scope (a secretary to their cell, settings to the office, case files to the
// inspection committee, for reading too).

#include "RecordKindsFixture.h"

using namespace dangbo;
using namespace dangbo::test::record;

TEST_CASE("cli record: every kind is listed with its fields") {
  auto all = test::runCli({"record", "show"});
  REQUIRE(all.code == 0);
  for (const auto& k : cli::record::kinds()) {
    CHECK(all.out.find(std::string(k.name) + "\t") != std::string::npos);
    auto fields = test::runCli({"record", "show", k.name});
    CHECK(fields.code == 0);
    for (const auto& f : k.fields) CHECK(fields.out.find(std::string(f.name) + "\t") != std::string::npos);
  }
  CHECK(test::runCli({"record", "show", "vessel"}).code == 2);
  CHECK(test::runCli({"record", "fly", "organization", "CB01"}).code == 2);
}

TEST_CASE("cli record: each kind through the window's door gives the same value, refusal and audit row") {
  Office o;
  const std::string today = core::Date::today().iso();
  const int year = core::Date::today().year();
  const std::vector<Step> steps = {
      // Organizations, settings: the office.
      {"organization",
       "vanphong",
       {"set", "organization", o.cell, "name=Chi bộ bản Mới"},
       [&](auto& s, auto& a) {
         for (auto org : s.organizations(a))
           if (org.code == o.cell) {
             org.name = "Chi bộ bản Mới";
             services::updateOrganization(s, a, org);
           }
       },
       "SELECT name FROM organizations WHERE code = '" + o.cell + "'"},
      {"organization",
       "vanphong",
       {"set", "organization", o.cell, "name="},
       [&](auto& s, auto& a) {
         for (auto org : s.organizations(a))
           if (org.code == o.cell) {
             org.name = "";
             services::updateOrganization(s, a, org);
           }
       },
       "",
       true},
      {"organization",
       "vanphong",
       {"add", "organization", "CB99", "name=Chi bộ Trạm y tế", "kind=truc_thuoc", "category=y_te",
        "founded=2020-03-02"},
       [&](auto& s, auto& a) {
         core::Organization org;
         org.code = "CB99";
         org.name = "Chi bộ Trạm y tế";
         org.kind = "truc_thuoc";
         org.category = "y_te";
         org.founded = day(2020, 3, 2);
         services::addOrganization(s, a, org);
       },
       "SELECT name || founded FROM organizations WHERE code = 'CB99'"},
      {"target",
       "vanphong",
       {"set", "target", "ket_nap_nam/2025-2030", "value=25"},
       [&](auto& s, auto& a) {
         s.saveTarget(a, core::Target{"ket_nap_nam", 2025, 2030, 25, ""});
       },
       "SELECT value FROM targets WHERE key = 'ket_nap_nam' AND from_year = 2025"},
      {"target",
       "vanphong",
       {"set", "target", "ket_nap_nam/2030-2025", "value=25"},
       [&](auto& s, auto& a) {
         s.saveTarget(a, core::Target{"ket_nap_nam", 2030, 2025, 25, ""});
       },
       "",
       true},
      {"rule",
       "vanphong",
       {"add", "rule", "admission.min_age", "valid_from=2026-01-01", "value=19",
        "regulation=Thử nghiệm 1/2026"},
       [&](auto& s, auto& a) {
         s.addRuleValue(a,
                        core::RuleValue{"admission.min_age", day(2026, 1, 1), "19", "Thử nghiệm 1/2026", ""});
       },
       "SELECT value FROM rule_values WHERE key = 'admission.min_age' AND valid_from = '2026-01-01'"},
      {"rule",
       "vanphong",
       {"add", "rule", "admission.min_age", "valid_from=2026-02-01", "value=mười"},
       [&](auto& s, auto& a) {
         s.addRuleValue(a, core::RuleValue{"admission.min_age", day(2026, 2, 1), "mười", "", ""});
       },
       "",
       true},
      {"committee",
       "vanphong",
       {"set", "committee", "-", "signer_name=Hà Xuân Liêm"},
       [&](auto& s, auto& a) {
         auto info = s.committee();
         info.signerName = "Hà Xuân Liêm";
         s.saveCommittee(a, info);
       },
       ""},
      // The secretary's own cell: a candidate and its stages, a member's dated action, a rating.
      {"candidate",
       "bithu",
       {"add", "candidate", "QC901", "full_name=Lò Văn Pản", "birth_date=2001-04-05", "gender=nam",
        "ethnicity=03", "cell=" + o.cell, "listed_on=2026-03-02"},
       [&](auto& s, auto& a) {
         services::NewCandidate n;
         n.code = "QC901";
         n.fullName = "Lò Văn Pản";
         n.birthDate = core::PartialDate::parse("2001-04-05");
         n.gender = "nam";
         n.ethnicity = "03";
         n.cellCode = o.cell;
         n.listedOn = day(2026, 3, 2);
         services::createCandidate(s, a, n);
       },
       "SELECT full_name || birth_date || listed_on FROM candidates WHERE code = 'QC901'"},
      {"candidate",
       "bithu",
       {"add", "candidate", "QC902", "full_name=Lò Văn Nhỏ", "birth_date=2030", "gender=nam", "ethnicity=03",
        "cell=" + o.cell, "listed_on=2026-03-02"},
       [&](auto& s, auto& a) {
         services::NewCandidate n;
         n.code = "QC902";
         n.fullName = "Lò Văn Nhỏ";
         n.birthDate = core::PartialDate::parse("2030");
         n.gender = "nam";
         n.ethnicity = "03";
         n.cellCode = o.cell;
         n.listedOn = day(2026, 3, 2);
         services::createCandidate(s, a, n);
       },
       "",
       true},
      {"candidate_stage",
       "bithu",
       {"add", "candidate_stage", "QC901", "stage=certificate", "number=15/GCN", "date=2026-03-20"},
       [&](auto& s, auto& a) { services::recordCertificate(s, a, "QC901", "15/GCN", day(2026, 3, 20)); },
       "SELECT certificate_no || certificate_on FROM candidates WHERE code = 'QC901'"},
      {"candidate_stage",
       "bithu",
       {"add", "candidate_stage", "QC901", "stage=application", "date=2026-04-01"},
       [&](auto& s, auto& a) { services::recordApplication(s, a, "QC901", day(2026, 4, 1)); },
       "SELECT application_on FROM candidates WHERE code = 'QC901'"},
      {"candidate_stage",
       "bithu",
       {"add", "candidate_stage", "QC901", "stage=history", "date=2099-01-01"},
       [&](auto& s, auto& a) { services::recordHistory(s, a, "QC901", day(2099, 1, 1)); },
       "",
       true},
      {"member_event",
       "vanphong",
       {"add", "member_event", o.member, "kind=exempted", "date=2026-05-04", "decision=5-QĐ/ĐU"},
       [&](auto& s, auto& a) {
         services::MemberAction act;
         act.kind = "exempted";
         act.date = day(2026, 5, 4);
         act.decisionNo = "5-QĐ/ĐU";
         services::recordAction(s, a, o.member, act);
       },
       "SELECT status || status_since FROM members WHERE code = '" + o.member + "'"},
      {"member_event",
       "vanphong",
       {"add", "member_event", o.member, "kind=exemption_ended", "date=2026-01-04"},
       [&](auto& s, auto& a) {
         services::MemberAction act;
         act.kind = "exemption_ended";
         act.date = day(2026, 1, 4);
         services::recordAction(s, a, o.member, act);
       },
       "",
       true},
      {"rating_round",
       "vanphong",
       {"add", "rating_round", std::to_string(year), "opened_on=" + today},
       [&](auto& s, auto& a) { services::openRatingRound(s, a, year, core::Date::today()); },
       "SELECT status FROM rating_rounds WHERE year = " + std::to_string(year)},
      {"rating",
       "bithu",
       {"set", "rating", o.otherMember + "/" + std::to_string(year), "self_level=HTTNV"},
       [&](auto& s, auto& a) {
         services::RatingInput in;
         in.subjectCode = o.otherMember;
         in.stage = services::RatingStage::SelfAssessment;
         in.level = "HTTNV";
         services::enterMemberRatings(s, a, year, {in});
       },
       "",
       true},
      {"cell_rating",
       "vanphong",
       {"set", "cell_rating", o.cell + "/" + std::to_string(year), "level=HTTNV"},
       [&](auto& s, auto& a) {
         services::RatingInput in;
         in.subjectCode = o.cell;
         in.level = "HTTNV";
         services::rateOrganizations(s, a, year, {in});
       },
       "SELECT level FROM ratings r JOIN organizations o ON o.id = r.subject_id WHERE r.subject_type = "
       "'to_chuc' AND o.code = '" +
           o.cell + "' AND r.year = " + std::to_string(year)},
      {"cell_rating",
       "vanphong",
       {"set", "cell_rating", o.cell + "/" + std::to_string(year), "score=150"},
       [&](auto& s, auto& a) {
         services::RatingInput in;
         in.subjectCode = o.cell;
         in.score = 150;
         services::rateOrganizations(s, a, year, {in});
       },
       "",
       true},
      // Case files: the inspection committee.
      {"inspection",
       "kiemtra",
       {"add", "inspection", "kind=dau_hieu_vi_pham", "subject_type=dang_vien", "subject=" + o.otherMember,
        "number=12-QĐ/UBKT", "date=2026-06-01", "findings=Vi phạm quy định"},
       [&](auto& s, auto& a) {
         services::InspectionInput in;
         in.kind = "dau_hieu_vi_pham";
         in.subjectType = "dang_vien";
         in.subjectCode = o.otherMember;
         in.number = "12-QĐ/UBKT";
         in.date = day(2026, 6, 1);
         in.findings = "Vi phạm quy định";
         services::recordInspection(s, a, in);
       },
       "SELECT findings FROM inspections WHERE number = '12-QĐ/UBKT'"},
      {"inspection",
       "kiemtra",
       {"add", "inspection", "kind=dau_hieu_vi_pham", "subject_type=dang_vien", "subject=" + o.otherMember,
        "number=", "date=2026-06-01"},
       [&](auto& s, auto& a) {
         services::InspectionInput in;
         in.kind = "dau_hieu_vi_pham";
         in.subjectType = "dang_vien";
         in.subjectCode = o.otherMember;
         in.date = day(2026, 6, 1);
         services::recordInspection(s, a, in);
       },
       "",
       true},
      {"discipline",
       "kiemtra",
       {"add", "discipline", "subject_type=dang_vien", "subject=" + o.otherMember, "number=3-QĐ/UBKT",
        "date=2026-07-01", "form=khien_trach", "body=Ủy ban Kiểm tra Đảng ủy", "violation=Vi phạm",
        "violation_on=2026-05-01", "announced_on=2026-07-03"},
       [&](auto& s, auto& a) {
         services::DecisionInput in;
         in.subjectType = "dang_vien";
         in.subjectCode = o.otherMember;
         in.number = "3-QĐ/UBKT";
         in.date = day(2026, 7, 1);
         in.form = "khien_trach";
         in.body = "Ủy ban Kiểm tra Đảng ủy";
         in.violation = "Vi phạm";
         in.violationOn = day(2026, 5, 1);
         in.announcedOn = day(2026, 7, 3);
         services::recordDecision(s, a, in);
       },
       "SELECT form || violation FROM disciplines WHERE number = '3-QĐ/UBKT'"},
      {"discipline",
       "kiemtra",
       {"add", "discipline", "subject_type=dang_vien", "subject=" + o.otherMember, "number=4-QĐ/UBKT",
        "date=2026-07-01", "form=giai_tan", "violation=Vi phạm"},
       [&](auto& s, auto& a) {
         services::DecisionInput in;
         in.subjectType = "dang_vien";
         in.subjectCode = o.otherMember;
         in.number = "4-QĐ/UBKT";
         in.date = day(2026, 7, 1);
         in.form = "giai_tan";
         in.violation = "Vi phạm";
         services::recordDecision(s, a, in);
       },
       "",
       true},
  };
  for (const auto& st : steps) sameOutcome(o, st);

  // A complaint on the decision just recorded, with the same id on both registers.
  const std::string decision = o.sql("SELECT id FROM disciplines WHERE number = '3-QĐ/UBKT'");
  REQUIRE(decision == o.sql("SELECT id FROM disciplines WHERE number = '3-QĐ/UBKT'", &o.window));
  sameOutcome(o, {"complaint",
                  "kiemtra",
                  {"add", "complaint", "decision=" + decision, "received_on=2026-07-03",
                   "filed_on=2026-07-10", "content=Xin xem xét lại"},
                  [&](auto& s, auto& a) {
                    services::fileComplaint(
                        s, a, {std::stoll(decision), day(2026, 7, 3), day(2026, 7, 10), "Xin xem xét lại"});
                  },
                  "SELECT content FROM complaints WHERE discipline_id = " + decision});
  sameOutcome(
      o,
      {"complaint",
       "kiemtra",
       {"add", "complaint", "decision=" + decision, "received_on=2026-07-03", "filed_on=2026-10-10",
        "content=Quá hạn"},
       [&](auto& s, auto& a) {
         services::fileComplaint(s, a, {std::stoll(decision), day(2026, 7, 3), day(2026, 10, 10), "Quá hạn"});
       },
       "",
       true});
  // The round locks for both (findings overridden with a reason).
  sameOutcome(o, {"rating_round",
                  "vanphong",
                  {"set", "rating_round", std::to_string(year), "status=locked", "override_reason=Thử"},
                  [&](auto& s, auto& a) { services::lockRatingRound(s, a, year, "Thử"); },
                  "SELECT status FROM rating_rounds WHERE year = " + std::to_string(year)});
  CHECK(o.sql("SELECT status FROM rating_rounds WHERE year = " + std::to_string(year)) == "locked");
}

TEST_CASE("cli record: each account stays in its scope, for reading case files too") {
  Office o;
  const int year = core::Date::today().year();
  const std::string before = o.changes(o.cli);
  struct Refusal {
    std::string user;
    std::vector<std::string> args;
  };
  const std::vector<Refusal> refused = {
      // A secretary: only their own cell's members, candidates and ratings; nothing of the office's.
      {"bithu", {"set", "member", o.otherMember, "occupation=Khác"}},
      {"bithu", {"show", "member", o.otherMember}},
      {"bithu", {"add", "member_event", o.otherMember, "kind=exempted", "date=2026-05-04"}},
      {"bithu",
       {"add", "candidate", "QC903", "full_name=Lò Văn Ba", "birth_date=2001-04-05", "gender=nam",
        "ethnicity=03", "cell=" + o.other, "listed_on=2026-03-02"}},
      {"bithu", {"set", "organization", o.cell, "name=Đổi"}},
      {"bithu", {"set", "target", "ket_nap_nam/2025-2030", "value=1"}},
      {"bithu", {"add", "rule", "admission.min_age", "valid_from=2026-01-01", "value=17", "regulation=X"}},
      {"bithu", {"set", "committee", "-", "signer_name=X"}},
      {"bithu", {"add", "rating_round", std::to_string(year)}},
      {"bithu", {"set", "cell_rating", o.cell + "/" + std::to_string(year), "level=HTTNV"}},
      // Case files: the inspection committee only, for reading too.
      {"vanphong", {"show", "inspection", "1"}},
      {"vanphong", {"show", "discipline", "1"}},
      {"vanphong",
       {"add", "inspection", "kind=thuong_xuyen", "subject_type=to_chuc", "subject=" + o.cell, "number=1-KH",
        "date=2026-06-01"}},
      {"bithu",
       {"add", "discipline", "subject_type=dang_vien", "subject=" + o.member, "number=9-QĐ",
        "date=2026-07-01", "form=khien_trach", "violation=X", "violation_on=2026-06-01"}},
      {"quantri", {"show", "discipline", "1"}},
      // Leadership reads and writes nothing.
      {"lanhdao", {"set", "member", o.member, "occupation=Khác"}},
      {"lanhdao",
       {"add", "removal", o.member, "ground=bo_sinh_hoat", "decision=1", "decision_on=2026-07-01"}},
  };
  for (const auto& r : refused) {
    CAPTURE(r.user);
    CAPTURE(r.args);
    const auto res = o.record(r.user, r.args);
    CHECK(res.code == 1);
    CHECK(res.out.empty());
    CHECK_FALSE(res.err.empty());
  }
  CHECK(o.changes(o.cli) == before);
  // What the same accounts may do.
  CHECK(o.record("bithu", {"set", "member", o.member, "occupation=Trưởng bản"}).code == 0);
  CHECK(o.record("bithu", {"show", "member", o.member}).code == 0);
  const auto added = o.record("kiemtra", {"add", "inspection", "kind=thuong_xuyen", "subject_type=to_chuc",
                                          "subject=" + o.cell, "number=1-KH", "date=2026-06-01"});
  REQUIRE(added.code == 0);
  CHECK(added.out == o.sql("SELECT id FROM inspections WHERE number = '1-KH'") + "\n");
  const auto shown = o.record("kiemtra", {"show", "inspection", added.out.substr(0, added.out.size() - 1)});
  CHECK(shown.code == 0);
  CHECK(shown.out.find("number=1-KH\n") != std::string::npos);
}

TEST_CASE("cli record: the youngest admission age is read from the dated rule, as the dialog reads it") {
  TempDir dir;
  const auto db = dir / "d.db";
  test::createSmallRegister(db, 11);
  const std::string code =
      test::sqlValue(db,
                     "SELECT code FROM members WHERE status = 'active' AND birth_date LIKE '____-__-__' "
                     "ORDER BY code LIMIT 1");
  const auto birth =
      *core::Date::parse(test::sqlValue(db, "SELECT birth_date FROM members WHERE code = '" + code + "'"));
  // Admitted at 17: within the rule's 16.
  const std::string at17 =
      core::Date::make(birth.year() + 17, birth.month(), birth.day() == 29 ? 28 : birth.day())->iso();
  auto set = [&] {
    return test::runCli({"--db", db.string(), "record", "set", "member", code, "admitted_on=" + at17,
                         "ceremony_on=", "official_on="});
  };
  CHECK(set().code == 0);
  CHECK(test::sqlValue(db, "SELECT admitted_on FROM members WHERE code = '" + code + "'") == at17);
  // The office makes the rule 18 from 1930 on: the same date is now refused, by the dialog's rule.
  REQUIRE(test::runCli({"--db", db.string(), "record", "add", "rule", "member.youngest_admission_age",
                        "valid_from=1930-02-03", "value=18", "regulation=Điều lệ Đảng, Điều 1"})
              .code == 0);
  const auto refused = set();
  CHECK(refused.code == 1);
  CHECK(refused.err.find(at17.substr(0, 4)) != std::string::npos);
}
