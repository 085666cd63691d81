#pragma once
// Settings tab: the committee's identity (name, place, province, the two header lines).
#include <functional>

#include "app/Page.h"

namespace dangbo::app {

/// Edits the committee's identity through Services::saveCommittee.
class CommitteeTab : public Page {
 public:
  /// Builds the tab from forms/SettingsPage.xrc; `onSaved` runs after a successful save.
  CommitteeTab(wxWindow* parent, std::function<void()> onSaved);
  /// Shows the identity stored in `s`.
  void showRegister(services::Services& s) override;

 private:
  void save();
  services::Services* services_ = nullptr;
  std::function<void()> onSaved_;
};

}  // namespace dangbo::app
