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
  if (d) s.bind(i, d->iso()); else s.bind(i);
}
/// Binds an optional partial date as its storage text or NULL.
inline void bind(SQLite::Statement& s, int i, const std::optional<core::PartialDate>& d) {
  if (d) s.bind(i, d->storage()); else s.bind(i);
}
/// Binds an optional id or NULL.
inline void bind(SQLite::Statement& s, int i, const std::optional<core::Id>& v) {
  if (v) s.bind(i, static_cast<int64_t>(*v)); else s.bind(i);
}
/// Binds an optional int or NULL.
inline void bind(SQLite::Statement& s, int i, const std::optional<int>& v) {
  if (v) s.bind(i, *v); else s.bind(i);
}
/// Binds an id, 0 meaning NULL (let SQLite choose).
inline void bindId(SQLite::Statement& s, int i, core::Id id) {
  if (id) s.bind(i, static_cast<int64_t>(id)); else s.bind(i);
}
/// An optional date from a column (NULL or unreadable: nullopt).
inline std::optional<core::Date> date(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return core::Date::parse(c.getString());
}
/// A date from a NOT NULL column.
inline core::Date requiredDate(const SQLite::Column& c) { return date(c).value_or(core::Date()); }
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
/// The current UTC time as ISO text.
std::string nowUtc();

}  // namespace dangbo::store::sql
