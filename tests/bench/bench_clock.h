#pragma once
// The benchmark's clocks, shared by its steps: wall time, the process's own CPU time and its peak memory.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <functional>
#include <optional>
#include <type_traits>

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

// Runs `work` in a child process and returns what it returned there (a value copied byte for byte through a
// pipe); nothing when the child failed or threw. Work whose memory must not count in dangbo's peak (a
// baseline, a floor, the generator of the data) runs so.
template <class T>
std::optional<T> fromChild(const std::function<T()>& work) {
  static_assert(std::is_trivially_copyable_v<T>);
  int fds[2];
  if (pipe(fds) != 0) return std::nullopt;
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    T value{};
    try {
      value = work();
    } catch (const std::exception&) {
      _exit(1);
    }
    _exit(write(fds[1], &value, sizeof value) == sizeof value ? 0 : 1);
  }
  close(fds[1]);
  std::optional<T> out;
  T value{};
  if (child > 0 && read(fds[0], &value, sizeof value) == sizeof value) out = value;
  close(fds[0]);
  int status = 0;
  if (child > 0) waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) out.reset();
  return out;
}

// The two figures (wall and CPU ms) `work` measured in a child process (fromChild); zeros when it failed.
inline std::array<double, 2> measuredInChild(const std::function<std::array<double, 2>()>& work) {
  return fromChild(work).value_or(std::array<double, 2>{0, 0});
}

}  // namespace dangbo::bench
