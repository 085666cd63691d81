// Issue 15: the audit trail's head anchored outside the register (each backup and published report) shows a
// tail deleted or a chain recomputed, which the chain alone cannot.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "../TestUtil.h"
#include "core/Platform.h"
#include "exchange/Backup.h"
#include "services/AuditAnchor.h"
#include "services/Publishing.h"
#include "services/RuleChecks.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"

using namespace dangbo;
using dangbo::test::TempDir;
using services::Actor;

namespace {
struct Register {
  TempDir dir;
  std::unique_ptr<services::Services> s =
      services::Services::create(dir / "so.db", {"Đảng bộ xã Thử", "Thử", "", "", ""});
  void edits(int n) {
    auto info = s->committee();
    for (int i = 0; i < n; ++i) {
      info.place = "Sửa " + std::to_string(i);
      s->saveCommittee(Actor::localOffice(), info);
    }
  }
  bool anchorFinding() {
    const auto f = services::checkIntegrity(*s, Actor::localOffice());
    return std::any_of(f.begin(), f.end(),
                       [](const services::CheckFinding& x) { return x.rule == "audit_anchor"; });
  }
  bool chainFinding() {
    const auto f = services::checkIntegrity(*s, Actor::localOffice());
    return std::any_of(f.begin(), f.end(),
                       [](const services::CheckFinding& x) { return x.rule == "audit_chain"; });
  }
};
}  // namespace

TEST_CASE("a tail of the audit trail deleted after a backup is found by check against the anchor") {
  Register r;
  r.edits(5);
  exchange::backupDatabase(*r.s, r.dir / "b.db");
  const auto anchor = services::lastAuditAnchor(r.dir / "so.db");
  REQUIRE(anchor);
  CHECK(anchor->why.find("b.db") != std::string::npos);
  CHECK(core::platform::permissionBits(services::anchorPathOf(r.dir / "so.db")) == 0600);
  CHECK_FALSE(r.anchorFinding());
  r.edits(2);  // later rows are fine
  CHECK_FALSE(r.anchorFinding());
  // Someone drops the guard and deletes the newest rows, the anchored one among them: the chain stays whole.
  services::storeOf(*r.s).db().exec("DROP TRIGGER audit_log_no_delete");
  services::storeOf(*r.s).db().exec("DELETE FROM audit_log WHERE id >= " + std::to_string(anchor->id - 1));
  CHECK_FALSE(r.chainFinding());
  CHECK(r.anchorFinding());
}

TEST_CASE(
    "a rewritten audit trail with its chain recomputed is found against the anchor of a published report") {
  Register r;
  r.edits(4);
  const core::Id id =
      services::publishReport(*r.s, Actor::localOffice(), "members", "Cơ cấu", "from=2026-01-01", "m");
  REQUIRE(services::lastAuditAnchor(r.dir / "so.db")->why == "report " + std::to_string(id));
  CHECK_FALSE(r.anchorFinding());
  // Rewrite a row and recompute every hash after it, as a careful forger would.
  auto& db = services::storeOf(*r.s).db();
  db.exec("DROP TRIGGER audit_log_no_update");
  db.exec("UPDATE audit_log SET new_value = 'giả' WHERE id = 2");
  std::vector<store::AuditEntry> rows = store::AuditRepository(services::storeOf(*r.s)).latest(1000);
  std::reverse(rows.begin(), rows.end());
  std::string prev;
  for (auto& e : rows) {
    e.prevHash = prev;
    e.hash = store::auditHash(e);
    SQLite::Statement q(db, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?");
    q.bind(1, e.prevHash);
    q.bind(2, e.hash);
    q.bind(3, e.id);
    q.exec();
    prev = e.hash;
  }
  CHECK_FALSE(r.chainFinding());  // the chain alone no longer shows it
  CHECK(r.anchorFinding());
}

TEST_CASE(
    "a restore anchors the restored trail: an older copy brought back is not taken for a deleted tail") {
  Register r;
  r.edits(2);
  exchange::backupDatabase(*r.s, r.dir / "cu.db");
  r.edits(3);
  exchange::backupDatabase(*r.s, r.dir / "moi.db");
  r.s.reset();
  exchange::restoreDatabase(r.dir / "so.db", r.dir / "cu.db");
  r.s = services::Services::open(r.dir / "so.db");
  CHECK(services::lastAuditAnchor(r.dir / "so.db")->why.find("restore") == 0);
  CHECK_FALSE(r.anchorFinding());
}
