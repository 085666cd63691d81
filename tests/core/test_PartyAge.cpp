#include <doctest/doctest.h>

#include "core/PartyAge.h"

using namespace dangbo::core;

namespace {
Date d(const char* s) {
  return *Date::parse(s);
}
}  // namespace

TEST_CASE("party age: full years from the admission, the anniversary day counts") {
  CHECK(partyYearsOn(d("1976-05-19"), {}, d("2026-05-18")) == 49);
  CHECK(partyYearsOn(d("1976-05-19"), {}, d("2026-05-19")) == 50);
  CHECK(partyYearsOn(d("1976-05-19"), {}, d("1976-05-18")) == 0);
  CHECK(*dayPartyAgeReaches(d("1976-05-19"), {}, 50) == d("2026-05-19"));
  CHECK(*dayPartyAgeReaches(d("2000-02-29"), {}, 30) == d("2030-02-28"));
}

TEST_CASE("party age: an interruption is not counted, a gap after the milestone changes nothing") {
  // Expelled 1/3/1990, re-admitted 1/3/1993: three years (1.096 days) outside the party.
  std::vector<PartyAgeGap> gaps{{d("1990-03-01"), d("1993-03-01")}};
  CHECK(*dayPartyAgeReaches(d("1980-01-10"), gaps, 30) == d("2013-01-10"));
  CHECK(partyYearsOn(d("1980-01-10"), gaps, d("2013-01-09")) == 29);
  CHECK(partyYearsOn(d("1980-01-10"), gaps, d("2013-01-10")) == 30);
  CHECK(*dayPartyAgeReaches(d("1980-01-10"), gaps, 5) == d("1985-01-10"));
  // Still outside: no milestone after the gap began can be reached.
  std::vector<PartyAgeGap> open{{d("1990-03-01"), std::nullopt}};
  CHECK_FALSE(dayPartyAgeReaches(d("1980-01-10"), open, 30).has_value());
  CHECK(partyYearsOn(d("1980-01-10"), open, d("2026-01-01")) == 10);
  // Two gaps, given out of order.
  std::vector<PartyAgeGap> two{{d("2010-01-01"), d("2010-01-11")}, {d("2000-01-01"), d("2000-01-06")}};
  CHECK(*dayPartyAgeReaches(d("1990-06-01"), two, 30) == d("2020-06-16"));
}
