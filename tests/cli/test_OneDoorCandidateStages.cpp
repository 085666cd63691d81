// One door per record (continued from test_OneDoorImportKinds.cpp): the stages a candidate's file already
// records (quan_chung.csv) walked through the admissions page's rules in its order
// (services/CandidateStages), each with the page's audit row; a hostile file cannot use a later stage to skip
// the checks of the earlier ones, and a secretary of another cell cannot record a stage.
#include <doctest/doctest.h>

#include "OneDoorRegisters.h"
#include "core/I18n.h"
#include "services/CandidateStages.h"

using namespace dangbo;
using namespace dangbo::test::onedoor;

namespace {

// A completed file of the cell: listed, certified, sponsored, voted, decided and admitted in 2025.
struct CompletedFile {
  Registers r;
  std::string sponsor1, sponsor2, votes;
  services::VoteCount count;
  const core::Date voteOn = *core::Date::make(2025, 9, 1);

  CompletedFile() {
    for (const auto& [door, path] : r.db)
      services::storeOf(*services::Services::open(path))
          .db()
          .exec("UPDATE organizations SET founded = '2000-01-01' WHERE code = '" + r.cell + "'");
    const std::string official =
        "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE o.code = '" + r.cell +
        "' AND m.status = 'active' AND m.official_on <= '2024-01-01' AND (m.transferred_in_on IS NULL OR "
        "m.transferred_in_on <= '2024-01-01') ORDER BY m.code";
    sponsor1 = r.sql(Door::Window, official + " LIMIT 1");
    sponsor2 = r.sql(Door::Window, official + " LIMIT 1 OFFSET 1");
    auto s = services::Services::open(r.db[Door::Window]);
    count = services::cellVoteCount(*s, kOfficeAccount, r.cell, voteOn);
    votes = std::to_string(count.needed);
  }
  std::map<std::string, std::string> row(const std::string& code) const {
    return {{"Mã", code},
            {"Họ và tên", "Lò Văn Tâm"},
            {"Ngày sinh", "02/04/1995"},
            {"Giới tính", "Nam"},
            {"Dân tộc", "Kinh"},
            {"Mã chi bộ", r.cell},
            {"Ngày vào danh sách", "10/01/2025"},
            {"Ngày cấp giấy chứng nhận", "01/03/2025"},
            {"Người giới thiệu 1", sponsor1},
            {"Người giới thiệu 2", sponsor2},
            {"Ngày chi bộ xét", "01/09/2025"},
            {"Số tán thành", votes},
            {"Ngày quyết định", "01/10/2025"},
            {"Ngày lễ kết nạp", "20/10/2025"}};
  }
};

std::string stageWords(const char* msgid, services::Stage stage) {
  return core::format(core::tr(msgid), {services::stageLabel(stage)});
}

}  // namespace

TEST_CASE("one door: a completed candidate's file walks its stages through the admissions page's rules") {
  CompletedFile f;
  Registers& r = f.r;
  REQUIRE_FALSE(f.sponsor2.empty());
  CAPTURE(f.votes);
  CHECK(r.byImport(kOfficeAccount, "quan_chung", f.row("QC910")).empty());
  CHECK(
      r.sql(
          Door::Import,
          "SELECT listed_on || '|' || certificate_on || '|' || cell_vote_on || '|' || cell_vote_in_favour || "
          "'|' || decision_on || '|' || ceremony_on FROM candidates WHERE code = 'QC910'") ==
      "2025-01-10|2025-03-01|2025-09-01|" + f.votes + "|2025-10-01|2025-10-20");
  // The listing in the import's row, each stage in the page's row (the file's name as the reason).
  CHECK(r.sql(Door::Import,
              "SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE record = "
              "'candidate:QC910' ORDER BY id)") ==
        "candidate.certificate,candidate.sponsors,candidate.cell_vote,candidate.decision,candidate.ceremony,"
        "candidate.import");
  CHECK(r.sql(Door::Import,
              "SELECT new_value || '|' || reason FROM audit_log WHERE action = "
              "'candidate.sponsors'") == f.sponsor1 + ", " + f.sponsor2 + "|nhập từ tệp quan_chung.csv");
  // The same file again: unchanged, nothing written.
  const auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "quan_chung", f.row("QC910")).empty());
  CHECK(auditCounts(r) == before);
  // A recorded stage is not rewritten: a moved ceremony is refused.
  auto moved = f.row("QC910");
  moved["Ngày lễ kết nạp"] = "25/10/2025";
  const std::string rewritten = r.byImport(kOfficeAccount, "quan_chung", moved);
  CAPTURE(rewritten);
  CHECK(rewritten.find("\"Ngày lễ kết nạp\"") != std::string::npos);
  CHECK(auditCounts(r) == before);
}

TEST_CASE("one door: a hostile candidate's file cannot skip the checks of the earlier stages") {
  CompletedFile f;
  Registers& r = f.r;
  REQUIRE_FALSE(f.sponsor2.empty());
  const auto before = auditCounts(r);
  // Each refusal names the file, the row and the column, in the page's words, and nothing is written.
  auto refused = [&](const std::map<std::string, std::string>& cells, const std::string& column,
                     const std::string& words) {
    const std::string imported = r.byImport(kOfficeAccount, "quan_chung", cells);
    CAPTURE(imported);
    CHECK(imported.find("quan_chung.csv") == 0);
    CHECK(imported.find("\"" + column + "\"") != std::string::npos);
    CHECK(imported.find(words) != std::string::npos);
    const std::string dry = r.byDryRun(kOfficeAccount, "quan_chung", cells);
    CHECK(dry.find(words) != std::string::npos);
    CHECK(r.sql(Door::Import, "SELECT count(*) FROM candidates WHERE code = 'QC920'") == "0");
    CHECK(auditCounts(r) == before);
  };
  // A ceremony before the decision.
  auto early = f.row("QC920");
  early["Ngày lễ kết nạp"] = "20/09/2025";
  refused(early, "Ngày lễ kết nạp",
          core::format(core::tr("it cannot come before the previous stage ({1})."), {"01/10/2025"}));
  // A decision and a ceremony with no vote of the cell before them.
  auto noVote = f.row("QC920");
  noVote["Ngày chi bộ xét"] = "";
  noVote["Số tán thành"] = "";
  refused(noVote, "Ngày quyết định",
          stageWords("record \"{1}\" first; stages are recorded in order.", services::Stage::CellVote));
  // A vote with no sponsors, and sponsors with no certificate.
  auto noSponsors = f.row("QC920");
  noSponsors["Người giới thiệu 1"] = "";
  noSponsors["Người giới thiệu 2"] = "";
  refused(noSponsors, "Ngày chi bộ xét",
          stageWords("record \"{1}\" first; stages are recorded in order.", services::Stage::Sponsors));
  auto noCertificate = f.row("QC920");
  noCertificate["Ngày cấp giấy chứng nhận"] = "";
  refused(noCertificate, "Người giới thiệu 1",
          stageWords("record \"{1}\" first; stages are recorded in order.", services::Stage::Certificate));
  // Too few in favour for the cell's official members counted from the register.
  auto fewVotes = f.row("QC920");
  fewVotes["Số tán thành"] = "1";
  const auto n = [](int v) { return std::to_string(v); };
  refused(fewVotes, "Số tán thành",
          core::format(core::tr("{1} of {2} official members in favour is below {3}/{4}: at least {5} are "
                                "needed. The vote cannot be recorded as passed."),
                       {"1", n(f.count.official), n(f.count.num), n(f.count.den), n(f.count.needed)}));
  // A ceremony still to come.
  auto future = f.row("QC920");
  future["Ngày lễ kết nạp"] = "01/01/2099";
  refused(future, "Ngày lễ kết nạp", core::tr("the date is in the future."));
}

TEST_CASE("one door: a secretary of another cell cannot record a candidate's stage, by any door") {
  CompletedFile f;
  Registers& r = f.r;
  // A candidate of the cell listed through the admissions page, its file up to the vote written by the
  // office.
  auto listed = f.row("QC930");
  listed["Ngày quyết định"] = "";
  listed["Ngày lễ kết nạp"] = "";
  CHECK(r.byImport(kOfficeAccount, "quan_chung", listed).empty());
  const std::string other =
      r.sql(Door::Window, "SELECT code FROM organizations WHERE code <> '" + r.cell +
                              "' AND kind = 'co_so' AND ceased IS NULL ORDER BY code LIMIT 1");
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + other + "'"))};
  const auto before = auditCounts(r);
  // The stage door throws for the secretary of another cell; the import and its dry run refuse the row and
  // show nothing of the stored file.
  {
    auto s = services::Services::open(r.db[Door::Import]);
    services::FileStages decision;
    decision.decisionOn = core::Date::make(2025, 10, 1);
    CHECK_THROWS_AS(services::recordFileStages(*s, secretary, "QC930", decision, "thử"),
                    core::PermissionError);
  }
  auto decided = f.row("QC930");
  decided["Ngày lễ kết nạp"] = "";
  CHECK(r.byImport(secretary, "quan_chung", decided).find("quan_chung.csv") == 0);
  const std::string dry = r.byDryRun(secretary, "quan_chung", decided);
  CAPTURE(dry);
  CHECK(dry.find("->") == std::string::npos);
  CHECK(auditCounts(r) == before);
  CHECK(r.sql(Door::Import, "SELECT decision_on IS NULL FROM candidates WHERE code = 'QC930'") == "1");
  // The office records the decision from a later file: the page's row.
  CHECK(r.byImport(kOfficeAccount, "quan_chung", decided).empty());
  CHECK(r.sql(Door::Import,
              "SELECT username || '|' || new_value FROM audit_log WHERE action = "
              "'candidate.decision'") == "vanphong|2025-10-01");
}
