// Merging the registers of former communes (spec/merger.md): three sources with colliding codes and planted
// same-person pairs become one register whose congress figures equal those of the same data imported as one
// register; undecided pairs refuse the merge writing nothing; a cancelled merge leaves nothing; old codes are
// kept and found by the member search; only the office may merge; a hostile source is refused.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "../TestUtil.h"
#include "../services/MemberCountsCheck.h"
#include "cli/Cli.h"
#include "core/Errors.h"
#include "core/Progress.h"
#include "exchange/Import.h"
#include "exchange/MergeFiles.h"
#include "reports/CongressReport.h"
#include "reports/HandoverReport.h"
#include "reports/ReportCatalog.h"
#include "services/CongressReport.h"
#include "services/Import.h"
#include "services/MemberList.h"
#include "services/MemberPager.h"
#include "services/Merge.h"
#include "services/Register.h"
#include "services/Services.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
using dangbo::test::writeFile;
using services::Actor;

namespace {

const Actor kOffice = Actor::localOffice();
const core::CommitteeInfo kCommittee{"Đảng bộ xã Phiêng Pằn", "Phiêng Pằn", "Sơn La", "ĐẢNG BỘ TỈNH SƠN LA",
                                     "ĐẢNG ỦY XÃ PHIÊNG PẰN"};

const std::string kOrgHeader = "Mã,Tên,Loại,Khối,Ngày thành lập,Có chi ủy\n";
const std::string kOrgHeaderOrigin = "Mã,Tên,Loại,Khối,Ngày thành lập,Có chi ủy,Đơn vị cũ\n";
const std::string kMemberHeader =
    "Mã,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Quê quán,Nơi ở hiện nay,Học vấn,Chuyên môn,Lý luận "
    "chính "
    "trị,\"Nghề nghiệp, chức vụ\",Mã chi bộ,Ngày vào Đảng,Ngày chính thức,Số CCCD,Số thẻ,Số lý "
    "lịch,Tình trạng,Ngày thay đổi tình trạng\n";
const std::string kRatingHeader = "Năm,Đối tượng,Mã,Xếp loại\n";

std::string member(const std::string& code, const std::string& name, const std::string& birth,
                   const std::string& gender, const std::string& cell, const std::string& admitted,
                   const std::string& official, const std::string& cccd, const std::string& card,
                   const std::string& fileNo) {
  return code + "," + name + "," + birth + "," + gender +
         ",Thái,Không,Sơn La,Bản,12/12,khong,chua,Nông dân," + cell + "," + admitted + "," + official + "," +
         cccd + "," + card + "," + fileNo + ",Đang sinh hoạt,\n";
}

// The data of one former commune, with its own codes (they collide with the other communes').
struct Commune {
  std::string name;
  std::string orgs;     // rows without header
  std::string members;  // rows without header
  std::string ratings;  // rows without header
};

// Three former communes. Planted: Chiềng Lương DV02 is Phiêng Pằn DV03 (same CCCD, moved); Nà Ớt DV01 has the
// name and birth date of Phiêng Pằn DV01 but is another person.
std::vector<Commune> communes() {
  return {
      {"Phiêng Pằn",
       "CB01,Chi bộ bản Phiêng Pằn,co_so,ban,2000-01-01,Có\nCB02,Chi bộ Công an "
       "xã,co_so,cong_an,2005-01-01,Không\n",
       member("DV01", "Lò Văn Pằn", "1980", "Nam", "CB01", "2010-05-19", "2011-05-19", "", "1001", "PP-1") +
           member("DV02", "Quàng Thị Ban", "1990", "Nữ", "CB01", "2021-03-02", "2022-03-02", "", "", "") +
           member("DV03", "Cầm Văn Mới", "1985-04-02", "Nam", "CB02", "2022-06-01", "2023-06-01",
                  "012345678901", "", "PP-3"),
       "2023,dang_vien,DV01,HTTNV\n2023,dang_vien,DV03,HTXSNV\n2023,to_chuc,CB01,HTTNV\n"},
      {"Chiềng Lương",
       "CB01,Chi bộ bản Lương,co_so,ban,2001-01-01,Có\nCB02,Chi bộ Công an "
       "xã,co_so,cong_an,2006-01-01,Không\n",
       member("DV01", "Hà Văn Lương", "1975", "Nam", "CB01", "2005-01-01", "2006-01-01", "", "2001", "") +
           member("DV02", "Cầm Văn Mới", "1985-04-02", "Nam", "CB02", "2022-06-01", "", "012345678901",
                  "7777", "CL-2") +
           member("DV03", "Lường Thị Nga", "1995", "Nữ", "CB01", "2023-09-02", "", "", "", ""),
       "2023,dang_vien,DV01,HTNV\n2023,dang_vien,DV02,HTTNV\n"},
      {"Nà Ớt",
       "CB01,Chi bộ bản Nà Ớt,co_so,ban,2002-01-01,Có\nCB03,Chi bộ Quân sự "
       "xã,co_so,quan_su,2003-01-01,Không\n",
       member("DV01", "Lò Văn Pằn", "1980", "Nam", "CB01", "2012-05-19", "2013-05-19", "", "3001", "") +
           member("DV02", "Vì Thị Ớt", "1999", "Nữ", "CB03", "2024-02-03", "", "", "", ""),
       "2024,dang_vien,DV01,HTTNV\n"},
  };
}

// Writes each commune as a CSV folder; returns the folders.
std::vector<std::filesystem::path> writeSources(const TempDir& dir) {
  std::vector<std::filesystem::path> out;
  int i = 0;
  for (const auto& c : communes()) {
    auto folder = dir / ("nguon" + std::to_string(++i));
    std::filesystem::create_directories(folder);
    writeFile(folder / "to_chuc.csv", kOrgHeader + c.orgs);
    writeFile(folder / "dang_vien.csv", kMemberHeader + c.members);
    writeFile(folder / "xep_loai.csv", kRatingHeader + c.ratings);
    out.push_back(folder);
  }
  return out;
}

services::MergeRequest request(const std::vector<std::filesystem::path>& folders) {
  services::MergeRequest r;
  r.on = *core::Date::parse("2025-07-01");
  r.decision = "1234/QĐ-TU ngày 20/6/2025";
  const auto cs = communes();
  for (size_t i = 0; i < folders.size(); ++i)
    r.sources.push_back(exchange::readMergeSource(cs[i].name, folders[i]));
  return r;
}

void decide(services::MergeRequest& r) {
  r.pairsGiven = true;
  r.pairs = {{2, "Phiêng Pằn", "DV03", "Chiềng Lương", "DV02", "cùng người"},
             {3, "Phiêng Pằn", "DV01", "Nà Ớt", "DV01", "khác người"}};
}

int64_t count(services::Services& s, const std::string& sql) {
  SQLite::Database db(s.path().string(), SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

std::string congressJson(services::Services& s) {
  auto f = services::congressFigures(s, kOffice, *core::Date::parse("2020-08-01"),
                                     *core::Date::parse("2025-06-30"), *core::Date::parse("2025-06-30"));
  f.committee.clear();
  std::ostringstream o;
  reports::writeCongressJson(o, f);
  return o.str();
}

// A progress that asks to stop at its n-th report.
struct StopAfter : core::Progress {
  int left;
  explicit StopAfter(int n) : left(n) {}
  void stage(const std::string&, uint64_t) override {}
  bool update(uint64_t) override { return --left > 0; }
};

}  // namespace

TEST_CASE(
    "merge: proposes the planted same-person pairs and refuses while they are undecided, writing nothing") {
  TempDir dir;
  auto folders = writeSources(dir);
  auto s = services::Services::create(dir / "moi.db", kCommittee);
  auto r = request(folders);
  auto pairs = services::proposeMergePairs(r.sources);
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[1].code1 == "DV03");
  CHECK(pairs[1].origin2 == "Chiềng Lương");
  CHECK(pairs[1].reason.find("012345678901") != std::string::npos);
  CHECK(pairs[0].reason.find("1980") != std::string::npos);  // name and birth date
  const int64_t audits = count(*s, "SELECT count(*) FROM audit_log");
  try {
    services::applyMerge(*s, kOffice, r);
    FAIL("an undecided merge was applied");
  } catch (const core::DataError& e) {
    const std::string m = e.what();
    CHECK(m.find("DV03") != std::string::npos);  // the undecided pairs are named
    CHECK(m.find("Nà Ớt") != std::string::npos);
  }
  CHECK(count(*s, "SELECT count(*) FROM members") == 0);
  CHECK(count(*s, "SELECT count(*) FROM organizations") == 0);
  CHECK(count(*s, "SELECT count(*) FROM audit_log") == audits);
  // One pair decided, the other left out: still refused.
  decide(r);
  r.pairs.pop_back();
  CHECK_THROWS_AS(services::applyMerge(*s, kOffice, r), core::DataError);
  CHECK(count(*s, "SELECT count(*) FROM members") == 0);
  // A pair that was not proposed is refused naming PAIRS.csv and its row.
  decide(r);
  r.pairs.push_back({4, "Nà Ớt", "DV02", "Phiêng Pằn", "DV02", "cùng người"});
  auto plan = services::planMerge(*s, kOffice, r);
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.problems.front().find("PAIRS.csv") != std::string::npos);
}

TEST_CASE("merge: three sources with colliding codes equal the same data imported as one register") {
  TempDir dir;
  auto folders = writeSources(dir);
  auto merged = services::Services::create(dir / "moi.db", kCommittee);
  auto r = request(folders);
  decide(r);
  // The police cells of two communes become one.
  r.cells = {{2, "Phiêng Pằn", "CB02", "CBCA", "Chi bộ Công an xã Phiêng Pằn", "", ""},
             {3, "Chiềng Lương", "cb02", "CBCA", "Chi bộ Công an xã Phiêng Pằn", "", ""}};
  auto dry = services::planMerge(*merged, kOffice, r);
  REQUIRE(dry.ok());
  CHECK(count(*merged, "SELECT count(*) FROM members") == 0);  // the dry run writes nothing
  auto plan = services::applyMerge(*merged, kOffice, r);
  CHECK(plan.written);
  CHECK(plan.samePersons == 1);
  CHECK(count(*merged, "SELECT count(*) FROM members") == 7);
  dangbo::test::checkMemberCounts(*merged, core::Date::today());
  CHECK(count(*merged, "SELECT count(*) FROM organizations") == 7);  // six old cells and the new police cell
  // New codes in the order of the sources: Phiêng Pằn's CB01, CB02 are CB01, CB02; Chiềng Lương's CB03,
  // CB04...
  CHECK(count(*merged,
              "SELECT count(*) FROM organizations WHERE code = 'CB03' AND origin = 'Chiềng Lương'") == 1);
  CHECK(count(*merged,
              "SELECT count(*) FROM organizations WHERE code = 'CBCA' AND origin = '' AND founded = "
              "'2025-07-01'") == 1);
  // The police cells ceased on the merge day into the new cell; their members moved there with the decision.
  CHECK(count(*merged,
              "SELECT count(*) FROM organizations WHERE ceased = '2025-07-01' AND merged_into = (SELECT id "
              "FROM organizations WHERE code = 'CBCA')") == 2);
  CHECK(count(*merged,
              "SELECT count(*) FROM member_events WHERE kind = 'moved' AND date = '2025-07-01' AND "
              "decision_no = '1234/QĐ-TU ngày 20/6/2025'") == 1);
  // The same person once: the earlier source's values, the later filling blanks (the card number 7777).
  CHECK(count(*merged,
              "SELECT count(*) FROM members WHERE cccd = '012345678901' AND official_on = '2023-06-01' AND "
              "card_no = '7777' AND file_no = 'PP-3'") == 1);
  CHECK_FALSE(plan.conflicts.empty());  // official date differs (kept the earlier)
  // Card and file numbers kept; one audit row for the merge with each source's checksum.
  CHECK(count(*merged, "SELECT count(*) FROM members WHERE card_no = '1001' AND file_no = 'PP-1'") == 1);
  CHECK(count(*merged, "SELECT count(*) FROM audit_log WHERE action = 'register.merge'") == 1);
  for (const auto& src : r.sources) {
    CHECK(src.checksum.size() == 64);
    CHECK(count(*merged,
                "SELECT count(*) FROM audit_log WHERE action = 'register.merge' AND new_value LIKE '%" +
                    src.checksum + "%'") == 1);
  }
  // The old codes are kept with their origin, and the member search finds a member by an old code.
  services::MemberFilter f;
  f.asOf = *core::Date::parse("2025-08-01");
  f.search = "dv02";
  auto found = services::listMembers(*merged, kOffice, f);
  std::set<std::string> names;
  for (const auto& m : found) names.insert(m.name);
  CHECK(names == std::set<std::string>{"Quàng Thị Ban", "Cầm Văn Mới", "Vì Thị Ớt"});
  auto file = services::memberFile(*merged, kOffice, found.front().code);
  CHECK_FALSE(services::memberOldCodes(*merged, file.member.id).empty());

  // The handover record of Phiêng Pằn: as on the day before the merge, its two cells, three members (one
  // probationary), in every format, signed by both sides.
  auto handover = reports::handoverReport(*merged, kOffice, "handover", "phieng pan", "",
                                          *core::Date::parse("2026-01-01"));
  CHECK(handover.asOf == *core::Date::parse("2025-06-30"));
  const auto* counts = handover.table("counts");
  REQUIRE(counts != nullptr);
  REQUIRE(counts->rows.size() == 3);
  CHECK(counts->rows.back().cells[1].value == 3);
  CHECK(counts->rows.back().cells[2].value == 0);
  CHECK(services::checkTotals(handover).empty());
  reports::FrozenReport frozen;
  frozen.name = "handover";
  frozen.asOf = frozen.from = frozen.to = handover.asOf;
  frozen.committee = merged->committee();
  frozen.model = handover;
  std::ostringstream html;
  reports::writeReport(html, frozen, "html", {});
  CHECK(html.str().find("ĐẠI DIỆN BÊN GIAO") != std::string::npos);
  CHECK(html.str().find("ĐẠI DIỆN BÊN NHẬN") != std::string::npos);
  CHECK(html.str().find("Cầm Văn Mới") != std::string::npos);
  for (const char* fmt : {"pdf", "docx", "xlsx"}) {
    const auto out = dir / (std::string("bien-ban.") + fmt);
    reports::writeReportFile(out, frozen, fmt);
    CHECK(std::filesystem::file_size(out) > 1000);
  }
  auto one = reports::handoverReport(*merged, kOffice, "handover-list", "Nà Ớt", "CB06",
                                     *core::Date::parse("2025-06-30"));
  CHECK(one.table("counts")->rows.back().cells[1].value == 1);
  CHECK_THROWS_AS(reports::handoverReport(*merged, kOffice, "handover", "Nà Ớt", "CB01", handover.asOf),
                  core::DataError);
  CHECK_THROWS_AS(reports::handoverReport(*merged, kOffice, "handover", "Hà Nội", "", handover.asOf),
                  core::DataError);

  // The same data as one register, imported once (the same person once, with the earlier source's values).
  auto single = services::Services::create(dir / "mot.db", kCommittee);
  auto folder = dir / "mot";
  std::filesystem::create_directories(folder);
  const auto cs = communes();
  std::string orgs, members, ratings;
  const char* prefix[] = {"P", "C", "N"};
  for (size_t i = 0; i < cs.size(); ++i) {
    auto rename = [&](std::string text) {
      for (const char* code : {"CB0", "DV0"})
        for (size_t at = text.find(code); at != std::string::npos; at = text.find(code, at + 2))
          text.insert(at, prefix[i]);
      return text;
    };
    std::istringstream in(rename(cs[i].orgs));
    for (std::string line; std::getline(in, line);) orgs += line + "," + cs[i].name + "\n";
    std::string m = rename(cs[i].members), rt = rename(cs[i].ratings);
    if (i == 1) {  // Chiềng Lương's DV02 is Phiêng Pằn's DV03
      std::istringstream min(m);
      m.clear();
      for (std::string line; std::getline(min, line);)
        if (line.rfind("CDV02,", 0) != 0) m += line + "\n";
      rt = "2023,dang_vien,CDV01,HTNV\n";  // its rating of 2023 repeats the earlier source's year
    }
    if (i == 0) m.replace(m.find("012345678901,,PP-3"), 18, "012345678901,7777,PP-3");
    members += m;
    ratings += rt;
  }
  writeFile(folder / "to_chuc.csv", kOrgHeaderOrigin + orgs);
  writeFile(folder / "dang_vien.csv", kMemberHeader + members);
  writeFile(folder / "xep_loai.csv", kRatingHeader + ratings);
  services::applyImport(*single, kOffice, exchange::readImport(folder));
  const std::string a = congressJson(*merged), b = congressJson(*single);
  CHECK(a == b);
  CHECK(a.find("Chiềng Lương") != std::string::npos);
}

TEST_CASE("merge: a cancelled or refused merge leaves nothing, and only the office may merge") {
  TempDir dir;
  auto folders = writeSources(dir);
  auto s = services::Services::create(dir / "moi.db", kCommittee);
  auto r = request(folders);
  decide(r);
  const int64_t audits = count(*s, "SELECT count(*) FROM audit_log");
  StopAfter stop(4);
  CHECK_THROWS_AS(services::applyMerge(*s, kOffice, r, &stop), core::Cancelled);
  CHECK(count(*s, "SELECT count(*) FROM members") == 0);
  CHECK(count(*s, "SELECT count(*) FROM old_codes") == 0);
  CHECK(count(*s, "SELECT count(*) FROM audit_log") == audits);

  const Actor secretary{"bithu", "secretary", std::nullopt};
  const Actor inspection{"kiemtra", "inspection", std::nullopt};
  CHECK_THROWS_AS(services::applyMerge(*s, secretary, r), core::PermissionError);
  CHECK_THROWS_AS(services::planMerge(*s, inspection, r), core::PermissionError);

  // A new cell code the merge gives to a source's cell is refused before anything is written.
  r.cells = {{2, "Nà Ớt", "CB03", "CB01", "Chi bộ Quân sự", "", ""}};
  auto plan = services::planMerge(*s, kOffice, r);
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.problems.front().find("MAP.csv, ") != std::string::npos);
  CHECK_THROWS_AS(services::applyMerge(*s, kOffice, r), core::DataError);
  CHECK(count(*s, "SELECT count(*) FROM organizations") == 0);
}

TEST_CASE("merge: a bad row names its source, file, row and column, a hostile source is refused") {
  TempDir dir;
  auto folders = writeSources(dir);
  writeFile(folders[1] / "dang_vien.csv", kMemberHeader + member("DV01", "Hà Văn Lương", "1975", "Nam",
                                                                 "CB09", "2005-01-01", "", "", "", ""));
  auto s = services::Services::create(dir / "moi.db", kCommittee);
  auto r = request(folders);
  auto plan = services::planMerge(*s, kOffice, r);
  REQUIRE_FALSE(plan.ok());
  bool named = false;
  for (const auto& p : plan.problems)
    named = named || (p.find("Chiềng Lương: dang_vien.csv") != std::string::npos &&
                      p.find("CB09") != std::string::npos);
  CHECK(named);
  writeFile(dir / "rac.db", std::string("SQLite format 3\0", 16) + std::string(4000, 'x'));
  CHECK_THROWS_AS(exchange::readMergeSource("Rác", dir / "rac.db"), core::DataError);
  writeFile(dir / "rac.txt", "hello");
  CHECK_THROWS_AS(exchange::readMergeSource("Rác", dir / "rac.txt"), core::DataError);
}

TEST_CASE("merge: a dangbo file as a source carries every member event with its dates") {
  TempDir dir;
  auto folders = writeSources(dir);
  // The first commune kept its register in dangbo: a member moved between its cells in 2023.
  auto old = services::Services::create(dir / "cu.db", kCommittee);
  services::applyImport(*old, kOffice, exchange::readImport(folders[0]));
  services::MemberAction move;
  move.kind = "moved";
  move.date = *core::Date::parse("2023-09-01");
  move.toCellCode = "CB02";
  move.decisionNo = "5-QĐ/ĐU";
  services::recordAction(*old, kOffice, "DV01", move);
  old.reset();
  std::vector<std::filesystem::path> sources = {dir / "cu.db", folders[1], folders[2]};
  auto s = services::Services::create(dir / "moi.db", kCommittee);
  auto r = request(sources);
  decide(r);
  REQUIRE(r.sources[0].events.size() >= 4);
  services::applyMerge(*s, kOffice, r);
  CHECK(count(*s,
              "SELECT count(*) FROM member_events e JOIN members m ON m.id = e.member_id WHERE m.card_no = "
              "'1001' "
              "AND e.kind = 'moved' AND e.date = '2023-09-01' AND e.decision_no = '5-QĐ/ĐU'") == 1);
  CHECK(count(*s,
              "SELECT count(*) FROM members m JOIN organizations o ON o.id = m.cell_id WHERE m.card_no = "
              "'1001' AND "
              "o.code = 'CB02'") == 1);
  dangbo::test::checkMemberCounts(*s, core::Date::today());  // kept through the merge's writes
}

TEST_CASE("merge: the command line refuses undecided pairs (exit 1) and merges with them decided") {
  TempDir dir;
  auto folders = writeSources(dir);
  const std::string db = (dir / "moi.db").string();
  std::vector<std::string> args = {"--db", db, "merge", "--on", "2025-07-01", "--decision", "1234/QĐ-TU"};
  const auto cs = communes();
  for (size_t i = 0; i < folders.size(); ++i) {
    args.push_back("--source");
    args.push_back(cs[i].name + "=" + folders[i].string());
  }
  std::ostringstream out, err;
  CHECK(cli::run(args, out, err) == 1);
  CHECK(err.str().find("DV03") != std::string::npos);
  INFO(err.str());
  writeFile(dir / "pairs.csv",
            "Đơn vị cũ 1,Mã 1,Đơn vị cũ 2,Mã 2,Quyết định\nPhiêng Pằn,DV03,Chiềng Lương,DV02,cùng "
            "người\nNà Ớt,DV01,Phiêng Pằn,DV01,Khác người\n");
  args.push_back("--pairs");
  args.push_back((dir / "pairs.csv").string());
  auto dry = args;
  dry.push_back("--dry-run");
  std::ostringstream out2, err2;
  CHECK(cli::run(dry, out2, err2) == 0);
  INFO(err2.str());
  CHECK(out2.str().find("DV0007") != std::string::npos);  // seven persons of eight rows
  CHECK(out2.str().find("DV0008") == std::string::npos);
  CHECK(out2.str().find("Nà Ớt") != std::string::npos);
  std::ostringstream out3, err3;
  CHECK(cli::run(args, out3, err3) == 0);
  std::ostringstream out4, err4;
  CHECK(cli::run({"--db", db, "members", "--search", "DV03", "--as-of", "2025-08-01", "--format", "json"},
                 out4, err4) == 0);
  CHECK(out4.str().find("Cầm Văn Mới") != std::string::npos);
  CHECK(out4.str().find("Lường Thị Nga") != std::string::npos);
  // Members filtered by former commune; the congress report breaks admissions down by origin.
  std::ostringstream out5, err5;
  CHECK(cli::run({"--db", db, "members", "--origin", "na ot", "--as-of", "2025-08-01", "--format", "json"},
                 out5, err5) == 0);
  CHECK(out5.str().find("Vì Thị Ớt") != std::string::npos);
  CHECK(out5.str().find("\"origin\": \"Nà Ớt\"") != std::string::npos);
  CHECK(out5.str().find("Lường Thị Nga") == std::string::npos);
  std::ostringstream out6, err6;
  CHECK(cli::run({"--db", db, "members", "--origin", "Hà Nội", "--as-of", "2025-08-01"}, out6, err6) == 1);
  std::ostringstream out7, err7;
  CHECK(cli::run({"--db", db, "report", "congress", "--from", "2020-08-01", "--to", "2025-06-30", "--as-of",
                  "2025-06-30"},
                 out7, err7) == 0);
  INFO(out7.str().substr(out7.str().find("kết nạp được"), 400));
  CHECK(out7.str().find("(Chiềng Lương: 01 đồng chí; Nà Ớt: 01 đồng chí; Phiêng Pằn: 02 đồng chí)") !=
        std::string::npos);
}

TEST_CASE("merge: the inspection committee brings in the sources' case files under the new codes") {
  TempDir dir;
  auto folders = writeSources(dir);
  // Phiêng Pằn and Chiềng Lương both have a DV01 and a CB01: each case names its own commune's.
  writeFile(folders[0] / "kiem_tra.csv",
            "Số,Ngày,Đối tượng,Mã,Loại,Kết luận\n12-KT,2023-04-10,to_chuc,CB01,thuong_xuyen,Làm tốt\n");
  writeFile(folders[0] / "ky_luat.csv",
            "Số quyết định,Ngày quyết định,Đối tượng,Mã,Hình thức,Cấp quyết định,Nội dung vi phạm\n"
            "05-QĐ/UBKT,2024-03-01,dang_vien,DV01,khien_trach,Ủy ban kiểm tra,Vi phạm ở Phiêng Pằn\n");
  writeFile(folders[1] / "ky_luat.csv",
            "Số quyết định,Ngày quyết định,Đối tượng,Mã,Hình thức,Cấp quyết định,Nội dung vi phạm\n"
            "07-QĐ/UBKT,2024-05-02,dang_vien,DV01,canh_cao,Ủy ban kiểm tra,Vi phạm ở Chiềng Lương\n");
  auto r = request(folders);
  decide(r);
  auto s = services::Services::create(dir / "moi.db", kCommittee);
  const Actor inspection{"kiemtra", "inspection", std::nullopt};

  // Before any merge: nothing of these communes is in the register.
  CHECK_THROWS_AS(services::mergeCaseFiles(*s, inspection, r.sources, false), core::DataError);

  // The office merges the register: the case files are left out, with a notice naming the second step.
  const auto plan = services::applyMerge(*s, kOffice, r);
  bool told = false;
  for (const auto& n : plan.notices) told = told || n.find("--case-files") != std::string::npos;
  CHECK(told);
  CHECK(count(*s, "SELECT count(*) FROM disciplines") == 0);
  CHECK(count(*s, "SELECT count(*) FROM inspections") == 0);

  // Only the inspection committee brings them in.
  CHECK_THROWS_AS(services::mergeCaseFiles(*s, kOffice, r.sources, false), core::PermissionError);
  const Actor secretary{"bithu", "secretary", 1};
  CHECK_THROWS_AS(services::mergeCaseFiles(*s, secretary, r.sources, true), core::PermissionError);

  // A case naming a member the merge did not bring in refuses the whole step, naming the row.
  {
    TempDir bad;
    auto badFolders = writeSources(bad);
    writeFile(badFolders[1] / "ky_luat.csv",
              "Số quyết định,Ngày quyết định,Đối tượng,Mã,Hình thức,Cấp quyết định,Nội dung vi phạm\n"
              "07-QĐ/UBKT,2024-05-02,dang_vien,DV01,canh_cao,Ủy ban kiểm tra,x\n"
              "08-QĐ/UBKT,2024-05-02,dang_vien,DV09,canh_cao,Ủy ban kiểm tra,x\n");
    auto badRequest = request(badFolders);
    try {
      services::mergeCaseFiles(*s, inspection, badRequest.sources, false);
      FAIL("an unknown old code was accepted");
    } catch (const core::DataError& e) {
      const std::string m = e.what();
      CHECK(m.find("DV09") != std::string::npos);
      CHECK(m.find("3") != std::string::npos);  // the row of DV09 (the header is row 1)
    }
    CHECK(count(*s, "SELECT count(*) FROM disciplines") == 0);
  }

  // The dry run writes nothing; the step itself brings in every case, each on its own commune's subject.
  const auto dry = services::mergeCaseFiles(*s, inspection, r.sources, true);
  CHECK(dry.ok());
  CHECK(count(*s, "SELECT count(*) FROM disciplines") == 0);
  const auto done = services::mergeCaseFiles(*s, inspection, r.sources, false);
  CHECK(done.ok());
  CHECK(count(*s, "SELECT count(*) FROM inspections") == 1);
  CHECK(count(*s, "SELECT count(*) FROM disciplines") == 2);
  CHECK(count(*s,
              "SELECT count(*) FROM disciplines d JOIN members m ON m.id = d.subject_id "
              "WHERE d.number = '05-QĐ/UBKT' AND m.full_name = 'Lò Văn Pằn'") == 1);
  CHECK(count(*s,
              "SELECT count(*) FROM disciplines d JOIN members m ON m.id = d.subject_id "
              "WHERE d.number = '07-QĐ/UBKT' AND m.full_name = 'Hà Văn Lương'") == 1);
  CHECK(count(*s,
              "SELECT count(*) FROM inspections i JOIN organizations o ON o.id = i.subject_id "
              "WHERE o.name = 'Chi bộ bản Phiêng Pằn'") == 1);
  // Brought in again: nothing new (the import's keys), and the audit names the committee's account.
  const auto again = services::mergeCaseFiles(*s, inspection, r.sources, false);
  int added = 0;
  for (const auto& f : again.files) added += f.added;
  CHECK(added == 0);
  CHECK(count(*s, "SELECT count(*) FROM disciplines") == 2);
  CHECK(count(*s, "SELECT count(*) FROM audit_log WHERE username = 'kiemtra'") >= 1);
}

TEST_CASE("merge: a dangbo file as a source brings its cells' meetings, attendance and dues") {
  TempDir dir;
  // Two former communes kept their registers in dangbo, with their cells' monthly work; their codes collide.
  test::createSmallRegister(dir / "a.db", 3, 40, 2);
  test::createSmallRegister(dir / "b.db", 4, 30, 2);
  const char* tables[] = {"meetings", "meeting_attendance", "activity_leaves", "dues_bases", "dues_payments"};
  std::map<std::string, int64_t> expected;
  for (const char* db : {"a.db", "b.db"})
    for (const char* t : tables)
      expected[t] += std::stoll(test::sqlValue(dir / db, std::string("SELECT count(*) FROM ") + t));
  REQUIRE(expected["meetings"] > 0);
  REQUIRE(expected["dues_payments"] > 0);
  services::MergeRequest r;
  r.on = *core::Date::parse("2025-07-01");
  r.decision = "1234/QĐ-TU ngày 20/6/2025";
  r.sources.push_back(services::readRegisterSource("Chiềng Lương", (dir / "a.db").string()));
  r.sources.push_back(services::readRegisterSource("Nà Ớt", (dir / "b.db").string()));
  r.pairsGiven = true;
  auto s = services::Services::create(dir / "moi.db", kCommittee);
  const auto plan = services::planMerge(*s, kOffice, r);
  for (const auto& p : plan.problems) INFO(p);
  REQUIRE(plan.problems.empty());
  services::applyMerge(*s, kOffice, r);
  for (const char* t : tables) {
    INFO(t);
    CHECK(count(*s, std::string("SELECT count(*) FROM ") + t) == expected[t]);
  }
  // Each payment is on the member of its own commune: the same payments per origin as in its source.
  const std::string paidByOrigin =
      "SELECT count(*) FROM dues_payments p JOIN members m ON m.id = p.member_id JOIN organizations o ON "
      "o.id = m.cell_id WHERE o.origin = ";
  CHECK(count(*s, paidByOrigin + "'Nà Ớt'") ==
        std::stoll(test::sqlValue(dir / "b.db", "SELECT count(*) FROM dues_payments")));
}

TEST_CASE("merge: the window's paged member list finds a member by an old code, as members --search") {
  TempDir dir;
  auto folders = writeSources(dir);
  auto merged = services::Services::create(dir / "moi.db", kCommittee);
  auto r = request(folders);
  decide(r);
  services::applyMerge(*merged, kOffice, r);
  auto pagedNames = [&](const services::MemberFilter& f, services::MemberSort sort = {}) {
    services::MemberPager p(*merged, kOffice, f, {}, sort);
    while (p.advance(std::chrono::milliseconds(1))) {
    }
    CHECK(p.complete());
    std::vector<std::string> out;
    for (size_t i = 0; i < p.size(); ++i) out.push_back(p.row(i)->name);
    return out;
  };
  auto listedNames = [&](const services::MemberFilter& f) {
    std::vector<std::string> out;
    for (const auto& m : services::listMembers(*merged, kOffice, f)) out.push_back(m.name);
    return out;
  };
  services::MemberFilter f;
  f.asOf = *core::Date::parse("2025-08-01");
  f.search = "dv02";  // the old code of a member in each of the three communes
  const auto byList = listedNames(f);
  CHECK(byList.size() == 3);
  CHECK(pagedNames(f) == byList);  // the same members in the same (name) order
  // Sorted by a column: the same members, in that column's order.
  auto byCode = pagedNames(f, {services::MemberSortColumn::Code, true});
  CHECK(std::multiset<std::string>(byCode.begin(), byCode.end()) ==
        std::multiset<std::string>(byList.begin(), byList.end()));
  // The other filters still apply: the old code within one former commune.
  f.origin = "Nà Ớt";
  CHECK(pagedNames(f) == std::vector<std::string>{"Vì Thị Ớt"});
  CHECK(listedNames(f) == pagedNames(f));
  // A new code (DV0x of the merged register) is searched as text, not as an old code.
  f.origin.clear();
  f.search = "Ớt";
  CHECK(pagedNames(f) == listedNames(f));
  CHECK_FALSE(pagedNames(f).empty());
}
