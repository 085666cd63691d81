#pragma once
// Two steps over the same run of items, on two cores: a helper thread prepares the items a chunk at a time
// while the calling thread uses the chunks already prepared, in order. For work whose second step must stay
// on the calling thread (a database connection) and whose first step needs nothing of it.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace dangbo::core {

/// When it goes (the work done, or an exception on its way out), tells a helper thread to stop (`stop` set
/// under `mutex`, the waiters on `changed` woken) and waits for it.
class StopAndJoin {
 public:
  StopAndJoin(std::thread& thread, std::mutex& mutex, std::condition_variable& changed, bool& stop)
      : thread_(thread), mutex_(mutex), changed_(changed), stop_(stop) {}
  ~StopAndJoin() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  StopAndJoin(const StopAndJoin&) = delete;
  StopAndJoin& operator=(const StopAndJoin&) = delete;

 private:
  std::thread& thread_;
  std::mutex& mutex_;
  std::condition_variable& changed_;
  bool& stop_;
};

/// Calls make(buffer, from, to) on a helper thread and then use(buffer, from, to) on the calling thread for
/// each range [from, to) of `chunk` items of [0, count), in order. The buffers are filled in turn: `make`
/// runs at most buffers.size() chunks ahead of `use` and never touches a buffer `use` still holds. An
/// exception of `make` is thrown again by this call when `use` reaches its chunk; an exception of `use` stops
/// the helper, which is joined before this call throws it on. With fewer than two buffers, a single chunk or
/// no thread to be had, both steps run on the calling thread, one chunk after the other.
template <class Buffer, class Make, class Use>
void pipelined(size_t count, size_t chunk, std::vector<Buffer>& buffers, Make&& make, Use&& use) {
  if (chunk == 0) chunk = 1;
  const size_t slots = buffers.size();
  auto endOf = [&](size_t from) { return std::min(count, from + chunk); };
  auto inTurn = [&] {
    for (size_t from = 0; from < count; from += chunk) {
      make(buffers.front(), from, endOf(from));
      use(buffers.front(), from, endOf(from));
    }
  };
  if (slots == 0) return;
  if (slots < 2 || count <= chunk) return inTurn();

  std::mutex m;
  std::condition_variable cv;
  size_t made = 0, used = 0;  // chunks prepared, chunks used
  bool stop = false;
  std::exception_ptr failed;  // of `make`, at chunk `made`
  std::thread helper;
  try {
    helper = std::thread([&] {
      for (size_t c = 0, from = 0; from < count; ++c, from += chunk) {
        {
          std::unique_lock<std::mutex> l(m);
          cv.wait(l, [&] { return stop || c - used < slots; });
          if (stop) return;
        }
        try {
          make(buffers[c % slots], from, endOf(from));
        } catch (...) {
          std::lock_guard<std::mutex> l(m);
          failed = std::current_exception();
          cv.notify_all();
          return;
        }
        {
          std::lock_guard<std::mutex> l(m);
          made = c + 1;
        }
        cv.notify_all();
      }
    });
  } catch (const std::system_error&) {
    return inTurn();  // no thread to be had: the same work, on this one
  }
  StopAndJoin join(helper, m, cv, stop);
  for (size_t c = 0, from = 0; from < count; ++c, from += chunk) {
    {
      std::unique_lock<std::mutex> l(m);
      cv.wait(l, [&] { return made > c || failed; });
      if (made <= c) std::rethrow_exception(failed);
    }
    use(buffers[c % slots], from, endOf(from));
    {
      std::lock_guard<std::mutex> l(m);
      used = c + 1;
    }
    cv.notify_all();
  }
}

}  // namespace dangbo::core
