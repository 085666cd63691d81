// Cell packages (issue 9): the file format, the round trip office -> cell -> office with conflicts resolved
// both ways, and each refusal (damaged, truncated, replayed, wrong passphrase, foreign, superseded).
#include <doctest/doctest.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sstream>

#include "../TestUtil.h"
#include "cli/Cli.h"
#include "core/Errors.h"
#include "exchange/CellPackage.h"
#include "services/Packages.h"
#include "services/Register.h"
#include "services/Services.h"
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
  SQLite::Statement q(s.database().db(),
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
  SQLite::Statement q(s.database().db(), "SELECT revision FROM committee");
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
  SQLite::Statement n(c->database().db(), "SELECT count(*) FROM members");
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
  // One audit row per applied change, naming the secretary.
  SQLite::Statement a(
      sc.office->database().db(),
      "SELECT count(*) FROM audit_log WHERE action = 'package.change' AND username = 'Lò Văn Thắng'");
  a.executeStep();
  CHECK(a.getColumn(0).getInt() == 2);

  // Replayed: refused, nothing written.
  int64_t after = revision(*sc.office);
  CHECK_THROWS_AS(packages.review(pkg), core::DataError);
  CHECK_THROWS_AS(packages.apply(kOffice, pkg, choices), core::DataError);
  CHECK(revision(*sc.office) == after);
}

TEST_CASE("damaged, truncated, tampered and wrong-passphrase packages are refused") {
  core::ChangePackage c;
  c.packageId = "p";
  c.exportId = "e";
  c.officeId = "o";
  c.secretary = "Cầm Thị Đào";
  c.changes.push_back({"members", 1, "A (DV1)", "phone", {}, core::PackageValue::text("0987")});
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
    SQLite::Statement q(c->database().db(),
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
  REQUIRE(run({"package", "changes", "--db", cell_db, "--out", changesFile, "--secretary", "Lò Văn Thắng"}) ==
          0);
  std::string text;
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
