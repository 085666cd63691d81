#include "store/MemberOrder.h"

#include <sqlite3.h>

#include <string>

#include "core/VietText.h"
#include "store/DomainRules.h"

namespace dangbo::store {

namespace {

// vi_text_key(TEXT): core::textSortKey of the text as a blob (NULL stays NULL), so ORDER BY sorts place and
// group names the Vietnamese way.
void viTextKey(sqlite3_context* context, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const std::string key = core::textSortKey(std::string_view(text, size_t(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_blob(context, key.data(), int(key.size()), SQLITE_TRANSIENT);
}

// The ORDER BY term of `order` (before the list order's tie-break); ?1 is the day.
std::string orderTerm(MemberOrder order) {
  switch (order) {
    case MemberOrder::Name:
      return "";
    case MemberOrder::Code:
      return "m.code";
    case MemberOrder::Cell:
      return "(SELECT vi_text_key(o.name) FROM organizations o WHERE o.id = " + rule::kCellOnDay + ")";
    case MemberOrder::Gender:
      return "m.gender";
    case MemberOrder::BirthDate:
      return "m.birth_date";
    case MemberOrder::Ethnicity:
      return "(SELECT vi_text_key(g.name) FROM ethnic_groups g WHERE g.code = m.ethnicity)";
    case MemberOrder::Admitted:
      return "m.admitted_on";
    case MemberOrder::Official:
      return "m.official_on";
    case MemberOrder::Status:  // active official, active probationary, exempt (as the list labels them)
      return "(CASE WHEN " + rule::kExemptOn + " THEN 2 WHEN m.official_on <= ?1 THEN 0 ELSE 1 END)";
  }
  return "";
}

}  // namespace

std::vector<core::Id> orderedMemberIds(Database& database, const core::Date& day, std::string_view folded,
                                       MemberOrder order, bool descending) {
  auto& db = database.db();
  if (order == MemberOrder::Cell || order == MemberOrder::Ethnicity)
    sqlite3_create_function_v2(db.getHandle(), "vi_text_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               viTextKey, nullptr, nullptr, nullptr);
  const std::string way = descending ? " DESC" : "";
  const std::string term = orderTerm(order);
  std::string sql = "SELECT m.id FROM members m WHERE " + rule::kPresentOn;
  if (!folded.empty()) sql += " AND instr(m.search_key, ?2) > 0";
  sql += " ORDER BY " + (term.empty() ? std::string() : term + way + ", ") + "m.sort_key" + way + ", m.code" +
         way;
  SQLite::Statement q(db, sql);
  q.bind(1, day.iso());
  if (!folded.empty()) q.bind(2, std::string(folded));
  std::vector<core::Id> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace dangbo::store
