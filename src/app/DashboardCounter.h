#pragma once
// The overview's targets, deadlines and cells' work findings counted on a thread of its own, through a
// connection of its own to the register (services::openReader): at a million members they take tens of
// seconds, and the other pages are used meanwhile. A newer count, another register or closing the window
// stops the one running (its answer is dropped).
#include <wx/event.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/Date.h"
#include "services/Actor.h"
#include "services/CellWork.h"
#include "services/Dashboard.h"

namespace dangbo::app {

/// What the overview shows below its cards: the dashboard and the cells' work findings, or why not.
struct DashboardAnswer {
  services::Dashboard dashboard;
  std::string dashboardProblem;  ///< not empty: the dashboard could not be counted (the reason)
  std::vector<services::CheckFinding> findings;
  std::string findingsProblem;  ///< not empty: the findings could not be read (the reason)
};

/// Counts them for `actor` on `asOf` through the register `s` (the same calls as on a thread).
DashboardAnswer countDashboard(services::Services& s, const services::Actor& actor, const core::Date& asOf);

/// One count at a time, on a thread.
class DashboardCounter {
 public:
  using Done = std::function<void(DashboardAnswer)>;
  /// `owner` receives the answers on the main thread.
  explicit DashboardCounter(wxEvtHandler* owner) : owner_(owner) {}
  /// Stops the count running.
  ~DashboardCounter();
  DashboardCounter(const DashboardCounter&) = delete;
  DashboardCounter& operator=(const DashboardCounter&) = delete;
  /// Stops the count running (its answer is dropped; its thread is not waited for: it ends at its next
  /// statement, or when the work it is doing between two statements is done) and starts counting for `actor`
  /// on `asOf` in the register at `path`; `done` is called on the main thread with the answer.
  void start(const std::filesystem::path& path, const services::Actor& actor, const core::Date& asOf,
             Done done);
  /// Stops the counts running and waits for their threads (no connection of theirs is left open); their
  /// answers are dropped.
  void stop();

 private:
  // A count's thread, its stop and whether it has ended.
  struct Count {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> stop = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> finished = std::make_shared<std::atomic<bool>>(false);
  };
  // Stops every count (their answers dropped) and joins the threads that have ended.
  void stopAll();
  wxEvtHandler* owner_;
  unsigned serial_ = 0;        // of the count whose answer is wanted
  std::vector<Count> counts_;  // the newest last; the others stopped, their threads not yet joined
};

}  // namespace dangbo::app
