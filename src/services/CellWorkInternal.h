#pragma once
// What the files of the cell-work door share (services' own sources only): the register as the cell-work
// rules read it and the door's state. Not a public header: it reaches the store.
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/VietText.h"
#include "services/CellWork.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/CellWorkRepository.h"
#include "store/MemberQuery.h"
#include "store/RegisterRepository.h"

namespace dangbo::services::cellwork {

/// Upper case of the ASCII letters (codes are compared without regard to case).
inline std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

/// The register as the cell-work rules read it: members with their cell on any day, cells, leaves.
struct Register {
  store::ListSnapshot snap;
  std::unordered_map<std::string, size_t> byCode;  // upper-case code -> snapshot index
  std::unordered_map<core::Id, size_t> byId;
  std::vector<core::Organization> orgs;
  std::unordered_map<std::string, size_t> orgByCode;  // upper-case code -> orgs index
  std::unordered_map<core::Id, size_t> orgById;
  std::unordered_map<core::Id, std::vector<store::LeaveRow>> leaves;

  /// The whole register.
  explicit Register(store::Database& db) : Register(db, std::string_view()) {}
  /// The whole register for figures only: members without codes or names (membership, cell, admission).
  struct MembershipOnly {};
  Register(store::Database& db, MembershipOnly) {
    readOrganizations(db);
    snap = store::loadMembershipSnapshot(db);
    indexMembers(db);
  }
  /// With a cell's code: only the members who ever belonged to that cell (every organization still), enough
  /// for any question about that cell alone (its book, its list on a day); an unknown code: no member.
  Register(store::Database& db, std::string_view onlyCellCode) {
    readOrganizations(db);
    if (onlyCellCode.empty()) {
      snap = store::loadListSnapshot(db);
    } else {
      auto it = orgByCode.find(upper(core::normalizeText(onlyCellCode)));
      if (it != orgByCode.end()) snap = store::loadListSnapshot(db, orgs[it->second].id);
    }
    indexMembers(db);
  }
  void readOrganizations(store::Database& db) {
    orgs = store::RegisterRepository(db).organizations();
    for (size_t i = 0; i < orgs.size(); ++i) {
      orgByCode.emplace(upper(orgs[i].code), i);
      orgById.emplace(orgs[i].id, i);
    }
  }
  void indexMembers(store::Database& db) {
    for (size_t i = 0; i < snap.members.size(); ++i) {
      byCode.emplace(upper(snap.members[i].code), i);
      byId.emplace(snap.members[i].id, i);
    }
    for (auto& l : store::CellWorkRepository(db).leaves())
      if (byId.contains(l.memberId)) leaves[l.memberId].push_back(l);
  }
  const store::ListEntry& member(size_t i) const { return snap.members[i]; }
  bool presentOn(size_t i, const core::Date& day) const {
    const auto d = static_cast<int32_t>(day.serial());
    return snap.joinedDay[i] <= d && d < snap.endDay[i];
  }
  core::Id cellOn(size_t i, const core::Date& day) const { return store::cellOn(snap, i, day); }
  bool inCellOn(size_t i, core::Id cell, const core::Date& day) const {
    return presentOn(i, day) && cellOn(i, day) == cell;
  }
  bool exemptOn(size_t i, const core::Date& day) const {
    const auto& m = member(i);
    return m.status == "exempt" && (!m.statusSince || *m.statusSince <= day);
  }
  bool onLeave(core::Id memberId, const core::Date& from, const core::Date& to) const {
    auto it = leaves.find(memberId);
    if (it == leaves.end()) return false;
    for (const auto& l : it->second)
      if (l.from <= to && from <= l.to) return true;
    return false;
  }
  std::optional<core::Date> firstAdmitted(size_t i) const { return member(i).admittedOn; }
  const core::Organization& org(core::Id id) const { return orgs[orgById.at(id)]; }
  /// The cell (any organization) of a code, case ignored; DataError naming the code when there is none.
  const core::Organization& cellByCode(std::string_view code) const {
    auto it = orgByCode.find(upper(core::normalizeText(code)));
    if (it == orgByCode.end())
      throw core::DataError(
          core::format(core::tr("There is no party cell with the code {1}."), {std::string(code)}));
    return orgs[it->second];
  }
  /// The snapshot index of a member's code, case ignored; DataError naming the code when there is none.
  size_t memberByCode(std::string_view code) const {
    auto it = byCode.find(upper(core::normalizeText(code)));
    if (it == byCode.end())
      throw core::DataError(
          core::format(core::tr("There is no member with the code {1}."), {std::string(code)}));
    return it->second;
  }
};

/// A member's code from their id ("" for none or unknown).
inline std::string memberCodeOf(const Register& reg, const std::optional<core::Id>& id) {
  if (!id) return {};
  auto it = reg.byId.find(*id);
  return it == reg.byId.end() ? std::string() : reg.member(it->second).code;
}

/// Adds a changed field (a new record: every non-empty value).
inline void diff(std::vector<ChangedField>& out, const char* field, const std::string& before,
                 const std::string& after, bool isNew) {
  if (isNew ? !after.empty() : before != after) out.push_back({field, before, after});
}

/// Refuses an account that may not read the work of the cell (a secretary: their own cell only).
inline void requireRead(const Actor& actor, std::optional<core::Id> cellId) {
  require(actor, Permission::ReadRegister);
  if (actor.role == "secretary" && (!cellId || actor.cellId != cellId))
    throw core::PermissionError(
        core::format(core::tr("The account {1} may read the work of its own cell only."), {actor.username}));
}

/// One call of the door in its own transaction (the window, `record`).
template <class F>
DoorOutcome single(Services& s, const Actor& actor, F f) {
  DoorOutcome out;
  CellWorkDoor door(s, actor);
  storeOf(s).transaction([&] { out = f(door); });
  return out;
}

}  // namespace dangbo::services::cellwork

namespace dangbo::services {

// The names every cell-work source uses.
using cellwork::memberCodeOf;
using cellwork::Register;
using core::DataError;
using core::Date;
using core::format;
using core::tr;
using core::YearMonth;

struct CellWorkDoor::Impl {
  Services& s;
  Actor actor;
  core::Date today;
  std::unique_ptr<cellwork::Register> reg;
  mutable store::CellWorkRepository repo;
  // Dry run: meetings that would be added, so that an attendance file can refer to a meeting of the same
  // import.
  std::set<std::tuple<core::Id, std::string, std::string>> pendingMeetings;

  Impl(Services& sv, const Actor& a, core::Date t)
      : s(sv),
        actor(a),
        today(t),
        reg(std::make_unique<cellwork::Register>(storeOf(sv))),
        repo(storeOf(sv)) {}

  void requireCell(core::Id cellId) const {
    require(actor, Permission::WriteRegister);
    if (actor.role == "secretary" && actor.cellId != cellId)
      throw core::PermissionError(core::format(
          core::tr("The account {1} may record the work of its own cell only."), {actor.username}));
  }
  const core::Organization& cell(const std::string& code) const { return reg->cellByCode(code); }
  size_t member(const std::string& code) const { return reg->memberByCode(code); }
  void notFuture(const core::Date& d, const char* what) const {
    if (d > today)
      throw core::DataError(core::format(core::tr("{1} {2} is in the future."), {core::tr(what), d.vn()}));
  }
  /// The kind of the cell's meeting on a day: `kind` itself, or when empty the only meeting that day
  /// (recorded, or to be added by the same dry run).
  std::string meetingKind(const core::Organization& cell, const core::Date& on,
                          const std::string& kind) const {
    std::string out = kind;
    if (out.empty()) {
      int found = 0;
      for (const auto* k : {"thuong_ky", "chuyen_de", "bat_thuong"})
        if (repo.meeting(cell.id, on, k) || pendingMeetings.contains({cell.id, on.iso(), k})) {
          out = k;
          ++found;
        }
      if (found != 1)
        throw core::DataError(
            found ? core::format(core::tr("The cell {1} held several meetings on {2}: name the kind."),
                                 {cell.code, on.vn()})
                  : core::format(core::tr("The cell {1} has no meeting recorded on {2}."),
                                 {cell.code, on.vn()}));
    }
    if (!core::enums::meetingKind.contains(out))
      throw core::DataError(core::format(core::tr("\"{1}\" is not a kind of meeting."), {out}));
    return out;
  }
  /// A cell's meeting as recorded, after the write scope of the cell (`kind` empty: the cell's only meeting
  /// that day); DataError when none is recorded.
  struct Recorded {
    const core::Organization& cell;
    std::string kind;
    store::MeetingRow row;
  };
  Recorded recordedMeeting(const std::string& cellCode, const core::Date& on, const std::string& kindIn) {
    const auto& c = cell(cellCode);
    requireCell(c.id);
    std::string kind = meetingKind(c, on, kindIn);
    auto stored = repo.meeting(c.id, on, kind);
    if (!stored)
      throw core::DataError(
          core::format(core::tr("The cell {1} has no meeting recorded on {2}."), {c.code, on.vn()}));
    return {c, std::move(kind), std::move(*stored)};
  }
  /// The audit row of a deletion: the old values, no new ones.
  void writeDeleted(const DoorOutcome& o, const char* entity) {
    const auto [before, after] = auditValues(o.changes);
    s.audit(actor, std::string(entity) + ".delete", o.record, before, "");
  }
  void write(const DoorOutcome& o, const char* entity, bool dryRun) {
    if (dryRun || !o.changed()) return;
    const auto [before, after] = auditValues(o.changes);
    s.audit(actor, std::string(entity) + (o.isNew ? ".add" : ".update"), o.record, o.isNew ? "" : before,
            after);
  }
};

}  // namespace dangbo::services
