#pragma once
// The cells' monthly work (spec/cell-work.md): for a chosen cell, a meetings tab (the year's meetings month
// by month; record a meeting and tick its attendance from the cell's list with the keyboard) and a dues tab
// (a month grid of the cell's members: type the amounts paid, Enter moves down), with the year's progress.
#include <string>
#include <vector>

#include "app/Page.h"
#include "core/Date.h"
#include "services/CellWork.h"

class wxChoice;
class wxGrid;
class wxGridEvent;
class wxListBox;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dangbo::app {

class CellWorkPage : public Page {
 public:
  explicit CellWorkPage(wxWindow* parent);
  void showRegister(services::Services& s) override;
  void activate() override;

 private:
  void fillCells();
  void refresh();
  void fillMeetings();
  void fillAttendance();
  void cycleAttendance();
  void saveMeeting();
  void fillDues();
  void onDuesChanged(wxGridEvent& e);
  std::string cellCode() const;
  int year() const;

  services::Services* services_ = nullptr;
  std::vector<std::pair<std::string, std::string>> cells_;  // code, name
  wxChoice* cell_ = nullptr;
  wxSpinCtrl* year_ = nullptr;
  wxListCtrl* meetings_ = nullptr;
  wxTextCtrl* day_ = nullptr;
  wxChoice* kind_ = nullptr;
  wxTextCtrl* starts_ = nullptr;
  wxTextCtrl* ends_ = nullptr;
  wxListBox* attendance_ = nullptr;
  std::vector<services::CellMemberOnDay> members_;
  std::vector<std::string> status_;  // per member of members_
  wxGrid* dues_ = nullptr;
  wxTextCtrl* paidOn_ = nullptr;
  wxStaticText* progress_ = nullptr;
  services::DuesBook book_;
  bool filling_ = false;
};

}  // namespace dangbo::app
