#pragma once
// The CLI's side of core::Progress: one line on stderr, rewritten in place, when stderr is a terminal.
#include <memory>
#include <ostream>
#include <string>

#include "core/Progress.h"

namespace dangbo::cli {

/// Writes "Đang ghi các dòng: 45.000 / 100.000 (45%)" to `out`, rewriting the line ("\r"); clears it when
/// destroyed, so that the messages that follow start on a clean line.
class LineProgress : public core::Progress {
 public:
  explicit LineProgress(std::ostream& out) : out_(out) {}
  ~LineProgress() override;
  void stage(const std::string& what, uint64_t total) override;
  bool update(uint64_t done) override;

 private:
  void write(const std::string& line);
  std::ostream& out_;
  std::string what_;
  uint64_t total_ = 0;
  size_t width_ = 0;  ///< the length of the line last written, to blank it out
};

/// A LineProgress on `err` when `err` is the process's stderr and that is a terminal; else null (pipes,
/// files and tests get no progress line).
std::unique_ptr<core::Progress> terminalProgress(std::ostream& err);

}  // namespace dangbo::cli
