#pragma once
// The progress part of the "UI services" of design.md: long work below the window (import, backup,
// restore, package apply, large reports) tells how far it is through this interface and learns whether
// the user asked to stop. The window implements it with a progress dialog and its Cancel button, the
// CLI with a line on stderr; nothing below app shows anything itself. Work that is stopped throws
// Cancelled from inside its transaction, so that everything it wrote is rolled back.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace dangbo::core {

/// Thrown by long work when the user cancelled it; nothing it was writing is kept.
struct Cancelled : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Receives the progress of long work.
class Progress {
 public:
  virtual ~Progress() = default;
  /// A new stage begins: `what` in Vietnamese ("Đang ghi đảng viên"), `total` steps (0 = unknown).
  virtual void stage(const std::string& what, uint64_t total) = 0;
  /// `done` steps of the current stage are finished. Returns false when the user asked to stop.
  virtual bool update(uint64_t done) = 0;
};

/// Counts the steps of one stage and passes them on to a Progress (which may be null) at most about
/// 200 times per stage, so that a 100.000-row loop costs a compare per row.
class ProgressStage {
 public:
  ProgressStage(Progress* p, const std::string& what, uint64_t total) : p_(p), total_(total) {
    if (p_) p_->stage(what, total);
    every_ = total_ / 200 + 1;
    next_ = 0;
  }
  /// One more step; throws Cancelled (with `cancelledMessage()`) when the user asked to stop.
  void step() { advance(done_ + 1); }
  /// `done` steps finished; throws Cancelled when the user asked to stop.
  void advance(uint64_t done) {
    done_ = done;
    if (!p_ || done_ < next_) return;
    next_ = done_ + every_;
    if (!p_->update(done_)) throw Cancelled(cancelledMessage());
  }
  /// The stage is complete (the last update is always passed on).
  void finish() {
    if (p_ && !p_->update(total_ ? total_ : done_)) throw Cancelled(cancelledMessage());
  }
  /// "Stopped at the user's request; nothing was changed." in Vietnamese.
  static std::string cancelledMessage();

 private:
  Progress* p_;
  uint64_t total_, every_, next_, done_ = 0;
};

}  // namespace dangbo::core
