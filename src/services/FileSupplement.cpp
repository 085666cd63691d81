#include "services/FileSupplement.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/Enums.h"
#include "core/Errors.h"
#include "core/I18n.h"
#include "core/MemberFields.h"
#include "core/VietText.h"
#include "services/FormWords.h"
#include "services/Lookup.h"
#include "services/MemberList.h"
#include "services/Register.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/FileSupplementRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::DataError;
using core::Date;
using core::format;
using core::tr;

namespace {

// The items of the form, in its order.
struct Item {
  const char* key;
  const char* label;
};
const std::vector<Item>& items() {
  static const std::vector<Item> all = {
      {"residence", core::N_("Permanent and temporary residence")},
      {"occupation", core::N_("Occupation and position")},
      {"education", core::N_("General education and professional qualification")},
      {"theory", core::N_("Political theory and training courses")},
      {"rewards", core::N_("Rewards")},
      {"discipline", core::N_("Discipline")},
      {"party", core::N_("Party activity")},
      {"other", core::N_("Other details of the file")}};
  return all;
}

std::string itemOfField(const std::string& field) {
  if (field == "residence" || field == "occupation" || field == "education" || field == "theory")
    return field;
  if (field == "qualification") return "education";
  return "other";
}

// The last day of the year's list: 31/12, or today in the current year.
Date endDay(int year) {
  return std::min(*Date::make(year, 12, 31), Date::today());
}

void checkYear(int year) {
  if (year < 1930) throw DataError(format(tr("\"{1}\" is not a year."), {std::to_string(year)}));
  if (year > Date::today().year())
    throw DataError(
        format(tr("The year {1} has not begun: its file supplement cannot be made or returned yet."),
               {std::to_string(year)}));
}

// "field: value; field: value" of an audit row (services/AuditText.h), split at the known field names.
std::map<std::string, std::string> auditFields(const std::string& text) {
  std::vector<std::pair<size_t, std::string>> starts;
  for (const auto& f : core::memberFields()) {
    const std::string head = std::string(f.name) + ": ";
    for (size_t at = text.find(head); at != std::string::npos; at = text.find(head, at + 1))
      if (at == 0 || text.compare(at - 2, 2, "; ") == 0) starts.emplace_back(at, f.name);
  }
  std::sort(starts.begin(), starts.end());
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < starts.size(); ++i) {
    const size_t from = starts[i].first + starts[i].second.size() + 2;
    const size_t to = i + 1 < starts.size() ? starts[i + 1].first - 2 : text.size();
    if (to >= from) out[starts[i].second] = text.substr(from, to - from);
  }
  return out;
}

// A stored value as people read it: an enumeration's label, a day as dd/mm/yyyy, "—" for nothing.
std::string shown(const core::FieldDescription& f, const std::string& v) {
  if (v.empty()) return "—";
  if (f.type == core::FieldType::Enum && f.set) return f.set->label(v);
  if (f.type == core::FieldType::Date)
    if (const auto d = Date::parse(v)) return d->vn();
  if (f.type == core::FieldType::PartialDate)
    if (const auto d = core::PartialDate::parse(v)) return d->vn();
  return v;
}

// The member's details changed in the year, from the audit rows of the details door.
void addDetailChanges(Services& s, int year, const std::map<std::string, SupplementSheet*>& byCode) {
  store::AuditQuery q;
  q.record = "member:";
  q.fromDay = std::to_string(year) + "-01-01";
  q.toDay = std::to_string(year) + "-12-31";
  q.limit = 1000000;
  auto rows = store::AuditRepository(storeOf(s)).search(q);
  std::reverse(rows.begin(), rows.end());  // oldest first
  for (const auto& a : rows) {
    if (a.action != "member.update" || a.record.rfind("member:", 0) != 0) continue;
    const auto it = byCode.find(a.record.substr(7));
    const auto on = Date::parse(a.at.substr(0, 10));
    if (it == byCode.end() || !on || on->year() != year) continue;
    const auto before = auditFields(a.oldValue), after = auditFields(a.newValue);
    for (const auto& [name, value] : after) {
      const core::FieldDescription* f = core::memberField(name);
      if (!f || name == "code" || name == "phone") continue;
      const auto old = before.find(name);
      const std::string was = old == before.end() ? std::string() : old->second;
      if (was == value) continue;
      // Residence and occupation are items of their own: the item's name says which field changed.
      const std::string item = itemOfField(name);
      const std::string change =
          format(tr("{1} (before: {2}; on {3})"), {shown(*f, value), shown(*f, was), on->vn()});
      it->second->changes.push_back(
          {item, *on,
           item == "residence" || item == "occupation" ? change : std::string(tr(f->label)) + ": " + change});
    }
  }
}

std::string cellNameOf(const std::map<core::Id, std::string>& names, const std::optional<core::Id>& id) {
  if (!id) return {};
  const auto it = names.find(*id);
  return it == names.end() ? std::string() : it->second;
}

// An event of the year as a line of the item "party activity".
std::string eventText(const core::MemberEvent& e, const std::map<core::Id, std::string>& cells) {
  std::string text = format(tr("{1} on {2}"), {core::enums::memberEvent.label(e.kind), e.date.vn()});
  const std::string from = cellNameOf(cells, e.fromCell), to = cellNameOf(cells, e.toCell);
  if (e.kind == "moved" && !from.empty() && !to.empty())
    text += ": " + format(tr("from {1} to {2}"), {from, to});
  else if (!e.place.empty())
    text += ": " + e.place;
  if (!e.decisionNo.empty()) text += " (" + format(tr("decision {1}"), {e.decisionNo}) + ")";
  return text;
}

std::string recordText(const store::SupplementRecord& r) {
  if (r.kind == "badge")
    return format(tr("Party badge of {1} years, decision {2} of {3}"),
                  {r.code, forms::orDots(r.text), r.on.vn()});
  if (r.kind == "discipline")
    return format(tr("{1}, decision {2} of {3}"),
                  {core::enums::disciplineForm.label(r.code), forms::orDots(r.text), r.on.vn()});
  return format(tr("Training course: {1} ({2})"),
                {r.text, r.dated ? r.on.vn() : std::to_string(r.on.year())});
}

const char* recordItem(const std::string& kind) {
  return kind == "badge" ? "rewards" : kind == "discipline" ? "discipline" : "theory";
}

// The year's list in the actor's scope, with the cell asked for checked.
std::vector<RegisterEntry> yearList(Services& s, const Actor& actor, const SupplementQuery& q) {
  checkYear(q.year);
  require(actor, Permission::ReadRegister);
  store::RegisterRepository repo(storeOf(s));
  std::optional<core::Organization> cell;
  if (!q.cell.empty()) {
    cell = organizationByCode(repo, q.cell);
    if (actor.role == "secretary" && actor.cellId != cell->id)
      throw core::PermissionError(
          format(tr("The account {1} may read only the members of its own cell."), {actor.username}));
  }
  std::optional<core::Member> member;
  if (!q.member.empty()) member = memberFile(s, actor, q.member).member;  // unknown, or another cell: refused
  auto entries = registerEntries(s, actor, endDay(q.year), false);
  std::erase_if(entries, [&](const RegisterEntry& e) {
    return (cell && e.member.cellId != cell->id) || (member && e.member.id != member->id);
  });
  if (member && entries.empty())
    throw DataError(format(tr("{1} ({2}) is not on the list of the file supplement of {3}: not a member of "
                              "the committee at the end of that year{4}."),
                           {member->fullName, member->code, std::to_string(q.year),
                            cell ? format(tr(" in the cell {1}"), {cell->code}) : std::string()}));
  std::stable_sort(entries.begin(), entries.end(),
                   [](const RegisterEntry& a, const RegisterEntry& b) { return a.cellCode < b.cellCode; });
  return entries;
}

}  // namespace

std::vector<SupplementSheet> supplementSheets(Services& s, const Actor& actor, const SupplementQuery& q) {
  const auto entries = yearList(s, actor, q);
  std::map<core::Id, std::string> cellNames;
  for (const auto& o : s.organizations(actor)) cellNames[o.id] = o.name;
  const auto returns = store::FileSupplementRepository(storeOf(s)).returnsOf(q.year);
  std::vector<SupplementSheet> sheets;
  sheets.reserve(entries.size());
  std::map<core::Id, size_t> byId;
  for (const auto& e : entries) {
    const core::Member& m = e.member;
    SupplementSheet sh{m.code,     m.fullName, m.birthName,  m.birthDate ? m.birthDate->vn() : std::string(),
                       m.hometown, e.cellCode, e.cellName,   m.fileNo,
                       m.cardNo,   {},         std::nullopt, {}};
    if (const auto r = returns.find(m.id); r != returns.end()) {
      sh.returnedOn = r->second.returnedOn;
      sh.returnedBy = r->second.recordedBy;
    }
    for (const auto& ev : e.events)
      if (ev.date.year() == q.year) sh.changes.push_back({"party", ev.date, eventText(ev, cellNames)});
    byId[m.id] = sheets.size();
    sheets.push_back(std::move(sh));
  }
  for (const auto& r : store::FileSupplementRepository(storeOf(s)).recordsOf(q.year))
    if (const auto it = byId.find(r.memberId); it != byId.end())
      sheets[it->second].changes.push_back({recordItem(r.kind), r.on, recordText(r)});
  std::map<std::string, SupplementSheet*> byCode;
  for (auto& sh : sheets) byCode[sh.code] = &sh;
  addDetailChanges(s, q.year, byCode);
  // The form's order of items, then the day.
  std::map<std::string, size_t> order;
  for (size_t i = 0; i < items().size(); ++i) order[items()[i].key] = i;
  for (auto& sh : sheets)
    std::stable_sort(sh.changes.begin(), sh.changes.end(), [&](const auto& a, const auto& b) {
      return order[a.item] != order[b.item] ? order[a.item] < order[b.item] : a.on < b.on;
    });
  return sheets;
}

ReportModel fileSupplementReport(Services& s, const Actor& actor, const SupplementQuery& q) {
  const auto sheets = supplementSheets(s, actor, q);
  ReportModel r = periodReportModel(s, "file-supplement", core::N_("Supplement to the member's file"),
                                    *Date::make(q.year, 1, 1), *Date::make(q.year, 12, 31), endDay(q.year));
  for (const auto& sh : sheets) {
    ReportSection sec;
    sec.heading = sh.fullName + " (" + sh.code + ")";
    ReportTable id;
    id.key = "member@" + sh.code;
    id.columns = {tr("Item"), tr("Value")};
    id.sums = false;
    auto line = [&](const char* key, const char* label, const std::string& v) {
      id.rows.push_back({key, {Figure::label(tr(label)), Figure::label(forms::orDots(v))}, RowRole::Body});
    };
    line("code", core::N_("Member code"), sh.code);
    line("name", core::N_("Full name"), sh.fullName);
    line("birth_name", core::N_("Full name at birth"), sh.birthName.empty() ? sh.fullName : sh.birthName);
    line("birth_date", core::N_("Date of birth"), sh.birthDate);
    line("hometown", core::N_("Home town"), sh.hometown);
    line("cell", core::N_("Party cell"), sh.cellName);
    line("file_no", core::N_("File number"), sh.fileNo);
    line("card_no", core::N_("Party card number"), sh.cardNo);
    sec.tables.push_back(std::move(id));
    ReportTable ch;
    ch.key = "changes@" + sh.code;
    ch.columns = {tr("Item"), tr("Change")};
    ch.sums = false;
    if (sh.changes.empty()) {
      sec.paragraphs.push_back(tr("Nothing has changed."));
    } else {
      int n = 0;
      for (const auto& it : items()) {
        std::string text;
        for (const auto& c : sh.changes)
          if (c.item == it.key) {
            text += (text.empty() ? "" : "; ") + c.text;
            ch.rows.push_back({it.key, {Figure::label(tr(it.label)), Figure::label(c.text)}, RowRole::Body});
          }
        sec.paragraphs.push_back(format(tr("{1}. {2}: {3}."), {std::to_string(++n), tr(it.label),
                                                               text.empty() ? tr("no change") : text}));
      }
    }
    sec.tables.push_back(std::move(ch));
    r.sections.push_back(std::move(sec));
  }
  return r;
}

void recordSupplementReturns(Services& s, const Actor& actor, int year, const std::vector<std::string>& codes,
                             const Date& on) {
  require(actor, Permission::WriteRegister);
  if (actor.role != "office" && actor.role != "admin")
    throw core::PermissionError(
        format(tr("The account {1} may not mark file supplements returned: only the committee's office or an "
                  "administrator keeps the members' files."),
               {actor.username}));
  checkYear(year);
  if (codes.empty()) throw DataError(tr("Name at least one member whose sheet came back."));
  if (Date::today() < on)
    throw DataError(format(tr("The day {1} is in the future: a sheet is marked returned on the day it came "
                              "back."),
                           {on.vn()}));
  if (on < *Date::make(year, 1, 1))
    throw DataError(format(tr("The sheet of {1} cannot have come back on {2}, before the year began."),
                           {std::to_string(year), on.vn()}));
  store::RegisterRepository repo(storeOf(s));
  store::FileSupplementRepository book(storeOf(s));
  const auto returns = book.returnsOf(year);
  std::set<core::Id> onList;
  for (const auto& e : registerEntries(s, actor, endDay(year), false)) onList.insert(e.member.id);
  std::vector<std::string> problems;
  std::vector<core::Member> members;
  std::set<core::Id> seen;
  for (const auto& code : codes) {
    std::optional<core::Member> m;
    try {
      m = memberByCode(repo, code);
    } catch (const DataError& e) {
      problems.push_back(e.what());
      continue;
    }
    if (!seen.insert(m->id).second) continue;  // named twice: once
    if (!onList.count(m->id))
      problems.push_back(format(tr("{1} ({2}) is not on the list of the file supplement of {3}."),
                                {m->fullName, m->code, std::to_string(year)}));
    else if (const auto r = returns.find(m->id); r != returns.end())
      problems.push_back(format(tr("The sheet of {1} ({2}) for {3} was already marked returned on {4}."),
                                {m->fullName, m->code, std::to_string(year), r->second.returnedOn.vn()}));
    else
      members.push_back(*m);
  }
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : "\n") + p;
    throw DataError(all + "\n" + tr("Nothing was marked."));
  }
  storeOf(s).transaction([&] {
    for (const auto& m : members) {
      book.insertReturn({m.id, year, on, actor.username});
      s.audit(actor, "file_supplement.return", "member:" + m.code, "", std::to_string(year) + " " + on.iso());
    }
  });
}

ReportModel fileSupplementMissingReport(Services& s, const Actor& actor, const SupplementQuery& q) {
  const auto entries = yearList(s, actor, q);
  const auto returns = store::FileSupplementRepository(storeOf(s)).returnsOf(q.year);
  ReportModel r =
      periodReportModel(s, "file-supplement-missing", core::N_("Members whose file supplement is missing"),
                        *Date::make(q.year, 1, 1), *Date::make(q.year, 12, 31), endDay(q.year));
  ReportTable t;
  t.key = "missing";
  t.columns = {tr("No."), tr("Code"), tr("Full name"), tr("Cell")};
  t.sums = false;
  int n = 0;
  for (const auto& e : entries)
    if (!returns.count(e.member.id))
      t.rows.push_back({e.member.code,
                        {Figure::count(++n), Figure::label(e.member.code), Figure::label(e.member.fullName),
                         Figure::label(e.cellName)},
                        RowRole::Body});
  ReportSection sec;
  sec.paragraphs.push_back(
      format(tr("{1}: {2} of {3} sheets not returned yet."),
             {std::to_string(q.year), std::to_string(n), std::to_string(entries.size())}));
  sec.tables.push_back(std::move(t));
  r.sections.push_back(std::move(sec));
  return r;
}

}  // namespace dangbo::services
