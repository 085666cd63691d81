#pragma once
// The benchmark's clocks, shared by its steps: wall time, the process's own CPU time and its peak memory.

#include <sys/resource.h>

#include <chrono>

namespace dangbo::bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// CPU time of this process (user + system): unlike wall time, it does not grow when other programs share the
// cores, so the two are printed side by side.
inline double cpuMs() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
  return ms(ru.ru_utime) + ms(ru.ru_stime);
}

// CPU time of the calling thread alone (user + system): the process's own includes its other threads' work.
inline double threadCpuMs() {
  rusage ru{};
  getrusage(RUSAGE_THREAD, &ru);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
  return ms(ru.ru_utime) + ms(ru.ru_stime);
}

// The process's highest resident memory so far, in kB.
inline long peakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

}  // namespace dangbo::bench
