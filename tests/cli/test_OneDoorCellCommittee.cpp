// One door per record (continued from test_OneDoorKinds.cpp): the cell committee column of to_chuc.csv ("Có
// chi ủy") through the organization action dialog's door (services::setCellCommittee), an import and
// `dangbo-cli record add organization_event CODE action=committee|committee_end`: the same stored period and
// audit row, the office's work only.
#include <doctest/doctest.h>

#include "OneDoorRegisters.h"

using namespace dangbo;
using namespace dangbo::test::onedoor;

TEST_CASE("one door: a cell's committee through the organization dialog's call, an import and the CLI") {
  Registers r;
  // A cell founded on a known day, without a committee, on every register.
  const std::string cell = r.sql(
      Door::Window,
      "SELECT o.code FROM organizations o WHERE o.ceased IS NULL AND o.founded IS NOT NULL AND NOT EXISTS "
      "(SELECT 1 FROM cell_committees c WHERE c.org_id = o.id AND c.to_date IS NULL) ORDER BY o.code "
      "LIMIT 1");
  REQUIRE_FALSE(cell.empty());
  const std::string founded =
      r.sql(Door::Window, "SELECT founded FROM organizations WHERE code = '" + cell + "'");
  const core::Date foundedOn = *core::Date::parse(founded);
  const std::string record = "organization:" + cell;
  const std::string stored =
      "SELECT group_concat(coalesce(c.from_date, '') || '..' || coalesce(c.to_date, ''), ';') FROM "
      "cell_committees c JOIN organizations o ON o.id = c.org_id WHERE o.code = '" +
      cell + "'";
  const std::string lastRow =
      "SELECT username || '|' || action || '|' || old_value || '|' || new_value FROM audit_log WHERE record "
      "= '" +
      record + "' AND action LIKE 'cell_committee.%' ORDER BY id DESC LIMIT 1";
  auto same = [&](const std::string& expectedStored, const std::string& expectedRow) {
    for (Door d : {Door::Window, Door::Import, Door::Cli}) {
      CAPTURE(name(d));
      CHECK(r.sql(d, stored) == expectedStored);
      CHECK(r.sql(d, lastRow) == expectedRow);
    }
  };
  const std::map<std::string, std::string> yes = {{"Mã", cell}, {"Có chi ủy", "Có"}};
  const std::map<std::string, std::string> no = {{"Mã", cell}, {"Có chi ủy", "Không"}};

  // Elected: from the cell's founding day, as the import takes it.
  CHECK(r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
           services::setCellCommittee(s, a, cell, true, foundedOn, "");
         }).empty());
  CHECK(r.byDryRun(kOfficeAccount, "to_chuc", yes).find(" -> ") != std::string::npos);
  CHECK(r.byImport(kOfficeAccount, "to_chuc", yes).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", cell, "action=committee", "date=" + founded})
            .empty());
  same(founded + "..", "vanphong|cell_committee.open||" + founded);
  // The import's own rows name no committee change (the door's row holds it).
  CHECK(r.sql(Door::Import, "SELECT count(*) FROM audit_log WHERE record = '" + record +
                                "' AND new_value LIKE '%has_committee%'") == "0");
  // The same file again: unchanged, no audit row.
  auto before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "to_chuc", yes).empty());
  CHECK(auditCounts(r) == before);

  // Ended: today, as the import takes it.
  const std::string today = core::Date::today().iso();
  CHECK(r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
           services::setCellCommittee(s, a, cell, false, core::Date::today(), "");
         }).empty());
  CHECK(r.byImport(kOfficeAccount, "to_chuc", no).empty());
  CHECK(r.byCli("vanphong", {"add", "organization_event", cell, "action=committee_end", "date=" + today})
            .empty());
  same(founded + ".." + today, "vanphong|cell_committee.close||" + today);

  // A bad value: the import's reader refuses it at its column; nothing written.
  before = auditCounts(r);
  CHECK(r.byImport(kOfficeAccount, "to_chuc", {{"Mã", cell}, {"Có chi ủy", "Có lẽ"}}).find("\"Có chi ủy\"") !=
        std::string::npos);
  // A committee elected before the cell existed: the door's refusal from the window and the CLI.
  const std::string early = foundedOn.addYears(-1).iso();
  const std::string refusal = r.byWindow(kOfficeAccount, [&](auto& s, auto& a) {
    services::setCellCommittee(s, a, cell, true, foundedOn.addYears(-1), "");
  });
  sameRefusal(r, refusal,
              {{Door::Cli, r.byCli("vanphong", {"add", "organization_event", cell, "action=committee",
                                                "date=" + early})}},
              before);

  // A cell secretary, even of this cell, and the inspection committee: the office's work. The call throws;
  // the import and its dry run refuse the file and show nothing of it; the CLI refuses.
  const services::Actor secretary{
      "bithu", "secretary",
      std::stoll(r.sql(Door::Window, "SELECT id FROM organizations WHERE code = '" + cell + "'"))};
  {
    auto s = services::Services::open(r.db[Door::Window]);
    CHECK_THROWS_AS(services::setCellCommittee(*s, secretary, cell, true, core::Date::today(), ""),
                    core::PermissionError);
  }
  CHECK(r.byImport(secretary, "to_chuc", yes).find("to_chuc.csv") == 0);
  const std::string shown = r.byDryRun(secretary, "to_chuc", yes);
  CHECK(shown.find("to_chuc.csv") == 0);
  CHECK(shown.find("->") == std::string::npos);
  CHECK_FALSE(
      r.byCli("kiemtra", {"add", "organization_event", cell, "action=committee", "date=" + today}).empty());
  CHECK(auditCounts(r) == before);
  same(founded + ".." + today, "vanphong|cell_committee.close||" + today);
}
