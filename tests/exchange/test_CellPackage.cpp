// Cell packages (issue 9): the file format, the round trip office -> cell -> office with conflicts resolved
// both ways, and each refusal (damaged, truncated, replayed, wrong passphrase, foreign, superseded).
#include <doctest/doctest.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <set>
#include <sstream>

#include "../TestUtil.h"
#include "../services/MemberCountsCheck.h"
#include "cli/Cli.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "exchange/CellPackage.h"
#include "services/Admissions.h"
#include "services/Packages.h"
#include "services/Ratings.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {

const services::Actor kOffice = services::Actor::localOffice();
const char* const kPass = "Mật khẩu bản Nà Ớt 2026";

std::unique_ptr<services::Services> smallOffice(const std::filesystem::path& path, uint64_t seed = 1) {
  services::DemoOptions opt;
  opt.seed = seed;
  opt.villageCells = 3;
  opt.schoolCells = 1;
  opt.members = 90;
  opt.historyYears = 2;
  opt.today = *core::Date::make(2026, 11, 29);
  services::Services::createDemo(path, opt);
  return services::Services::open(path);
}

// The code of the village cell with the most members.
std::string busiestCell(services::Services& s) {
  SQLite::Statement q(services::storeOf(s).db(),
                      "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id GROUP BY o.id "
                      "ORDER BY count(*) DESC, o.id LIMIT 1");
  REQUIRE(q.executeStep());
  return q.getColumn(0).getString();
}

std::vector<std::string> memberCodes(const core::CellPackage& p) {
  std::vector<std::string> out;
  for (const auto& t : p.tables)
    if (t.name == "members") {
      size_t code = std::find(t.columns.begin(), t.columns.end(), "code") - t.columns.begin();
      size_t status = std::find(t.columns.begin(), t.columns.end(), "status") - t.columns.begin();
      for (const auto& r : t.rows)
        if (r.values[status].data == "active") out.push_back(r.values[code].data);
    }
  return out;
}

core::Member member(services::Services& s, const std::string& code) {
  return services::memberFile(s, kOffice, code).member;
}

void setPhone(services::Services& s, const std::string& code, const std::string& phone) {
  core::Member m = member(s, code);
  m.phone = phone;
  services::updateMember(s, kOffice, m, "");
}
void setOccupation(services::Services& s, const std::string& code, const std::string& v) {
  core::Member m = member(s, code);
  m.occupation = v;
  services::updateMember(s, kOffice, m, "");
}
void setResidence(services::Services& s, const std::string& code, const std::string& v) {
  core::Member m = member(s, code);
  m.residence = v;
  services::updateMember(s, kOffice, m, "");
}

int64_t revision(services::Services& s) {
  SQLite::Statement q(services::storeOf(s).db(), "SELECT revision FROM committee");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

// An office with one cell exported and a cell file with three edits: A's phone (only in the cell), B's
// occupation and C's residence (changed at the office too: conflicts).
struct Scenario {
  TempDir dir;
  std::unique_ptr<services::Services> office;
  core::CellPackage cell;
  std::string codeA, codeB, codeC;
  core::ChangePackage changes;
  std::string changeFile;

  Scenario() {
    office = smallOffice(dir / "office.db");
    cell = exchange::decodeCellPackage(
        exchange::encodeCellPackage(services::Packages(*office).exportCell(kOffice, busiestCell(*office)),
                                    kPass),
        kPass);
    auto codes = memberCodes(cell);
    REQUIRE(codes.size() >= 3);
    codeA = codes[0];
    codeB = codes[1];
    codeC = codes[2];
    {
      auto c = services::Packages::createCellFile(dir / "cell.db", cell);
      setPhone(*c, codeA, "0912345678");
      setOccupation(*c, codeB, "Giáo viên");
      setResidence(*c, codeC, "Bản Nà Ớt");
      changes = services::Packages(*c).changes(kOffice, "Lò Văn Thắng");
    }
    changeFile = exchange::encodeChangePackage(changes, kPass);
    setOccupation(*office, codeB, "Cán bộ xã");
    setResidence(*office, codeC, "Bản Hua Tát");
  }
};

}  // namespace

TEST_CASE("a cell package survives encryption, compression and serialization unchanged") {
  TempDir dir;
  auto office = smallOffice(dir / "office.db");
  core::CellPackage p = services::Packages(*office).exportCell(kOffice, busiestCell(*office));
  std::string bytes = exchange::encodeCellPackage(p, kPass);
  CHECK(bytes.substr(0, 8) == "DANGBOPK");
  CHECK(bytes.find(p.cellName) == std::string::npos);  // encrypted: no readable names
  core::CellPackage back = exchange::decodeCellPackage(bytes, kPass);
  CHECK(back.exportId == p.exportId);
  CHECK(back.officeId == p.officeId);
  CHECK(back.officeRevision == p.officeRevision);
  CHECK(back.cellName == p.cellName);
  REQUIRE(back.tables.size() == p.tables.size());
  for (size_t i = 0; i < p.tables.size(); ++i) {
    CHECK(back.tables[i].name == p.tables[i].name);
    CHECK(back.tables[i].columns == p.tables[i].columns);
    REQUIRE(back.tables[i].rows.size() == p.tables[i].rows.size());
    for (size_t r = 0; r < p.tables[i].rows.size(); ++r)
      CHECK(back.tables[i].rows[r].values == p.tables[i].rows[r].values);
  }
  // The package carries exactly the cell's members, and the cell file holds them.
  auto c = services::Packages::createCellFile(dir / "cell.db", back);
  SQLite::Statement n(services::storeOf(*c).db(), "SELECT count(*) FROM members");
  n.executeStep();
  CHECK(n.getColumn(0).getInt() ==
        static_cast<int>(std::find_if(back.tables.begin(), back.tables.end(), [](auto& t) {
                           return t.name == "members";
                         })->rows.size()));
  CHECK(services::Packages(*c).cellOrigin()->exportId == p.exportId);
  CHECK(services::Packages(*c).changes(kOffice, "").changes.empty());  // nothing edited yet
  // A cell file does not export, and an office file has no changes to send.
  CHECK_THROWS_AS(services::Packages(*c).exportCell(kOffice, p.cellCode), core::DataError);
  CHECK_THROWS_AS(services::Packages(*office).changes(kOffice, ""), core::DataError);
}

TEST_CASE("round trip: exactly the accepted changes reach the office, one conflict resolved each way") {
  Scenario sc;
  REQUIRE(sc.changes.changes.size() == 3);
  CHECK(sc.changes.secretary == "Lò Văn Thắng");
  core::ChangePackage pkg = exchange::decodeChangePackage(sc.changeFile, kPass);
  services::Packages packages(*sc.office);
  services::Review r = packages.review(pkg);
  REQUIRE(r.items.size() == 3);
  CHECK(r.conflicts() == 2);
  std::vector<services::Choice> choices;
  for (const auto& it : r.items) {
    if (it.change.column == "phone") CHECK_FALSE(it.conflict);
    if (it.change.column == "occupation") CHECK(it.officeValue.data == "Cán bộ xã");
    choices.push_back(it.change.column == "residence" ? services::Choice::Office : services::Choice::Cell);
  }
  // Unresolved conflicts are refused, with nothing written.
  int64_t before = revision(*sc.office);
  CHECK_THROWS_AS(packages.apply(kOffice, pkg, {}), core::DataError);
  CHECK(revision(*sc.office) == before);

  CHECK(packages.apply(kOffice, pkg, choices) == 2);
  CHECK(member(*sc.office, sc.codeA).phone == "0912345678");       // from the cell
  CHECK(member(*sc.office, sc.codeB).occupation == "Giáo viên");   // conflict: the cell's value accepted
  CHECK(member(*sc.office, sc.codeC).residence == "Bản Hua Tát");  // conflict: the office's value kept
  dangbo::test::checkMemberCounts(*sc.office, core::Date::today());
  // One audit row per applied change: its author the account that applied it, the secretary the package
  // names only a note.
  SQLite::Statement a(
      services::storeOf(*sc.office).db(),
      "SELECT count(*) FROM audit_log WHERE action = 'package.change' AND username = 'office' AND "
      "reason LIKE '%Lò Văn Thắng%'");
  a.executeStep();
  CHECK(a.getColumn(0).getInt() == 2);

  // Replayed: refused, nothing written.
  int64_t after = revision(*sc.office);
  CHECK_THROWS_AS(packages.review(pkg), core::DataError);
  CHECK_THROWS_AS(packages.apply(kOffice, pkg, choices), core::DataError);
  CHECK(revision(*sc.office) == after);
}

namespace {
// A phone number changed in the cell, built field by field: the aggregate form trips GCC 12's -O3
// -Wmaybe-uninitialized (a false positive on the default-constructed old value).
core::FieldChange phoneChange() {
  core::FieldChange ch;
  ch.table = "members";
  ch.recordId = 1;
  ch.recordLabel = "A (DV1)";
  ch.column = "phone";
  ch.newValue = core::PackageValue::text("0987");
  return ch;
}
}  // namespace

TEST_CASE("damaged, truncated, tampered and wrong-passphrase packages are refused") {
  core::ChangePackage c;
  c.packageId = "p";
  c.exportId = "e";
  c.officeId = "o";
  c.secretary = "Cầm Thị Đào";
  c.changes.push_back(phoneChange());
  std::string good = exchange::encodeChangePackage(c, kPass);
  CHECK(exchange::decodeChangePackage(good, kPass).changes.size() == 1);
  auto refused = [&](const std::string& bytes) {
    try {
      exchange::decodeChangePackage(bytes, kPass);
    } catch (const core::DataError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  std::string wrongPass;
  try {
    exchange::decodeChangePackage(good, "mật khẩu sai");
  } catch (const core::DataError& e) {
    wrongPass = e.what();
  }
  CHECK_FALSE(wrongPass.empty());
  std::string truncated = refused(good.substr(0, good.size() - 5));
  std::string inHeader = refused(good.substr(0, 30));
  std::string damaged = good;
  damaged[good.size() - 20] ^= 0x01;
  std::string tampered = good;
  tampered[30] ^= 0x01;  // a byte of the salt, in the authenticated header
  std::string notPackage = refused("PK\x03\x04 not a package at all");
  CHECK_FALSE(truncated.empty());
  CHECK_FALSE(inHeader.empty());
  CHECK_FALSE(refused(damaged).empty());
  CHECK_FALSE(refused(tampered).empty());
  CHECK_FALSE(notPackage.empty());
  CHECK(truncated != wrongPass);  // a truncated file is named as such
  CHECK(notPackage != wrongPass);
  // A cell package is not taken for a change package, nor the other way round.
  CHECK_FALSE(refused(exchange::encodeCellPackage(core::CellPackage{}, kPass)).empty());
  CHECK_THROWS_AS(exchange::decodeCellPackage(good, kPass), core::DataError);
  CHECK_THROWS_AS(exchange::encodeChangePackage(c, ""), core::DataError);
}

TEST_CASE("a change package of another register or of a superseded export is refused, nothing written") {
  Scenario sc;
  core::ChangePackage pkg = exchange::decodeChangePackage(sc.changeFile, kPass);
  // Another committee's office file.
  auto other = smallOffice(sc.dir / "other.db", 2);
  services::Packages(*other).exportCell(kOffice, busiestCell(*other));
  int64_t otherRev = revision(*other);
  CHECK_THROWS_AS(services::Packages(*other).review(pkg), core::DataError);
  CHECK_THROWS_AS(services::Packages(*other).apply(
                      kOffice, pkg, {services::Choice::Cell, services::Choice::Cell, services::Choice::Cell}),
                  core::DataError);
  CHECK(revision(*other) == otherRev);
  // The office exports the cell again: the older package is superseded.
  services::Packages(*sc.office).exportCell(kOffice, sc.cell.cellCode);
  int64_t rev = revision(*sc.office);
  std::string message;
  try {
    services::Packages(*sc.office).review(pkg);
  } catch (const core::DataError& e) {
    message = e.what();
  }
  CHECK(message.find(sc.cell.cellCode) != std::string::npos);
  CHECK_THROWS_AS(
      services::Packages(*sc.office)
          .apply(kOffice, pkg, {services::Choice::Cell, services::Choice::Cell, services::Choice::Cell}),
      core::DataError);
  CHECK(revision(*sc.office) == rev);
  CHECK(member(*sc.office, sc.codeA).phone != "0912345678");
}

TEST_CASE("dangbo-cli package: export, open, changes, apply with --resolve, replay refused") {
  TempDir dir;
  auto office = smallOffice(dir / "office.db");
  std::string cellCode = busiestCell(*office);
  office.reset();
  auto run = [&](std::vector<std::string> args, std::string* outText = nullptr) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    std::string pass = std::string(kPass) + "\n" + kPass + "\n";
    REQUIRE(write(fds[1], pass.data(), pass.size()) == static_cast<ssize_t>(pass.size()));
    close(fds[1]);
    args.push_back("--passphrase-fd");
    args.push_back(std::to_string(fds[0]));
    std::ostringstream out, err;
    int code = cli::run(args, out, err);
    close(fds[0]);
    if (outText) *outText = out.str() + err.str();
    return code;
  };
  std::string office_db = (dir / "office.db").string(), cell_db = (dir / "cell.db").string();
  std::string pkgFile = (dir / "cb.dbgoi").string(), changesFile = (dir / "cb.dbgthd").string();
  REQUIRE(run({"package", "export", "--db", office_db, "--cell", cellCode, "--out", pkgFile}) == 0);
  REQUIRE(run({"package", "open", pkgFile, "--db", cell_db}) == 0);
  std::string codeA;
  {
    auto c = services::Services::open(cell_db);
    SQLite::Statement q(services::storeOf(*c).db(),
                        "SELECT code FROM members WHERE status = 'active' ORDER BY id LIMIT 1");
    REQUIRE(q.executeStep());
    codeA = q.getColumn(0).getString();
    setPhone(*c, codeA, "0977000111");
    setOccupation(*c, codeA, "Nông dân");
  }
  {
    auto o = services::Services::open(office_db);
    setOccupation(*o, codeA, "Thương binh");
  }
  std::string text;
  REQUIRE(run({"package", "changes", "--db", cell_db, "--out", changesFile, "--secretary", "Lò Văn Thắng"},
              &text) == 0);
  CHECK(text.find("  - ") == std::string::npos);  // only sendable edits: no list of what stays behind
  // A training recorded in the cell cannot travel: the package is still written, and the warning names it.
  {
    auto c = services::Services::open(cell_db);
    services::addTraining(*c, kOffice, codeA, 2026, std::nullopt, "Bồi dưỡng chi ủy viên");
  }
  // The file exists now: replaced only when asked (--force).
  CHECK(run({"package", "changes", "--db", cell_db, "--out", changesFile, "--secretary", "Lò Văn Thắng"},
            &text) == 1);
  REQUIRE(run({"package", "changes", "--db", cell_db, "--out", changesFile, "--secretary", "Lò Văn Thắng",
               "--force"},
              &text) == 0);
  CHECK(text.find("  - ") != std::string::npos);
  CHECK(text.find("(" + codeA + "): " + services::packageTableLabel("trainings")) != std::string::npos);
  // A conflict left open is refused.
  CHECK(run({"package", "apply", "--db", office_db, changesFile}, &text) == 1);
  CHECK(text.find("0977000111") != std::string::npos);
  CHECK(run({"package", "apply", "--db", office_db, changesFile, "--dry-run", "--accept-office"}) == 0);
  // The list numbers the items; phone is not a conflict, occupation is: keep the office's.
  CHECK(run({"package", "apply", "--db", office_db, changesFile, "--accept-office"}, &text) == 0);
  {
    auto o = services::Services::open(office_db);
    CHECK(member(*o, codeA).phone == "0977000111");
    CHECK(member(*o, codeA).occupation == "Thương binh");
  }
  CHECK(run({"package", "apply", "--db", office_db, changesFile, "--accept-cell"}, &text) == 1);  // replayed
}

// ---------------------------------------------------------------------------------------------
// Candidate stages and rating proposals made in the cell (rows the cell adds travel too).

namespace {

core::Date day(int y, int m, int d) {
  return *core::Date::make(y, m, d);
}

const services::ReviewItem* itemOf(const services::Review& r, const std::string& table,
                                   const std::string& column) {
  for (const auto& it : r.items)
    if (it.change.table == table && it.change.column == column) return &it;
  return nullptr;
}

std::string officeValue(services::Services& s, const std::string& sql) {
  SQLite::Statement q(services::storeOf(s).db(), sql);
  if (!q.executeStep() || q.getColumn(0).isNull()) return "(none)";
  return q.getColumn(0).getString();
}

// An office with the rating round of 2026 open and a candidate (certificate recorded) in the exported cell;
// in the cell file the candidate's application, personal history and background check (two people checked)
// are recorded and a member who had no rating for 2026 is proposed HTTNV.
struct StageScenario {
  TempDir dir;
  std::unique_ptr<services::Services> office;
  std::string cellCode, memberCode;
  int64_t memberId = 0;
  core::ChangePackage changes;
  std::vector<std::string> unsent;  // what the cell file says the change package cannot carry

  StageScenario() {
    office = smallOffice(dir / "office.db");
    cellCode = busiestCell(*office);
    services::openRatingRound(*office, kOffice, 2026, day(2026, 11, 1));
    services::NewCandidate c;
    c.code = "QC90001";
    c.fullName = "Lường Thị Mai";
    c.birthDate = *core::PartialDate::make(2000, 5, 5);
    c.gender = "nu";
    c.ethnicity = "03";
    c.cellCode = cellCode;
    c.listedOn = day(2026, 9, 1);
    services::createCandidate(*office, kOffice, c);
    services::recordCertificate(*office, kOffice, "QC90001", "12/GCN", day(2026, 10, 1));
    SQLite::Statement q(
        services::storeOf(*office).db(),
        "SELECT m.id, m.code FROM members m JOIN organizations o ON o.id = m.cell_id WHERE o.code = ?1 "
        "AND m.status = 'active' AND m.official_on < '2025-01-01' ORDER BY m.id LIMIT 1");
    q.bind(1, cellCode);
    REQUIRE(q.executeStep());
    memberId = q.getColumn(0).getInt64();
    memberCode = q.getColumn(1).getString();
    core::CellPackage pkg = services::Packages(*office).exportCell(kOffice, cellCode);
    auto cell = services::Packages::createCellFile(dir / "cell.db", pkg);
    services::recordApplication(*cell, kOffice, "QC90001", day(2026, 10, 20));
    services::recordHistory(*cell, kOffice, "QC90001", day(2026, 11, 2));
    services::recordBackgroundCheck(*cell, kOffice, "QC90001", day(2026, 11, 10), "Đủ điều kiện",
                                    {{"Lường Thị Mai", "bản thân", std::nullopt, "Tốt"},
                                     {"Lường Văn Pọm", "bố", day(2026, 11, 8), "Gia đình chấp hành tốt"}});
    services::enterMemberRatings(
        *cell, kOffice, 2026,
        {{memberCode, services::RatingStage::Proposal, "HTTNV", std::nullopt, std::nullopt}});
    changes = exchange::decodeChangePackage(
        exchange::encodeChangePackage(services::Packages(*cell).changes(kOffice, "Lò Văn Thắng"), kPass),
        kPass);
    unsent = services::Packages(*cell).unsentChanges();
  }
};

}  // namespace

TEST_CASE("a candidate's stages recorded in the cell travel in the change package and apply at the office") {
  StageScenario sc;
  CHECK(sc.unsent.empty());  // stages, people checked and a proposed rating all travel
  services::Review r = services::Packages(*sc.office).review(sc.changes);
  CHECK(r.conflicts() == 0);
  // The stage dates: changes of the candidate's row, with their old (empty) and new values.
  const auto* application = itemOf(r, "candidates", "application_on");
  REQUIRE(application);
  CHECK(application->change.kind == core::FieldChange::Update);
  CHECK(application->change.oldValue.kind == core::PackageValue::Null);
  CHECK(application->change.newValue.data == "2026-10-20");
  CHECK(application->change.recordLabel == "Lường Thị Mai (QC90001)");
  CHECK(application->fieldLabel != "application_on");  // a label for people
  REQUIRE(itemOf(r, "candidates", "history_on"));
  REQUIRE(itemOf(r, "candidates", "background_check_result"));
  CHECK(itemOf(r, "candidates", "background_check_result")->change.newValue.data == "Đủ điều kiện");
  // The people checked: rows the cell added, each with its natural key and marked new at the office.
  int checkItems = 0;
  for (const auto& it : r.items)
    if (it.change.table == "candidate_checks") {
      ++checkItems;
      CHECK(it.change.kind == core::FieldChange::Insert);
      CHECK(it.newRecord);
      CHECK_FALSE(it.conflict);
      CHECK(it.change.keyColumns == std::vector<std::string>{"candidate_id", "person", "relation"});
      CHECK(it.change.recordLabel.find("Lường Thị Mai (QC90001)") == 0);
    }
  CHECK(checkItems == 4);  // two people, each checked on a date with a result

  int applied = services::Packages(*sc.office).apply(kOffice, sc.changes, {});
  CHECK(applied == static_cast<int>(r.items.size()));
  services::CandidateFile f = services::candidateFile(*sc.office, kOffice, "QC90001");
  CHECK(f.stage == services::Stage::BackgroundCheck);
  CHECK(f.candidate.applicationOn == day(2026, 10, 20));
  REQUIRE(f.checks.size() == 2);
  std::set<std::string> people;
  for (const auto& p : f.checks) people.insert(p.person + "/" + p.relation + "/" + p.result);
  CHECK(people.count("Lường Văn Pọm/bố/Gia đình chấp hành tốt") == 1);
  CHECK(people.count("Lường Thị Mai/bản thân/Tốt") == 1);
  // Audit rows, one per added field, by the account that applied the package, naming the secretary in a note.
  CHECK(officeValue(*sc.office,
                    "SELECT count(*) FROM audit_log WHERE action = 'package.add' AND username = "
                    "'office' AND reason LIKE '%Lò Văn Thắng%' AND record LIKE 'candidate_checks#%'") == "4");
}

TEST_CASE("a rating proposed in the cell for a member who had none is added at the office") {
  StageScenario sc;
  services::Review r = services::Packages(*sc.office).review(sc.changes);
  const auto* proposed = itemOf(r, "ratings", "proposed_level");
  REQUIRE(proposed);
  CHECK(proposed->change.kind == core::FieldChange::Insert);
  CHECK(proposed->newRecord);
  CHECK(proposed->change.oldValue.kind == core::PackageValue::Null);
  CHECK(proposed->change.newValue.data == "HTTNV");
  CHECK(proposed->change.recordLabel.find(sc.memberCode) != std::string::npos);
  CHECK(proposed->change.recordLabel.find("2026") != std::string::npos);
  CHECK(proposed->change.keyValues ==
        std::vector<core::PackageValue>{core::PackageValue::integer(2026),
                                        core::PackageValue::text("dang_vien"),
                                        core::PackageValue::integer(sc.memberId)});
  CHECK_FALSE(itemOf(r, "ratings", "self_level"));  // empty fields of an added row do not travel

  services::Packages(*sc.office).apply(kOffice, sc.changes, {});
  const std::string where =
      " FROM ratings WHERE year = 2026 AND subject_type = 'dang_vien' AND subject_id = " +
      std::to_string(sc.memberId);
  CHECK(officeValue(*sc.office, "SELECT proposed_level" + where) == "HTTNV");
  CHECK(officeValue(*sc.office, "SELECT level" + where) == "HTTNV");
  CHECK(officeValue(*sc.office, "SELECT cell_id" + where) ==
        officeValue(*sc.office, "SELECT id FROM organizations WHERE code = '" + sc.cellCode + "'"));
  CHECK(officeValue(*sc.office, "SELECT count(*)" + where) == "1");
  // Applied twice: refused, the rating is not doubled.
  CHECK_THROWS_AS(services::Packages(*sc.office).apply(kOffice, sc.changes, {}), core::DataError);
  CHECK(officeValue(*sc.office, "SELECT count(*)" + where) == "1");
}

TEST_CASE(
    "the office rated the same member meanwhile: the added rating's fields are conflicts, resolved each "
    "way") {
  StageScenario sc;
  // The office enters its own proposal and a self-assessment for the member after the export.
  services::enterMemberRatings(
      *sc.office, kOffice, 2026,
      {{sc.memberCode, services::RatingStage::Proposal, "HTNV", std::nullopt, std::nullopt}});
  services::Review r = services::Packages(*sc.office).review(sc.changes);
  const auto* proposed = itemOf(r, "ratings", "proposed_level");
  const auto* level = itemOf(r, "ratings", "level");
  REQUIRE(proposed);
  REQUIRE(level);
  CHECK_FALSE(proposed->newRecord);
  CHECK(proposed->conflict);
  CHECK(proposed->officeValue.data == "HTNV");
  CHECK(level->conflict);
  CHECK(r.conflicts() == 2);
  std::vector<services::Choice> choices(r.items.size(), services::Choice::Cell);
  for (size_t i = 0; i < r.items.size(); ++i)
    if (&r.items[i] == level) choices[i] = services::Choice::Office;
  int64_t before = revision(*sc.office);
  CHECK_THROWS_AS(services::Packages(*sc.office).apply(kOffice, sc.changes, {}), core::DataError);
  CHECK(revision(*sc.office) == before);
  services::Packages(*sc.office).apply(kOffice, sc.changes, choices);
  const std::string where =
      " FROM ratings WHERE year = 2026 AND subject_type = 'dang_vien' AND subject_id = " +
      std::to_string(sc.memberId);
  CHECK(officeValue(*sc.office, "SELECT count(*)" + where) == "1");
  CHECK(officeValue(*sc.office, "SELECT proposed_level" + where) == "HTTNV");  // the cell's value taken
  CHECK(officeValue(*sc.office, "SELECT level" + where) == "HTNV");            // the office's value kept
}

TEST_CASE("a rating added in the cell is refused when the office closed the round, nothing written") {
  StageScenario sc;
  services::storeOf(*sc.office).db().exec("UPDATE rating_rounds SET status = 'locked' WHERE year = 2026");
  int64_t before = revision(*sc.office);
  std::string message;
  try {
    services::Packages(*sc.office).apply(kOffice, sc.changes, {});
  } catch (const core::DataError& e) {
    message = e.what();
  }
  CHECK(message.find("2026") != std::string::npos);
  CHECK(revision(*sc.office) == before);
  CHECK(services::candidateFile(*sc.office, kOffice, "QC90001").checks.empty());
}

TEST_CASE(
    "change packages of format version 1 (updates only) are still read, and added rows keep their key") {
  // The seed of the fuzz corpus written before added rows existed: version 1 of the change class.
  std::ifstream in(std::string(DANGBO_SOURCE_DIR) + "/tests/fuzz/corpus/changes-archive", std::ios::binary);
  std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(seed.size() > 1);
  core::ChangePackage old = exchange::changesFromArchive(std::string_view(seed).substr(1));
  REQUIRE(old.changes.size() == 2);
  for (const auto& c : old.changes) {
    CHECK(c.kind == core::FieldChange::Update);
    CHECK(c.keyColumns.empty());
  }
  CHECK(old.changes[0].newValue.data == "0912345678");
  CHECK(old.secretary == "Lò Văn Ánh");

  core::ChangePackage now = old;
  core::FieldChange added;  // field by field: the aggregate form trips GCC 12's -O3 -Wmaybe-uninitialized
  added.table = "ratings";
  added.recordId = 12;
  added.recordLabel = "Cầm Thị Đào (DV0002), năm 2026";
  added.column = "proposed_level";
  added.newValue = core::PackageValue::text("HTTNV");
  added.kind = core::FieldChange::Insert;
  added.keyColumns = {"year", "subject_type", "subject_id"};
  added.keyValues = {core::PackageValue::integer(2026), core::PackageValue::text("dang_vien"),
                     core::PackageValue::integer(2)};
  now.changes.push_back(added);
  core::ChangePackage back = exchange::decodeChangePackage(exchange::encodeChangePackage(now, kPass), kPass);
  REQUIRE(back.changes.size() == 3);
  CHECK(back.changes[2].kind == core::FieldChange::Insert);
  CHECK(back.changes[2].keyColumns == added.keyColumns);
  CHECK(back.changes[2].keyValues == added.keyValues);
  CHECK(back.changes[0].kind == core::FieldChange::Update);
  // An unknown kind, or a key whose columns and values do not pair up, is damage.
  core::ChangePackage bad = now;
  bad.changes[2].kind = 7;
  CHECK_THROWS_AS(exchange::changesFromArchive(exchange::changesArchive(bad)), core::DataError);
  bad = now;
  bad.changes[2].keyValues.pop_back();
  CHECK_THROWS_AS(exchange::changesFromArchive(exchange::changesArchive(bad)), core::DataError);
}

TEST_CASE("what a change package cannot carry is named before it is saved, and stays in the cell file") {
  TempDir dir;
  auto office = smallOffice(dir / "office.db");
  core::CellPackage pkg = services::Packages(*office).exportCell(kOffice, busiestCell(*office));
  auto codes = memberCodes(pkg);
  REQUIRE(codes.size() >= 3);
  auto cell = services::Packages::createCellFile(dir / "cell.db", pkg);
  services::Packages packages(*cell);
  CHECK(packages.unsentChanges().empty());  // as opened

  // Edits of a member's details travel: nothing to name.
  setPhone(*cell, codes[0], "0912345678");
  setResidence(*cell, codes[0], "Bản Nà Ớt");
  CHECK(packages.unsentChanges().empty());
  CHECK(packages.changes(kOffice, "Lò Văn Thắng").changes.size() == 2);

  // A training recorded, a death recorded in the history, an event deleted and a member's code changed do
  // not.
  services::addTraining(*cell, kOffice, codes[1], 2026, day(2026, 6, 10), "Bồi dưỡng lý luận chính trị");
  services::MemberAction died;
  died.kind = "deceased";
  died.date = day(2026, 11, 20);
  services::recordAction(*cell, kOffice, codes[2], died);
  {
    SQLite::Statement q(services::storeOf(*cell).db(), "SELECT id FROM members WHERE code = ?1");
    q.bind(1, codes[0]);
    REQUIRE(q.executeStep());
    const int64_t first = q.getColumn(0).getInt64();
    services::storeOf(*cell).db().exec(
        "DELETE FROM member_events WHERE id = (SELECT max(id) FROM member_events WHERE "
        "member_id = " +
        std::to_string(first) + ")");
    services::storeOf(*cell).db().exec("UPDATE members SET code = 'DV99999' WHERE id = " +
                                       std::to_string(first));
  }
  std::vector<std::string> unsent = packages.unsentChanges();
  REQUIRE(unsent.size() == 5);
  auto named = [&](const std::string& who, const std::string& what) {
    return std::count_if(unsent.begin(), unsent.end(), [&](const std::string& line) {
      return line.find(who) != std::string::npos && line.find(what) != std::string::npos;
    });
  };
  const std::string added = std::string(core::tr("{1}: added in the cell")).substr(4);
  const std::string deleted = std::string(core::tr("{1}: deleted in the cell")).substr(4);
  CHECK(named("(" + codes[1] + "): " + services::packageTableLabel("trainings"), added) == 1);
  CHECK(named("(" + codes[2] + "): " + services::packageTableLabel("member_events"), added) == 1);
  CHECK(named("(DV99999): " + services::packageTableLabel("member_events"), deleted) == 1);
  CHECK(named("(DV99999)", services::packageFieldLabel("members", "code")) == 1);
  // The death's status changes only with its dated event, which the office records: it is named, not sent.
  CHECK(named("(" + codes[2] + ")", services::packageFieldLabel("members", "status")) == 1);
  // The sendable changes are still in the package, and the cell file keeps everything: nothing was dropped by
  // asking.
  auto sent = packages.changes(kOffice, "Lò Văn Thắng").changes;
  CHECK(std::count_if(sent.begin(), sent.end(),
                      [](const core::FieldChange& c) { return c.column == "status"; }) == 0);
  CHECK(sent.size() == 2);
  CHECK(packages.unsentChanges().size() == 5);

  // A cell file made by an earlier version has no full record as opened: nothing can be named.
  services::storeOf(*cell).db().exec("DELETE FROM cell_baseline WHERE row_id = 0 AND col = '*'");
  CHECK(packages.unsentChanges().empty());
  // An office file has no changes to send.
  CHECK_THROWS_AS(services::Packages(*office).unsentChanges(), core::DataError);
}

TEST_CASE("applying a change package reports its progress, a cancel keeps the office file as it was") {
  Scenario sc;
  core::ChangePackage pkg = exchange::decodeChangePackage(sc.changeFile, kPass);
  services::Packages packages(*sc.office);
  std::vector<services::Choice> choices(packages.review(pkg).items.size(), services::Choice::Cell);
  // Says "stop" at the second change, after the first was written inside the transaction.
  struct Recorder : core::Progress {
    std::string what;
    uint64_t total = 0, last = 0;
    int updates = 0, stopAt = 0;
    void stage(const std::string& w, uint64_t t) override { what = w, total = t; }
    bool update(uint64_t done) override {
      last = done;
      return ++updates != stopAt;
    }
  } stop;
  stop.stopAt = 2;
  const int64_t before = revision(*sc.office);
  CHECK_THROWS_AS(packages.apply(kOffice, pkg, choices, &stop), core::Cancelled);
  CHECK(stop.what == "Đang áp dụng các thay đổi");
  CHECK(stop.total == 3);
  CHECK(revision(*sc.office) == before);
  SQLite::Statement a(services::storeOf(*sc.office).db(),
                      "SELECT count(*) FROM audit_log WHERE action LIKE 'package.%'");
  a.executeStep();
  CHECK(a.getColumn(0).getInt() == 0);
  CHECK(member(*sc.office, sc.codeA).phone != "0912345678");
  // Not stopped, the same package applies whole and the count reaches the total.
  Recorder all;
  CHECK(packages.apply(kOffice, pkg, choices, &all) == 3);
  CHECK(all.last == 3);
  CHECK(member(*sc.office, sc.codeA).phone == "0912345678");
}
