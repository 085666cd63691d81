#include "services/MemberList.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/MemberRules.h"
#include "core/VietText.h"
#include "services/MemberRowFilter.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/MemberQuery.h"
#include "store/MergeRepository.h"
#include "store/PartyFileRepository.h"
#include "store/ValidationQueries.h"

namespace dangbo::services {

namespace {

void refuseValue(const char* what, const std::string& value) {
  throw core::DataError(core::format(core::tr("Unknown {1}: \"{2}\"."), {core::tr(what), value}));
}

std::optional<core::Id> scopeOf(const Actor& actor) {
  return detail::secretaryCell(actor);
}

// The last snapshot read, with the stamp of the data it was read from. Lists are filtered from it in
// memory; it is read again when the data (or the connection) changed.
struct SnapshotCache {
  std::mutex mutex;
  store::DataStamp stamp;
  std::shared_ptr<const store::ListSnapshot> snapshot;
};

SnapshotCache& snapshotCache() {
  static SnapshotCache cache;
  return cache;
}

std::shared_ptr<const store::ListSnapshot> snapshotOf(store::Database& db) {
  SnapshotCache& cache = snapshotCache();
  const store::DataStamp stamp = store::dataStamp(db);
  std::lock_guard<std::mutex> lock(cache.mutex);
  if (!cache.snapshot || !(cache.stamp == stamp)) {
    cache.snapshot = std::make_shared<const store::ListSnapshot>(store::loadListSnapshot(db));
    cache.stamp = stamp;
  }
  return cache.snapshot;
}

// The kept snapshot when it is current, else nullptr (nothing is read).
std::shared_ptr<const store::ListSnapshot> currentSnapshot(store::Database& db) {
  SnapshotCache& cache = snapshotCache();
  std::lock_guard<std::mutex> lock(cache.mutex);
  if (!cache.snapshot) return nullptr;
  const store::DataStamp stamp = store::dataStamp(db);
  return cache.stamp == stamp ? cache.snapshot : nullptr;
}

}  // namespace

void dropMemberListCache() {
  SnapshotCache& cache = snapshotCache();
  std::lock_guard<std::mutex> lock(cache.mutex);
  cache.snapshot.reset();
}

const std::vector<std::string>& ageGroups() {
  static const std::vector<std::string> groups = {"18-30", "31-40", "41-50", "51-60", "61-70", "71+"};
  return groups;
}

std::string ageGroupLabel(const std::string& group) {
  if (!group.empty() && group.back() == '+')
    return core::format(core::tr("Over {1} years"), {std::to_string(std::stoi(group) - 1)});
  const size_t dash = group.find('-');
  if (dash == std::string::npos) return group;
  return core::format(core::tr("{1} to {2} years"), {group.substr(0, dash), group.substr(dash + 1)});
}

std::string ageGroupOf(int age) {
  if (age <= 30) return "18-30";
  if (age <= 40) return "31-40";
  if (age <= 50) return "41-50";
  if (age <= 60) return "51-60";
  if (age <= 70) return "61-70";
  return "71+";
}

namespace detail {

std::optional<core::Id> secretaryCell(const Actor& actor) {
  if (actor.role != "secretary") return std::nullopt;
  if (!actor.cellId)
    throw core::PermissionError(
        core::format(core::tr("The secretary account {1} is not linked to a cell."), {actor.username}));
  return actor.cellId;
}

void checkFilterValues(const MemberFilter& f) {
  if (!f.gender.empty() && !core::enums::gender.contains(f.gender)) refuseValue(core::N_("gender"), f.gender);
  if (!f.status.empty() && f.status != "active" && f.status != "exempt")
    refuseValue(core::N_("status"), f.status);
  if (!f.standing.empty() && f.standing != "official" && f.standing != "probationary")
    refuseValue(core::N_("official or probationary"), f.standing);
  if (!f.ageGroup.empty() &&
      std::find(ageGroups().begin(), ageGroups().end(), f.ageGroup) == ageGroups().end())
    refuseValue(core::N_("age group"), f.ageGroup);
  if (!f.theory.empty() && !core::enums::theory.contains(f.theory))
    refuseValue(core::N_("political theory level"), f.theory);
}

std::set<core::Id> oldCodeMembers(store::Database& db, const std::string& search) {
  std::set<core::Id> ids;
  if (search.empty()) return ids;
  store::MergeRepository merged(db);
  for (core::Id id : merged.idsByOldCode("member", core::normalizeText(search))) ids.insert(id);
  return ids;
}

std::optional<core::Id> filterCell(const MemberFilter& f,
                                   const std::unordered_map<core::Id, store::CellInfo>& cells) {
  if (f.cellCode.empty()) return std::nullopt;
  std::optional<core::Id> id;
  for (const auto& [cid, info] : cells)
    if (core::sameCode(info.code, f.cellCode)) id = cid;
  if (!id) throw core::DataError(core::format(core::tr("There is no cell with the code {1}."), {f.cellCode}));
  return id;
}

}  // namespace detail

std::vector<MemberRow> listMembers(Services& services, const Actor& actor, const MemberFilter& f) {
  require(actor, Permission::ReadRegister);
  const std::optional<core::Id> scope = scopeOf(actor);
  detail::checkFilterValues(f);

  store::Database& db = storeOf(services);
  // A search for a code a member had before a merge (Mã cũ) lists the members who had it.
  const std::set<core::Id> oldCodeIds = detail::oldCodeMembers(db, f.search);
  const std::string needle = oldCodeIds.empty() ? core::fold(core::normalizeText(f.search)) : std::string();
  const core::Date& day = f.asOf;
  // A search with no current snapshot (a fresh `members --search`) reads only the matching members; the
  // whole list, or any list once a snapshot is kept (the window typing a search), uses the snapshot.
  std::shared_ptr<const store::ListSnapshot> snap;
  std::optional<store::MemberSearch> found;
  // Only the search filters the store's rows: the store may then stop at the limit.
  const bool searchOnly = !scope && f.cellCode.empty() && f.gender.empty() && f.ethnicity.empty() &&
                          f.status.empty() && f.standing.empty() && f.ageGroup.empty() && f.theory.empty();
  if ((!needle.empty() || (f.limit > 0 && searchOnly)) && !(snap = currentSnapshot(db)))
    // The names of every cell only when one is looked for by its code or origin.
    found = store::searchMembersOn(
        db, day, needle, searchOnly ? f.limit : 0,
        f.cellCode.empty() && f.origin.empty() ? store::SearchNames::OfFound : store::SearchNames::All);
  else
    snap = snapshotOf(db);
  const auto& cells = snap ? snap->cells : found->cells;
  const auto& ethnicNames = snap ? snap->ethnicNames : found->ethnicNames;

  std::optional<core::Id> cellId = scope;
  if (const auto id = detail::filterCell(f, cells)) {
    if (scope && *scope != *id) return {};
    cellId = id;
  }

  const std::string origin = core::fold(core::normalizeText(f.origin));
  if (!origin.empty()) {
    bool known = false;
    for (const auto& [cid, info] : cells) known = known || core::fold(info.origin) == origin;
    if (!known)
      throw core::DataError(core::format(core::tr("No cell comes from the former commune {1}."), {f.origin}));
  }
  std::vector<MemberRow> out;
  // `m` is a store::ListEntry or a store::ListedMember; `cell` its cell on the day.
  auto take = [&](auto&& m, core::Id cell) {
    if (!oldCodeIds.empty() && !oldCodeIds.count(m.id)) return;
    if (f.limit > 0 && out.size() >= f.limit) return;
    if (auto row = detail::rowOf(std::forward<decltype(m)>(m), cell, f, cellId, cells, ethnicNames))
      out.push_back(std::move(*row));
  };
  if (found) {
    out.reserve(found->members.size());
    for (auto& m : found->members) take(std::move(m), m.cellOnDay);
    return out;
  }
  // Room for every row at once: a search first counts its hits (a quick pass over the keys), which spares
  // the copies of a growing list of tens of thousands of rows while a letter is typed.
  size_t room = 0;
  if (f.limit > 0)
    room = f.limit;
  else if (needle.empty())
    room = snap->members.size();
  else
    store::forEachPresent(*snap, day, needle, [&](size_t) { return ++room, true; });
  out.reserve(room);
  store::forEachPresent(*snap, day, needle, [&](size_t i) {
    take(snap->members[i], store::cellOn(*snap, i, day));
    return f.limit == 0 || out.size() < f.limit;
  });
  return out;
}

namespace {

// What the register reads: the members on the day in the actor's scope, with their events.
store::MemberQueryOptions registerQuery(const Actor& actor, const core::Date& asOf, bool includeDeparted) {
  require(actor, Permission::ReadRegister);
  store::MemberQueryOptions q;
  q.asOf = asOf;
  q.cellId = scopeOf(actor);
  q.withEvents = true;
  q.includeDeparted = includeDeparted;
  return q;
}

RegisterEntry registerEntry(store::MemberOnDate&& r, const std::map<core::Id, std::string>& badges) {
  auto b = badges.find(r.member.id);
  return {std::move(r.member),        std::move(r.cellCode),
          std::move(r.cellName),      std::move(r.cellCategory),
          std::move(r.ethnicityName), r.present,
          std::move(r.events),        b == badges.end() ? std::string() : b->second};
}

}  // namespace

std::vector<RegisterEntry> registerEntries(Services& services, const Actor& actor, const core::Date& asOf,
                                           bool includeDeparted) {
  const auto q = registerQuery(actor, asOf, includeDeparted);
  std::vector<RegisterEntry> out;
  const auto badges = store::PartyFileRepository(storeOf(services)).badgeNumbers(asOf);
  for (auto& r : store::membersOn(storeOf(services), q)) out.push_back(registerEntry(std::move(r), badges));
  return out;
}

void forEachRegisterEntry(Services& services, const Actor& actor, const core::Date& asOf,
                          const std::function<void(RegisterEntry&&)>& visit, size_t limit,
                          bool includeDeparted) {
  const auto q = registerQuery(actor, asOf, includeDeparted);
  const auto badges = store::PartyFileRepository(storeOf(services)).badgeNumbers(asOf);
  store::forEachMemberOn(
      storeOf(services), q, limit > 0 ? std::min<size_t>(limit, 1000) : 1000,
      [&](store::MemberOnDate&& r) { visit(registerEntry(std::move(r), badges)); }, limit);
}

void forEachRegisterSample(Services& services, const Actor& actor, const core::Date& asOf, size_t every,
                           const std::function<void(RegisterEntry&&, size_t)>& visit) {
  const auto q = registerQuery(actor, asOf, false);
  const auto badges = store::PartyFileRepository(storeOf(services)).badgeNumbers(asOf);
  store::forEachMemberSampleOn(storeOf(services), q, every, [&](store::MemberOnDate&& r, size_t n) {
    visit(registerEntry(std::move(r), badges), n);
  });
}

int64_t registerCount(Services& services, const Actor& actor, const core::Date& asOf) {
  const auto q = registerQuery(actor, asOf, false);
  return store::countPresent(storeOf(services), asOf, q.cellId);
}

std::vector<CheckFinding> checkRegister(Services& services, const Actor& actor, const core::Date& /*asOf*/) {
  require(actor, Permission::ReadRegister);
  const std::optional<core::Id> scope = scopeOf(actor);
  auto& db = storeOf(services);
  std::vector<CheckFinding> out;

  for (const auto& mf : store::membersMissingFields(db)) {
    if (scope && mf.member.cellId != *scope) continue;
    for (const auto& field : mf.fields) {
      const char* label = field == "full_name"     ? core::tr("full name")
                          : field == "birth_date"  ? core::tr("date of birth")
                          : field == "gender"      ? core::tr("gender")
                          : field == "ethnicity"   ? core::tr("ethnicity")
                          : field == "admitted_on" ? core::tr("admission or transfer-in date")
                                                   : core::tr("cell");
      out.push_back({"missing_field", mf.member.code, std::nullopt,
                     core::format(core::tr("The file of member {1} ({2}) lacks the {3}."),
                                  {mf.member.fullName, mf.member.code, label})});
    }
  }

  // Dates the dialog would refuse (stored before the rules reached every door): rule invalid_dates.
  const core::Date today = core::Date::today();
  const core::RuleBook rules = services.ruleBook();
  for (const auto& d : store::memberDates(db)) {
    if (scope && d.member.cellId != *scope) continue;
    auto date = [](const std::string& t) { return t.empty() ? std::nullopt : core::Date::parse(t); };
    const auto problems = core::memberDateProblems(
        {d.birth.empty() ? std::nullopt : core::PartialDate::parse(d.birth), date(d.admitted),
         date(d.ceremony), date(d.official), date(d.transferredIn)},
        today, rules);
    for (const auto& fp : problems)
      out.push_back(
          {"invalid_dates", d.member.code, std::nullopt,
           core::format(core::tr("Member {1} ({2}): {3}"), {d.member.fullName, d.member.code, fp.message})});
  }

  for (const auto& g : store::likelyDuplicates(db)) {
    std::string what;
    if (g.kind == "cccd")
      what = core::format(core::tr("citizen ID number {1}"), {g.value});
    else if (g.kind == "card_no")
      what = core::format(core::tr("party card number {1}"), {g.value});
    else
      what = core::format(
          core::tr("full name and date of birth {1}"),
          {core::PartialDate::parse(g.value) ? core::PartialDate::parse(g.value)->vn() : g.value});
    for (size_t i = 1; i < g.members.size(); ++i) {
      const auto& m = g.members[i];
      if (scope && m.cellId != *scope) continue;
      std::string others;
      for (size_t k = 0; k < g.members.size(); ++k) {
        if (k == i) continue;
        if (!others.empty()) others += ", ";
        others += g.members[k].fullName + " (" + g.members[k].code + ")";
      }
      out.push_back(
          {"duplicate", m.code, std::nullopt,
           core::format(core::tr("Member {1} ({2}) is likely the same person as {3}: the same {4}."),
                        {m.fullName, m.code, others, what})});
    }
  }
  return out;
}

}  // namespace dangbo::services
