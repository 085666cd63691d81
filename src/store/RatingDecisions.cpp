#include "store/RatingDecisions.h"

#include <SQLiteCpp/Statement.h>

#include "store/Database.h"

namespace dangbo::store {

bool ratingDecided(Database& db, core::Id ratingId) {
  SQLite::Statement q(db.db(), "SELECT 1 FROM rating_undecided WHERE rating_id = ?");
  q.bind(1, static_cast<int64_t>(ratingId));
  return !q.executeStep();
}

void setRatingDecided(Database& db, core::Id ratingId, bool decided) {
  SQLite::Statement q(db.db(), decided ? "DELETE FROM rating_undecided WHERE rating_id = ?"
                                       : "INSERT OR IGNORE INTO rating_undecided (rating_id) VALUES (?)");
  q.bind(1, static_cast<int64_t>(ratingId));
  q.exec();
}

std::unordered_set<core::Id> undecidedRatings(Database& db, int year) {
  SQLite::Statement q(db.db(),
                      "SELECT u.rating_id FROM rating_undecided u JOIN ratings r ON r.id = u.rating_id "
                      "WHERE r.year = ?");
  q.bind(1, year);
  std::unordered_set<core::Id> out;
  while (q.executeStep()) out.insert(core::Id(q.getColumn(0).getInt64()));
  return out;
}

}  // namespace dangbo::store
