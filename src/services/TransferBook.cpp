#include "services/TransferBook.h"

#include <algorithm>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/FormWords.h"
#include "services/Lookup.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/CellWorkRepository.h"
#include "store/MemberQuery.h"
#include "store/RegisterRepository.h"
#include "store/TransferBookRepository.h"

namespace dangbo::services {

using core::Date;
using core::format;
using core::tr;
using forms::kDots;
using forms::orDots;

namespace {

std::string bookNumber(int number, int year) {
  return std::to_string(number) + "/" + std::to_string(year);
}

TransferLetter letterOf(const store::TransferLetterRow& r) {
  TransferLetter l{r.direction, r.year,    r.number, r.memberCode, r.memberName, r.date,
                   r.fromPlace, r.toPlace, r.reason, std::nullopt, r.otherNumber};
  if (r.duesPaidTo) l.duesPaidTo = core::YearMonth::parse(*r.duesPaidTo);
  return l;
}

// The member's last event of `kind` (transfer_out, transfer_in), if any.
std::optional<core::MemberEvent> lastEvent(store::RegisterRepository& reg, core::Id memberId,
                                           const std::string& kind) {
  std::optional<core::MemberEvent> last;
  for (auto& e : reg.events(memberId))
    if (e.kind == kind && (!last || !(e.date < last->date))) last = e;
  return last;
}

std::string cellName(Services& s, const Actor& actor, core::Id cellId) {
  for (const auto& o : s.organizations(actor))
    if (o.id == cellId) return o.name;
  return {};
}

// "Đảng ủy xã Phiêng Pằn, Chi bộ bản Nà Ớt".
std::string ourPlace(Services& s, const Actor& actor, core::Id cellId) {
  const std::string committee = s.committee().name;
  const std::string cell = cellName(s, actor, cellId);
  return cell.empty() ? committee : committee + ", " + cell;
}

// The last month the member paid dues for in the ledger (the cell work's payments).
std::optional<core::YearMonth> lastMonthPaid(Services& s, core::Id memberId) {
  std::optional<core::YearMonth> last;
  for (const auto& p : store::CellWorkRepository(storeOf(s)).paymentsOf(memberId))
    if (!last || *last < p.month) last = p.month;
  return last;
}

}  // namespace

TransferLetter enterTransferLetter(Services& s, const Actor& actor, const TransferLetterInput& in) {
  require(actor, Permission::ReadRegister);  // the refusal below names the member: only to who may read it
  store::RegisterRepository reg(storeOf(s));
  const core::Member m = memberByCode(reg, in.memberCode);
  if (actor.role != "office" && actor.role != "admin") {
    // A secretary of another cell learns no name from the refusal.
    const bool readable = actor.role != "secretary" || actor.cellId == m.cellId;
    throw core::PermissionError(
        format(tr("The account {1} may not enter the transfer letter of {2} ({3}) in the transfer book: only "
                  "the committee's office or an administrator keeps the book."),
               {actor.username, readable ? m.fullName : kDots, m.code}));
  }
  const bool issued = in.direction == "issued";
  if (!issued && in.direction != "received")
    throw core::DataError(
        format(tr("\"{1}\" is neither a letter issued nor a letter received."), {in.direction}));
  store::TransferLetterRow row;
  row.direction = in.direction;
  row.memberId = m.id;
  if (issued) {
    const auto e = lastEvent(reg, m.id, "transfer_out");
    if (m.status != "transferred_out" || !e)
      throw core::DataError(format(tr("{1} ({2}) has no permanent transfer out recorded: record the transfer "
                                      "before issuing its letter."),
                                   {m.fullName, m.code}));
    if (e->place.empty())
      throw core::DataError(format(tr("The transfer out of {1} ({2}) does not say which party committee the "
                                      "member goes to: record it on the transfer first."),
                                   {m.fullName, m.code}));
    row.eventId = e->id;
    row.date = in.on.value_or(e->date);
    row.fromPlace = ourPlace(s, actor, e->fromCell.value_or(m.cellId));
    row.toPlace = e->place;
    row.reason = in.reason.empty() ? e->reason : in.reason;
    if (const auto paid = lastMonthPaid(s, m.id)) row.duesPaidTo = paid->iso();
  } else {
    const auto e = lastEvent(reg, m.id, "transfer_in");
    if (!e)
      throw core::DataError(format(tr("{1} ({2}) has no transfer in recorded: record the member's arrival "
                                      "before the letter the member brought."),
                                   {m.fullName, m.code}));
    row.eventId = e->id;
    row.date = in.on.value_or(e->date);
    row.fromPlace = e->place.empty() ? m.transferredInFrom : e->place;
    row.toPlace = ourPlace(s, actor, e->toCell.value_or(m.cellId));
    row.reason = in.reason.empty() ? e->reason : in.reason;
    row.otherNumber = in.otherNumber;
    if (in.duesPaidTo) row.duesPaidTo = in.duesPaidTo->iso();
  }
  store::TransferBookRepository book(storeOf(s));
  if (const auto before = book.forEvent(row.direction, row.eventId))
    throw core::DataError(format(
        issued ? tr("A transfer letter was already issued for the transfer of {1} ({2}): number {3} of "
                    "{4}.")
               : tr("The letter {1} ({2}) brought is already in the transfer book: number {3} of {4}."),
        {m.fullName, m.code, bookNumber(before->number, before->year), before->date.vn()}));
  if (row.date > Date::today())
    throw core::DataError(
        format(tr("The transfer letter of {1} ({2}) cannot be dated {3}, a day still to come."),
               {m.fullName, m.code, row.date.vn()}));
  row.year = row.date.year();
  storeOf(s).transaction([&] {
    row.number = book.nextNumber(row.direction, row.year);
    book.insert(row);
    s.audit(
        actor, issued ? "transfer_letter.issue" : "transfer_letter.receive", "member:" + m.code, "",
        bookNumber(row.number, row.year) + " " + row.date.iso() + " " + row.fromPlace + " -> " + row.toPlace);
  });
  row.memberCode = m.code;
  row.memberName = m.fullName;
  return letterOf(row);
}

namespace {
// The book is the committee's: not for a secretary.
void requireBookReader(const Actor& actor) {
  require(actor, Permission::ReadRegister);
  if (actor.role == "secretary")
    throw core::PermissionError(
        format(tr("The account {1} may not read the committee's transfer book."), {actor.username}));
}
}  // namespace

std::vector<TransferLetter> transferBook(Services& s, const Actor& actor, int year) {
  requireBookReader(actor);
  std::vector<TransferLetter> out;
  for (const auto& r : store::TransferBookRepository(storeOf(s)).ofYear(year)) out.push_back(letterOf(r));
  return out;
}

std::vector<TransferWithoutLetter> transfersWithoutLetter(Services& s, const Actor& actor, int year) {
  requireBookReader(actor);
  std::vector<TransferWithoutLetter> out;
  for (auto& r : store::TransferBookRepository(storeOf(s))
                     .withoutLetter(*Date::make(year, 1, 1), *Date::make(year, 12, 31))) {
    const bool leaving = r.kind == "transfer_out";
    if (leaving && r.memberStatus != "transferred_out") continue;  // came back since: no letter to issue
    out.push_back({leaving ? "issued" : "received", std::move(r.memberCode), std::move(r.memberName), r.date,
                   std::move(r.place), std::move(r.reason)});
  }
  return out;
}

ReportModel transferLetterReport(Services& s, const Actor& actor, const std::string& code) {
  const MemberFile file = memberFile(s, actor, code);  // scope: a secretary, their cell
  const core::Member& m = file.member;
  std::optional<core::MemberEvent> transfer;
  for (const auto& e : file.events)
    if (e.kind == "transfer_out") transfer = e;  // oldest first: the last one stays
  std::optional<store::TransferLetterRow> letter;
  if (transfer) letter = store::TransferBookRepository(storeOf(s)).forEvent("issued", transfer->id);
  if (!letter)
    throw core::DataError(format(tr("No transfer letter of {1} ({2}) is entered in the transfer book: issue "
                                    "it first (transfer-letter issue {2})."),
                                 {m.fullName, m.code}));
  // The member's row in the cell's register on the eve of the transfer: that cell's members of the day only.
  const core::Id cellId = transfer->fromCell.value_or(m.cellId);
  std::string row;
  int n = 0;
  for (const auto& e : store::membersOn(storeOf(s), {transfer->date.addDays(-1), "", cellId, false, false})) {
    ++n;
    if (e.member.id == m.id) row = std::to_string(n);
  }
  const auto dues = letter->duesPaidTo ? core::YearMonth::parse(*letter->duesPaidTo) : std::nullopt;

  ReportModel r;
  r.name = "transfer-letter";
  r.title = tr("Party transfer letter");
  r.committee = s.committee().name;
  r.from = r.to = r.asOf = letter->date;
  r.number = std::to_string(letter->number) + "-GT/ĐU";
  ReportSection sec;
  sec.paragraphs = {
      format(
          tr("The party committee introduces comrade {1}, born {2}, party card number {3}, file number {4}, "
             "at row {5} of the member register of {6}."),
          {m.fullName, m.birthDate ? m.birthDate->vn() : kDots, orDots(m.cardNo), orDots(m.fileNo),
           orDots(row), orDots(cellName(s, actor, cellId))}),
      format(tr("Entered in the transfer book as number {1}, dated {2}."),
             {bookNumber(letter->number, letter->year), letter->date.vn()}),
      format(tr("From: {1}."), {orDots(letter->fromPlace)}),
      format(tr("To: {1}."), {orDots(letter->toPlace)}),
      format(tr("Reason: {1}."), {orDots(letter->reason)}),
      format(tr("The comrade has paid party dues up to the end of {1}."), {dues ? dues->vn() : kDots}),
      tr("The comrade is to present this letter to the receiving party committee within the time the "
         "regulations set; the receiving committee returns the slip below."),
  };
  r.sections.push_back(std::move(sec));
  return r;
}

ReportModel transferBookReport(Services& s, const Actor& actor, int year) {
  const auto letters = transferBook(s, actor, year);
  const Date first = *Date::make(year, 1, 1), last = *Date::make(year, 12, 31);
  ReportModel r = periodReportModel(s, "transfer-book", core::N_("Party transfer book"), first, last, last);
  ReportSection sec;
  for (const char* dir : {"issued", "received"}) {
    ReportTable t;
    t.key = dir;
    const bool issued = std::string(dir) == "issued";
    t.caption = issued ? tr("Letters issued") : tr("Letters received");
    t.columns = {tr("No."),    tr("Date of the letter"), tr("Member"),
                 tr("Code"),   tr("Where from"),         tr("Where to"),
                 tr("Reason"), tr("Dues paid to"),       tr("Number of the issuing committee")};
    t.sums = false;
    for (const auto& l : letters) {
      if (l.direction != dir) continue;
      t.rows.push_back(
          {std::to_string(l.number),
           {Figure::label(std::to_string(l.number)), Figure::label(l.on.vn()), Figure::label(l.memberName),
            Figure::label(l.memberCode), Figure::label(l.fromPlace), Figure::label(l.toPlace),
            Figure::label(l.reason), Figure::label(l.duesPaidTo ? l.duesPaidTo->vn() : std::string()),
            Figure::label(l.otherNumber)},
           RowRole::Body});
    }
    sec.paragraphs.push_back(
        format(issued ? tr("{1}: {2} letters issued.") : tr("{1}: {2} letters received."),
               {std::to_string(year), std::to_string(t.rows.size())}));
    sec.tables.push_back(std::move(t));
  }
  r.sections.push_back(std::move(sec));
  return r;
}

}  // namespace dangbo::services
