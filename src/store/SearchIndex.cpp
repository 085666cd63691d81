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
  // A register that already holds members keeps their entries: while the load writes, temporary triggers
  // keep the entries of the members stored before it (those up to the highest id) current, and the rows it
  // adds (ids above) are indexed at the end, without tokenizing the stored names again.
  const int64_t upTo = db.execAndGet("SELECT coalesce(max(id), 0) FROM members").getInt64();
  if (!definitions.empty() && upTo > 0) {
    const std::string bound = std::to_string(upTo);
    db.exec("CREATE TEMP TABLE member_search_kept (up_to INTEGER NOT NULL)");
    db.exec("INSERT INTO member_search_kept VALUES (" + bound + ")");
    db.exec(
        "CREATE TEMP TRIGGER member_search_kept_update AFTER UPDATE OF id, search_key ON main.members WHEN "
        "old.id <= " +
        bound +
        " BEGIN INSERT INTO member_search (member_search, rowid, search_key) VALUES ('delete', old.id, "
        "old.search_key); INSERT INTO member_search (rowid, search_key) VALUES (new.id, new.search_key); "
        "END");
    db.exec(
        "CREATE TEMP TRIGGER member_search_kept_delete AFTER DELETE ON main.members WHEN old.id <= " + bound +
        " BEGIN INSERT INTO member_search (member_search, rowid, search_key) VALUES ('delete', old.id, "
        "old.search_key); END");
  }
  return definitions;
}

void resumeMemberSearchIndex(Database& database, const std::vector<std::string>& triggers) {
  if (triggers.empty()) return;
  auto& db = database.db();
  if (db.execAndGet("SELECT count(*) FROM temp.sqlite_schema WHERE name = 'member_search_kept'").getInt()) {
    const int64_t upTo = db.execAndGet("SELECT up_to FROM temp.member_search_kept").getInt64();
    db.exec("DROP TRIGGER temp.member_search_kept_update");
    db.exec("DROP TRIGGER temp.member_search_kept_delete");
    db.exec("DROP TABLE temp.member_search_kept");
    SQLite::Statement add(
        db, "INSERT INTO member_search (rowid, search_key) SELECT id, search_key FROM members WHERE id > ?");
    add.bind(1, upTo);
    add.exec();
  } else {
    // The members in the order of their ids: FTS5's 'rebuild' (like a plain INSERT ... SELECT) reads them
    // through the covering index members_search, in the order of their names, and FTS5 adds entries out of
    // the order of their rowids at about four times the cost.
    db.exec("INSERT INTO member_search (member_search) VALUES ('delete-all')");
    db.exec("INSERT INTO member_search (rowid, search_key) SELECT id, search_key FROM members ORDER BY id");
  }
  for (const auto& sql : triggers) db.exec(sql);
}

bool isMemberSearchTrigger(const std::string& definition) {
  return definition.rfind(kTriggerPrefix, 0) == 0;
}

}  // namespace dangbo::store
