#include "core/Progress.h"

#include "core/I18n.h"

namespace dangbo::core {

std::string ProgressStage::cancelledMessage() {
  return tr("Stopped at your request: nothing was changed.");
}

}  // namespace dangbo::core
