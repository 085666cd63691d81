#include "services/DataPaths.h"

#include <cstdlib>
#include <string>
#include <vector>

#ifdef _WIN32
#include <windows.h>
#endif

namespace dangbo::services {

namespace fs = std::filesystem;

namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Every place the data may be, in the order they are tried.
std::vector<fs::path> candidates() {
  std::vector<fs::path> c;
  if (auto d = env("DANGBO_DATA_DIR"); !d.empty()) c.emplace_back(d);
  if (auto exe = executableFolder(); !exe.empty()) c.push_back(exe.parent_path() / "share" / "dangbo");
#ifdef DANGBO_INSTALL_DATADIR
  c.emplace_back(DANGBO_INSTALL_DATADIR);
#endif
  if (auto h = env("XDG_DATA_HOME"); !h.empty())
    c.push_back(fs::path(h) / "dangbo");
  else if (auto home = env("HOME"); !home.empty())
    c.push_back(fs::path(home) / ".local" / "share" / "dangbo");
  std::string dirs = env("XDG_DATA_DIRS");
  if (dirs.empty()) dirs = "/usr/local/share:/usr/share";
  for (size_t from = 0; from <= dirs.size();) {
    size_t to = dirs.find(':', from);
    if (to == std::string::npos) to = dirs.size();
    if (to > from) c.push_back(fs::path(dirs.substr(from, to - from)) / "dangbo");
    from = to + 1;
  }
#ifdef DANGBO_SOURCE_TREE
  c.emplace_back(DANGBO_SOURCE_TREE);  // run from the build tree: docs/ and reports/ of the sources
#endif
  return c;
}
}  // namespace

fs::path executableFolder() {
  std::error_code ec;
#ifdef _WIN32
  std::wstring buf(32768, L'\0');
  const DWORD n = GetModuleFileNameW(nullptr, buf.data(), DWORD(buf.size()));
  if (n == 0 || n >= buf.size()) return {};
  buf.resize(n);
  return fs::path(buf).parent_path();
#else
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);  // Linux; other systems fall back to the prefix
  return ec ? fs::path() : exe.parent_path();
#endif
}

fs::path dataFolder() {
  auto guide = findDataFile(kGuide);
  return guide ? guide->parent_path().parent_path() : fs::path();
}

std::optional<fs::path> findDataFile(std::string_view relative) {
  std::error_code ec;
  for (const auto& c : candidates())
    if (fs::exists(c / relative, ec)) return c / relative;
  return std::nullopt;
}

}  // namespace dangbo::services
