// The look-alike check of an import (spec/import.md): a new member sharing a CCCD number, a party card
// number, or the folded name and the birth date with another row of the file or a stored member is listed
// for review. The rows are grouped by each value (sorted once by its hash), and the stored members are read
// in one pass, so the check costs O(n log n) rather than comparing every pair.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <functional>
#include <memory>
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

struct LookAlikeGroups;
std::shared_ptr<const LookAlikeGroups> groupLookAlikes(const ImportFileSpec& spec, const ImportFile& file);
void findLikelyDuplicates(store::ImportRepository& repo, const LookAlikeGroups& groups,
                          const ImportFileSpec& spec, const ImportFile& file,
                          const std::vector<PlannedRow>& planned, std::vector<LikelyDuplicate>& out);

namespace {

// Rows of the file grouped by one value: sorted by the value's hash, so that building and searching compare
// integers, and only rows of equal hashes compare their values (through `same`).
struct Grouped {
  uint64_t hash;
  uint32_t row;
  bool operator<(const Grouped& o) const { return hash != o.hash ? hash < o.hash : row < o.row; }
};
using Groups = std::vector<Grouped>;

uint64_t hashOf(std::string_view v) {
  return std::hash<std::string_view>{}(v);
}
// The hash of a name with a birth date.
uint64_t hashOf(std::string_view name, std::string_view birth) {
  return hashOf(name) * 1099511628211ull ^ hashOf(birth);
}

// Calls f(row) for each row of `g` with the hash `h` for which same(row) holds.
template <class Same, class F>
void eachWith(const Groups& g, uint64_t h, Same same, F f) {
  auto it = std::lower_bound(g.begin(), g.end(), h, [](const Grouped& a, uint64_t x) { return a.hash < x; });
  for (; it != g.end() && it->hash == h; ++it)
    if (same(it->row)) f(it->row);
}

}  // namespace

namespace {

// The positions of the compared columns of the members' spec.
struct LookAlikeColumns {
  int code, name, birth, cccd, card;
  explicit LookAlikeColumns(const ImportFileSpec& spec)
      : code(importColumnIndex(spec, "code")),
        name(importColumnIndex(spec, "full_name")),
        birth(importColumnIndex(spec, "birth_date")),
        cccd(importColumnIndex(spec, "cccd")),
        card(importColumnIndex(spec, "card_no")) {}
};

// The readable value of column k of row i of `file` ("" for an unreadable one).
std::string_view cellOf(const ImportFile& file, uint32_t i, int k) {
  const ImportRow& r = file.rows[i];
  return k < 0 || r.isInvalid(size_t(k)) ? std::string_view() : r.value(size_t(k));
}

}  // namespace

// A file's rows grouped by each compared value: needs nothing of the register or of the plan, so that it is
// made on a second thread while the plan evaluates the rows.
struct LookAlikeGroups {
  std::vector<std::string> names;  // the folded names, only of rows with a birth date (compared with it)
  Groups byCccd, byCard, byNameBirth;
};

std::shared_ptr<const LookAlikeGroups> groupLookAlikes(const ImportFileSpec& spec, const ImportFile& file) {
  const LookAlikeColumns col(spec);
  const size_t n = file.rows.size();
  auto g = std::make_shared<LookAlikeGroups>();
  g->names.resize(n);
  for (uint32_t i = 0; i < n; ++i)
    if (!cellOf(file, i, col.birth).empty()) g->names[i] = core::fold(cellOf(file, i, col.name));
  auto groupBy = [&](int column) {
    Groups out;
    out.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      if (column == col.birth) {
        if (!g->names[i].empty()) out.push_back({hashOf(g->names[i], cellOf(file, i, col.birth)), i});
      } else if (const std::string_view v = cellOf(file, i, column); !v.empty()) {
        out.push_back({hashOf(v), i});
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  // Grouped by CCCD, by card number, and by name with birth date (keyed by the birth date column).
  g->byCccd = groupBy(col.cccd);
  g->byCard = groupBy(col.card);
  g->byNameBirth = groupBy(col.birth);
  return g;
}

void findLikelyDuplicates(store::ImportRepository& repo, const LookAlikeGroups& groups,
                          const ImportFileSpec& spec, const ImportFile& file,
                          const std::vector<PlannedRow>& planned, std::vector<LikelyDuplicate>& out) {
  const LookAlikeColumns col(spec);
  const int iCode = col.code, iBirth = col.birth, iCccd = col.cccd, iCard = col.card;
  auto value = [&](uint32_t i, int k) { return cellOf(file, i, k); };
  auto isNew = [&](uint32_t i) { return planned[i].action == ImportAction::New; };
  if (std::none_of(planned.begin(), planned.end(),
                   [](const PlannedRow& p) { return p.action == ImportAction::New; }))
    return;
  const std::vector<std::string>& names = groups.names;
  const Groups &byCccd = groups.byCccd, &byCard = groups.byCard, &byNameBirth = groups.byNameBirth;
  auto sameValue = [&](int column, uint32_t i, uint32_t j) {
    if (column == iBirth) return names[i] == names[j] && value(i, iBirth) == value(j, iBirth);
    return value(i, column) == value(j, column);
  };

  // Stored members resembling a new row: (row index, index in `stored`), found in one pass by code.
  std::vector<store::MemberIdentity> stored;
  std::vector<std::pair<uint32_t, uint32_t>> storedHits;
  {
    std::vector<uint32_t> hits;
    repo.forEachMemberIdentity([&](const store::MemberIdentity& m) {
      hits.clear();
      auto take = [&](uint32_t i) {
        if (isNew(i) && value(i, iCode) != m.code) hits.push_back(i);
      };
      if (!m.cccd.empty())
        eachWith(
            byCccd, hashOf(m.cccd), [&](uint32_t i) { return value(i, iCccd) == m.cccd; }, take);
      if (!m.cardNo.empty())
        eachWith(
            byCard, hashOf(m.cardNo), [&](uint32_t i) { return value(i, iCard) == m.cardNo; }, take);
      if (!m.searchKey.empty() && !m.birthDate.empty())
        eachWith(
            byNameBirth, hashOf(m.searchKey, m.birthDate),
            [&](uint32_t i) { return names[i] == m.searchKey && value(i, iBirth) == m.birthDate; }, take);
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
  // Row i of the file against another (its code, folded name, birth date, CCCD and card number).
  auto compare = [&](uint32_t i, std::string_view code, std::string_view name, std::string_view birth,
                     std::string_view cccd, std::string_view card, bool inImport) {
    const std::string_view aCode = value(i, iCode), aCccd = value(i, iCccd), aCard = value(i, iCard),
                           aBirth = value(i, iBirth);
    if (code == aCode) return;
    auto add = [&](const std::string& reason) {
      if (seen.insert({std::string(aCode), std::string(code), reason}).second)
        out.push_back(
            {file.source, file.rows[i].row, std::string(aCode), std::string(code), inImport, reason});
    };
    if (!aCccd.empty() && aCccd == cccd) add(format(tr("same CCCD number {1}"), {std::string(cccd)}));
    if (!aCard.empty() && aCard == card) add(format(tr("same party card number {1}"), {std::string(card)}));
    if (!names[i].empty() && !aBirth.empty() && names[i] == name && aBirth == birth)
      add(format(tr("same name and birth date ({1})"), {core::PartialDate::parse(birth)->vn()}));
  };

  // Pairs (new row, other row of the file) sharing a value: from each run of equal values in the groups,
  // in one pass over each (the other row comes before the new one, or is not new itself).
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (const auto& [g, column] :
       {std::pair{&byCccd, iCccd}, std::pair{&byCard, iCard}, std::pair{&byNameBirth, iBirth}}) {
    for (size_t from = 0; from < g->size();) {
      size_t to = from + 1;
      while (to < g->size() && (*g)[to].hash == (*g)[from].hash) ++to;
      for (size_t x = from; to - from > 1 && x < to; ++x) {
        const uint32_t i = (*g)[x].row;
        if (!isNew(i)) continue;
        for (size_t y = from; y < to; ++y) {
          const uint32_t j = (*g)[y].row;
          if (j != i && (j < i || !isNew(j)) && sameValue(column, i, j)) pairs.emplace_back(i, j);
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
    for (; p < pairs.size() && pairs[p].first == i; ++p) {
      const uint32_t j = pairs[p].second;
      compare(i, value(j, iCode), names[j], value(j, iBirth), value(j, iCccd), value(j, iCard), true);
    }
    for (; h < storedHits.size() && storedHits[h].first == i; ++h) {
      const store::MemberIdentity& m = stored[storedHits[h].second];
      compare(i, m.code, m.searchKey, m.birthDate, m.cccd, m.cardNo, false);
    }
  }
}

}  // namespace dangbo::services
