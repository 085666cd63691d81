#pragma once
// The overview page (Tổng quan): the committee's figures on today's date (Services::summary), one card
// each; this year's targets against the actual figures (services::dashboard), one tile each, opening the
// list behind the figure; the overdue and coming deadlines; the findings of the cells' monthly work.
#include <map>
#include <string>

#include "app/DashboardCounter.h"
#include "app/Page.h"
#include "app/WelcomePanel.h"
#include "services/Dashboard.h"
#include "services/Services.h"

class wxListCtrl;

namespace dangbo::app {

class CellWorkFindings;
class FigureTile;

/// The figures of the register at a glance.
class OverviewPage : public Page {
 public:
  /// Builds the page from forms/OverviewPage.xrc.
  explicit OverviewPage(wxWindow* parent);
  /// Shows the summary and the targets of today.
  void showRegister(services::Services& s) override;
  /// Shows figures already read.
  void showSummary(const services::Summary& sum);
  /// Counts and shows the targets and deadlines of today (the acting user's view); a failure shows no
  /// figures.
  void showDashboard(services::Services& s);
  /// Shows them as counted (by DashboardCounter, on a thread of its own).
  void showDashboard(const DashboardAnswer& answer);
  /// Says that the targets and deadlines are being counted (and hides them when none were shown yet).
  void showCounting();
  /// Focus on the first tile.
  void activate() override;
  /// Adds the welcome shown while the register is empty, with what its buttons do.
  void setWelcome(WelcomeActions actions);

 private:
  void setCard(const char* name, long long value, const wxString& detail);
  /// Wraps a card's detail at the card's width.
  void wrapDetail(const std::string& name);
  void showFigure(const services::DashboardFigure& f);
  void openFigure(const std::string& key);
  void openDeadlines(bool overdue);
  void fillDeadlines();

  std::map<std::string, FigureTile*> tiles_;
  wxListCtrl* deadlines_ = nullptr;
  services::Dashboard dashboard_;
  bool hasDashboard_ = false;
  WelcomePanel* welcome_ = nullptr;
  CellWorkFindings* cellWork_ = nullptr;                          ///< the findings of the cells' monthly work
  std::map<std::string, wxString> details_, captions_, wrapped_;  ///< each card's texts, and as last wrapped
};

}  // namespace dangbo::app
