#include "app/DashboardCounter.h"

#include "services/Reader.h"

namespace dangbo::app {

DashboardAnswer countDashboard(services::Services& s, const services::Actor& actor, const core::Date& asOf) {
  DashboardAnswer a;
  try {
    a.dashboard = services::dashboard(s, actor, asOf);
  } catch (const std::exception& e) {
    a.dashboardProblem = e.what();
    return a;  // the findings are shown with the dashboard only
  }
  try {
    a.findings = services::checkCellWork(s, actor, asOf);
  } catch (const std::exception& e) {
    a.findingsProblem = e.what();
  }
  return a;
}

DashboardCounter::~DashboardCounter() {
  stop();
}

void DashboardCounter::stop() {
  stop_->store(true);
  if (thread_.joinable()) thread_.join();
  ++serial_;  // an answer posted before the stop is dropped too
}

void DashboardCounter::start(const std::filesystem::path& path, const services::Actor& actor,
                             const core::Date& asOf, Done done) {
  stop();
  stop_ = std::make_shared<std::atomic<bool>>(false);
  finished_ = std::make_shared<std::atomic<bool>>(false);
  const unsigned serial = ++serial_;
  thread_ = std::thread(
      [this, path, actor, asOf, done = std::move(done), serial, stop = stop_, finished = finished_] {
        DashboardAnswer answer;
        try {
          auto reader = services::openReader(path, stop.get());
          answer = countDashboard(*reader, actor, asOf);
        } catch (const std::exception& e) {
          answer.dashboardProblem = e.what();
        }
        finished->store(true);
        if (stop->load()) return;  // not wanted any more
        // On the main thread, and only if no newer count was started meanwhile (a window gone by then has
        // dropped the call with its pending events).
        owner_->CallAfter([this, serial, done, answer = std::move(answer)]() mutable {
          if (serial == serial_) done(std::move(answer));
        });
      });
}

}  // namespace dangbo::app
