#include "services/Publishing.h"

#include <chrono>
#include <ctime>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Services.h"
#include "store/PublishedReportRepository.h"

namespace dangbo::services {

namespace {

std::string nowUtc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Published fromRow(store::PublishedReport r) {
  return {r.id,
          std::move(r.name),
          std::move(r.title),
          std::move(r.options),
          std::move(r.publishedAt),
          std::move(r.username),
          std::move(r.model)};
}

}  // namespace

core::Id publishReport(Services& s, const Actor& actor, const std::string& name, const std::string& title,
                       const std::string& options, const std::string& archive) {
  require(actor, Permission::ReadRegister);
  if (archive.empty()) throw core::DataError(core::tr("The report to publish is empty."));
  core::Id id = 0;
  s.database().transaction([&] {
    store::PublishedReport r;
    r.name = name;
    r.title = title;
    r.options = options;
    r.publishedAt = nowUtc();
    r.username = actor.username;
    r.model = archive;
    id = store::insertPublishedReport(s.database(), r);
    s.audit(actor, "report.publish", "published_report:" + std::to_string(id), "", name + " " + options);
  });
  return id;
}

std::vector<Published> publishedReports(Services& s, const Actor& actor) {
  require(actor, Permission::ReadRegister);
  std::vector<Published> out;
  for (auto& r : store::listPublishedReports(s.database())) out.push_back(fromRow(std::move(r)));
  return out;
}

Published publishedReport(Services& s, const Actor& actor, core::Id id) {
  require(actor, Permission::ReadRegister);
  auto r = store::findPublishedReport(s.database(), id);
  if (!r)
    throw core::DataError(
        core::format(core::tr("There is no published report number {1}."), {std::to_string(id)}));
  return fromRow(std::move(*r));
}

}  // namespace dangbo::services
