#include "services/MemberPager.h"

#include <algorithm>

#include "core/InputClean.h"
#include "core/VietText.h"
#include "services/MemberRowFilter.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberQuery.h"

namespace dangbo::services {

namespace {
constexpr size_t kPage = 200;       // rows read together for display
constexpr size_t kPagesKept = 8;    // pages held at once
constexpr size_t kWalkStep = 2000;  // members read by one step of the walk
constexpr size_t kBroad = 5000;     // a search with this many candidates in the index walks the list order
}  // namespace

struct MemberPager::StoreState {
  store::MemberSearch names;  // organizations and ethnic groups
  std::optional<store::ListKey> after;
};

MemberPager::~MemberPager() = default;

MemberPager::MemberPager(Services& services, const Actor& actor, MemberFilter filter,
                         std::set<std::string> cellCodes)
    : services_(services),
      filter_(std::move(filter)),
      cellCodes_(std::move(cellCodes)),
      st_(std::make_unique<StoreState>()) {
  require(actor, Permission::ReadRegister);
  const std::optional<core::Id> scope = detail::secretaryCell(actor);
  detail::checkFilterValues(filter_);
  filter_.limit = 0;
  store::Database& db = storeOf(services_);
  st_->names = store::listNames(db);
  cellId_ = scope;
  if (const auto id = detail::filterCell(filter_, st_->names.cells)) {
    empty_ = scope && *scope != *id;
    cellId_ = id;
  }
  needle_ = core::fold(core::normalizeText(filter_.search));
  if (empty_) {
    done_ = true;
    return;
  }
  if (!store::searchIsBroad(db, needle_, kBroad)) {
    // Every hit at once through the search index: the cost follows the hits.
    auto found = store::searchMembersOn(db, filter_.asOf, needle_);
    take(found.members);
    done_ = true;
    return;
  }
  advance(std::chrono::milliseconds(0));  // the first step: the first page at least
}

template <class Members>
void MemberPager::take(Members& members) {
  for (auto& m : members) {
    const core::Id cell = m.cellOnDay;
    auto row = detail::rowOf(std::move(m), cell, filter_, cellId_, st_->names.cells, st_->names.ethnicNames);
    if (!row) continue;
    if (!cellCodes_.empty() && !cellCodes_.count(row->cellCode)) continue;
    ids_.push_back(row->id);
  }
}

bool MemberPager::advance(std::chrono::milliseconds budget) {
  const auto until = std::chrono::steady_clock::now() + budget;
  while (!done_) {
    auto members =
        store::walkListOrder(storeOf(services_), filter_.asOf, needle_, st_->after, kWalkStep, done_);
    take(members);
    if (std::chrono::steady_clock::now() >= until) break;
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
      if (auto r =
              detail::rowOf(std::move(m), cell, all, std::nullopt, st_->names.cells, st_->names.ethnicNames))
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
  const auto counts = store::presentCounts(db, day);
  const auto names = store::listNames(db);
  PresentMemberCounts out;
  for (const auto& [key, n] : counts.byCellAndEthnicity) {
    if (scope && *scope != key.first) continue;
    auto it = names.cells.find(key.first);
    out.byCell[it == names.cells.end() ? std::string() : it->second.code] += n;
    out.byEthnicity[key.second] += n;
  }
  return out;
}

}  // namespace dangbo::services
