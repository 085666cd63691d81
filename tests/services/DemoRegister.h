#pragma once
// The demo register (seed 1) of the services tests that read a whole commune: built once per test file on its
// first use, on the day the file names, and kept open for the file's test cases.
#include <memory>

#include "../TestUtil.h"
#include "services/DemoGenerator.h"
#include "services/Services.h"

namespace dangbo::test {

namespace {
inline services::Services& demoRegister(const core::Date& today) {
  static TempDir dir;
  static std::unique_ptr<services::Services> s = [&] {
    services::DemoOptions opt;
    opt.seed = 1;
    opt.today = today;
    services::Services::createDemo(dir / "demo.db", opt);
    return services::Services::open(dir / "demo.db");
  }();
  return *s;
}
}  // namespace

}  // namespace dangbo::test
