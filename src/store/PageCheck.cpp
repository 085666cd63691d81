#include "store/PageCheck.h"

#include <sqlite3.h>

#include "store/Database.h"

namespace dangbo::store {

PageCheck::PageCheck(std::unique_ptr<Database> pinned) : pinned_(std::move(pinned)) {
  thread_ = std::thread([this] { run(); });
}

PageCheck::~PageCheck() {
  {
    std::lock_guard<std::mutex> hold(mutex_);
    if (pinned_) sqlite3_interrupt(pinned_->db().getHandle());
  }
  thread_.join();
}

void PageCheck::run() {
  std::string found;
  try {
    // The first row says "ok", or the first of the damages found (the others follow it).
    found = pinned_->db().execAndGet("PRAGMA quick_check").getString();
  } catch (const std::exception& e) {
    found = e.what();  // a page SQLite cannot even read, or an interrupt (the owner is gone)
  }
  std::lock_guard<std::mutex> hold(mutex_);
  pinned_.reset();
  found_ = found.empty() ? std::string("?") : found;
  done_ = true;
  ended_.notify_all();
}

std::optional<std::string> PageCheck::found() const {
  if (!done_.load()) return std::nullopt;
  std::lock_guard<std::mutex> hold(mutex_);
  return found_;
}

std::string PageCheck::wait() {
  std::unique_lock<std::mutex> hold(mutex_);
  ended_.wait(hold, [this] { return done_.load(); });
  return found_;
}

}  // namespace dangbo::store
