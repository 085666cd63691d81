#pragma once
// Small conversions between core values and SQLite columns.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

#include "core/Date.h"
#include "core/Records.h"

namespace dangbo::store::sql {

/// Binds an optional date as ISO text or NULL.
inline void bind(SQLite::Statement& s, int i, const std::optional<core::Date>& d) {
  if (d)
    s.bind(i, d->iso());
  else
    s.bind(i);
}
/// Binds an optional partial date as its storage text or NULL.
inline void bind(SQLite::Statement& s, int i, const std::optional<core::PartialDate>& d) {
  if (d)
    s.bind(i, d->storage());
  else
    s.bind(i);
}
/// Binds an optional id or NULL.
inline void bind(SQLite::Statement& s, int i, const std::optional<core::Id>& v) {
  if (v)
    s.bind(i, static_cast<int64_t>(*v));
  else
    s.bind(i);
}
/// Binds an optional int or NULL.
inline void bind(SQLite::Statement& s, int i, const std::optional<int>& v) {
  if (v)
    s.bind(i, *v);
  else
    s.bind(i);
}
/// Binds an id, 0 meaning NULL (let SQLite choose).
inline void bindId(SQLite::Statement& s, int i, core::Id id) {
  if (id)
    s.bind(i, static_cast<int64_t>(id));
  else
    s.bind(i);
}
/// An optional date from a column (NULL or unreadable: nullopt).
inline std::optional<core::Date> date(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return core::Date::parse(c.getString());
}
/// A date from a NOT NULL column.
inline core::Date requiredDate(const SQLite::Column& c) {
  return date(c).value_or(core::Date());
}
/// An optional partial date from a column.
inline std::optional<core::PartialDate> partial(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return core::PartialDate::parse(c.getString());
}
/// An optional id from a column.
inline std::optional<core::Id> optId(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
/// An optional int from a column.
inline std::optional<int> optInt(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt();
}
/// Binds a candidate's stage columns, from listed_on to member_id in the schema's order, from parameter
/// `i`; returns the next parameter index. Shared by the statements that insert and update candidates.
inline int bindCandidateStages(SQLite::Statement& q, int i, const core::Candidate& c) {
  sql::bind(q, i++, c.listedOn);
  q.bind(i++, c.certificateNo);
  sql::bind(q, i++, c.certificateOn);
  sql::bind(q, i++, c.applicationOn);
  sql::bind(q, i++, c.historyOn);
  sql::bind(q, i++, c.backgroundCheckOn);
  q.bind(i++, c.backgroundCheckResult);
  sql::bind(q, i++, c.sponsor1);
  sql::bind(q, i++, c.sponsor1Since);
  sql::bind(q, i++, c.sponsor2);
  sql::bind(q, i++, c.sponsor2Since);
  q.bind(i++, c.youthUnionResolution);
  sql::bind(q, i++, c.massOrgCommentOn);
  sql::bind(q, i++, c.cellVoteOn);
  sql::bind(q, i++, c.cellVoteOfficial);
  sql::bind(q, i++, c.cellVoteInFavour);
  sql::bind(q, i++, c.committeeResolutionOn);
  q.bind(i++, c.committeeResolutionNo);
  sql::bind(q, i++, c.decisionOn);
  q.bind(i++, c.decisionNo);
  q.bind(i++, c.decisionBody);
  sql::bind(q, i++, c.ceremonyOn);
  q.bind(i++, c.status);
  q.bind(i++, c.outcomeReason);
  sql::bind(q, i++, c.memberId);
  return i;
}
/// The current UTC time as ISO text.
std::string nowUtc();

}  // namespace dangbo::store::sql
