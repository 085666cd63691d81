#pragma once
// The one facade the window and the CLI call. Each use case checks the actor's permission,
// validates with core's rules and writes through store in one transaction with its audit row.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Records.h"
#include "core/Rules.h"
#include "core/WorkCalendar.h"
#include "services/Actor.h"
#include "services/DemoGenerator.h"

namespace dangbo::store {
class Database;
}

namespace dangbo::services {

/// A rule with its stored values, for the settings page.
struct RuleView {
  const core::RuleDef* def = nullptr;
  std::vector<core::RuleValue> values;  ///< by valid_from
};

/// The figures shown in a one-line summary and on the overview page.
struct Summary {
  std::string committee;
  core::Date on;
  int organizations = 0, grassroots = 0, subordinate = 0, villageCells = 0, schoolCells = 0;
  int members = 0, official = 0, probationary = 0, exempt = 0, women = 0;
  int candidates = 0, ratings = 0, inspections = 0, disciplines = 0, removals = 0;
};

/// An open dangbo file and the use cases on it.
class Services {
 public:
  /// Creates a new, empty register; refuses an existing file (DatabaseError).
  static std::unique_ptr<Services> create(const std::filesystem::path& path,
                                          const core::CommitteeInfo& committee);
  /// Opens an existing register (upgrading an older schema after a backup).
  static std::unique_ptr<Services> open(const std::filesystem::path& path);
  /// open() for the window: every page is checked on a thread of its own (PRAGMA quick_check of the state
  /// opened) while the window is shown, instead of before (0,85 s at a million members). Nothing is written
  /// before the check has passed: a write waits for its end, and is refused (DatabaseError, nothing written)
  /// when it found damage; see pageCheck(). An older file is still checked whole before its upgrade.
  static std::unique_ptr<Services> openChecked(const std::filesystem::path& path);
  /// Opens an existing register for work that only reads it (lists, reports, exports): the same refusals as
  /// open(), but the pages are verified only before an upgrade, so that opening stays instant at province
  /// scale; `check` verifies every page.
  static std::unique_ptr<Services> openForReading(const std::filesystem::path& path);
  /// Opens read-only, through SQLite alone, a register this process already has open (a second connection
  /// of the window's, for reading on a thread). open() and openForReading() read the file's header with a
  /// descriptor of their own, and closing it drops every lock of the process on the file: the window would
  /// then hold none, and another program could checkpoint and delete the WAL it writes to.
  static std::unique_ptr<Services> openReadOnlyBeside(const std::filesystem::path& path);
  /// Creates a new file filled with demo data; refuses an existing file. Returns the summary on `opt.today`.
  static Summary createDemo(const std::filesystem::path& path, const DemoOptions& opt);
  ~Services();

  /// The file.
  const std::filesystem::path& path() const;
  /// Opens the register's connection again so that this process holds its SQLite locks on the file again:
  /// they are POSIX record locks, all lost as soon as any code of the process (the window's file dialogs
  /// guessing the type of each file they list) opens and closes one of the register's files, and while they
  /// are lost another program closing the register takes itself for the last one and checkpoints and deletes
  /// the WAL. This object, the actor's session and the callers' references stay valid; what was read through
  /// the old connection is read anew. False (nothing done) inside a use case or a bulk write; DatabaseError
  /// when the file cannot be opened again (the object is then unusable).
  bool reconnect();
  /// What the check of every page of openChecked() found: nullopt while it runs, then "ok" or SQLite's
  /// description of the damage ("ok" after the other openings, which check before opening).
  std::optional<std::string> pageCheck() const;
  /// Told, on the writing thread, when a write waits for that check (true) and when the wait ends (false);
  /// see store::Database::setCheckWaitNotice.
  static void setCheckWaitNotice(std::function<void(bool)> notice);
  /// Told by a program that holds the register's instance lock and reads it through no other connection (the
  /// command line, the benchmark): a first load of many members (applyImport) may then write without the WAL
  /// (store::Database::transactionWithoutWal), another program reading the register meanwhile waiting. Never
  /// told by the window, whose own threads read the register while it writes.
  void setHeldAlone(bool alone) { heldAlone_ = alone; }
  bool heldAlone() const { return heldAlone_; }
  /// The schema version found when opening, and where the pre-upgrade backup went (empty if none).
  std::pair<int, std::filesystem::path> upgradeInfo() const;

  // --- committee identity and settings ---
  /// The committee's identity.
  core::CommitteeInfo committee();
  /// Changes the identity; validates that the name is set.
  void saveCommittee(const Actor& actor, const core::CommitteeInfo& info);
  /// Every known rule with its dated values.
  std::vector<RuleView> rules();
  /// The rule values as a book for date lookups.
  core::RuleBook ruleBook();
  /// Adds (or replaces, same key and date) a dated value after validating it.
  void addRuleValue(const Actor& actor, const core::RuleValue& v);
  /// Removes a dated value; refuses to remove the last value of a rule.
  void deleteRuleValue(const Actor& actor, const std::string& key, const core::Date& validFrom);
  /// The targets of every term.
  std::vector<core::Target> targets();
  /// Adds or changes a target after validating it.
  void saveTarget(const Actor& actor, const core::Target& t);
  /// Removes a target.
  void deleteTarget(const Actor& actor, const core::Target& t);
  /// The stored holiday entries.
  std::vector<core::WorkCalendar::Entry> holidays();
  /// Adds a year's announcement (entries replace those of the same dates); returns how many were written.
  int addHolidays(const Actor& actor, const std::vector<core::WorkCalendar::Entry>& entries,
                  const std::string& source);
  /// Removes one holiday entry.
  void deleteHoliday(const Actor& actor, const core::Date& d);
  /// The working-day calendar: stored entries, and for years with none, the statutory days estimated
  /// from the lunar anchors (Tết 5 days from the eve, Giỗ Tổ, 1/1, 30/4, 1/5, 2/9 and 3/9).
  core::WorkCalendar calendar();
  /// Years covered by announced entries.
  std::vector<int> announcedYears();

  /// The 54 ethnic groups as (code, name), in Vietnamese order of the names.
  std::vector<std::pair<std::string, std::string>> ethnicGroups();

  // --- register ---
  /// The figures of the register on a day.
  Summary summary(const core::Date& on);
  /// Every organization.
  std::vector<core::Organization> organizations(const Actor& actor);

  /// Inside a use case's transaction: appends the audit row of a change and bumps the file's revision.
  void audit(const Actor& actor, const std::string& action, const std::string& record,
             const std::string& oldValue, const std::string& newValue, const std::string& reason = {});

 private:
  friend store::Database& storeOf(Services& s);  // services/StoreAccess.h: for services' own code only
  friend class BulkWrite;                        // services/BulkWrite.h: a bulk caller of the doors
  int bulkDepth_ = 0;                            // inside a BulkWrite: the revision is bumped by its caller
  bool bulkQuietAdds_ = false;                   // inside a BulkWrite: the ".add" rows are its caller's
  bool heldAlone_ = false;                       // setHeldAlone
  explicit Services(std::unique_ptr<store::Database> db);
  std::unique_ptr<store::Database> db_;
};

}  // namespace dangbo::services
