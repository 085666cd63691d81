#pragma once
// Settings tab: the holiday calendar (days off, compensatory days, swapped working days) filtered
// by year; importing a year's announcement (CSV) and deleting one day.
#include <vector>

#include "app/Page.h"
#include "core/WorkCalendar.h"

class wxChoice;
class wxListCtrl;

namespace dangbo::app {

/// Lists and edits the holiday calendar through Services.
class HolidaysTab : public Page {
 public:
  /// Builds the tab from forms/SettingsPage.xrc.
  explicit HolidaysTab(wxWindow* parent);
  /// Lists the calendar of `s`.
  void showRegister(services::Services& s) override;

 private:
  void reload(int selectYear);
  void fill();
  void importFile();
  void remove();
  int selectedYear() const;  ///< 0 for every year
  services::Services* services_ = nullptr;
  std::vector<core::WorkCalendar::Entry> entries_;
  std::vector<int> years_;
  std::vector<const core::WorkCalendar::Entry*> shown_;
  wxChoice* year_;
  wxListCtrl* list_;
};

}  // namespace dangbo::app
