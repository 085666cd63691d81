#include "store/ValidationQueries.h"

namespace dangbo::store {

std::vector<StoredMemberDates> memberDates(Database& database) {
  SQLite::Statement q(
      database.db(),
      "SELECT id, code, full_name, ifnull(cell_id, 0), ifnull(birth_date, ''), ifnull(admitted_on, ''), "
      "ifnull(ceremony_on, ''), ifnull(official_on, ''), ifnull(transferred_in_on, '') "
      "FROM members ORDER BY code");
  std::vector<StoredMemberDates> out;
  while (q.executeStep()) {
    StoredMemberDates d;
    d.member = {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                q.getColumn(3).getInt64()};
    d.birth = q.getColumn(4).getString();
    d.admitted = q.getColumn(5).getString();
    d.ceremony = q.getColumn(6).getString();
    d.official = q.getColumn(7).getString();
    d.transferredIn = q.getColumn(8).getString();
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace dangbo::store
