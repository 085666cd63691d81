#pragma once
// Prepared statements, and the cache a bulk caller keeps them in (issue 14: the records' doors called once
// per imported row must not parse their SQL once per row). Database::prepare(sql) lends a statement: outside
// a cache scope a new one, finalized when the loan ends; inside (Database::StatementCache, opened by the
// services' bulk mode) the cached one of the same SQL, which goes back to the cache reset and unbound when
// the loan ends. A statement is lent to one user at a time: a second loan of the same SQL while the first is
// out (a query inside the loop over the same query) prepares another one.
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace dangbo::store {

class Database;

/// The statements a cache scope keeps, by SQL text.
class StatementPool {
 public:
  explicit StatementPool(SQLite::Database& db) : db_(db) {}
  /// The cached statement of `sql` if one is free (reset, no bindings), else a new one.
  std::unique_ptr<SQLite::Statement> take(const std::string& sql);
  /// A lent statement back: kept, reset and unbound, while a scope is open; finalized otherwise.
  void give(std::string sql, std::unique_ptr<SQLite::Statement> s) noexcept;
  /// Opens a scope (scopes nest).
  void open() { ++depth_; }
  /// Closes a scope; the last one finalizes every cached statement.
  void close() noexcept;
  /// Scopes open now.
  int depth() const { return depth_; }
  /// Statements prepared and loans served from the cache since the pool was made (for tests).
  size_t prepared() const { return prepared_; }
  size_t reused() const { return reused_; }

 private:
  SQLite::Database& db_;
  int depth_ = 0;
  size_t prepared_ = 0, reused_ = 0;
  std::unordered_multimap<std::string, std::unique_ptr<SQLite::Statement>> free_;
};

/// A lent statement (see above): used like the SQLite::Statement it holds.
class Prepared {
 public:
  Prepared(StatementPool& pool, std::string sql) : pool_(&pool), sql_(std::move(sql)), s_(pool.take(sql_)) {}
  Prepared(Prepared&& o) noexcept = default;
  Prepared& operator=(Prepared&&) = delete;
  Prepared(const Prepared&) = delete;
  ~Prepared() {
    if (s_) pool_->give(std::move(sql_), std::move(s_));
  }

  SQLite::Statement& operator*() { return *s_; }
  SQLite::Statement* operator->() { return s_.get(); }
  operator SQLite::Statement&() { return *s_; }

  template <class... A>
  void bind(A&&... a) {
    s_->bind(std::forward<A>(a)...);
  }
  int exec() { return s_->exec(); }
  bool executeStep() { return s_->executeStep(); }
  void reset() { s_->reset(); }
  template <class I>
  SQLite::Column getColumn(I i) {
    return s_->getColumn(i);
  }
  int getColumnCount() const { return s_->getColumnCount(); }
  bool isColumnNull(int i) const { return s_->isColumnNull(i); }

 private:
  StatementPool* pool_;
  std::string sql_;
  std::unique_ptr<SQLite::Statement> s_;
};

/// A statement a repository keeps for its life, lent at its first use (see Database::prepare).
class LazyStatement {
 public:
  LazyStatement(Database& db, const char* sql) : db_(db), sql_(sql) {}
  /// The statement, lent on the first call.
  SQLite::Statement& operator()();

 private:
  Database& db_;
  const char* sql_;
  std::optional<Prepared> held_;
};

}  // namespace dangbo::store
