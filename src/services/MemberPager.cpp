#include "services/MemberPager.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <tuple>

#include "core/InputClean.h"
#include "core/VietText.h"
#include "services/MemberRowFilter.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberCounts.h"
#include "store/MemberListOrder.h"
#include "store/MemberOrder.h"
#include "store/MemberQuery.h"

namespace dangbo::services {

namespace {
constexpr size_t kPage = 200;            // rows read together for display
constexpr size_t kPagesKept = 8;         // pages held at once
constexpr size_t kWalkEntries = 100000;  // entries of the list order looked through by one step at most
constexpr size_t kWalkStep = 2000;       // members read by one step of the walk
constexpr size_t kFirstStep = 200;       // by each first step, until they found a page (shown at once)
constexpr size_t kOrderedMost = 60000;   // a search with at most so many candidates in the index sorts them
static_assert(int(MemberSortColumn::Status) == int(store::MemberOrder::Status) &&
              int(MemberSortColumn::Cell) ==
                  int(store::MemberOrder::Cell));  // the same columns, in the same order
}  // namespace

namespace {
// The names of every organization and ethnic group, kept while the data stays as it was when they were read:
// the window makes a pager per keystroke, and a province's register holds tens of thousands of
// organizations (30 ms to read at 30.000).
std::shared_ptr<const store::MemberSearch> namesOf(store::Database& db) {
  static std::mutex mutex;
  static store::DataStamp stamp;
  static std::shared_ptr<const store::MemberSearch> names;
  const store::DataStamp now = store::dataStamp(db);
  std::lock_guard<std::mutex> lock(mutex);
  if (!names || !(stamp == now)) {
    names = std::make_shared<const store::MemberSearch>(store::listNames(db));
    stamp = now;
  }
  return names;
}
}  // namespace

struct MemberPager::StoreState {
  std::shared_ptr<const store::MemberSearch> names;  // organizations and ethnic groups
  std::optional<store::ListKey> after;
};

MemberPager::~MemberPager() = default;

MemberPager::MemberPager(Services& services, const Actor& actor, MemberFilter filter,
                         std::set<std::string> cellCodes, MemberSort sort)
    : services_(services),
      filter_(std::move(filter)),
      cellCodes_(std::move(cellCodes)),
      st_(std::make_unique<StoreState>()) {
  require(actor, Permission::ReadRegister);
  const std::optional<core::Id> scope = detail::secretaryCell(actor);
  detail::checkFilterValues(filter_);
  filter_.limit = 0;
  store::Database& db = storeOf(services_);
  st_->names = namesOf(db);
  cellId_ = scope;
  if (const auto id = detail::filterCell(filter_, st_->names->cells)) {
    empty_ = scope && *scope != *id;
    cellId_ = id;
  }
  needle_ = core::fold(core::normalizeText(filter_.search));
  plain_ = !cellId_ && cellCodes_.empty() && filter_.gender.empty() && filter_.ethnicity.empty() &&
           filter_.status.empty() && filter_.standing.empty() && filter_.ageGroup.empty() &&
           filter_.theory.empty() && filter_.origin.empty();
  if (empty_) {
    done_ = true;
    return;
  }
  // A search for a code a member had before a merge (Mã cũ) lists the members who had it, as listMembers.
  const std::set<core::Id> oldCodeIds = detail::oldCodeMembers(db, filter_.search);
  if (!oldCodeIds.empty()) needle_.clear();
  if (!sort.isDefault() || !oldCodeIds.empty()) {
    // The database sorts the candidates (present on the day, holding the search); their rows are read and
    // filtered a step at a time as for the list order.
    sorted_ = true;
    ordered_ = store::orderedMemberIds(db, filter_.asOf, needle_, store::MemberOrder(int(sort.column)),
                                       sort.descending);
    if (!oldCodeIds.empty()) std::erase_if(ordered_, [&](core::Id id) { return !oldCodeIds.count(id); });
    advance(std::chrono::milliseconds(0));
    return;
  }
  if (store::searchUsesIndex(needle_)) {
    // The hits near the start of the list order (index members_order holds the key), looked for as far as a
    // page of them would lie were they spread evenly, the walk going on from there when they fill a page;
    // else (or at once, when the index holds few candidates) the index's candidates put in the list order,
    // when not too many (hits far down the list: every "Lò Văn Pằn" under P), their rows read a step at a
    // time.
    size_t counted = SIZE_MAX;
    const size_t entries = store::searchProbeEntries(db, needle_, kPage, &counted);
    auto probe =
        entries ? store::probeListOrder(db, needle_, std::nullopt, entries, kPage) : store::ListProbe{};
    if (entries && (probe.hits.size() >= kPage || probe.end)) {
      takeIds(probe.hits);
      st_->after = probe.last;
      done_ = probe.end;
    } else if (auto candidates = store::searchCandidatesInOrder(db, needle_, kOrderedMost, counted)) {
      sorted_ = true;
      ordered_ = std::move(*candidates);
    }
  }
  advance(std::chrono::milliseconds(0));  // the first step: the first page at least
}

template <class Members>
void MemberPager::take(Members& members) {
  for (auto& m : members) {
    const core::Id cell = m.cellOnDay;
    auto row =
        detail::rowOf(std::move(m), cell, filter_, cellId_, st_->names->cells, st_->names->ethnicNames);
    if (!row) continue;
    if (!cellCodes_.empty() && !cellCodes_.count(row->cellCode)) continue;
    ids_.push_back(row->id);
  }
}

void MemberPager::takeIds(const std::vector<core::Id>& ids) {
  // With nothing but the search, rowOf keeps every member present and found: only their ids are read (the
  // rows shown are read by row(), a page at a time), without their other columns, cells or rows.
  if (plain_) {
    const auto kept = store::presentIdsByIds(storeOf(services_), filter_.asOf, needle_, ids);
    ids_.insert(ids_.end(), kept.begin(), kept.end());
    return;
  }
  auto members = store::presentMembersByIds(storeOf(services_), filter_.asOf, needle_, ids);
  take(members);
}

bool MemberPager::advance(std::chrono::milliseconds budget) {
  const auto until = std::chrono::steady_clock::now() + budget;
  while (!done_) {
    const bool first = ids_.size() < kPage;  // the first page is not found yet
    const size_t stepRows = first ? kFirstStep : kWalkStep;
    if (sorted_) {
      const size_t end = std::min(orderedAt_ + stepRows, ordered_.size());
      const std::vector<core::Id> step(ordered_.begin() + long(orderedAt_), ordered_.begin() + long(end));
      // Present on the day and holding the search (the candidates of the search index are not all).
      takeIds(step);
      orderedAt_ = end;
      if (end == ordered_.size()) {
        done_ = true;
        std::vector<core::Id>().swap(ordered_);
      }
    } else {
      // The list order's entries holding the search, read in the index (members_order holds the key), then
      // the rows of those present on the day.
      auto probe = store::probeListOrder(storeOf(services_), needle_, st_->after, kWalkEntries, stepRows);
      st_->after = probe.last;
      done_ = probe.end;
      takeIds(probe.hits);
    }
    if (ids_.size() >= kPage && std::chrono::steady_clock::now() >= until) break;
  }
  return !done_;
}

const MemberRow* MemberPager::row(size_t index) {
  if (index >= ids_.size()) return nullptr;
  const size_t first = index - index % kPage;
  auto it = pages_.find(first);
  if (it == pages_.end()) {
    if (pages_.size() >= kPagesKept) {  // the page farthest from this one goes
      auto distance = [&](size_t at) { return at > first ? at - first : first - at; };
      const auto last = std::prev(pages_.end());
      pages_.erase(distance(pages_.begin()->first) < distance(last->first) ? last : pages_.begin());
    }
    const std::vector<core::Id> ids(ids_.begin() + long(first),
                                    ids_.begin() + long(std::min(first + kPage, ids_.size())));
    std::vector<MemberRow> rows;
    MemberFilter all;  // the members were chosen already: every one gives its row
    all.asOf = filter_.asOf;
    for (auto& m : store::membersByIds(storeOf(services_), filter_.asOf, ids)) {
      const core::Id cell = m.cellOnDay;
      if (auto r = detail::rowOf(std::move(m), cell, all, std::nullopt, st_->names->cells,
                                 st_->names->ethnicNames))
        rows.push_back(std::move(*r));
    }
    it = pages_.emplace(first, std::move(rows)).first;
  }
  const size_t k = index - first;
  return k < it->second.size() ? &it->second[k] : nullptr;
}

std::optional<size_t> MemberPager::find(core::Id id) const {
  auto it = std::find(ids_.begin(), ids_.end(), id);
  return it == ids_.end() ? std::nullopt : std::optional<size_t>(size_t(it - ids_.begin()));
}

void sortMemberRows(std::vector<MemberRow>& rows, const MemberSort& sort) {
  using C = MemberSortColumn;
  auto key = [&](const MemberRow& r) {
    auto date = [](const std::optional<core::Date>& d) { return d ? "1" + d->iso() : std::string(); };
    std::string k;
    switch (sort.column) {
      case C::Name:
        break;
      case C::Code:
        k = r.code;
        break;
      case C::Cell:
        k = core::textSortKey(r.cellName);
        break;
      case C::Gender:
        k = r.gender;
        break;
      case C::BirthDate:
        k = r.birthDate ? "1" + r.birthDate->storage() : std::string();
        break;
      case C::Ethnicity:
        k = core::textSortKey(r.ethnicityName);
        break;
      case C::Admitted:
        k = date(r.admittedOn);
        break;
      case C::Official:
        k = date(r.officialOn);
        break;
      case C::Status:
        k = r.status == "exempt" ? "2" : r.standing == "official" ? "0" : "1";
        break;
    }
    return std::make_tuple(std::move(k), core::nameSortKey(r.name), r.code);
  };
  std::vector<std::pair<std::tuple<std::string, std::string, std::string>, size_t>> keys;
  for (size_t i = 0; i < rows.size(); ++i) keys.emplace_back(key(rows[i]), i);
  std::sort(keys.begin(), keys.end());
  if (sort.descending) std::reverse(keys.begin(), keys.end());
  std::vector<MemberRow> out;
  out.reserve(rows.size());
  for (const auto& k : keys) out.push_back(std::move(rows[k.second]));
  rows = std::move(out);
}

std::map<core::Id, std::string> memberNames(Services& services, const Actor& actor,
                                            const std::vector<core::Id>& ids, const core::Date& day) {
  require(actor, Permission::ReadRegister);
  const std::optional<core::Id> scope = detail::secretaryCell(actor);
  std::map<core::Id, std::string> out;
  for (auto& m : store::membersByIds(storeOf(services), day, ids))
    if (!scope || *scope == m.cellOnDay) out[m.id] = std::move(m.fullName);
  return out;
}

PresentMemberCounts presentMemberCounts(Services& services, const Actor& actor, const core::Date& day) {
  require(actor, Permission::ReadRegister);
  const std::optional<core::Id> scope = detail::secretaryCell(actor);
  store::Database& db = storeOf(services);
  const auto counts = store::presentCountsKept(db, day);  // kept by the register's triggers
  const auto names = namesOf(db);
  PresentMemberCounts out;
  for (const auto& [key, n] : counts.byCellAndEthnicity) {
    if (scope && *scope != key.first) continue;
    auto it = names->cells.find(key.first);
    out.byCell[it == names->cells.end() ? std::string() : it->second.code] += n;
    out.byEthnicity[key.second] += n;
  }
  return out;
}

}  // namespace dangbo::services
