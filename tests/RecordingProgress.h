#pragma once
// A core::Progress for the tests of long work: records the stages and counts it is told, and answers
// "stop" at the `stopAt`-th update of the stage named `stopIn`.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Progress.h"

namespace dangbo::test {

struct RecordingProgress : core::Progress {
  struct Stage {
    std::string what;
    uint64_t total = 0;
    std::vector<uint64_t> updates;
  };
  std::vector<Stage> stages;
  std::string stopIn;
  size_t stopAt = 0;
  void stage(const std::string& what, uint64_t total) override { stages.push_back({what, total, {}}); }
  bool update(uint64_t done) override {
    stages.back().updates.push_back(done);
    return !(stages.back().what == stopIn && stages.back().updates.size() >= stopAt);
  }
  /// The stage named `what` (the first of that name), or null.
  const Stage* find(const std::string& what) const {
    for (const auto& s : stages)
      if (s.what == what) return &s;
    return nullptr;
  }
};

}  // namespace dangbo::test
