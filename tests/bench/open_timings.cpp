#include "bench/open_timings.h"

#include "bench/bench_clock.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <sstream>
#include <string_view>
#include <thread>

#include <unistd.h>

#include "core/Date.h"
#include "core/Progress.h"
#include "exchange/Backup.h"
#include "reports/CongressReport.h"
#include "services/Actor.h"
#include "services/CellWork.h"
#include "services/CongressReport.h"
#include "services/Dashboard.h"
#include "services/MemberPager.h"
#include "services/Services.h"

namespace dangbo::bench {

namespace {
std::string onlyLines;  // --only: the lines to time, words separated by '|' ("": every one)

bool wanted(std::string_view what) {
  if (what.starts_with("open ")) return true;
  std::string_view words = onlyLines;
  for (;;) {
    const size_t bar = words.find('|');
    if (what.find(words.substr(0, bar)) != std::string_view::npos) return true;
    if (bar == std::string_view::npos) return false;
    words.remove_prefix(bar + 1);
  }
}

// Runs `work` once and prints its wall and CPU time with what it says it found.
void timed(const char* what, const std::function<std::string()>& work) {
  if (!wanted(what)) return;
  const auto t0 = Clock::now();
  const double c0 = cpuMs();
  const std::string found = work();
  std::printf("  %-44s %8.0f ms wall %8.0f ms CPU  %s\n", what,
              std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), cpuMs() - c0,
              found.c_str());
}
// The wall time of each stage of long work (core::Progress), for the lines that tell where it went.
class StageClock : public core::Progress {
 public:
  void stage(const std::string& what, uint64_t) override {
    close();
    what_ = what;
    t0_ = Clock::now();
  }
  bool update(uint64_t) override { return true; }
  std::string text() {
    close();
    return text_;
  }

 private:
  void close() {
    if (what_.empty()) return;
    char buf[64];
    std::snprintf(buf, sizeof buf, " %.0f ms", msSince(t0_));
    text_ += (text_.empty() ? "" : ", ") + what_ + buf;
    what_.clear();
  }
  std::string what_, text_;
  Clock::time_point t0_;
};
}  // namespace

int printOpenTimings(const std::filesystem::path& path, const std::string& only) {
  onlyLines = only;
  const auto actor = services::Actor::localOffice();
  const core::Date today = core::Date::today();
  std::unique_ptr<services::Services> s;
  std::printf("opening %s as the window does (local office account, %s):\n", path.c_str(),
              today.iso().c_str());
  timed("open the register", [&] {
    s = services::Services::openForReading(path);
    return std::string();
  });
  timed("opening that checks first (Services::open: commands that write)", [&] {
    services::Services::open(path);
    return std::string();
  });
  // The window's opening: every page checked on a thread while the header and the overview's cards are read,
  // as the window does; the wall time until the check's end is what a first write may wait for.
  std::unique_ptr<services::Services> w;
  const auto opened = Clock::now();
  timed("window's opening (Services::openChecked)", [&] {
    w = services::Services::openChecked(path);
    return std::string();
  });
  timed("summary (header, overview cards)", [&] {
    const double c0 = threadCpuMs();
    const auto sum = (w ? *w : *s).summary(today);
    char buf[64];
    std::snprintf(buf, sizeof buf, " members (%.0f ms CPU of this thread)", threadCpuMs() - c0);
    return std::to_string(sum.members) + buf;
  });
  timed("pages checked on a thread, waited for", [&] {
    while (w && !w->pageCheck()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    char buf[64];
    std::snprintf(buf, sizeof buf, " %.0f ms after the opening", msSince(opened));
    return w ? *w->pageCheck() + buf : std::string();
  });
  w.reset();
  timed("dashboard (targets, deadlines)", [&] {
    const auto d = services::dashboard(*s, actor, today);
    return std::to_string(d.overdue.size()) + " overdue, " + std::to_string(d.soon.size()) + " soon";
  });
  timed("cell-work findings (overview list)",
        [&] { return std::to_string(services::checkCellWork(*s, actor, today).size()) + " findings"; });
  timed("member counts by cell (members page)", [&] {
    return std::to_string(services::presentMemberCounts(*s, actor, today).byCell.size()) + " cells";
  });
  // The window's backup on opening: the state pinned while the window opens, then copied (and compared with
  // the newest copy, checked when it differs) on a thread; a second opening with nothing changed writes
  // nothing. Into a folder of its own beside the register, removed at the end.
  const auto folder = path.parent_path() / ("bench-saoluu-" + std::to_string(::getpid()));
  std::unique_ptr<exchange::PinnedRegister> pinned;
  timed("backup on opening: the state pinned (the window waits)", [&] {
    pinned = std::make_unique<exchange::PinnedRegister>(path);
    return std::string();
  });
  if (pinned) {
    timed("backup on opening: copied, checked (on a thread)", [&] {
      StageClock stages;
      const auto made = pinned->backUpInto(folder, 3, &stages);
      return std::string(made.written ? "written: " : "not written: ") + stages.text();
    });
    pinned.reset();
  }
  timed("backup on opening again, nothing changed", [&] {
    StageClock stages;
    const auto made = exchange::PinnedRegister(path).backUpInto(folder, 3, &stages);
    return std::string(made.written ? "written: " : "not written: ") + stages.text();
  });
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);
  timed("congress JSON (figures of this year, text)", [&] {
    std::ostringstream json;
    reports::writeCongressJson(
        json, services::congressFigures(*s, actor, *core::Date::make(today.year(), 1, 1), today, today));
    return std::to_string(json.str().size()) + " bytes";
  });
  return 0;
}

}  // namespace dangbo::bench
