// The list order of rows given one after the other (store::rows::ListOrderKeys, used by the member snapshot
// and the searches): the same as sorting the sort keys bytewise then the codes, whatever the keys' lengths,
// shared heads longer than the sixteen bytes compared as numbers, zero and high bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "store/MemberRows.h"

using dangbo::store::rows::ListOrderKeys;

TEST_CASE("list order keys: the same order as sorting the keys bytewise, then the codes") {
  std::mt19937 rng(20261206);
  const std::string alphabet(
      "\x00\x01\x7f\x80\xff"
      "abc",
      8);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::pair<std::string, std::string>> rows;  // (key, code)
    const std::string shared(size_t(rng() % 24), 'k');      // heads alike beyond sixteen bytes
    for (int i = 0; i < 200; ++i) {
      std::string key = rng() % 4 ? shared : std::string();
      for (size_t n = rng() % 6; n > 0; --n) key += alphabet[rng() % alphabet.size()];
      rows.emplace_back(key, "DV" + std::to_string(rng() % 50));
    }
    ListOrderKeys keys;
    keys.reserve(rows.size());
    for (const auto& [key, code] : rows) keys.add(key.data(), key.size(), code);
    CHECK(keys.size() == rows.size());
    const std::vector<uint32_t> order = keys.order();
    REQUIRE(order.size() == rows.size());
    std::vector<std::pair<std::string, std::string>> got, want = rows;
    for (uint32_t k : order) got.push_back(rows[k]);
    std::sort(want.begin(), want.end());  // std::string compares bytewise (as unsigned char)
    CHECK(got == want);
  }
}
