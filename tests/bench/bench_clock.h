#pragma once
// The benchmark's clocks, shared by its steps: wall time, the process's own CPU time and its peak memory.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <functional>

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

// Runs `work` in a child process and returns the two figures it measured there (wall and CPU ms); zeros when
// the child failed. A baseline or a floor measured so keeps its own memory out of dangbo's peak.
inline std::array<double, 2> measuredInChild(const std::function<std::array<double, 2>()>& work) {
  std::array<double, 2> out{0, 0};
  int fds[2];
  if (pipe(fds) != 0) return out;
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    std::array<double, 2> ms{0, 0};
    try {
      ms = work();
    } catch (const std::exception&) {
      _exit(1);
    }
    _exit(write(fds[1], ms.data(), sizeof ms) == sizeof ms ? 0 : 1);
  }
  close(fds[1]);
  if (child < 0 || read(fds[0], out.data(), sizeof out) != sizeof out) out = {0, 0};
  close(fds[0]);
  int status = 0;
  if (child > 0) waitpid(child, &status, 0);
  return out;
}

}  // namespace dangbo::bench
