#include "store/RatingRepository.h"

#include "store/Sql.h"

namespace dangbo::store {

namespace {

constexpr const char* kRatingColumns =
    "SELECT id, year, subject_type, subject_id, cell_id, self_level, proposed_level, level, score, "
    "exception_reason FROM ratings ";

core::Rating readRating(SQLite::Statement& q) {
  core::Rating r;
  r.id = q.getColumn(0).getInt64();
  r.year = q.getColumn(1).getInt();
  r.subjectType = q.getColumn(2).getString();
  r.subjectId = q.getColumn(3).getInt64();
  r.cellId = sql::optId(q.getColumn(4));
  r.selfLevel = q.getColumn(5).getString();
  r.proposedLevel = q.getColumn(6).getString();
  r.level = q.getColumn(7).getString();
  r.score = sql::optInt(q.getColumn(8));
  r.exceptionReason = q.getColumn(9).getString();
  return r;
}

RatingRound readRound(SQLite::Statement& q) {
  RatingRound r;
  r.year = q.getColumn(0).getInt();
  r.openedOn = sql::requiredDate(q.getColumn(1));
  r.status = q.getColumn(2).getString();
  r.lockedAt = q.getColumn(3).isNull() ? std::string() : q.getColumn(3).getString();
  r.lockedBy = q.getColumn(4).getString();
  return r;
}

std::string yearStart(int year) {
  return std::to_string(year) + "-01-01";
}
std::string yearEnd(int year) {
  return std::to_string(year) + "-12-31";
}

}  // namespace

std::optional<RatingRound> RatingRepository::round(int year) {
  auto q =
      db_.prepare("SELECT year, opened_on, status, locked_at, locked_by FROM rating_rounds WHERE year = ?");
  q.bind(1, year);
  if (!q.executeStep()) return std::nullopt;
  return readRound(q);
}

std::vector<RatingRound> RatingRepository::rounds() {
  std::vector<RatingRound> out;
  auto q =
      db_.prepare("SELECT year, opened_on, status, locked_at, locked_by FROM rating_rounds ORDER BY year");
  while (q.executeStep()) out.push_back(readRound(q));
  return out;
}

void RatingRepository::insertRound(const RatingRound& r) {
  auto q = db_.prepare(
      "INSERT INTO rating_rounds (year, opened_on, status, locked_at, locked_by) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, r.year);
  q.bind(2, r.openedOn.iso());
  q.bind(3, r.status.empty() ? std::string("open") : r.status);
  if (r.lockedAt.empty())
    q.bind(4);
  else
    q.bind(4, r.lockedAt);
  q.bind(5, r.lockedBy);
  q.exec();
}

void RatingRepository::setRoundStatus(int year, const std::string& status, const std::string& lockedAt,
                                      const std::string& lockedBy) {
  auto q = db_.prepare("UPDATE rating_rounds SET status = ?, locked_at = ?, locked_by = ? WHERE year = ?");
  q.bind(1, status);
  if (lockedAt.empty())
    q.bind(2);
  else
    q.bind(2, lockedAt);
  q.bind(3, lockedBy);
  q.bind(4, year);
  q.exec();
}

std::optional<core::Rating> RatingRepository::rating(int year, const std::string& subjectType,
                                                     core::Id subjectId) {
  auto q =
      db_.prepare(std::string(kRatingColumns) + "WHERE year = ? AND subject_type = ? AND subject_id = ?");
  q.bind(1, year);
  q.bind(2, subjectType);
  q.bind(3, static_cast<int64_t>(subjectId));
  if (!q.executeStep()) return std::nullopt;
  return readRating(q);
}

std::vector<core::Rating> RatingRepository::ratingsBetween(int fromYear, int toYear) {
  std::vector<core::Rating> out;
  auto q = db_.prepare(std::string(kRatingColumns) +
                       "WHERE year BETWEEN ? AND ? ORDER BY year, subject_type, subject_id");
  q.bind(1, fromYear);
  q.bind(2, toYear);
  while (q.executeStep()) out.push_back(readRating(q));
  return out;
}

core::Id RatingRepository::saveRating(const core::Rating& r) {
  if (r.id == 0) {
    auto q = db_.prepare(
        "INSERT INTO ratings (year, subject_type, subject_id, cell_id, self_level, proposed_level, "
        "level, score, exception_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.year);
    q.bind(2, r.subjectType);
    q.bind(3, static_cast<int64_t>(r.subjectId));
    sql::bind(q, 4, r.cellId);
    q.bind(5, r.selfLevel);
    q.bind(6, r.proposedLevel);
    q.bind(7, r.level);
    sql::bind(q, 8, r.score);
    q.bind(9, r.exceptionReason);
    q.exec();
    return db_.db().getLastInsertRowid();
  }
  auto q = db_.prepare(
      "UPDATE ratings SET cell_id = ?, self_level = ?, proposed_level = ?, level = ?, score = ?, "
      "exception_reason = ? WHERE id = ?");
  sql::bind(q, 1, r.cellId);
  q.bind(2, r.selfLevel);
  q.bind(3, r.proposedLevel);
  q.bind(4, r.level);
  sql::bind(q, 5, r.score);
  q.bind(6, r.exceptionReason);
  q.bind(7, static_cast<int64_t>(r.id));
  q.exec();
  return r.id;
}

void RatingRepository::deleteRating(core::Id id) {
  auto q = db_.prepare("DELETE FROM ratings WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  q.exec();
}

std::vector<int> RatingRepository::ratedYears() {
  std::vector<int> out;
  auto q = db_.prepare("SELECT DISTINCT year FROM ratings ORDER BY year");
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt());
  return out;
}

std::unordered_map<core::Id, std::vector<StandingEvent>> RatingRepository::standingEvents() {
  std::unordered_map<core::Id, std::vector<StandingEvent>> out;
  auto q = db_.prepare(
      "SELECT member_id, date, kind FROM member_events WHERE kind IN ('exempted', 'exemption_ended', "
      "'suspended', 'suspension_ended') ORDER BY member_id, date, id");
  while (q.executeStep())
    out[q.getColumn(0).getInt64()].push_back({sql::requiredDate(q.getColumn(1)), q.getColumn(2).getString()});
  return out;
}

std::unordered_set<core::Id> RatingRepository::disciplinedIn(int year, const std::string& subjectType) {
  std::unordered_set<core::Id> out;
  auto q = db_.prepare(
      "SELECT DISTINCT subject_id FROM disciplines WHERE subject_type = ? AND date BETWEEN ? AND ?");
  q.bind(1, subjectType);
  q.bind(2, yearStart(year));
  q.bind(3, yearEnd(year));
  while (q.executeStep()) out.insert(q.getColumn(0).getInt64());
  return out;
}

std::vector<core::CellLeader> RatingRepository::leadersDuring(int year) {
  std::vector<core::CellLeader> out;
  auto q = db_.prepare(
      "SELECT org_id, member_id, role, from_date, to_date FROM cell_leaders WHERE from_date <= ? AND "
      "(to_date IS NULL OR to_date >= ?) ORDER BY org_id, from_date, id");
  q.bind(1, yearEnd(year));
  q.bind(2, yearStart(year));
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   sql::requiredDate(q.getColumn(3)), sql::date(q.getColumn(4))});
  return out;
}

}  // namespace dangbo::store
