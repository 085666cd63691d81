#include "store/PublishedReportRepository.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace dangbo::store {

namespace {

PublishedReport readRow(SQLite::Statement& q, bool withModel) {
  PublishedReport r;
  r.id = q.getColumn(0).getInt64();
  r.name = q.getColumn(1).getString();
  r.title = q.getColumn(2).getString();
  r.options = q.getColumn(3).getString();
  r.publishedAt = q.getColumn(4).getString();
  r.username = q.getColumn(5).getString();
  if (withModel) {
    const SQLite::Column blob = q.getColumn(6);
    r.model.assign(static_cast<const char*>(blob.getBlob()), size_t(blob.getBytes()));
  }
  return r;
}

}  // namespace

core::Id insertPublishedReport(Database& db, const PublishedReport& r) {
  SQLite::Statement q(db.db(),
                      "INSERT INTO published_reports (name, title, options, published_at, username, model) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, r.name);
  q.bind(2, r.title);
  q.bind(3, r.options);
  q.bind(4, r.publishedAt);
  q.bind(5, r.username);
  q.bind(6, r.model.data(), int(r.model.size()));
  q.exec();
  return db.db().getLastInsertRowid();
}

std::vector<PublishedReport> listPublishedReports(Database& db) {
  SQLite::Statement q(db.db(),
                      "SELECT id, name, title, options, published_at, username FROM published_reports "
                      "ORDER BY id DESC");
  std::vector<PublishedReport> out;
  while (q.executeStep()) out.push_back(readRow(q, false));
  return out;
}

std::optional<PublishedReport> findPublishedReport(Database& db, core::Id id) {
  SQLite::Statement q(db.db(),
                      "SELECT id, name, title, options, published_at, username, model FROM published_reports "
                      "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return readRow(q, true);
}

}  // namespace dangbo::store
