#include "bench/search_timings.h"

#include "bench/bench_clock.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/Date.h"
#include "core/VietText.h"
#include "services/MemberList.h"
#include "services/MemberPager.h"
#include "services/Register.h"
#include "services/Services.h"
#include "store/MemberQuery.h"

namespace dangbo::bench {

namespace {
double peakMb() {
  return double(peakRssKb()) / 1024.0;
}

// The file opened and the rows of the members whose name key holds `folded` read through the name index by
// one bare statement: the least any search through that index reads. Prints the rows and time.
double bareIndexedSearchMs(const std::filesystem::path& file, const std::string& folded) {
  const auto t = Clock::now();
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  SQLite::Statement st(
      db,
      "SELECT id, code, full_name, gender, birth_date, ethnicity, theory, admitted_on, official_on, "
      "card_no, transferred_in_on, cell_id, status, status_since FROM members WHERE id IN "
      "(SELECT rowid FROM member_search WHERE member_search MATCH ?1)");
  st.bind(1, "\"" + folded + "\"");
  size_t rows = 0, bytes = 0;
  while (st.executeStep()) {
    ++rows;
    for (int i = 0; i < st.getColumnCount(); ++i) bytes += size_t(st.getColumn(i).getBytes());
  }
  const double ms = msSince(t);
  std::printf(
      "  floor \"%s\": %zu rows (%zu bytes) read through the name index in %.1f ms (the file opened)\n",
      folded.c_str(), rows, bytes, ms);
  return ms;
}
}  // namespace

void printSearchTimings(const std::filesystem::path& file, const services::Actor& actor) {
  // Search as `members --search` does, several queries, vs the same LIKE query on bare SQLite.
  // DANGBO_BENCH_SEARCH="pan,lo van": only those queries (to profile one search).
  std::vector<std::string> queries = {"pan", "dao", "thi", "lo van", "ng", "xuan", "a"};
  if (const char* only = std::getenv("DANGBO_BENCH_SEARCH")) {
    queries.clear();
    for (std::string_view rest = only; !rest.empty();) {
      const size_t comma = std::min(rest.find(','), rest.size());
      if (comma > 0) queries.emplace_back(rest.substr(0, comma));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
  }
  double worst = 0, sum = 0;
  size_t found = 0;
  for (const auto& q : queries) {
    services::MemberFilter f;
    f.asOf = core::Date::today();
    f.search = q;
    // As a fresh `dangbo-cli members --search` does: open the file, then search (nothing kept in memory).
    services::dropMemberListCache();
    auto t = Clock::now();
    const double c = cpuMs();
    auto fresh = services::Services::openForReading(file);
    auto rows = services::listMembers(*fresh, actor, f);
    double ms = msSince(t);
    std::printf("  search \"%s\": %zu rows in %.1f ms wall, %.1f ms CPU (opening the file included)\n",
                q.c_str(), rows.size(), ms, cpuMs() - c);
    worst = std::max(worst, ms);
    sum += ms;
    found += rows.size();
  }
  double baseWorst = 0;
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    for (const auto& q : queries) {
      auto t = Clock::now();
      SQLite::Statement st(
          db, "SELECT code, full_name FROM members WHERE search_key LIKE ? ORDER BY sort_key, code");
      st.bind(1, "%" + core::fold(q) + "%");
      size_t n = 0;
      while (st.executeStep()) ++n;
      baseWorst = std::max(baseWorst, msSince(t));
      (void)n;
    }
  }
  // The floor of a search through the name index: the file opened and the hits' rows read by one bare
  // statement (the list's columns, nothing judged present, no cell on the day, no order), for the searches of
  // three letters or more (the shorter ones walk the list).
  double floorWorst = 0;
  for (const auto& q : queries) {
    const std::string folded = core::fold(q);
    if (store::searchUsesIndex(folded)) floorWorst = std::max(floorWorst, bareIndexedSearchMs(file, folded));
  }
  std::printf(
      "search: %zu queries, mean %.1f ms, worst %.1f ms (%zu rows in all) | baseline worst %.1f ms | floor "
      "(the hits' rows read through the name index by one bare statement) worst %.1f ms | target < 50 ms\n",
      queries.size(), sum / double(queries.size()), worst, found, baseWorst, floorWorst);
  std::printf("peak memory: %.1f MB | target < 250 MB\n", peakMb());

  // The first page of each search (100 rows), as a window or a command showing one page asks for it.
  double firstWorst = 0;
  for (const auto& q : queries) {
    services::MemberFilter f;
    f.asOf = core::Date::today();
    f.search = q;
    f.limit = 100;
    services::dropMemberListCache();
    auto fresh = services::Services::openForReading(file);
    auto t = Clock::now();
    const double c = cpuMs();
    auto rows = services::listMembers(*fresh, actor, f);
    const double ms = msSince(t);
    std::printf("  first 100 of \"%s\": %zu rows in %.1f ms wall, %.1f ms CPU\n", q.c_str(), rows.size(), ms,
                cpuMs() - c);
    firstWorst = std::max(firstWorst, ms);
  }
  std::printf("search, first 100 rows: worst %.1f ms | target < 30 ms\n", firstWorst);
}

void printWindowTimings(const std::filesystem::path& file, const services::Actor& actor) {
  // The window's list as the members page reads it: the counts of its cell tree and the first page of the
  // paged list (MemberPager), then a search typed letter by letter (a pager per keystroke), then the rest
  // of the whole list found as the idle window would.
  auto s = services::Services::openForReading(file);
  services::MemberFilter f;
  f.asOf = core::Date::today();
  auto t = Clock::now();
  double c = cpuMs();
  const auto counts = services::presentMemberCounts(*s, actor, f.asOf);
  const double countsMs = msSince(t), countsCpu = cpuMs() - c;
  auto pager = std::make_unique<services::MemberPager>(*s, actor, f);
  for (size_t i = 0; i < 30 && i < pager->size(); ++i) pager->row(i);  // the rows a window shows
  const double openMs = msSince(t), openCpu = cpuMs() - c;
  t = Clock::now();
  while (pager->advance(std::chrono::milliseconds(40))) {
  }
  const double restMs = msSince(t);
  const size_t listed = pager->size();
  pager.reset();
  double keyWorst = 0, keyCpuWorst = 0;
  for (const char* typed :
       {"l", "lo", "lo ", "lo v", "lo va", "lo van", "lo van p", "lo van pa", "lo van pan"}) {
    f.search = typed;
    t = Clock::now();
    c = cpuMs();
    services::MemberPager p(*s, actor, f);
    for (size_t i = 0; i < 30 && i < p.size(); ++i) p.row(i);
    const double ms = msSince(t), cpu = cpuMs() - c;
    std::printf("  keystroke \"%s\": %zu members found at once in %.1f ms wall, %.1f ms CPU\n", typed,
                p.size(), ms, cpu);
    keyWorst = std::max(keyWorst, ms);
    keyCpuWorst = std::max(keyCpuWorst, cpu);
  }
  // A name search's answer counted whole, as the idle window finds it after its first page ("counting...").
  for (const char* typed : {"pan", "lo van"}) {
    f.search = typed;
    t = Clock::now();
    c = cpuMs();
    services::MemberPager p(*s, actor, f);
    const double firstMs = msSince(t), firstCpu = cpuMs() - c;
    while (p.advance(std::chrono::milliseconds(40))) {
    }
    std::printf(
        "  search \"%s\" in the window: first page %.1f ms wall, %.1f ms CPU; all %zu members counted in "
        "%.1f ms "
        "wall, %.1f ms CPU\n",
        typed, firstMs, firstCpu, p.size(), msSince(t), cpuMs() - c);
  }
  std::printf(
      "window's member list (paged): open %.0f ms wall, %.0f ms CPU (cell counts of %zu cells %.0f ms wall, "
      "%.0f ms CPU, and the first page); the rest of the %zu members found in %.0f ms while idle; keystroke "
      "worst %.1f ms wall, %.1f ms CPU | target < 1000 ms and < 30 ms\n",
      openMs, openCpu, counts.byCell.size(), countsMs, countsCpu, listed, restMs, keyWorst, keyCpuWorst);
  std::printf("peak memory with the window's list: %.1f MB\n", peakMb());
  printEditTimings(file, actor);
}

void printEditTimings(const std::filesystem::path& file, const services::Actor& actor) {
  // A member changed in the member dialog (its residence), then the members page read again as the window
  // does when the dialog closes (MembersPage::reload: the organizations, the cell tree's counts, the list's
  // first rows through a new pager); the change is then put back.
  auto s = services::Services::open(file);
  services::MemberFilter f;
  f.asOf = core::Date::today();
  std::string code;
  {
    services::MemberPager first(*s, actor, f);
    if (const auto* r = first.row(0)) code = r->code;
  }
  if (code.empty()) return;
  auto m = services::memberFile(*s, actor, code).member;
  const std::string before = m.residence;
  m.residence = before + " (sửa)";
  auto t = Clock::now();
  double c = cpuMs();
  services::updateMember(*s, actor, m, "đo thời gian");
  const double saveMs = msSince(t), saveCpu = cpuMs() - c;
  t = Clock::now();
  c = cpuMs();
  const auto orgs = s->organizations(actor);
  const auto counts = services::presentMemberCounts(*s, actor, f.asOf);
  services::MemberPager p(*s, actor, f);
  for (size_t i = 0; i < 30 && i < p.size(); ++i) p.row(i);
  const bool shown = p.row(0) && p.row(0)->id == m.id;
  const double readMs = msSince(t), readCpu = cpuMs() - c;
  m.residence = before;
  services::updateMember(*s, actor, m, "đo thời gian");
  std::printf(
      "member edited and the members page read again: saved in %.1f ms wall, %.1f ms CPU; %zu organizations, "
      "the counts of %zu cells and the first rows read again in %.1f ms wall, %.1f ms CPU (member %s "
      "shown first: %s)\n",
      saveMs, saveCpu, orgs.size(), counts.byCell.size(), readMs, readCpu, code.c_str(),
      shown ? "yes" : "no");
}

}  // namespace dangbo::bench
