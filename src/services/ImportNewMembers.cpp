// What an import writes for a new record (prepareNew, writeNew: the one definition for the row-by-row path
// and the two-core one), and a members' file of new members written on two cores (writeNewMembers): a helper
// thread makes the records ready while this one writes them, several by one statement.
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Pipeline.h"
#include "core/Progress.h"
#include "services/ImportInternal.h"
#include "store/ImportRepository.h"

namespace dangbo::services::import_detail {

std::string statusEventKind(std::string_view status) {
  if (status == "exempt") return "exempted";
  if (status == "transferred_out") return "transfer_out";
  if (status == "deceased" || status == "removed" || status == "expelled" || status == "left")
    return std::string(status);
  return {};
}

void prepareNew(const core::Date& today, const SpecInfo& info, const Outcome& o, NewRecord& r) {
  const ImportFileSpec& spec = *info.spec;
  r.values.clear();
  for (int k = 0; k < int(spec.columns.size()); ++k)
    if (o.has(k)) r.values.emplace_back(spec.columns[size_t(k)].field, o.values[size_t(k)]);
  store::ImportRepository::prepareInsert(info.table, r.values, r.row);
  r.events.clear();
  if (info.kind != "dang_vien") return;
  auto cell = idOf(o, info.cellId);
  core::MemberEvent e;
  e.toCell = cell;
  if (auto in = dateOf(o, info.transferredInOn)) {
    e.date = *in;
    e.kind = "transfer_in";
    r.events.push_back(e);
  } else if (auto adm = dateOf(o, info.admittedOn)) {
    e.date = *adm;
    e.kind = "admitted";
    r.events.push_back(e);
  }
  if (auto off = dateOf(o, info.officialOn)) {
    e.date = *off;
    e.kind = "recognized";
    e.toCell.reset();
    r.events.push_back(e);
  }
  const std::string_view status =
      o.has(info.status) ? std::string_view(o.values[size_t(info.status)]) : "active";
  if (std::string k = statusEventKind(status); !k.empty()) {
    core::MemberEvent st;
    st.date = dateOf(o, info.statusSince).value_or(today);
    st.kind = k;
    st.fromCell = cell;
    r.events.push_back(st);
  }
}

void writeNew(Context& ctx, const SpecInfo& info, const Outcome& o, NewRecord& r, bool remember) {
  const core::Id id = ctx.repo.insert(r.row);
  if (remember && info.keyedByCode) ctx.inserted(info.table, o.values[size_t(info.code)], id);
  for (auto& e : r.events) e.memberId = id;
  ctx.repo.insertMemberEvents(r.events);
}

namespace {

// What the members' helper thread resolves a row's values against: its own copies of the ethnic groups and
// of the organizations' ids, taken before it starts (the writer adds members while it runs, never
// organizations). A code or name it cannot resolve alone leaves the row to the writer's thread.
struct MemberSources {
  EthnicIndex ethnic;
  TextMap<core::Id> organizations;
  bool missed = false;

  std::optional<std::string> ref(const std::string& table, std::string_view code) {
    if (table == "organizations")
      if (auto it = organizations.find(code); it != organizations.end()) return std::to_string(it->second);
    missed = true;
    return std::nullopt;
  }
  std::string term(std::string_view) {
    missed = true;
    return {};
  }
};

// Rows the helper makes ready at a time, and new members written by one statement.
constexpr size_t kHelperChunk = 512;
constexpr size_t kBatchRows = 16;

}  // namespace

void writeNewMembers(Context& ctx, const SpecInfo& info, const ImportFile& file,
                     const std::vector<PlannedRow>& planned, core::ProgressStage& stage,
                     const std::function<void(size_t)>& writeRow) {
  struct Ready {
    Outcome o;
    NewRecord record;
    bool ready = false;
  };
  MemberSources src{ctx.ethnic, ctx.idsOf("organizations")};
  const core::Date today = ctx.today;
  // Ready rows of the same columns are written several by one statement, then their events.
  std::vector<const store::RowToInsert*> batch;
  std::vector<core::MemberEvent> events;
  std::vector<size_t> eventCounts;
  size_t named = 0;  // the events whose members are written (the first ones of `events`)
  auto writeBatch = [&] {
    if (batch.empty()) return;
    const core::Id first = ctx.repo.insertRows(batch);
    for (size_t k = 0; k < batch.size(); ++k)
      for (size_t n = 0; n < eventCounts[k]; ++n) events[named++].memberId = first + core::Id(k);
    batch.clear();
    eventCounts.clear();
  };
  // The members waiting, then their events: before a row written alone, and at the end of each chunk.
  auto writeAll = [&] {
    writeBatch();
    ctx.repo.insertMemberEvents(events);
    events.clear();
    named = 0;
  };
  std::vector<std::vector<Ready>> chunks(3, std::vector<Ready>(kHelperChunk));
  core::pipelined(
      file.rows.size(), kHelperChunk, chunks,
      [&](std::vector<Ready>& chunk, size_t from, size_t to) {
        for (size_t r = from; r < to; ++r) {
          Ready& x = chunk[r - from];
          x.ready = false;
          if (planned[r].action != ImportAction::New) continue;
          src.missed = false;
          storageValues(src, info, file, file.rows[r], x.o, 0);
          if (src.missed || !x.o.problems.empty()) continue;
          x.o.action = ImportAction::New;
          prepareNew(today, info, x.o, x.record);
          x.ready = true;
        }
      },
      [&](std::vector<Ready>& chunk, size_t from, size_t to) {
        for (size_t r = from; r < to; ++r) {
          stage.step();
          Ready& x = chunk[r - from];
          if (!x.ready) {
            writeAll();
            writeRow(r);
            continue;
          }
          if (!batch.empty() &&
              (batch.size() == kBatchRows || x.record.row.statementKey != batch.front()->statementKey))
            writeBatch();
          batch.push_back(&x.record.row);
          events.insert(events.end(), std::make_move_iterator(x.record.events.begin()),
                        std::make_move_iterator(x.record.events.end()));
          eventCounts.push_back(x.record.events.size());
        }
        writeAll();  // the chunk goes back to the helper
      });
  // The members written are read again from the register when a later row names one (a first load of a
  // province would otherwise hold every code twice).
  ctx.ids.erase(info.table);
}

}  // namespace dangbo::services::import_detail
