#include "services/PackageCellWork.h"

#include <map>
#include <set>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/CellWork.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/AuditRepository.h"
#include "store/CellWorkRepository.h"
#include "store/RegisterRepository.h"

namespace dangbo::services {

using core::FieldChange;
using core::PackageValue;

namespace {
const char* const kTables[] = {"meetings", "activity_leaves", "dues_bases", "dues_payments"};

PackageValue text(const std::string& s) {
  return PackageValue::text(s);
}

/// One record as its group of fields.
struct Group {
  std::string table;
  std::vector<std::string> keys;
  std::map<std::string, std::string> fields;
};

std::vector<Group> groups(const core::ChangePackage& pkg) {
  std::map<std::pair<std::string, int64_t>, Group> byId;
  std::vector<std::pair<std::string, int64_t>> order;
  for (const auto& c : pkg.changes) {
    if (!isCellWorkTable(c.table)) continue;
    auto key = std::make_pair(c.table, c.recordId);
    auto [it, fresh] = byId.try_emplace(key);
    if (fresh) {
      order.push_back(key);
      it->second.table = c.table;
      for (const auto& v : c.keyValues) it->second.keys.push_back(v.data);
    }
    it->second.fields[c.column] = c.newValue.data;
  }
  std::vector<Group> out;
  for (const auto& k : order) out.push_back(std::move(byId[k]));
  return out;
}

std::optional<int64_t> number(const std::string& s) {
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}

core::Date dateOf(const std::string& s) {
  auto d = core::Date::parse(s);
  if (!d) throw core::DataError(core::format(core::tr("\"{1}\" is not a date."), {s}));
  return *d;
}
core::YearMonth monthOf(const std::string& s) {
  auto m = core::YearMonth::parse(s);
  if (!m) throw core::DataError(core::format(core::tr("\"{1}\" is not a month mm/yyyy."), {s}));
  return *m;
}

/// Writes (or in a dry run checks) one record through the door.
int write(CellWorkDoor& door, const Group& g, bool dryRun) {
  auto field = [&](const char* f) {
    auto it = g.fields.find(f);
    return it == g.fields.end() ? std::string() : it->second;
  };
  auto need = [&](size_t n) {
    if (g.keys.size() != n) throw core::DataError(core::tr("The change package is damaged."));
  };
  DoorOutcome o;
  if (g.table == "meetings") {
    need(3);
    MeetingInput in;
    in.cellCode = g.keys[0];
    in.heldOn = dateOf(g.keys[1]);
    in.kind = g.keys[2];
    in.topic = field("topic");
    in.startsAt = field("starts_at");
    in.endsAt = field("ends_at");
    in.chairCode = field("chair");
    in.minutesByCode = field("minutes_by");
    in.resolution = field("resolution");
    in.grade = field("grade");
    if (g.fields.contains("place")) in.place = field("place");  // a package of an older version: kept
    for (const auto& [name, value] : g.fields)
      if (name.starts_with("attendance ")) in.attendance.push_back({name.substr(11), value, ""});
    o = door.saveMeeting(in, dryRun);
  } else if (g.table == "activity_leaves") {
    need(2);
    o = door.saveLeave(
        {g.keys[0], dateOf(g.keys[1]), dateOf(field("to_on")), field("reason"), field("decision")}, dryRun);
  } else if (g.table == "dues_bases") {
    need(2);
    o = door.saveBasis(
        {g.keys[0],
         {monthOf(g.keys[1]), field("category"), number(field("base")), field("relief"), field("decision")}},
        dryRun);
  } else if (g.table == "dues_payments") {
    need(2);
    o = door.savePayment({g.keys[0], monthOf(g.keys[1]), number(field("amount")).value_or(0),
                          dateOf(field("paid_on")), field("channel"), field("receipt")},
                         dryRun);
  }
  return o.changed() ? 1 : 0;
}

/// The actor the door sees: the account applying the package, scoped to the package's cell.
Actor scoped(const Actor& actor, const core::ChangePackage& pkg) {
  return {actor.username, "secretary", pkg.cellId};
}
}  // namespace

bool isCellWorkTable(const std::string& table) {
  for (const char* t : kTables)
    if (table == t) return true;
  return false;
}

std::vector<FieldChange> cellWorkChanges(Services& cellFile) {
  store::Database& db = storeOf(cellFile);
  store::AuditRepository audit(db);
  store::CellWorkRepository work(db);
  store::RegisterRepository reg(db);
  std::vector<FieldChange> out;
  std::set<std::string> records;
  for (const char* prefix : {"meeting:", "leave:", "dues_basis:", "dues_payment:"}) {
    store::AuditQuery q;
    q.record = prefix;
    q.limit = 1'000'000;
    for (const auto& e : audit.search(q))
      if (e.record.starts_with(prefix)) records.insert(e.record);
  }
  int64_t group = 0;
  auto add = [&](const std::string& table, const std::vector<std::string>& keyColumns,
                 const std::vector<std::string>& keyValues, const std::string& label,
                 const std::vector<std::pair<std::string, std::string>>& fields) {
    ++group;
    for (const auto& [column, value] : fields) {
      FieldChange c;
      c.table = table;
      c.recordId = group;
      c.recordLabel = label;
      c.column = column;
      c.newValue = text(value);
      c.kind = FieldChange::Insert;
      c.keyColumns = keyColumns;
      for (const auto& v : keyValues) c.keyValues.push_back(text(v));
      out.push_back(std::move(c));
    }
  };
  auto codeOf = [&](std::optional<core::Id> id) {
    if (!id) return std::string();
    auto m = reg.memberById(*id);
    return m ? m->code : std::string();
  };
  for (const auto& r : records) {
    const std::string body = r.substr(r.find(':') + 1);
    const auto slash = body.find('/');
    const std::string a = body.substr(0, slash),
                      rest = slash == std::string::npos ? "" : body.substr(slash + 1);
    if (r.starts_with("meeting:")) {
      const auto slash2 = rest.find('/');
      const std::string day = rest.substr(0, slash2), kind = rest.substr(slash2 + 1);
      auto org = reg.organizationByCode(a);
      auto d = core::Date::parse(day);
      if (!org || !d) continue;
      auto m = work.meeting(org->id, *d, kind);
      if (!m) continue;
      std::vector<std::pair<std::string, std::string>> f = {{"topic", m->topic},
                                                            {"starts_at", m->startsAt},
                                                            {"ends_at", m->endsAt},
                                                            {"chair", codeOf(m->chairId)},
                                                            {"minutes_by", codeOf(m->minutesBy)},
                                                            {"resolution", m->resolution},
                                                            {"grade", m->grade},
                                                            {"place", m->place}};
      for (const auto& at : work.attendance(m->id))
        f.push_back({"attendance " + codeOf(at.memberId), at.status});
      add("meetings", {"cell", "held_on", "kind"}, {a, day, kind}, a + " " + d->vn(), f);
    } else {
      auto mem = reg.memberByCode(a);
      if (!mem) continue;
      const std::string label = mem->fullName + " (" + mem->code + ")";
      if (r.starts_with("dues_payment:")) {
        auto ym = core::YearMonth::parse(rest);
        auto p = ym ? work.payment(mem->id, *ym) : std::nullopt;
        if (!p) continue;
        add("dues_payments", {"member", "month"}, {a, rest}, label,
            {{"amount", std::to_string(p->amount)},
             {"paid_on", p->paidOn.iso()},
             {"channel", p->channel},
             {"receipt", p->receipt}});
      } else if (r.starts_with("dues_basis:")) {
        auto ym = core::YearMonth::parse(rest);
        if (!ym) continue;
        for (const auto& b : work.bases(mem->id))
          if (b.from == *ym)
            add("dues_bases", {"member", "from_month"}, {a, rest}, label,
                {{"category", b.category},
                 {"base", b.baseVnd ? std::to_string(*b.baseVnd) : ""},
                 {"relief", b.relief},
                 {"decision", b.decision}});
      } else if (r.starts_with("leave:")) {
        auto from = core::Date::parse(rest);
        auto l = from ? work.leave(mem->id, *from) : std::nullopt;
        if (!l) continue;
        add("activity_leaves", {"member", "from_on"}, {a, rest}, label,
            {{"to_on", l->to.iso()}, {"reason", l->reason}, {"decision", l->decision}});
      }
    }
  }
  return out;
}

std::vector<std::string> cellWorkProblems(Services& office, const Actor& actor,
                                          const core::ChangePackage& pkg) {
  std::vector<std::string> problems;
  const auto list = groups(pkg);
  if (list.empty()) return problems;
  CellWorkDoor door(office, scoped(actor, pkg));
  for (const auto& g : list) {
    try {
      write(door, g, true);
    } catch (const std::runtime_error& e) {
      problems.push_back(e.what());
    }
  }
  return problems;
}

int applyCellWork(Services& office, const Actor& actor, const core::ChangePackage& pkg) {
  const auto list = groups(pkg);
  if (list.empty()) return 0;
  CellWorkDoor door(office, scoped(actor, pkg));
  int changed = 0;
  for (const auto& g : list) changed += write(door, g, false);
  return changed;
}

}  // namespace dangbo::services
