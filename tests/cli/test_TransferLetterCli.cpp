// `dangbo-cli transfer-letter issue|receive CODE`: the letter entered in the transfer book through the same
// service call as everywhere (numbered, refused with the member named, nothing written when refused), then
// printed by `report transfer-letter CODE` and listed by `report transfer-book --year Y`.
#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "../services/AdmissionTestData.h"
#include "CliRun.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using services::Actor;
using test::runCli;
using test::admission::d;

namespace {

// One cell; DV1 transferred out permanently on 01/10/2026, DV2 still here.
struct Register : test::admission::OneCell {
  Register() {
    for (const char* code : {"DV1", "DV2"})
      member(code, d(2000, 1, 3), d(2000, 1, 10), d(2001, 1, 10), *core::PartialDate::make(1970, 1, 1));
    services::recordAction(*s, Actor::localOffice(), "DV1",
                           {"transfer_out", d(2026, 10, 1), "", "Đảng bộ xã Hát Lót, tỉnh Sơn La", "", ""});
  }
  // The book's rows and the audit rows: what a refused call leaves as it was.
  std::string state() {
    auto reader = services::Services::openForReading(path);
    SQLite::Statement q(
        services::storeOf(*reader).db(),
        "SELECT (SELECT count(*) FROM transfer_letters) || '/' || (SELECT count(*) FROM audit_log)");
    q.executeStep();
    return q.getColumn(0).getString();
  }
};

}  // namespace

TEST_CASE(
    "cli transfer-letter: issue numbers the letter, refusals write nothing, the letter and the book print") {
  Register r;
  const std::string before = r.state();
  auto refused = [&](std::vector<std::string> args, int code, const std::string& says) {
    std::vector<std::string> all = {"--db", r.path, "transfer-letter"};
    all.insert(all.end(), args.begin(), args.end());
    const auto res = runCli(all);
    CHECK(res.code == code);
    CHECK_MESSAGE(res.err.find(says) != std::string::npos, res.err);
    CHECK(res.out.empty());
  };
  refused({"issue", "DV2"}, 1, "DV2");    // still here: no transfer out
  refused({"receive", "DV2"}, 1, "DV2");  // no transfer in either
  refused({"issue", "DV9"}, 1, "DV9");    // no such member
  refused({"issue", "DV1", "--number", "5-GT/ĐU"}, 2,
          "--number");  // an issued letter takes the book's number
  refused({"receive", "DV1", "--dues-to", "13/2026"}, 2, "13/2026");
  refused({"send", "DV1"}, 2, "transfer-letter");
  refused({"issue"}, 2, "transfer-letter");
  CHECK(r.state() == before);
  // Before the letter is in the book, nothing to print.
  CHECK(runCli({"--db", r.path, "report", "transfer-letter", "DV1", "--format", "html"}).code == 1);

  const auto ok = runCli({"--db", r.path, "transfer-letter", "issue", "DV1"});
  CHECK_MESSAGE(ok.code == 0, ok.err);
  CHECK(ok.out == "1/2026\n");
  CHECK(ok.err.find("DV1") != std::string::npos);
  const std::string after = r.state();
  CHECK(after != before);
  refused({"issue", "DV1"}, 1, "1/2026");  // once per transfer
  CHECK(r.state() == after);

  const auto letter = runCli({"--db", r.path, "report", "transfer-letter", "DV1", "--format", "html"});
  CHECK_MESSAGE(letter.code == 0, letter.err);
  CHECK(letter.out.find("Hát Lót") != std::string::npos);
  CHECK(letter.out.find("1/2026") != std::string::npos);
  const auto book = runCli({"--db", r.path, "report", "transfer-book", "--year", "2026", "--format", "csv"});
  CHECK_MESSAGE(book.code == 0, book.err);
  CHECK(book.out.find("DV1") != std::string::npos);
  const auto empty = runCli({"--db", r.path, "report", "transfer-book", "--year", "2025", "--format", "csv"});
  CHECK(empty.code == 0);
  CHECK(empty.out.find("DV1") == std::string::npos);

  const auto help = runCli({"--help"});
  CHECK(help.out.find("transfer-letter issue CODE") != std::string::npos);
}
