// The look-alike check of an import (spec/import.md): a new member sharing a CCCD number, a party card
// number, or the folded name and the birth date with another row of the file or a stored member is listed
// for review. The rows are grouped by each value (sorted once by its hash), and the stored members are read
// in one pass, so the check costs O(n log n) rather than comparing every pair.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/Date.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Import.h"
#include "store/ImportRepository.h"

namespace dangbo::services {

using core::format;
using core::tr;

void findLikelyDuplicates(store::ImportRepository& repo, const ImportFileSpec& spec, const ImportFile& file,
                          const std::vector<PlannedRow>& planned, std::vector<LikelyDuplicate>& out);

namespace {

struct Ident {
  std::string_view code, birth, cccd, card;
  std::string name;       // folded full name (only when there is a birth date: it is compared with it)
  std::string nameBirth;  // name + '\x1f' + birth, the grouping key ("" when either is empty)
  int row = 0;
  bool isNew = false;
};

// Row indices grouped by one value: sorted by the value's hash, so that building and searching compare
// integers and only equal hashes compare the text.
struct Grouped {
  uint64_t hash;
  std::string_view value;
  uint32_t row;
  bool operator<(const Grouped& o) const { return hash != o.hash ? hash < o.hash : row < o.row; }
};
using Groups = std::vector<Grouped>;

uint64_t hashOf(std::string_view v) {
  return std::hash<std::string_view>{}(v);
}

Groups groupBy(const std::vector<Ident>& rows, std::string_view Ident::*single, std::string Ident::*joined) {
  Groups g;
  g.reserve(rows.size());
  for (uint32_t i = 0; i < rows.size(); ++i) {
    std::string_view v = single ? rows[i].*single : std::string_view(rows[i].*joined);
    if (!v.empty()) g.push_back({hashOf(v), v, i});
  }
  std::sort(g.begin(), g.end());
  return g;
}

template <class F>
void eachWith(const Groups& g, std::string_view v, F f) {
  if (v.empty()) return;
  const uint64_t h = hashOf(v);
  auto it = std::lower_bound(g.begin(), g.end(), h, [](const Grouped& a, uint64_t x) { return a.hash < x; });
  for (; it != g.end() && it->hash == h; ++it)
    if (it->value == v) f(it->row);
}

}  // namespace

void findLikelyDuplicates(store::ImportRepository& repo, const ImportFileSpec& spec, const ImportFile& file,
                          const std::vector<PlannedRow>& planned, std::vector<LikelyDuplicate>& out) {
  const int iCode = importColumnIndex(spec, "code"), iName = importColumnIndex(spec, "full_name"),
            iBirth = importColumnIndex(spec, "birth_date"), iCccd = importColumnIndex(spec, "cccd"),
            iCard = importColumnIndex(spec, "card_no");
  auto value = [](const ImportRow& r, int k) {
    return k < 0 || r.isInvalid(size_t(k)) ? std::string_view() : r.value(size_t(k));
  };
  std::vector<Ident> rows(file.rows.size());
  bool anyNew = false;
  for (size_t i = 0; i < file.rows.size(); ++i) {
    const ImportRow& r = file.rows[i];
    Ident& a = rows[i];
    a.code = value(r, iCode);
    a.birth = value(r, iBirth);
    a.cccd = value(r, iCccd);
    a.card = value(r, iCard);
    if (!a.birth.empty()) {
      a.name = core::fold(value(r, iName));
      if (!a.name.empty()) a.nameBirth = a.name + '\x1f' + std::string(a.birth);
    }
    a.row = r.row;
    a.isNew = planned[i].action == ImportAction::New;
    anyNew = anyNew || a.isNew;
  }
  if (!anyNew) return;
  const Groups byCccd = groupBy(rows, &Ident::cccd, nullptr);
  const Groups byCard = groupBy(rows, &Ident::card, nullptr);
  const Groups byNameBirth = groupBy(rows, nullptr, &Ident::nameBirth);

  // Stored members resembling a new row: (row index, index in `stored`), found in one pass by code.
  std::vector<store::MemberIdentity> stored;
  std::vector<std::pair<uint32_t, uint32_t>> storedHits;
  {
    std::vector<uint32_t> hits;
    std::string key;
    repo.forEachMemberIdentity([&](const store::MemberIdentity& m) {
      hits.clear();
      auto take = [&](uint32_t i) {
        if (rows[i].isNew && rows[i].code != m.code) hits.push_back(i);
      };
      eachWith(byCccd, m.cccd, take);
      eachWith(byCard, m.cardNo, take);
      if (!m.searchKey.empty() && !m.birthDate.empty()) {
        key = m.searchKey + '\x1f' + m.birthDate;
        eachWith(byNameBirth, key, take);
      }
      if (hits.empty()) return;
      std::sort(hits.begin(), hits.end());
      hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
      for (uint32_t i : hits) storedHits.emplace_back(i, uint32_t(stored.size()));
      stored.push_back(m);
    });
  }
  std::stable_sort(storedHits.begin(), storedHits.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });

  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto compare = [&](const Ident& a, std::string_view code, std::string_view name, std::string_view birth,
                     std::string_view cccd, std::string_view card, bool inImport) {
    if (code == a.code) return;
    auto add = [&](const std::string& reason) {
      if (seen.insert({std::string(a.code), std::string(code), reason}).second)
        out.push_back({file.source, a.row, std::string(a.code), std::string(code), inImport, reason});
    };
    if (!a.cccd.empty() && a.cccd == cccd) add(format(tr("same CCCD number {1}"), {std::string(cccd)}));
    if (!a.card.empty() && a.card == card) add(format(tr("same party card number {1}"), {std::string(card)}));
    if (!a.name.empty() && !a.birth.empty() && a.name == name && a.birth == birth)
      add(format(tr("same name and birth date ({1})"), {core::PartialDate::parse(birth)->vn()}));
  };

  // Pairs (new row, other row of the file) sharing a value: from each run of equal values in the groups,
  // in one pass over each (the other row comes before the new one, or is not new itself).
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (const Groups* g : {&byCccd, &byCard, &byNameBirth}) {
    for (size_t from = 0; from < g->size();) {
      size_t to = from + 1;
      while (to < g->size() && (*g)[to].hash == (*g)[from].hash) ++to;
      for (size_t x = from; to - from > 1 && x < to; ++x) {
        const uint32_t i = (*g)[x].row;
        if (!rows[i].isNew) continue;
        for (size_t y = from; y < to; ++y) {
          const uint32_t j = (*g)[y].row;
          if (j != i && (j < i || !rows[j].isNew) && (*g)[y].value == (*g)[x].value) pairs.emplace_back(i, j);
        }
      }
      from = to;
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  // Row by row: the other rows of the file in their order, then the stored members.
  size_t p = 0, h = 0;
  while (p < pairs.size() || h < storedHits.size()) {
    const uint32_t i = std::min(p < pairs.size() ? pairs[p].first : UINT32_MAX,
                                h < storedHits.size() ? storedHits[h].first : UINT32_MAX);
    const Ident& a = rows[i];
    for (; p < pairs.size() && pairs[p].first == i; ++p) {
      const Ident& b = rows[pairs[p].second];
      compare(a, b.code, b.name, b.birth, b.cccd, b.card, true);
    }
    for (; h < storedHits.size() && storedHits[h].first == i; ++h) {
      const store::MemberIdentity& m = stored[storedHits[h].second];
      compare(a, m.code, m.searchKey, m.birthDate, m.cccd, m.cardNo, false);
    }
  }
}

}  // namespace dangbo::services
