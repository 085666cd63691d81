// A change package's ratings through the ratings page's door (see PackageRatings.h).
#include "services/PackageRatings.h"

#include <optional>

#include "core/Errors.h"
#include "core/I18n.h"
#include "services/Ratings.h"

namespace dangbo::services {

void writePackageRating(Services& s, const Actor& actor, int year, const std::string& subjectType,
                        const std::string& subjectCode, const std::string& currentLevel,
                        const std::vector<std::pair<std::string, std::string>>& columns) {
  // The level a score or an exception goes with: the decision given beside it, else the level as it stands.
  std::optional<std::string> decided;
  for (const auto& [column, value] : columns)
    if (column == "level") decided = value;
  std::vector<RatingInput> inputs;
  for (const auto& [column, value] : columns) {
    RatingInput in;
    in.subjectCode = subjectCode;
    if (column == "self_level" || column == "proposed_level" || column == "level") {
      in.stage = column == "self_level"       ? RatingStage::SelfAssessment
                 : column == "proposed_level" ? RatingStage::Proposal
                                              : RatingStage::Decision;
      in.level = value;
    } else if (column == "score" || column == "exception_reason") {
      if (decided && column == "score") continue;  // entered with the level below
      in.stage = RatingStage::Decision;
      in.level = decided.value_or(currentLevel);
      if (column == "score") {
        if (value.empty() || value.size() > 3 || value.find_first_not_of("0123456789") != std::string::npos)
          throw core::DataError(
              core::format(core::tr("The score {1} is not a whole number from 0 to 100."), {value}));
        in.score = std::stoi(value);
      } else {
        in.exceptionReason = value;
      }
    } else {
      throw core::DataError(core::format(
          core::tr("The change package changes a field a cell may not change: {1}. Nothing was written."),
          {"ratings." + column}));
    }
    inputs.push_back(std::move(in));
  }
  if (subjectType == "to_chuc")
    rateOrganizations(s, actor, year, inputs);
  else
    enterMemberRatings(s, actor, year, inputs);
}

}  // namespace dangbo::services
