#include <doctest/doctest.h>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/Rules.h"
#include "core/VietText.h"

#include <set>

using namespace dangbo::core;

namespace {
Date d(int y, int m, int dd) {
  return *Date::make(y, m, dd);
}
}  // namespace

TEST_CASE("a rule's value is the one whose valid-from date is the latest on or before the day") {
  RuleBook book({{"admission.max_age", d(2000, 1, 1), "60", "QĐ 294", ""},
                 {"admission.max_age", d(2026, 7, 1), "62", "QĐ mới", ""},
                 {"admission.min_age", d(2000, 1, 1), "18", "Điều lệ", ""}});
  CHECK(book.intOn("admission.max_age", d(2026, 6, 30)) == 60);
  CHECK(book.intOn("admission.max_age", d(2026, 7, 1)) == 62);
  CHECK(book.intOn("admission.max_age", d(2030, 1, 1)) == 62);
  CHECK_FALSE(book.valueOn("admission.max_age", d(1999, 12, 31)).has_value());
  CHECK_THROWS_AS(book.intOn("admission.max_age", d(1999, 12, 31)), DataError);
  CHECK_THROWS_AS(book.intOn("no.such", d(2026, 1, 1)), DataError);
}

TEST_CASE("rule values are checked by their kind") {
  auto err = [](const char* key, const char* value) { return ruleValueError(*findRule(key), value); };
  CHECK(err("admission.max_age", "60").empty());
  CHECK_FALSE(err("admission.max_age", "-1").empty());
  CHECK_FALSE(err("admission.max_age", "6O").empty());
  CHECK_FALSE(err("admission.max_age", "").empty());
  CHECK(err("admission.cell_vote_share", "2/3").empty());
  CHECK_FALSE(err("admission.cell_vote_share", "4/3").empty());
  CHECK_FALSE(err("admission.cell_vote_share", "2/0").empty());
  CHECK(err("dues.pension_percent", "0.5").empty());
  CHECK_FALSE(err("dues.pension_percent", "0,5").empty());
  CHECK(err("badge.milestones", "30,40,45").empty());
  CHECK_FALSE(err("badge.milestones", "30,30").empty());
  CHECK(err("rating.score_bands", "90/70/50").empty());
  CHECK_FALSE(err("rating.score_bands", "50/70/90").empty());
  CHECK(err("badge.award_dates", "03/02,19/05,02/09,07/11").empty());
  CHECK(err("badge.award_dates", "29/02").empty());
  CHECK_FALSE(err("badge.award_dates", "30/02").empty());
  // Messages are Vietnamese.
  CHECK(err("admission.max_age", "x").find("số nguyên") != std::string::npos);
}

TEST_CASE("every rule key is unique and labelled in Vietnamese") {
  std::set<std::string_view> keys;
  for (const auto& def : ruleDefinitions()) {
    CAPTURE(def.key);
    CHECK(keys.insert(def.key).second);
    CHECK(std::string(tr(def.label)) != def.label);
  }
  RuleBook book({{"badge.milestones", d(2000, 1, 1), "30,40,45,50", "QĐ", ""},
                 {"rating.score_bands", d(2000, 1, 1), "90/70/50", "HD", ""},
                 {"admission.cell_vote_share", d(2000, 1, 1), "2/3", "ĐL", ""}});
  CHECK(book.intListOn("badge.milestones", d(2024, 1, 1)) == std::vector<int>{30, 40, 45, 50});
  CHECK(book.intListOn("rating.score_bands", d(2024, 1, 1)) == std::vector<int>{90, 70, 50});
  auto f = book.fractionOn("admission.cell_vote_share", d(2024, 1, 1));
  CHECK(f.num == 2);
  CHECK(f.den == 3);
}

TEST_CASE("the catalog translates and placeholders are filled in the translation's order") {
  CHECK(std::string(tr("Male")) == "Nam");
  CHECK(std::string(tr("Party member")) == "Đảng viên");
  CHECK(std::string(tr("no such message id")) == "no such message id");
  CHECK(format("{2} / {1}", {"a", "b"}) == "b / a");
  CHECK(format("{1}{1} {3}", {"x"}) == "xx {3}");
  CHECK(format("{} {x} {1", {"a"}) == "{} {x} {1");
  CHECK(catalogBytes().size() > 1000);
}

TEST_CASE("enumerations match codes and Vietnamese labels ignoring case, diacritics and tone placement") {
  CHECK(enums::orgKind.match("co_so")->code == "co_so");
  CHECK(enums::orgKind.match("  Chi bộ cơ sở ")->code == "co_so");
  CHECK(enums::orgKind.match("CHI BO TRUC THUOC")->code == "truc_thuoc");
  CHECK(enums::memberStatus.match("Xoá tên")->code == "removed");  // old tone placement
  CHECK(enums::memberStatus.match("Xóa tên")->code == "removed");
  CHECK(enums::ratingLevel.match("httnv")->code == "HTTNV");
  CHECK(enums::ratingLevel.match("Hoàn thành tốt nhiệm vụ")->code == "HTTNV");
  CHECK(enums::gender.match("Nữ")->code == "nu");
  CHECK(enums::gender.match("Nu")->code == "nu");
  CHECK(enums::gender.match("") == nullptr);
  CHECK(enums::gender.match("khác") == nullptr);
  CHECK(enums::orgCategory.label("truong") == "Trường học");
  CHECK(enums::orgCategory.label("xyz") == "xyz");
  // Labels are distinct within each set, so a label never matches two codes.
  for (const EnumSet* set :
       {&enums::orgKind, &enums::orgCategory, &enums::memberStatus, &enums::qualification, &enums::theory,
        &enums::ratingLevel, &enums::inspectionKind, &enums::disciplineForm, &enums::removalGround,
        &enums::committeePosition, &enums::targetKey}) {
    std::set<std::string> labels;
    for (const auto& it : set->items()) {
      CAPTURE(it.code);
      CHECK(labels.insert(fold(tr(it.label))).second);
    }
  }
}
