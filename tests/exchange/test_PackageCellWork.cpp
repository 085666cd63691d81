// The cell's monthly work in cell packages: a meeting with its attendance and three payments recorded in the
// cell file reach the office through the change package and the cell-work door; a package cannot add another
// cell's.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "../TestUtil.h"
#include "core/Errors.h"
#include "exchange/CellPackage.h"
#include "services/CellWork.h"
#include "services/DemoGenerator.h"
#include "services/Packages.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
const services::Actor kOffice = services::Actor::localOffice();
const char* const kPass = "Mật khẩu chi bộ 2026";

std::string one(services::Services& s, const std::string& sql) {
  SQLite::Statement q(services::storeOf(s).db(), sql);
  if (!q.executeStep()) return "<none>";
  return q.getColumn(0).isNull() ? std::string("NULL") : q.getColumn(0).getString();
}

struct WorkScenario {
  TempDir dir;
  std::unique_ptr<services::Services> office;
  std::string cellCode;
  std::vector<std::string> members;
  core::CellPackage cell;
  WorkScenario() {
    services::DemoOptions opt;
    opt.villageCells = 3;
    opt.schoolCells = 1;
    opt.members = 90;
    opt.historyYears = 2;
    opt.today = *core::Date::make(2026, 11, 29);
    services::Services::createDemo(dir / "office.db", opt);
    office = services::Services::open(dir / "office.db");
    cellCode =
        one(*office,
            "SELECT o.code FROM organizations o JOIN members m ON m.cell_id = o.id WHERE m.status = 'active' "
            "GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1");
    cell = exchange::decodeCellPackage(
        exchange::encodeCellPackage(services::Packages(*office).exportCell(kOffice, cellCode), kPass), kPass);
  }
};
}  // namespace

TEST_CASE("cell package round trip: a new meeting, its attendance and three payments reach the office") {
  WorkScenario sc;
  const core::Date day = core::Date::today().addDays(-1);
  const core::YearMonth month = core::YearMonth::of(core::Date::today());
  core::ChangePackage changes;
  std::vector<services::CellMemberOnDay> list;
  {
    auto c = services::Packages::createCellFile(sc.dir / "cell.db", sc.cell);
    // The cell file carries the cell's past meetings and payments.
    CHECK(std::stoi(one(*c, "SELECT count(*) FROM meetings")) > 10);
    CHECK(std::stoi(one(*c, "SELECT count(*) FROM meeting_attendance")) > 10);
    CHECK(std::stoi(one(*c, "SELECT count(*) FROM dues_payments")) > 10);
    list = services::cellMembersOn(*c, kOffice, sc.cellCode, day);
    REQUIRE(list.size() >= 3);
    services::MeetingInput in;
    in.cellCode = sc.cellCode;
    in.heldOn = day;
    in.kind = "chuyen_de";
    in.topic = "Học tập Nghị quyết";
    in.startsAt = "19:30";
    in.endsAt = "21:30";
    for (const auto& m : list) in.attendance.push_back({m.code, "co_mat", ""});
    in.attendance[1].status = list[1].exempt || list[1].onLeave ? "vang_co_ly_do" : "vang_khong_ly_do";
    services::saveMeeting(*c, kOffice, in);
    for (int i = 0; i < 3; ++i)
      services::saveDuesPayment(
          *c, kOffice, {list[size_t(i)].code, month, 20000 + i, day, "tien_mat", "BL-C" + std::to_string(i)});
    changes = services::Packages(*c).changes(kOffice, "Lò Văn Thắng");
  }
  changes = exchange::decodeChangePackage(exchange::encodeChangePackage(changes, kPass), kPass);
  const std::string before = one(*sc.office, "SELECT count(*) FROM dues_payments");
  auto review = services::Packages(*sc.office).review(changes);
  int workItems = 0;
  for (const auto& it : review.items)
    if (it.change.table == "meetings" || it.change.table == "dues_payments") ++workItems;
  CHECK(workItems >= 3 * 4 + 7);
  services::Packages(*sc.office).apply(kOffice, changes, {});
  const std::string meeting =
      one(*sc.office,
          "SELECT m.id FROM meetings m JOIN organizations o ON o.id = m.cell_id "
          "WHERE o.code = '" +
              sc.cellCode + "' AND m.held_on = '" + day.iso() + "' AND m.kind = 'chuyen_de'");
  REQUIRE(meeting != "<none>");
  CHECK(one(*sc.office, "SELECT topic FROM meetings WHERE id = " + meeting) == "Học tập Nghị quyết");
  CHECK(one(*sc.office, "SELECT count(*) FROM meeting_attendance WHERE meeting_id = " + meeting) ==
        std::to_string(list.size()));
  CHECK(std::stoi(one(*sc.office, "SELECT count(*) FROM dues_payments")) == std::stoi(before) + 3);
  CHECK(one(*sc.office,
            "SELECT group_concat(receipt, ',') FROM (SELECT receipt FROM dues_payments WHERE receipt "
            "LIKE 'BL-C%' ORDER BY receipt)") == "BL-C0,BL-C1,BL-C2");
  // Through the door: one audit row per record, by the account applying the package.
  CHECK(one(*sc.office,
            "SELECT count(*) FROM audit_log WHERE action = 'dues_payment.add' AND username = 'office'") ==
        "3");
  CHECK(one(*sc.office, "SELECT count(*) FROM audit_log WHERE action = 'meeting.add'") == "1");
}

TEST_CASE("a change package cannot add the work of another cell, nothing written") {
  WorkScenario sc;
  core::ChangePackage changes;
  {
    auto c = services::Packages::createCellFile(sc.dir / "cell.db", sc.cell);
    changes = services::Packages(*c).changes(kOffice, "Lò Văn Thắng");
  }
  // A hostile package: a payment for a member of another cell, written by hand into the change package.
  const std::string stranger = one(*sc.office,
                                   "SELECT m.code FROM members m JOIN organizations o ON o.id = m.cell_id "
                                   "WHERE o.code <> '" +
                                       sc.cellCode + "' AND m.status = 'active' LIMIT 1");
  const core::YearMonth month = core::YearMonth::of(core::Date::today());
  for (const auto& [column, value] :
       std::vector<std::pair<std::string, std::string>>{{"amount", "50000"},
                                                        {"paid_on", core::Date::today().iso()},
                                                        {"channel", "tien_mat"},
                                                        {"receipt", ""}}) {
    core::FieldChange f;
    f.table = "dues_payments";
    f.recordId = 1;
    f.recordLabel = stranger;
    f.column = column;
    f.newValue = core::PackageValue::text(value);
    f.kind = core::FieldChange::Insert;
    f.keyColumns = {"member", "month"};
    f.keyValues = {core::PackageValue::text(stranger), core::PackageValue::text(month.iso())};
    changes.changes.push_back(f);
  }
  const std::string before = one(*sc.office, "SELECT count(*) FROM dues_payments") + "/" +
                             one(*sc.office, "SELECT count(*) FROM audit_log");
  CHECK_THROWS_AS(services::Packages(*sc.office).review(changes), core::DataError);
  CHECK_THROWS_AS(services::Packages(*sc.office).apply(kOffice, changes, {}), core::DataError);
  CHECK(one(*sc.office, "SELECT count(*) FROM dues_payments") + "/" +
            one(*sc.office, "SELECT count(*) FROM audit_log") ==
        before);
}
