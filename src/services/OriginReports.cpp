#include "services/OriginReports.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <system_error>

#include "core/Errors.h"
#include "core/I18n.h"
#include "core/InputClean.h"
#include "core/VietText.h"
#include "services/Services.h"
#include "services/StoreAccess.h"
#include "store/OriginCopy.h"

namespace dangbo::services {

namespace fs = std::filesystem;

std::vector<std::string> reportOrigins(Services& s, const Actor& actor) {
  require(actor, Permission::ReadRegister);
  std::vector<std::string> out = store::organizationOrigins(storeOf(s));
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    if (a.empty() != b.empty()) return b.empty();  // "" last
    return core::compareText(a, b) < 0;
  });
  return out;
}

std::string originLabel(const std::string& origin) {
  return origin.empty() ? std::string(core::tr("Not of a former commune")) : origin;
}

std::string resolveOrigin(Services& s, const Actor& actor, const std::string& origin) {
  const auto origins = reportOrigins(s, actor);
  if (origin.empty()) {
    if (std::find(origins.begin(), origins.end(), std::string()) != origins.end()) return {};
  } else {
    const std::string wanted = core::fold(core::normalizeText(origin));
    for (const auto& o : origins)
      if (!o.empty() && core::fold(o) == wanted) return o;
  }
  throw core::DataError(core::format(core::tr("No cell comes from the former commune {1}."), {origin}));
}

OriginRegister::OriginRegister(Services& s, const Actor& actor, const std::string& origin,
                               const core::Date& day)
    : origin_(resolveOrigin(s, actor, origin)) {
  static std::atomic<int> made{0};
  const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  folder_ = fs::temp_directory_path() / ("dangbo-origin-" + std::to_string(std::random_device{}()) + "-" +
                                         std::to_string(stamp) + "-" + std::to_string(++made));
  fs::create_directories(folder_);
  fs::permissions(folder_, fs::perms::owner_all, fs::perm_options::replace);
  try {
    const fs::path copy = folder_ / "so.db";
    store::writeOriginCopy(storeOf(s), copy, origin_, day);
    services_ = Services::openForReading(copy);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(folder_, ec);
    throw;
  }
}

OriginRegister::~OriginRegister() {
  services_.reset();
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

}  // namespace dangbo::services
