#pragma once
// The Party badges page (spec/member-file.md "Badges"): a round (an award day of a year: 3/2, 19/5, 2/9,
// 7/11), its proposal list (each member's cell, milestone, party age and why proposed: due, missed earlier,
// seriously ill, posthumous; or waiting after a discipline), the award of the member selected recorded
// through services::recordBadgeAward (the door `record add badge` uses), and the proposal with its memo or
// the ceremony list saved as PDF or Word.
#include <vector>

#include "app/Page.h"
#include "core/Date.h"
#include "services/BadgeRound.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dangbo::app {

class BadgesPage : public Page {
 public:
  explicit BadgesPage(wxWindow* parent);
  void showRegister(services::Services& s) override;
  void activate() override;

 private:
  void fillDays();
  void refresh();
  void selected();
  void recordAward();
  void save(const char* report);
  std::optional<core::Date> awardDay() const;

  services::Services* services_ = nullptr;
  std::vector<core::Date> days_;
  services::BadgeRound round_;
  bool shown_ = false;
  wxSpinCtrl* year_ = nullptr;
  wxChoice* day_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxListCtrl* list_ = nullptr;
  wxStaticText* who_ = nullptr;
  wxTextCtrl* decisionNo_ = nullptr;
  wxTextCtrl* decisionOn_ = nullptr;
  wxTextCtrl* badgeNo_ = nullptr;
  wxTextCtrl* ceremonyOn_ = nullptr;
  wxButton* record_ = nullptr;
};

}  // namespace dangbo::app
