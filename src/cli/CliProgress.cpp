#include "cli/CliProgress.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include "core/Numbers.h"

namespace dangbo::cli {

namespace {
bool stderrIsTerminal() {
#ifdef _WIN32
  return _isatty(_fileno(stderr)) != 0;
#else
  return ::isatty(STDERR_FILENO) != 0;
#endif
}

// The number of characters a terminal shows for UTF-8 text (continuation bytes take no room).
size_t columns(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

LineProgress::~LineProgress() {
  if (width_) out_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
}

void LineProgress::stage(const std::string& what, uint64_t total) {
  what_ = what;
  total_ = total;
  write(what_ + "...");
}

bool LineProgress::update(uint64_t done) {
  if (total_ == 0) return true;
  write(what_ + ": " + core::formatCountVn(int64_t(done)) + " / " + core::formatCountVn(int64_t(total_)) +
        " (" + std::to_string(done * 100 / total_) + "%)");
  return true;
}

void LineProgress::write(const std::string& line) {
  const size_t w = columns(line);
  out_ << '\r' << line;
  if (w < width_) out_ << std::string(width_ - w, ' ');
  out_ << std::flush;
  width_ = std::max(width_, w);
}

std::unique_ptr<core::Progress> terminalProgress(std::ostream& err) {
  if (&err != &std::cerr || !stderrIsTerminal()) return nullptr;
  return std::make_unique<LineProgress>(err);
}

}  // namespace dangbo::cli
