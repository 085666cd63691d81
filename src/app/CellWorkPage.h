#pragma once
// The cells' monthly work (spec/cell-work.md): for a chosen cell, a meetings tab (the year's meetings month
// by month; record a meeting and tick its attendance from the cell's list with the keyboard) and a dues tab
// (a month grid of the cell's members: type the amounts paid, Enter moves down), with the year's progress and
// what the cell sent up to the commune month by month; and the commune's month (every cell: its meetings, the
// attendance rate, the dues due, collected and owed); the year's removal grounds, from which the removal form
// opens pre-filled after a confirmation.
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
  void fitAttendance();
  void cycleAttendance();
  void saveMeeting();
  void fillDues();
  void onDuesChanged(wxGridEvent& e);
  void fillSent();
  void fillOverview();
  void fillGrounds();
  void startRemoval();
  void saveSent();
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
  wxTextCtrl* place_ = nullptr;
  wxListBox* attendance_ = nullptr;
  std::vector<services::CellMemberOnDay> members_;
  std::vector<std::string> status_;  // per member of members_
  wxGrid* dues_ = nullptr;
  wxTextCtrl* paidOn_ = nullptr;
  wxStaticText* progress_ = nullptr;
  wxChoice* sentMonth_ = nullptr;  // what the cell sent up to the commune: month, amount, day
  wxTextCtrl* sentAmount_ = nullptr;
  wxTextCtrl* sentOn_ = nullptr;
  wxStaticText* sentNote_ = nullptr;
  std::vector<services::RemittanceInput> sent_;
  wxChoice* overviewMonth_ = nullptr;  // the commune's month: every cell's meetings and dues
  wxListCtrl* overview_ = nullptr;
  wxListCtrl* grounds_ = nullptr;  // the removal grounds of the year, each able to start the removal
  std::vector<services::RemovalGround> groundList_;
  services::DuesBook book_;
  bool filling_ = false;
};

}  // namespace dangbo::app
