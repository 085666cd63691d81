#pragma once
// The Party age tab of the member form (spec/member-file.md "Party age", "Badges"): the party age today, the
// member's interruptions (added and deleted through services::addInterruption / deleteInterruption, the doors
// of `record add|delete interruption`), the requests to propose a badge early (services::recordBadgeRequest,
// the door of `record add badge_request`) and the badges awarded. The office writes; others read.
#include <wx/panel.h>

#include <functional>
#include <string>

#include "services/PartyFile.h"

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The party age in one line: years today, the first admission, interruptions not counted, the last badge,
/// the next milestone; empty when the first admission is unknown.
wxString partyAgeText(const services::PartyAgeView& v);

/// The tab of one existing member's party age, interruptions, early requests and badges.
class PartyAgeTab : public wxPanel {
 public:
  /// `changed` is called after each write (the form then shows the new party age in its header).
  PartyAgeTab(wxWindow* parent, services::Services& s, std::string code, std::function<void()> changed);
  /// Reads the member's party age again and shows it.
  void load();

 private:
  void addInterruption();
  void deleteInterruption();
  void addRequest();
  /// After a write: shows the party age again, tells the form, gives `focus` the keyboard.
  void written(wxWindow* focus);

  services::Services& services_;
  std::string code_;
  std::function<void()> changed_;
  services::PartyAgeView view_;
  wxStaticText* summary_ = nullptr;
  wxListCtrl* interruptions_ = nullptr;
  wxListCtrl* requests_ = nullptr;
  wxListCtrl* awards_ = nullptr;
  wxButton* add_ = nullptr;
  wxButton* delete_ = nullptr;
  wxButton* request_ = nullptr;
};

}  // namespace dangbo::app
