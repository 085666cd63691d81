// core::pipelined: the chunks are made on a helper thread and used on the caller's, in order, each buffer
// held by one side at a time; a failure on either side stops both and is thrown by the call.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/Pipeline.h"

using dangbo::core::pipelined;

namespace {

struct Piece {
  size_t from = 0, to = 0;
  std::vector<int> squares;
  std::thread::id madeBy;
};

}  // namespace

TEST_CASE("pipelined: every chunk is made on a helper thread and used on the caller's, in order") {
  std::vector<Piece> buffers(3);
  std::vector<int> used;
  std::atomic<size_t> made{0};
  size_t chunks = 0, mostAhead = 0;
  pipelined(
      1000, 64, buffers,
      [&](Piece& p, size_t from, size_t to) {
        p.from = from;
        p.to = to;
        p.squares.clear();
        for (size_t i = from; i < to; ++i) p.squares.push_back(int(i * i));
        p.madeBy = std::this_thread::get_id();
        ++made;
      },
      [&](Piece& p, size_t from, size_t to) {
        // The buffer holds what was made for this very range: the helper has not refilled it.
        CHECK(p.from == from);
        CHECK(p.to == to);
        CHECK(p.madeBy != std::this_thread::get_id());
        mostAhead = std::max(mostAhead, made.load() - chunks);
        ++chunks;
        used.insert(used.end(), p.squares.begin(), p.squares.end());
      });
  CHECK(chunks == 16);  // 15 chunks of 64 and one of 40
  REQUIRE(used.size() == 1000);
  for (size_t i = 0; i < used.size(); ++i) CHECK(used[i] == int(i * i));
  CHECK(mostAhead <= buffers.size());
}

TEST_CASE("pipelined: one chunk, or one buffer, runs both steps on the calling thread") {
  for (size_t n : {size_t(1), size_t(2)}) {
    std::vector<Piece> buffers(n);
    std::vector<size_t> order;
    const size_t count = n == 1 ? 100 : 10;  // one buffer with several chunks; two buffers with one chunk
    pipelined(
        count, 10, buffers,
        [&](Piece& p, size_t from, size_t) {
          p.madeBy = std::this_thread::get_id();
          order.push_back(from);
        },
        [&](Piece& p, size_t from, size_t) {
          CHECK(p.madeBy == std::this_thread::get_id());
          order.push_back(from);
        });
    // Made then used, chunk after chunk.
    REQUIRE(order.size() == 2 * ((count + 9) / 10));
    for (size_t i = 0; i < order.size(); ++i) CHECK(order[i] == (i / 2) * 10);
  }
  std::vector<Piece> none;
  bool called = false;
  pipelined(
      10, 5, none, [&](Piece&, size_t, size_t) { called = true; },
      [&](Piece&, size_t, size_t) { called = true; });
  CHECK_FALSE(called);
}

TEST_CASE("pipelined: a chunk that cannot be made is thrown when its turn comes, the ones before it used") {
  std::vector<Piece> buffers(2);
  std::vector<size_t> used;
  CHECK_THROWS_WITH_AS(pipelined(
                           100, 10, buffers,
                           [&](Piece&, size_t from, size_t) {
                             if (from == 50) throw std::runtime_error("chunk 5");
                           },
                           [&](Piece&, size_t from, size_t) { used.push_back(from); }),
                       "chunk 5", std::runtime_error);
  CHECK(used == std::vector<size_t>{0, 10, 20, 30, 40});
}

TEST_CASE("pipelined: a chunk that cannot be used stops the helper, which is waited for") {
  std::vector<Piece> buffers(2);
  std::atomic<size_t> made{0};
  CHECK_THROWS_WITH_AS(pipelined(
                           100000, 10, buffers, [&](Piece&, size_t, size_t) { ++made; },
                           [&](Piece&, size_t from, size_t) {
                             if (from == 30) throw std::runtime_error("cancelled");
                           }),
                       "cancelled", std::runtime_error);
  // The helper made at most the buffers' worth beyond the chunk that failed, and stopped (joined before the
  // throw: nothing is made any more).
  const size_t after = made.load();
  CHECK(after <= 4 + buffers.size());
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(made.load() == after);
}
