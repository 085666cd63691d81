// `dangbo-cli record` for every kind: the same change made through the CLI and through the service call of
// the window's dialog, on two identical registers with the same accounts, stores the same value and leaves
// the same audit row; a bad value is refused by both with the dialog's words and writes nothing; and each
// account is kept to its scope (a secretary to their cell, settings to the office, case files to the
// inspection committee, for reading too).
#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>

#include "../TestUtil.h"
#include "CliRun.h"
#include "cli/record/RecordKinds.h"
#include "core/Errors.h"
#include "services/Accounts.h"
#include "services/Admissions.h"
#include "services/CellWork.h"
#include "services/Discipline.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::CliResult;
using dangbo::test::TempDir;

namespace {

std::string password(const std::string& user) {
  return "mat-khau-" + user;
}

// Two identical registers with the same accounts: `cli` is written through dangbo-cli, `window` through the
// service calls of the dialogs.
struct Office {
  TempDir dir;
  std::filesystem::path cli = dir / "cli.db", window = dir / "window.db";
  std::string cell, other, member, otherMember;

  Office() {
    setenv("DANGBO_FAST_HASH", "1", 1);
    for (const auto& db : {cli, window}) {
      test::createSmallRegister(db, 7);
      addUser(db, "quantri", "admin", "");
    }
    cell =
        sql("SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.status = 'active' "
            "GROUP BY o.id ORDER BY count(*) DESC, o.code LIMIT 1");
    other =
        sql("SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.status = 'active' "
            "AND o.code <> '" +
            cell + "' GROUP BY o.id ORDER BY o.code LIMIT 1");
    member = sql(
        "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE m.status = 'active' AND "
        "m.official_on IS NOT NULL AND o.code = '" +
        cell + "' ORDER BY m.code LIMIT 1");
    otherMember = sql(
        "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE m.status = 'active' AND "
        "m.official_on IS NOT NULL AND o.code = '" +
        other + "' ORDER BY m.code LIMIT 1");
    for (const auto& db : {cli, window}) {
      addUser(db, "vanphong", "office", "");
      addUser(db, "bithu", "secretary", cell);
      addUser(db, "kiemtra", "inspection", "");
      addUser(db, "lanhdao", "leadership", "");
    }
  }
  static void addUser(const std::filesystem::path& db, const std::string& name, const std::string& role,
                      const std::string& cellCode) {
    std::vector<std::string> args = {"--db", db.string()};
    std::string input;
    if (name != "quantri") {
      args.insert(args.end(), {"--user", "quantri", "--password-fd", "FD"});
      input = password("quantri") + "\n";
    }
    args.insert(args.end(), {"user", "add", name, "--role", role, "--password-fd", "FD"});
    if (!cellCode.empty()) args.insert(args.end(), {"--cell", cellCode});
    REQUIRE(test::runCliWithInput(args, input + password(name) + "\n").code == 0);
  }
  std::string sql(const std::string& q, const std::filesystem::path* db = nullptr) {
    return test::sqlValue(db ? *db : cli, q);
  }
  // `dangbo-cli --user USER record ARGS...` on the CLI's register.
  CliResult record(const std::string& user, std::vector<std::string> args) {
    std::vector<std::string> all = {"--db", cli.string(), "--user", user, "--password-fd", "FD", "record"};
    all.insert(all.end(), args.begin(), args.end());
    return test::runCliWithInput(all, password(user) + "\n");
  }
  // The service call on the window's register as USER; the refusal's message, "" when written.
  std::string byWindow(const std::string& user,
                       const std::function<void(services::Services&, const services::Actor&)>& call) {
    auto s = services::Services::open(window);
    const auto actor = services::login(*s, user, password(user));
    REQUIRE(actor);
    try {
      call(*s, *actor);
    } catch (const core::DataError& e) {
      return e.what();
    } catch (const core::PermissionError& e) {
      return e.what();
    }
    return {};
  }
  // The latest audit row other than a login, on one register.
  std::string lastChange(const std::filesystem::path& db) {
    return test::sqlValue(db,
                          "SELECT username || '|' || action || '|' || record || '|' || old_value || '|' || "
                          "new_value FROM audit_log WHERE action NOT LIKE 'login%' ORDER BY id DESC LIMIT 1");
  }
  std::string changes(const std::filesystem::path& db) {
    return test::sqlValue(
        db, "SELECT count(*) FROM audit_log WHERE action NOT LIKE 'login%' AND action <> 'case.open'");
  }
};

// One change through both doors.
struct Step {
  const char* kind;
  std::string user;
  std::vector<std::string> cli;  // after `record`
  std::function<void(services::Services&, const services::Actor&)> window;
  std::string stored;  // SQL giving the value written
  bool refused = false;
};

void sameOutcome(Office& o, const Step& st) {
  const std::string kind = st.kind;
  CAPTURE(kind);
  CAPTURE(st.cli);
  const std::string cliBefore = o.changes(o.cli), windowBefore = o.changes(o.window);
  const auto byCli = o.record(st.user, st.cli);
  const std::string byWindow = o.byWindow(st.user, st.window);
  CAPTURE(byCli.err);
  CAPTURE(byWindow);
  if (st.refused) {
    CHECK(byCli.code == 1);
    REQUIRE_FALSE(byWindow.empty());
    CHECK(byCli.err.find(byWindow) != std::string::npos);
    CHECK(o.changes(o.cli) == cliBefore);
    CHECK(o.changes(o.window) == windowBefore);
  } else {
    CHECK(byCli.code == 0);
    CHECK(byWindow.empty());
    CHECK(o.changes(o.cli) != cliBefore);
    CHECK(o.lastChange(o.cli) == o.lastChange(o.window));
  }
  if (!st.stored.empty()) {
    CHECK(o.sql(st.stored, &o.cli) == o.sql(st.stored, &o.window));
    CHECK(o.sql(st.stored, &o.cli) != "<none>");
  }
}

core::Date day(int y, int m, int d) {
  return *core::Date::make(y, m, d);
}

}  // namespace

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
