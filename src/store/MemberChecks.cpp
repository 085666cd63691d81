// The register's own checks of its members (`check`): the present members missing a required field, and
// the groups of members sharing a CCCD number, a card number, or the folded name and birth date. Split from
// MemberQuery.cpp.
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/Database.h"
#include "store/MemberQuery.h"
#include "store/MemberRows.h"

namespace dangbo::store {

using namespace rows;

std::vector<MissingFields> membersMissingFields(Database& database) {
  SQLite::Statement q(
      database.db(),
      "SELECT m.id, m.code, m.full_name, m.cell_id, trim(m.full_name) = '', m.birth_date IS NULL OR "
      "trim(m.birth_date) = '', m.gender NOT IN ('nam', 'nu'), m.ethnicity IS NULL OR m.ethnicity = '', "
      "m.admitted_on IS NULL AND m.transferred_in_on IS NULL, o.id IS NULL "
      "FROM members m LEFT JOIN organizations o ON o.id = m.cell_id "
      "WHERE m.status IN ('active', 'exempt') AND (trim(m.full_name) = '' OR m.birth_date IS NULL OR "
      "trim(m.birth_date) = '' OR m.gender NOT IN ('nam', 'nu') OR m.ethnicity IS NULL OR "
      "m.ethnicity = '' OR (m.admitted_on IS NULL AND m.transferred_in_on IS NULL) OR o.id IS NULL) "
      "ORDER BY m.code");
  static const char* const kFields[] = {"full_name", "birth_date",  "gender",
                                        "ethnicity", "admitted_on", "cell"};
  std::vector<MissingFields> out;
  while (q.executeStep()) {
    MissingFields f;
    f.member = {q.getColumn(0).getInt64(), str(q.getColumn(1)), str(q.getColumn(2)),
                q.getColumn(3).getInt64()};
    for (int k = 0; k < 6; ++k)
      if (q.getColumn(4 + k).getInt() != 0) f.fields.emplace_back(kFields[k]);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<DuplicateGroup> likelyDuplicates(Database& database) {
  // One statement: every member row carrying a value shared with another row, for each kind.
  SQLite::Statement q(
      database.db(),
      "WITH v AS (SELECT id, 'cccd' AS kind, cccd AS value FROM members WHERE cccd <> '' "
      "UNION ALL SELECT id, 'card_no', trim(card_no) FROM members WHERE trim(card_no) <> '' "
      "UNION ALL SELECT id, 'name_birth', search_key || '|' || birth_date FROM members "
      "WHERE search_key <> '' AND length(birth_date) = 10), "
      "d AS (SELECT kind, value FROM v GROUP BY kind, value HAVING count(*) > 1) "
      "SELECT v.kind, v.value, m.id, m.code, m.full_name, m.cell_id FROM v JOIN d ON d.kind = v.kind AND "
      "d.value = v.value JOIN members m ON m.id = v.id ORDER BY v.kind, v.value, m.code");
  std::vector<DuplicateGroup> out;
  std::string lastRaw;
  while (q.executeStep()) {
    std::string kind = str(q.getColumn(0));
    std::string raw = str(q.getColumn(1));
    if (out.empty() || out.back().kind != kind || lastRaw != raw) {
      // For name_birth the shown value is the birth date (the part after the folded name).
      std::string value = kind == "name_birth" ? raw.substr(raw.rfind('|') + 1) : raw;
      out.push_back({kind, std::move(value), {}});
      lastRaw = raw;
    }
    out.back().members.push_back(
        {q.getColumn(2).getInt64(), str(q.getColumn(3)), str(q.getColumn(4)), q.getColumn(5).getInt64()});
  }
  return out;
}

}  // namespace dangbo::store
