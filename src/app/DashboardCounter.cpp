#include "app/DashboardCounter.h"

#include "app/FileDialogs.h"
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

void DashboardCounter::stopAll() {
  ++serial_;  // an answer already posted is dropped too
  for (auto& c : counts_) c.stop->store(true);
  std::erase_if(counts_, [](Count& c) {
    if (!c.finished->load()) return false;
    c.thread.join();  // ended: returns at once
    return true;
  });
}

void DashboardCounter::stop() {
  stopAll();
  for (auto& c : counts_) c.thread.join();
  counts_.clear();
}

void DashboardCounter::start(const std::filesystem::path& path, const services::Actor& actor,
                             const core::Date& asOf, Done done) {
  stopAll();
  const unsigned serial = ++serial_;
  Count& c = counts_.emplace_back();
  // The job starts here, on the window's thread, and ends once the reader is closed: while it is open the
  // window cannot take its locks on the register again after a file dialog (ui::holdRegisterLocks waits).
  c.thread = std::thread([this, path, actor, asOf, done = std::move(done), serial, stop = c.stop,
                          finished = c.finished, job = std::make_unique<ui::RegisterJob>()]() mutable {
    DashboardAnswer answer;
    try {
      auto reader = services::openReader(path, stop.get());
      answer = countDashboard(*reader, actor, asOf);
    } catch (const std::exception& e) {
      answer.dashboardProblem = e.what();
    }
    job.reset();
    const bool wanted = !stop->load();
    // On the main thread: the reconnect the job put off, and the answer if no newer count was started
    // meanwhile (a window gone by then has dropped the call with its pending events).
    owner_->CallAfter([this, serial, wanted, done, answer = std::move(answer)]() mutable {
      if (wanted && serial == serial_) done(std::move(answer));
      ui::afterRegisterJob();
    });
    finished->store(true);  // the reader is closed by now
  });
}

}  // namespace dangbo::app
