#pragma once
// How a search finds its first members along the list order (MemberListOrder.cpp): how far it looks through
// the list order's first entries before it takes the trigram index's candidates instead. The paging itself
// (walkListOrder, probeListOrder, searchCandidatesInOrder) is declared in store/MemberQuery.h.
#include <cstddef>
#include <string_view>

#include "store/Database.h"

namespace dangbo::store {

/// The entries of the list order a search for `folded` (three letters or more) looks through for its first
/// `hits` members before it takes its candidates from the trigram index instead (searchCandidatesInOrder; too
/// many of them make the walk go on from the start); 0: take the candidates at once. The
/// candidates are estimated from the rarest three-letter piece of the text in the index (read at its 64th
/// entry, not counted): when they are few (fewSearchCandidates), 0, and so when the pieces ANDed are few
/// (counted in the index no further); else sixteen times the entries that would
/// hold `hits` of them spread evenly over the list (the list goes by given name: the hits of "lo van" begin
/// after the names under A), at least 2.000 and at most listProbeEntries, so that hits gathered far down the
/// list (every "Pằn" under P) make the probe give up sooner. Short text (no piece): listProbeEntries. When it
/// counted the candidates (the pieces ANDed few), their number goes to `counted` (given to
/// searchCandidatesInOrder, which then does not count them again).
size_t searchProbeEntries(Database& db, std::string_view folded, size_t hits, size_t* counted = nullptr);

}  // namespace dangbo::store
