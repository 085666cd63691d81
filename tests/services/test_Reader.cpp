// The window's second connection (services::openReader): the overview's figures counted on it are those of
// the window's own connection, it reads while the window writes, and a stop ends its statement at once.
#include <doctest/doctest.h>

#include <atomic>
#include <sstream>
#include <string>

#include "../TestUtil.h"
#include "services/CellWork.h"
#include "services/Dashboard.h"
#include "services/Reader.h"
#include "services/Services.h"

using namespace dangbo;
using dangbo::test::TempDir;

namespace {
const core::Date kToday = *core::Date::make(2026, 11, 29);

// Every figure, row and deadline of a dashboard, and the findings, as one text to compare.
std::string describe(const services::Dashboard& d, const std::vector<services::CheckFinding>& found) {
  std::ostringstream out;
  out << d.year << " " << d.ratingYear.value_or(0) << " " << d.soonDays << " " << d.disciplineShown << "\n";
  for (const auto& f : d.figures) {
    out << f.key << " " << f.year << " " << f.actual << "/" << f.base << " " << f.pending << " "
        << f.percent.value_or(-1) << " " << f.target.value_or(-1) << " " << f.progress.value_or(-1) << " "
        << int(f.status) << " " << f.period << "\n";
    for (const auto& r : f.rows)
      out << "  " << r.code << " " << r.name << " " << r.detail << " " << r.counts << "\n";
  }
  for (const auto* list : {&d.overdue, &d.soon})
    for (const auto& x : *list)
      out << x.subject.code << " " << (x.subject.date ? x.subject.date->iso() : "-") << " " << x.overdueDays
          << "\n";
  for (const auto& f : found)
    out << f.rule << " " << f.subject << " " << f.year.value_or(0) << " " << f.message << "\n";
  return out.str();
}
}  // namespace

TEST_CASE("a reader beside the window's connection counts the overview's very figures, and is stopped") {
  TempDir dir;
  auto window = test::openDemoCommune(dir.path());  // as on kToday
  const auto office = services::Actor::localOffice();
  const std::string mine = describe(services::dashboard(*window, office, kToday),
                                    services::checkCellWork(*window, office, kToday));

  std::atomic<bool> stop{false};
  auto reader = services::openReader(dir / "demo.db", &stop);
  const auto d = services::dashboard(*reader, office, kToday);
  CHECK(d.figures.size() == 5);
  CHECK(describe(d, services::checkCellWork(*reader, office, kToday)) == mine);

  // The window writes while the reader is open: neither waits for the other.
  window->saveCommittee(office, {"Đảng bộ xã Đọc", "Đọc", "", "", ""});
  CHECK(reader->summary(kToday).committee == "Đảng bộ xã Đọc");

  // Stopped: what it reads next fails at once.
  stop = true;
  CHECK_THROWS(services::dashboard(*reader, office, kToday));
  CHECK_THROWS(services::checkCellWork(*reader, office, kToday));
  // The window's own connection is not stopped.
  CHECK(describe(services::dashboard(*window, office, kToday),
                 services::checkCellWork(*window, office, kToday)) == mine);
}
