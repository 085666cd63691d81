// One door per record (continued from test_OneDoorKinds.cpp): a year's rating as xep_loai.csv holds it, one
// level, through the door of services/YearRatings (the ratings page's decision for an open round, a past
// year's level recorded with the page's checks), an import and `dangbo-cli record ... year_rating`: the same
// stored value and audit row, the same refusals, and a dry run that shows nothing it may not read.
#include <doctest/doctest.h>

#include "OneDoorRegisters.h"
#include "services/YearRatings.h"

using namespace dangbo;
using namespace dangbo::test::onedoor;

namespace {

std::map<std::string, std::string> ratingRow(int year, const std::string& type, const std::string& code,
                                             const std::string& level) {
  return {{"Năm", std::to_string(year)}, {"Đối tượng", type}, {"Mã", code}, {"Xếp loại", level}};
}

std::string key(int year, const std::string& type, const std::string& code) {
  return type + "/" + code + "/" + std::to_string(year);
}

// The stored level of a member's rating of `year` and the code of the cell rating them.
std::string storedRating(int year, const std::string& member) {
  return "SELECT level || '|' || coalesce((SELECT code FROM organizations WHERE id = cell_id), '') FROM "
         "ratings WHERE year = " +
         std::to_string(year) + " AND subject_type = 'dang_vien' AND subject_id = (SELECT id FROM members " +
         "WHERE code = '" + member + "')";
}

services::Actor secretaryOf(Registers& r, const std::string& cell) {
  return {"bithu", "secretary",
          std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + cell + "'"))};
}

// The window's call as `actor`, any refusal (also of the account's rights) as its message.
std::string refusalOf(Registers& r, const services::Actor& actor,
                      const std::function<void(services::Services&, const services::Actor&)>& call) {
  auto s = services::Services::open(r.db[Door::Window]);
  try {
    call(*s, actor);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("one door: a rating of an open round's year through the page's decision, an import and the CLI") {
  Registers r;
  const std::string record = "rating:" + std::to_string(r.year) + ":dang_vien:" + r.member;
  const std::string stored = storedRating(r.year, r.member);
  auto decide = [&](const std::string& level) {
    return [&r, level](auto& s, auto& a) {
      services::enterMemberRatings(
          s, a, r.year, {{r.member, services::RatingStage::Decision, level, std::nullopt, std::nullopt}});
    };
  };
  CHECK(r.byWindow(kOfficeAccount, decide("HTTNV")).empty());
  CHECK(r.byDryRun(kOfficeAccount, "xep_loai", ratingRow(r.year, "Đảng viên", r.member, "HTTNV"))
            .find("HTNV -> HTTNV") != std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "xep_loai",
                   ratingRow(r.year, "Đảng viên", r.member, "Hoàn thành tốt nhiệm vụ"))
            .empty());
  CHECK(
      r.byCli("vanphong", {"set", "year_rating", key(r.year, "dang_vien", r.member), "level=HTTNV"}).empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Import, stored, record) ==
        "HTTNV|" + r.cell + " # vanphong|rating.decide|" + record +
            "|self=HTNV proposed= level=HTNV|self=HTNV proposed= level=HTTNV");
  // `record show` reads it back.
  const auto shown =
      test::runCliWithInput({"--db", r.db[Door::Cli].string(), "--user", "vanphong", "--password-fd", "FD",
                             "record", "show", "year_rating", key(r.year, "dang_vien", r.member)},
                            password("vanphong") + "\n");
  CHECK(shown.out == "level=HTTNV\n");

  // The committee's decision is the office's: a secretary, even of the member's own cell, is refused by the
  // page's call and by the import (file, row, column), and nothing is written.
  auto before = auditCounts(r);
  const services::Actor own = secretaryOf(r, r.cell);
  const std::string pageRefusal = refusalOf(r, own, decide("HTXSNV"));
  REQUIRE_FALSE(pageRefusal.empty());
  const std::string imported =
      r.byImport(own, "xep_loai", ratingRow(r.year, "Đảng viên", r.member, "HTXSNV"));
  CAPTURE(imported);
  CHECK(imported.find("xep_loai.csv") == 0);
  CHECK(imported.find(pageRefusal) != std::string::npos);
  CHECK(auditCounts(r) == before);

  // A locked round: the page's refusal from every door, nothing written.
  for (const auto& [door, path] : r.db) {
    auto s = services::Services::open(path);
    REQUIRE(services::lockRatingRound(*s, kOfficeAccount, r.year, "thử khóa").locked);
  }
  before = auditCounts(r);
  const std::string locked = r.byWindow(kOfficeAccount, decide("HTNV"));
  const std::string lockedImport =
      r.byImport(kOfficeAccount, "xep_loai", ratingRow(r.year, "Đảng viên", r.member, "HTNV"));
  sameRefusal(r, locked,
              {{Door::Import, lockedImport},
               {Door::Cli, r.byCli("vanphong", {"set", "year_rating", key(r.year, "dang_vien", r.member),
                                                "level=HTNV"})}},
              before);
  CHECK(lockedImport.find("\"Năm\"") != std::string::npos);
  // The same level again is no change: a locked year's file imports again unchanged.
  CHECK(r.byImport(kOfficeAccount, "xep_loai", ratingRow(r.year, "Đảng viên", r.member, "HTTNV")).empty());
  CHECK(auditCounts(r) == before);
  for (Door d : {Door::Window, Door::Import, Door::Cli}) CHECK(r.sql(d, stored) == "HTTNV|" + r.cell);
}

TEST_CASE("one door: a past year's rating without a round through its door, an import and the CLI") {
  Registers r;
  // A past year with no round in which the member was in the committee all year.
  const int joined = std::stoi(r.sql(Door::Window,
                                     "SELECT substr(coalesce(transferred_in_on, admitted_on), 1, 4) FROM "
                                     "members WHERE code = '" +
                                         r.member + "'"));
  int past = r.year - 1;
  while (past > joined && r.sql(Door::Window, "SELECT count(*) FROM rating_rounds WHERE year = " +
                                                  std::to_string(past)) != "0")
    --past;
  REQUIRE(past > joined);
  CAPTURE(past);
  const std::string record = "rating:" + std::to_string(past) + ":dang_vien:" + r.member;
  const std::string stored = storedRating(past, r.member);
  // The stored rating of the year, if the register has one, is taken out: the door adds it.
  for (const auto& [door, path] : r.db)
    services::storeOf(*services::Services::open(path))
        .db()
        .exec("DELETE FROM ratings WHERE year = " + std::to_string(past) +
              " AND subject_type = 'dang_vien' AND subject_id = (SELECT id FROM members WHERE code = '" +
              r.member + "')");
  auto byDoor = [&](int year, const std::string& type, const std::string& code, const std::string& level) {
    return [year, type, code, level](auto& s, auto& a) {
      services::recordYearRating(s, a, {year, type, code, level});
    };
  };
  auto cli = [&](const char* action, int year, const std::string& code, const std::string& level,
                 const char* type = "dang_vien") {
    return r.byCli("vanphong", {action, "year_rating", key(year, type, code), "level=" + level});
  };
  // A new rating, then a changed one: the same stored value and audit row (the old and the new values).
  CHECK(r.byWindow(kOfficeAccount, byDoor(past, "dang_vien", r.member, "HTXSNV")).empty());
  CHECK(r.byDryRun(kOfficeAccount, "xep_loai", ratingRow(past, "Đảng viên", r.member, "HTXSNV")) ==
        std::to_string(past) + " / dang_vien / " + r.member + "\n");
  CHECK(r.byImport(kOfficeAccount, "xep_loai", ratingRow(past, "Đảng viên", r.member, "HTXSNV")).empty());
  CHECK(cli("add", past, r.member, "HTXSNV").empty());
  sameOutcome(r, stored, record);
  const std::string cellThen = r.sql(Door::Window, stored).substr(std::string("HTXSNV|").size());
  CHECK_FALSE(cellThen.empty());
  CHECK(r.outcome(Door::Import, stored, record) ==
        "HTXSNV|" + cellThen + " # vanphong|rating.decide|" + record + "||self= proposed= level=HTXSNV");
  CHECK(r.byWindow(kOfficeAccount, byDoor(past, "dang_vien", r.member, "HTNV")).empty());
  CHECK(r.byDryRun(kOfficeAccount, "xep_loai", ratingRow(past, "Đảng viên", r.member, "HTNV"))
            .find("HTXSNV -> HTNV") != std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "xep_loai", ratingRow(past, "Đảng viên", r.member, "Hoàn thành nhiệm vụ"))
            .empty());
  CHECK(cli("set", past, r.member, "HTNV").empty());
  sameOutcome(r, stored, record);
  CHECK(r.outcome(Door::Cli, stored, record) ==
        "HTNV|" + cellThen + " # vanphong|rating.decide|" + record +
            "|self= proposed= level=HTXSNV|self= proposed= level=HTNV");
  // The same file again: unchanged, no audit row.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "xep_loai", ratingRow(past, "Đảng viên", r.member, "HTNV")).empty());
  CHECK(auditCounts(r) == before);

  // Bad values: the door's refusal, from the import (file, row, column) and its dry run and the CLI, nothing
  // written. A year before the member joined the committee:
  const std::string absent = r.byWindow(kOfficeAccount, byDoor(joined - 1, "dang_vien", r.member, "HTTNV"));
  CAPTURE(absent);
  CHECK(absent.find(r.member) != std::string::npos);
  const std::string absentImport =
      r.byImport(kOfficeAccount, "xep_loai", ratingRow(joined - 1, "Đảng viên", r.member, "HTTNV"));
  sameRefusal(r, absent,
              {{Door::Import, absentImport}, {Door::Cli, cli("add", joined - 1, r.member, "HTTNV")}}, before);
  CHECK(absentImport.find("xep_loai.csv") == 0);
  CHECK(absentImport.find("\"Mã\"") != std::string::npos);
  CHECK(r.byDryRun(kOfficeAccount, "xep_loai", ratingRow(joined - 1, "Đảng viên", r.member, "HTTNV"))
            .find(absent) != std::string::npos);
  // A year to come:
  const std::string future = r.byWindow(kOfficeAccount, byDoor(r.year + 1, "dang_vien", r.member, "HTTNV"));
  sameRefusal(r, future,
              {{Door::Import, r.byImport(kOfficeAccount, "xep_loai",
                                         ratingRow(r.year + 1, "Đảng viên", r.member, "HTTNV"))},
               {Door::Cli, cli("add", r.year + 1, r.member, "HTTNV")}},
              before);
  // A level that is none of the four: the page's words from the door and the CLI; the import's reader
  // refuses it at the same column.
  const std::string badLevel = r.byWindow(kOfficeAccount, byDoor(past, "dang_vien", r.member, "XUATSAC"));
  REQUIRE(badLevel.find('"') != std::string::npos);
  sameRefusal(r, badLevel.substr(badLevel.find('"')), {{Door::Cli, cli("set", past, r.member, "XUATSAC")}},
              before);
  CHECK(r.byImport(kOfficeAccount, "xep_loai", ratingRow(past, "Đảng viên", r.member, "XUATSAC"))
            .find("\"Xếp loại\"") != std::string::npos);
  for (Door d : {Door::Window, Door::Import, Door::Cli}) CHECK(r.sql(d, stored) == "HTNV|" + cellThen);

  // A cell's past rating: the office's, through every door alike.
  const std::string cellRecord = "rating:" + std::to_string(past) + ":to_chuc:" + r.cell;
  const std::string cellStored =
      "SELECT level FROM ratings WHERE year = " + std::to_string(past) +
      " AND subject_type = 'to_chuc' AND subject_id = (SELECT id FROM organizations WHERE code = '" + r.cell +
      "')";
  for (const auto& [door, path] : r.db)
    services::storeOf(*services::Services::open(path))
        .db()
        .exec("UPDATE organizations SET founded = '2000-01-01' WHERE code = '" + r.cell +
              "'; DELETE FROM ratings WHERE year = " + std::to_string(past) +
              " AND subject_type = 'to_chuc' AND subject_id = (SELECT id FROM organizations WHERE code = '" +
              r.cell + "')");
  CHECK(r.byWindow(kOfficeAccount, byDoor(past, "to_chuc", r.cell, "HTTNV")).empty());
  CHECK(r.byImport(kOfficeAccount, "xep_loai", ratingRow(past, "Tổ chức", r.cell, "HTTNV")).empty());
  CHECK(cli("set", past, r.cell, "HTTNV", "to_chuc").empty());
  sameOutcome(r, cellStored, cellRecord);
  CHECK(r.outcome(Door::Import, cellStored, cellRecord).find("HTTNV # vanphong|rating.organization|") == 0);

  // A secretary of another cell: the door's call throws; the import and its dry run refuse and show nothing
  // of the stored rating (not even whether a guessed level is right); nothing is written.
  const std::string otherCell = r.sql(
      Door::Window, "SELECT code FROM organizations WHERE code <> '" + r.cell + "' ORDER BY code LIMIT 1");
  const services::Actor other = secretaryOf(r, otherCell);
  before = auditCounts(r);
  CHECK_THROWS_AS(
      [&] {
        auto s = services::Services::open(r.db[Door::Window]);
        byDoor(past, "dang_vien", r.member, "HTTNV")(*s, other);
      }(),
      core::PermissionError);
  CHECK_THROWS_AS(
      [&] {
        auto s = services::Services::open(r.db[Door::Window]);
        byDoor(past, "to_chuc", otherCell, "HTTNV")(*s, other);
      }(),
      core::PermissionError);
  for (const std::string level : {"HTNV", "HTTNV"}) {
    const auto row = ratingRow(past, "Đảng viên", r.member, level);
    CHECK(r.byImport(other, "xep_loai", row).find("xep_loai.csv") == 0);
    const std::string dry = r.byDryRun(other, "xep_loai", row);
    CAPTURE(dry);
    CHECK(dry.find("->") == std::string::npos);
    CHECK(dry.find("HTNV") == std::string::npos);
    CHECK(dry.find("không đổi") == std::string::npos);
  }
  CHECK(auditCounts(r) == before);

  // The secretary of the cell the member belonged to that year records the past level as the office does,
  // the audit row theirs; the committee's decision of an open round stays the office's (above).
  const services::Actor own = secretaryOf(r, cellThen);
  CHECK(r.byWindow(own, byDoor(past, "dang_vien", r.member, "HTTNV")).empty());
  CHECK(r.byImport(own, "xep_loai", ratingRow(past, "Đảng viên", r.member, "HTTNV")).empty());
  const std::string ownRow =
      "SELECT username || '|' || action || '|' || old_value || '|' || new_value FROM "
      "audit_log WHERE record = '" +
      record + "' ORDER BY id DESC LIMIT 1";
  CHECK(r.sql(Door::Import, ownRow) ==
        "bithu|rating.decide|self= proposed= level=HTNV|self= proposed= level=HTTNV");
  CHECK(r.sql(Door::Import, ownRow) == r.sql(Door::Window, ownRow));
}
