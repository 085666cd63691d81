#pragma once
// Helpers shared by the tests: temporary folders, files, a small demo register and a look into it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "core/Date.h"
#include "services/DemoGenerator.h"
#include "services/Services.h"

namespace dangbo::test {

/// A temporary folder removed when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("dangbo-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  /// A path inside the folder.
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  /// The folder.
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The whole content of a file ("" when missing).
inline std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The number of entries in a folder.
inline int filesIn(const std::filesystem::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

/// Writes a file.
inline void writeFile(const std::filesystem::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

/// The first column of the first row of `sql` on the register `db`: "<none>" without a row, "NULL" for null.
inline std::string sqlValue(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database d(db.string());
  SQLite::Statement q(d, sql);
  if (!q.executeStep()) return "<none>";
  return q.getColumn(0).isNull() ? std::string("NULL") : q.getColumn(0).getString();
}

/// The first column of every row of `sql` on the connection `db`, one line each: a register's rows as text to
/// compare.
inline std::string sqlLines(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement q(db, sql);
  std::string out;
  while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
  return out;
}

/// A small demo register at `db` (`villageCells` village cells and a school cell, about `members` members,
/// two years of history, "today" 29/11/2026): the one-cell registers of the door tests.
inline void createSmallRegister(const std::filesystem::path& db, unsigned seed, int members = 40,
                                int villageCells = 2) {
  services::DemoOptions o;
  o.seed = seed;
  o.villageCells = villageCells;
  o.schoolCells = 1;
  o.members = members;
  o.historyYears = 2;
  o.today = *core::Date::make(2026, 11, 29);
  services::Services::createDemo(db, o);
}

/// The demo commune (seed `seed`, as on 29/11/2026, the day the tests' figures were counted) made in
/// `dir`/demo.db and opened.
inline std::unique_ptr<services::Services> openDemoCommune(const std::filesystem::path& dir,
                                                           unsigned seed = 1) {
  services::DemoOptions o;
  o.seed = seed;
  o.today = *core::Date::make(2026, 11, 29);
  services::Services::createDemo(dir / "demo.db", o);
  return services::Services::open(dir / "demo.db");
}

/// The latest audit row of `db` as "user|action|record|old|new" (its time and hash left out).
inline std::string lastAudit(const std::filesystem::path& db) {
  return sqlValue(db,
                  "SELECT username || '|' || action || '|' || record || '|' || old_value || '|' || new_value "
                  "FROM audit_log ORDER BY id DESC LIMIT 1");
}

}  // namespace dangbo::test
