#pragma once
// The file supplements page (spec/member-file.md "Forms printed from the register", 3-HSĐV): for a year, the
// sheet of each member present at its end with the year's changes and whether it came back; the office marks
// the sheets chosen returned through services::recordSupplementReturns (the door of `file-supplement
// return`); the sheets and the list of those missing saved as the other file pages save theirs
// (app/ReportSaving). A secretary sees their cell's sheets and is told that the office marks them.
#include <vector>

#include "app/Page.h"
#include "services/FileSupplement.h"

class wxButton;
class wxCheckBox;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dangbo::app {

class SupplementsPage : public Page {
 public:
  explicit SupplementsPage(wxWindow* parent);
  void showRegister(services::Services& s) override;
  void activate() override;

 private:
  void refresh();
  void fillList();
  void markReturned();
  void save(const char* report, const std::vector<std::string>& formats);

  services::Services* services_ = nullptr;
  std::vector<services::SupplementSheet> sheets_;
  std::vector<size_t> shown_;  // the sheets in the list, in the order filled
  bool read_ = false;
  wxSpinCtrl* year_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxCheckBox* onlyMissing_ = nullptr;
  wxListCtrl* list_ = nullptr;
  wxStaticText* refusal_ = nullptr;
  wxTextCtrl* returnedOn_ = nullptr;
  wxButton* mark_ = nullptr;
  wxStaticText* note_ = nullptr;
};

}  // namespace dangbo::app
