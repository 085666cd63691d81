#pragma once
// The statistics page (spec/member-file.md "Statistics sent up"): the basic statistics templates 1-7 of
// Hướng dẫn 11-HD/BTCTW for a year chosen, one template at a time (each criterion this year, the same day
// last year and the percent), saved as Excel laid out like the templates or as PDF.
#include <vector>

#include "app/Page.h"
#include "services/Statistics.h"

class wxChoice;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;

namespace dangbo::app {

class StatisticsPage : public Page {
 public:
  explicit StatisticsPage(wxWindow* parent);
  void showRegister(services::Services& s) override;
  void activate() override;

 private:
  void compute();
  void fillTemplate();
  void save(const char* format);

  services::Services* services_ = nullptr;
  std::vector<services::StatisticsTemplate> templates_;
  int computedYear_ = 0;  ///< the year templates_ hold; 0: not computed since the register was shown
  wxSpinCtrl* year_ = nullptr;
  wxChoice* template_ = nullptr;
  wxStaticText* title_ = nullptr;
  wxListCtrl* list_ = nullptr;
};

}  // namespace dangbo::app
