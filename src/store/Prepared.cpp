#include "store/Prepared.h"

#include "store/Database.h"

namespace dangbo::store {

std::unique_ptr<SQLite::Statement> StatementPool::take(const std::string& sql) {
  if (depth_ > 0)
    if (auto it = free_.find(sql); it != free_.end()) {
      auto s = std::move(it->second);
      free_.erase(it);
      ++reused_;
      return s;
    }
  ++prepared_;
  return std::make_unique<SQLite::Statement>(db_, sql);
}

void StatementPool::give(std::string sql, std::unique_ptr<SQLite::Statement> s) noexcept {
  if (depth_ <= 0) return;
  try {
    // A statement that failed stays failed until reset: reset it, drop its values, keep it for the next loan.
    s->tryReset();
    s->clearBindings();
    free_.emplace(std::move(sql), std::move(s));
  } catch (...) {
  }
}

void StatementPool::close() noexcept {
  if (depth_ > 0 && --depth_ == 0) free_.clear();
}

SQLite::Statement& LazyStatement::operator()() {
  if (!held_) held_.emplace(db_.prepare(sql_));
  return **held_;
}

}  // namespace dangbo::store
