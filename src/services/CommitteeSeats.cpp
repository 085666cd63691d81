#include "services/CommitteeSeats.h"

#include <charconv>
#include <optional>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/VietText.h"
#include "services/Actor.h"
#include "services/Lookup.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/Database.h"
#include "store/RecordsRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::DataError;
using core::format;
using core::tr;

namespace {

// A seat saveCommitteeSeat would write, after its checks.
struct CheckedSeat {
  core::Term term;                    ///< id 0: a new term
  core::Member member;                ///< the member seated
  std::string position;               ///< the position asked for
  std::optional<std::string> stored;  ///< the position the member holds in the term now
};

CheckedSeat checkedSeat(Services& s, const Actor& actor, const std::string& termName,
                        const std::string& memberCode, const std::string& position, std::string* field) {
  require(actor, Permission::EditSettings);
  auto at = [&](const char* f) {
    if (field) *field = f;
  };
  at("term");
  CheckedSeat c;
  c.term.name = core::normalizeText(termName);
  const std::string& t = c.term.name;
  auto year = [&](size_t at, int& out) {
    return std::from_chars(t.data() + at, t.data() + at + 4, out).ptr == t.data() + at + 4;
  };
  if (t.size() != 9 || t[4] != '-' || !year(0, c.term.fromYear) || !year(5, c.term.toYear) ||
      c.term.fromYear < 1930 || c.term.toYear <= c.term.fromYear || c.term.toYear - c.term.fromYear > 10)
    throw DataError(
        format(tr("\"{1}\" is not a term of the committee (write it as 2025-2030)."), {termName}));
  at("position");
  c.position = core::normalizeText(position);
  if (!core::enums::committeePosition.contains(c.position))
    throw DataError(format(tr("\"{1}\" is not a position in the party committee."), {position}));
  at("member");
  store::RegisterRepository repo(storeOf(s));
  c.member = memberByCode(repo, memberCode);
  const auto joined = c.member.transferredInOn ? c.member.transferredInOn : c.member.admittedOn;
  if (joined && joined->year() > c.term.toYear)
    throw DataError(format(tr("{1} ({2}) joined the party on {3}, after the term {4}."),
                           {c.member.fullName, c.member.code, joined->vn(), t}));
  store::RecordsRepository records(storeOf(s));
  if (auto id = records.termByName(t)) {
    c.term.id = *id;
    c.stored = records.seatPosition(*id, c.member.id);
  }
  if (field) field->clear();
  return c;
}

}  // namespace

void checkCommitteeSeat(Services& s, const Actor& actor, const std::string& term,
                        const std::string& memberCode, const std::string& position, std::string* field) {
  checkedSeat(s, actor, term, memberCode, position, field);
}

void saveCommitteeSeat(Services& s, const Actor& actor, const std::string& term,
                       const std::string& memberCode, const std::string& position) {
  CheckedSeat c = checkedSeat(s, actor, term, memberCode, position, nullptr);
  if (c.stored == c.position) return;
  const std::string record = "committee_seat:" + c.term.name + "/" + c.member.code;
  storeOf(s).transaction([&] {
    store::RecordsRepository records(storeOf(s));
    if (!c.term.id) c.term.id = records.insertTerm(c.term);
    const core::CommitteeSeat seat{c.term.id, c.member.id, c.position};
    if (c.stored) {
      records.updateSeatPosition(seat);
      s.audit(actor, "committee_seat.update", record, "position: " + *c.stored, "position: " + c.position,
              "");
    } else {
      records.insertSeat(seat);
      s.audit(actor, "committee_seat.add", record, "", "position: " + c.position, "");
    }
  });
}

std::optional<std::string> committeeSeatPosition(Services& s, const Actor& actor, const std::string& term,
                                                 const std::string& memberCode) {
  require(actor, Permission::ReadRegister);
  store::RegisterRepository repo(storeOf(s));
  const core::Member m = memberByCode(repo, memberCode);
  store::RecordsRepository records(storeOf(s));
  const auto id = records.termByName(core::normalizeText(term));
  if (!id) return std::nullopt;
  return records.seatPosition(*id, m.id);
}

}  // namespace dangbo::services
