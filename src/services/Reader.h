#pragma once
// A second connection to an open register, for reading on a thread of its own (the window's overview counts
// its figures so, while the window's own connection serves the pages), that the window stops when it no
// longer wants the answer.
#include <atomic>
#include <filesystem>
#include <memory>

#include "services/Services.h"

namespace dangbo::services {

/// Opens the register at `path` for reading beside the window's connection (Services::openReadOnlyBeside:
/// the window keeps its locks, the pages are not verified again). Once `*stop` is set, by any thread, the
/// statement running fails and so does every later one. `stop` must outlive the object; the object is used by
/// one thread at a time.
std::unique_ptr<Services> openReader(const std::filesystem::path& path, const std::atomic<bool>* stop);

}  // namespace dangbo::services
