#include "store/CodeQueries.h"

#include <SQLiteCpp/Statement.h>

namespace dangbo::store {

namespace {
const char* tableName(CodeTable t) {
  return t == CodeTable::Members ? "members" : t == CodeTable::Candidates ? "candidates" : "organizations";
}
}  // namespace

std::string newestCode(Database& db, CodeTable table) {
  SQLite::Statement q(db.db(),
                      std::string("SELECT code FROM ") + tableName(table) + " ORDER BY id DESC LIMIT 1");
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::string highestCode(Database& db, CodeTable table, const std::string& prefix) {
  SQLite::Statement q(db.db(), std::string("SELECT code FROM ") + tableName(table) +
                                   " WHERE substr(code, 1, length(?1)) = ?1 AND length(code) > length(?1)"
                                   " AND substr(code, length(?1) + 1) NOT GLOB '*[^0-9]*'"
                                   " ORDER BY length(code) DESC, code DESC LIMIT 1");
  q.bind(1, prefix);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

}  // namespace dangbo::store
