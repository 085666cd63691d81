#pragma once
// The door of a seat in the committee of a term (spec/import.md cap_uy): who holds which position in the
// party committee elected for a term. The import's cap_uy.csv and `dangbo-cli record` write seats through it,
// with its scope (the office or an administrator), its checks and its audit row.
#include <optional>
#include <string>

namespace dangbo::services {

class Services;
struct Actor;

/// Seats the member `memberCode` in the committee of `term` ("2025-2030", created when new) at `position`
/// (bi_thu | pho_bi_thu | uv_btv | uv_bch), or changes the position of their seat. Office or administrator
/// only. Refuses (core::DataError, in Vietnamese) a term that is not two years a few years apart, an unknown
/// position or member, and a member who joined the party after the term. An audit row committee_seat.add, or
/// committee_seat.update with the old and new position; nothing when the seat is already so.
void saveCommitteeSeat(Services& s, const Actor& actor, const std::string& term,
                       const std::string& memberCode, const std::string& position);
/// The checks of saveCommitteeSeat alone (an import's plan): throws its refusal, writes nothing. `field`,
/// when given, names the argument refused (term, member, position).
void checkCommitteeSeat(Services& s, const Actor& actor, const std::string& term,
                        const std::string& memberCode, const std::string& position,
                        std::string* field = nullptr);

/// The position `memberCode` holds in the committee of `term` (nullopt: no seat, or no such term); any
/// account that may read the register (the committee's composition is no case file). DataError for an
/// unknown member.
std::optional<std::string> committeeSeatPosition(Services& s, const Actor& actor, const std::string& term,
                                                 const std::string& memberCode);

}  // namespace dangbo::services
