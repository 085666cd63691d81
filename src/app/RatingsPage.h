#pragma once
// The annual rating page (issue 6): the year and its round (open, lock, reopen: office only, through
// services/Ratings so the audit rows are written); for each cell a fast grid of its members (keys 1-4 set
// the level of the current column and go down) with eligibility, the quota warning while entering, and the
// cell's list saved as PDF; the cells rated by the office; the round's summary against the targets and each
// cell against earlier years.
#include <optional>
#include <string>
#include <vector>

#include "app/Page.h"
#include "services/Ratings.h"

class wxChoice;
class wxGrid;
class wxGridEvent;
class wxKeyEvent;
class wxListCtrl;
class wxNotebook;
class wxStaticText;

namespace dangbo::app {

/// Ratings page.
class RatingsPage : public Page {
 public:
  /// Builds the page from forms/RatingsPage.xrc.
  explicit RatingsPage(wxWindow* parent);
  /// Reads the rounds and years of `s` and shows the latest one.
  void showRegister(services::Services& s) override;
  /// Focuses the grid of the chosen cell (the cell list when none is chosen).
  void activate() override;

 private:
  // the year and its round
  void fillYears(std::optional<int> keep);
  std::optional<int> year() const;
  void showYear();
  void showRound();
  void openRound();
  void lockRound();
  void reopenRound();
  // the members of a cell
  void fillCells();
  void wrapTexts();  // the heading and the texts under the grid wrapped at the grid's width
  void showCell();
  void fillGrid();
  void showQuota();
  void showRowInfo();
  void onGridKey(wxKeyEvent& e);
  void onGridChanged(wxGridEvent& e);
  void setMember(int row, int col, const std::string& value);
  void savePdf();
  // the cells rated by the office
  void fillOrgGrid();
  void onOrgKey(wxKeyEvent& e);
  void onOrgChanged(wxGridEvent& e);
  void setOrg(int row, int col, const std::string& value);
  // the summary
  void fillSummary();
  // after a change: the warnings, then the lists again
  void report(const std::vector<services::CheckFinding>& warnings);
  void refreshAfterChange();
  bool office() const;
  bool roundOpen() const;

  services::Services* services_ = nullptr;
  std::vector<services::RatingRound> rounds_;
  std::vector<int> years_;
  std::vector<services::CellRatingProgress> progress_;
  std::string cellCode_;
  std::vector<services::RatingSheetRow> rows_;
  std::vector<services::OrgRatingRow> orgs_;
  std::vector<std::string> lastWarnings_;
  bool filling_ = false;

  wxChoice* yearChoice_;
  wxStaticText* roundStatus_;
  wxNotebook* tabs_;
  wxListCtrl* cells_;
  wxGrid* grid_;
  wxGrid* orgGrid_;
  int wrappedAt_ = -1;  ///< the grid width the texts under it were last wrapped at
  wxListCtrl* yearsList_;
  wxListCtrl* history_;
};

}  // namespace dangbo::app
