// `dangbo-cli transfer-received CODE --on DATE`: the receipt of a permanent transfer out closes its
// transfer_due row in `report deadlines`; refused calls (unknown member, no open transfer, a day before the
// transfer, a window holding the file, wrong usage) write nothing.
#include <doctest/doctest.h>

#include <sstream>

#include "../TestUtil.h"
#include "../services/AdmissionTestData.h"
#include "CliRun.h"
#include "cli/Cli.h"
#include "services/InstanceLock.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

namespace {
using test::admission::d;

using Result = test::CliResult;
using test::runCli;

// One cell; DV1 transferred out permanently on 01/10/2026, DV2 still here, DV3 away temporarily.
struct Register : test::admission::OneCell {
  Register() {
    const Actor office = Actor::localOffice();
    for (const char* code : {"DV1", "DV2", "DV3"})
      member(code, d(2000, 1, 3), d(2000, 1, 10), d(2001, 1, 10), *core::PartialDate::make(1970, 1, 1));
    services::recordAction(
        *s, office, "DV1",
        {"transfer_out", d(2026, 10, 1), "", "Đảng bộ xã Hát Lót, tỉnh Sơn La", "12-GT/ĐU", ""});
    services::recordAction(*s, office, "DV3",
                           {"temp_out", d(2026, 10, 1), "", "Trường Chính trị tỉnh", "", ""});
  }
  std::string deadlines() {
    auto r = runCli({"--db", path, "report", "deadlines", "--as-of", "2026-10-25", "--format", "json"});
    REQUIRE(r.code == 0);
    return r.out;
  }
  // What a refused call must leave as it was: the receipts and the audit trail.
  std::string state() {
    auto reader = services::Services::openForReading(path);
    std::string out;
    SQLite::Statement q(services::storeOf(*reader).db(),
                        "SELECT (SELECT count(*) FROM member_events WHERE received_on IS NOT NULL) || '/' || "
                        "(SELECT count(*) FROM audit_log)");
    if (q.executeStep()) out = q.getColumn(0).getString();
    return out;
  }
};

bool hasTransferDue(const std::string& json, const std::string& code) {
  size_t at = 0;
  while ((at = json.find("\"transfer_due\"", at)) != std::string::npos) {
    const size_t open = json.rfind('{', at), close = json.find('}', at);
    if (json.substr(open, close - open).find("\"" + code + "\"") != std::string::npos) return true;
    at = close;
  }
  return false;
}
}  // namespace

TEST_CASE("cli transfer-received: the receipt closes the transfer_due row, refused calls write nothing") {
  Register r;
  REQUIRE(hasTransferDue(r.deadlines(), "DV1"));
  const std::string before = r.state();

  auto refused = [&](std::vector<std::string> args, int code, const std::string& says) {
    std::vector<std::string> all = {"--db", r.path, "transfer-received"};
    all.insert(all.end(), args.begin(), args.end());
    auto res = runCli(all);
    CHECK(res.code == code);
    CHECK_MESSAGE(res.err.find(says) != std::string::npos, res.err);
    CHECK(res.out.empty());
    CHECK(r.state() == before);
  };
  // The data refused (exit 1), each naming the problem.
  refused({"DV9", "--on", "2026-10-20"}, 1, "DV9");         // no such member
  refused({"DV2", "--on", "2026-10-20"}, 1, "DV2");         // still here: no transfer out
  refused({"DV3", "--on", "2026-10-20"}, 1, "DV3");         // a temporary absence is no transfer
  refused({"DV1", "--on", "2026-09-30"}, 1, "01/10/2026");  // before the transfer
  const core::Date tomorrow = core::Date::today().addDays(1);
  refused({"DV1", "--on", tomorrow.iso()}, 1, tomorrow.vn());  // in the future
  {
    services::InstanceLock window(r.path);  // a window has the register open
    refused({"DV1", "--on", "2026-10-20"}, 1, "");
  }
  // Wrong usage (exit 2).
  refused({"--on", "2026-10-20"}, 2, "transfer-received");  // no code
  refused({"DV1"}, 2, "--on");                              // no day
  refused({"DV1", "--on", "20.10.2026"}, 2, "20.10.2026");  // not a date
  refused({"DV1", "DV2", "--on", "2026-10-20"}, 2, "");     // two codes
  refused({"DV1", "--on", "2026-10-20", "--cell", "CB01"}, 2, "--cell");
  CHECK(hasTransferDue(r.deadlines(), "DV1"));

  auto ok = runCli({"--db", r.path, "transfer-received", "DV1", "--on", "20/10/2026"});
  CHECK_MESSAGE(ok.code == 0, ok.err);
  CHECK(ok.out.empty());
  CHECK(ok.err.find("20/10/2026") != std::string::npos);
  CHECK_FALSE(hasTransferDue(r.deadlines(), "DV1"));
  CHECK(r.state() != before);
  // Once received, the transfer is no longer open: a second receipt is refused and changes nothing.
  const std::string after = r.state();
  auto again = runCli({"--db", r.path, "transfer-received", "DV1", "--on", "2026-10-21"});
  CHECK(again.code == 1);
  CHECK(again.err.find("DV1") != std::string::npos);
  CHECK(r.state() == after);

  auto help = runCli({"--help"});
  CHECK(help.out.find("transfer-received CODE --on DATE") != std::string::npos);
}
