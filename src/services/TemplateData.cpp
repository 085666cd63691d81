#include "services/TemplateData.h"

#include <unistd.h>

#include <filesystem>

#include "services/Services.h"

namespace dangbo::services {

std::vector<std::string> ethnicGroupNames(Services& s) {
  std::vector<std::string> names;
  for (const auto& [code, name] : s.ethnicGroups()) names.push_back(name);
  return names;
}

std::vector<std::string> referenceEthnicGroupNames() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec) / ("dangbo-template-" + std::to_string(::getpid()));
  fs::remove_all(dir, ec);
  fs::create_directories(dir);
  std::vector<std::string> names;
  try {
    auto s = Services::create(dir / "mau.db", {"-", "-", "-", "", ""});
    names = ethnicGroupNames(*s);
  } catch (...) {
    fs::remove_all(dir, ec);
    throw;
  }
  fs::remove_all(dir, ec);
  return names;
}

}  // namespace dangbo::services
