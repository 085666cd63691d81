#include "store/CandidateDetails.h"

#include <SQLiteCpp/Statement.h>

#include "core/VietText.h"
#include "store/Database.h"
#include "store/Sql.h"

namespace dangbo::store {

void updateCandidateDetails(Database& db, const core::Candidate& c) {
  SQLite::Statement q(db.db(),
                      "UPDATE candidates SET full_name = ?, search_key = ?, birth_date = ?, occupation = ? "
                      "WHERE id = ?");
  const std::string name = core::normalizeText(c.fullName);
  q.bind(1, name);
  q.bind(2, core::fold(name));
  sql::bind(q, 3, c.birthDate);
  q.bind(4, c.occupation);
  q.bind(5, static_cast<int64_t>(c.id));
  q.exec();
}

}  // namespace dangbo::store
