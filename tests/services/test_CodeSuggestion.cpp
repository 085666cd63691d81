#include <doctest/doctest.h>

#include "../TestUtil.h"
#include "services/CodeSuggestion.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
struct Register {
  TempDir dir;
  std::unique_ptr<services::Services> s =
      services::Services::create(dir / "c.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
  Register() {
    exec(
        "INSERT INTO organizations (id, code, name, kind, category) VALUES (1, 'CB01', 'Chi bộ bản A', "
        "'truc_thuoc', 'ban')");
  }
  void exec(const std::string& sql) { services::storeOf(*s).db().exec(sql); }
  void member(const std::string& code) {
    exec("INSERT INTO members (code, full_name, gender, cell_id) VALUES ('" + code +
         "', 'Lò Văn A', 'nam', 1)");
  }
  void candidate(const std::string& code) {
    exec("INSERT INTO candidates (code, full_name, gender, cell_id) VALUES ('" + code +
         "', 'Lò Thị B', 'nu', 1)");
  }
};
}  // namespace

TEST_CASE("codes: a new member or candidate is offered the register's next code, never one in use") {
  Register r;
  // An empty register: the first codes of the usual scheme.
  CHECK(services::suggestMemberCode(*r.s) == "DV00001");
  CHECK(services::suggestCandidateCode(*r.s) == "QC00001");
  // The next number after the highest, whatever order the codes were added in.
  r.member("DV01122");
  r.member("DV00154");
  CHECK(services::suggestMemberCode(*r.s) == "DV01123");
  r.candidate("QC00211");
  CHECK(services::suggestCandidateCode(*r.s) == "QC00212");
  // An imported register keeps its own letters and width.
  r.member("TV000123");
  r.member("TV000009");
  CHECK(services::suggestMemberCode(*r.s) == "TV000124");
  // The number outgrows its width rather than wrapping round.
  r.member("DV99999");
  CHECK(services::suggestMemberCode(*r.s) == "DV100000");
  // A last code of another shape: the usual scheme, after its highest code.
  r.member("CB-7");
  CHECK(services::suggestMemberCode(*r.s) == "DV100000");
}

TEST_CASE("codes: a new party organization is offered the register's next code") {
  Register r;  // holds CB01
  CHECK(services::suggestOrganizationCode(*r.s) == "CB02");
  r.exec(
      "INSERT INTO organizations (code, name, kind, category) VALUES ('CB58', 'Chi bộ bản B', 'truc_thuoc', "
      "'ban')");
  r.exec(
      "INSERT INTO organizations (code, name, kind, category) VALUES ('CB09', 'Chi bộ bản C', 'truc_thuoc', "
      "'ban')");
  CHECK(services::suggestOrganizationCode(*r.s) == "CB59");
  // An imported province keeps its own letters and width (the demo with 3.000 cells imported:
  // TC0001..TC3000).
  r.exec(
      "INSERT INTO organizations (code, name, kind, category) VALUES ('TC3000', 'Chi bộ bản D', "
      "'truc_thuoc', 'ban')");
  CHECK(services::suggestOrganizationCode(*r.s) == "TC3001");
  // Past 99 the number grows a digit rather than wrapping round.
  r.exec(
      "INSERT INTO organizations (code, name, kind, category) VALUES ('CB99', 'Chi bộ bản E', 'truc_thuoc', "
      "'ban')");
  CHECK(services::suggestOrganizationCode(*r.s) == "CB100");
}

TEST_CASE("codes: an empty register proposes CB01 to its first party organization") {
  TempDir dir;
  auto s = services::Services::create(dir / "e.db", {"Đảng bộ xã Trống", "Trống", "", "", ""});
  CHECK(services::suggestOrganizationCode(*s) == "CB01");
}
