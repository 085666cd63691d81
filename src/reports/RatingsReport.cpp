#include "reports/RatingsReport.h"

#include <string>
#include <string_view>

#include "core/Csv.h"
#include "core/I18n.h"
#include "core/Numbers.h"
#include "reports/Json.h"

namespace dangbo::reports {

namespace {

void tenthsOrNull(JsonWriter& j, std::string_view key, const std::optional<int64_t>& tenths) {
  j.key(key);
  if (tenths)
    j.raw(core::formatTenthsJson(*tenths));
  else
    j.null();
}

void levels(JsonWriter& j, std::string_view key, const services::RatingLevels& l, bool withTarget,
            const std::optional<int64_t>& target) {
  j.key(key).beginObject();
  j.key("HTXSNV").value(l.htxsnv).key("HTTNV").value(l.httnv).key("HTNV").value(l.htnv).key("KHTNV").value(
      l.khtnv);
  j.key("rated").value(l.rated);
  tenthsOrNull(j, "good_or_better_percent", l.goodOrBetterPercent);
  if (withTarget) tenthsOrNull(j, "target", target);
  j.endObject();
}

using core::csvField;

std::string tenths(const std::optional<int64_t>& t) {
  return t ? core::formatTenthsJson(*t) : std::string();
}

void csvRow(std::ostream& out, int year, std::string_view subject, std::string_view cell,
            std::string_view cellName, std::string_view level, const services::RatingLevels& l,
            const std::optional<int64_t>& target) {
  out << year << ',' << csvField(subject) << ',' << csvField(cell) << ',' << csvField(cellName) << ','
      << level << ',' << l.htxsnv << ',' << l.httnv << ',' << l.htnv << ',' << l.khtnv << ',' << l.rated
      << ',' << tenths(l.goodOrBetterPercent) << ',' << tenths(target) << '\n';
}

}  // namespace

void writeRatingsJson(std::ostream& out, const services::RatingSummary& sum) {
  JsonWriter j(out);
  j.beginObject();
  j.key("from").value(sum.fromYear).key("to").value(sum.toYear);
  j.key("ratings").beginObject();
  for (const auto& y : sum.years) {
    j.key(std::to_string(y.year)).beginObject();
    j.key("round");
    if (y.roundStatus.empty())
      j.null();
    else
      j.value(y.roundStatus);
    levels(j, "organizations", y.organizations, true, y.organizationTarget);
    levels(j, "members", y.members, true, y.memberTarget);
    j.endObject();
  }
  j.endObject();
  j.key("cells").beginArray();
  for (const auto& c : sum.cells) {
    j.beginObject();
    j.key("code").value(c.code).key("name").value(c.name);
    j.key("years").beginObject();
    for (const auto& y : c.years) {
      j.key(std::to_string(y.year)).beginObject();
      j.key("level");
      if (y.level.empty())
        j.null();
      else
        j.value(y.level);
      levels(j, "members", y.members, false, std::nullopt);
      j.endObject();
    }
    j.endObject();
    j.endObject();
  }
  j.endArray();
  j.endObject();
}

void writeRatingsCsv(std::ostream& out, const services::RatingSummary& sum) {
  using core::tr;
  out << core::csvLine({tr("Year"), tr("Rated subject"), tr("Cell code"), tr("Cell"), tr("Cell's level"),
                        "HTXSNV", "HTTNV", "HTNV", "KHTNV", tr("Rated"), tr("Good or better (%)"),
                        tr("Target (%)")});
  const std::string orgs = tr("Party organizations"), members = tr("Party members"),
                    cell = tr("Members of the cell");
  for (const auto& y : sum.years) {
    csvRow(out, y.year, orgs, "", "", "", y.organizations, y.organizationTarget);
    csvRow(out, y.year, members, "", "", "", y.members, y.memberTarget);
  }
  for (const auto& c : sum.cells)
    for (const auto& y : c.years) csvRow(out, y.year, cell, c.code, c.name, y.level, y.members, std::nullopt);
}

}  // namespace dangbo::reports
