#pragma once
// Reading member rows, shared by the store's member queries (MemberQuery.cpp) and its cursor over the
// register (MemberCursor.cpp); used only inside the store.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "core/Date.h"
#include "core/Records.h"
#include "store/MemberQuery.h"

namespace dangbo::store::rows {

/// A text column, "" for NULL.
std::string str(const SQLite::Column& c);
/// A date column: YYYY-MM-DD read directly, any other form through sql::date.
std::optional<core::Date> fastDate(const SQLite::Column& c);
/// The member columns of the snapshot, ending with search_key and sort_key; without full files the long text
/// columns lists do not show are not read (left empty).
std::string memberColumns(bool fullFiles);
/// The member of the current row of a memberColumns statement; its sort key into `sortKey`.
SnapshotMember readMember(SQLite::Statement& q, std::string& sortKey);
/// The member `sm` as membersOn lists it on opt.asOf, or nothing when it leaves the member out; `needle` is
/// opt.search folded. The member's file is moved out of `sm`.
std::optional<MemberOnDate> memberOn(SnapshotMember& sm, const MemberQueryOptions& opt,
                                     const std::string& needle,
                                     const std::unordered_map<core::Id, CellInfo>& cells,
                                     const std::unordered_map<std::string, std::string>& ethnicNames);
/// A member event of the current row of a statement reading kEventColumns.
core::MemberEvent readEvent(SQLite::Statement& e);
/// The columns readEvent reads (id, member_id, date, kind, from_cell, to_cell, place, decision_no, reason).
inline constexpr const char* kEventColumns =
    "SELECT id, member_id, date, kind, from_cell, to_cell, place, decision_no, reason FROM member_events ";

}  // namespace dangbo::store::rows
