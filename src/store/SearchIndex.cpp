#include "store/SearchIndex.h"

namespace dangbo::store {

namespace {
constexpr const char* kTriggerPrefix = "CREATE TRIGGER member_search_";
}

bool memberSearchIndexSound(Database& database) {
  try {
    database.db().exec("INSERT INTO member_search (member_search, rank) VALUES ('integrity-check', 1)");
    return true;
  } catch (const SQLite::Exception&) {
    return false;
  }
}

std::vector<std::string> suspendMemberSearchIndex(Database& database) {
  auto& db = database.db();
  std::vector<std::string> names, definitions;
  SQLite::Statement q(db,
                      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'members' "
                      "AND name LIKE 'member\\_search\\_%' ESCAPE '\\' ORDER BY name");
  while (q.executeStep()) {
    names.push_back(q.getColumn(0).getString());
    definitions.push_back(q.getColumn(1).getString());
  }
  for (const auto& name : names) db.exec("DROP TRIGGER \"" + name + "\"");
  return definitions;
}

void resumeMemberSearchIndex(Database& database, const std::vector<std::string>& triggers) {
  if (triggers.empty()) return;
  auto& db = database.db();
  db.exec("INSERT INTO member_search (member_search) VALUES ('rebuild')");
  for (const auto& sql : triggers) db.exec(sql);
}

bool isMemberSearchTrigger(const std::string& definition) {
  return definition.rfind(kTriggerPrefix, 0) == 0;
}

}  // namespace dangbo::store
