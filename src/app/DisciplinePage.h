#pragma once
// The page of inspection cases and disciplinary decisions (issue 7). Every role sees the figures of the
// chosen year, the removals and the annual plan's progress; the case files (cases with their timeline,
// decisions with their complaints) only the inspection committee: for any other role the services refuse
// them and the page shows the service's message instead.
#include <optional>
#include <vector>

#include "app/Page.h"
#include "services/Discipline.h"

class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxNotebook;

namespace dangbo::app {

/// Discipline page.
class DisciplinePage : public Page {
 public:
  explicit DisciplinePage(wxWindow* parent);
  void showRegister(services::Services& s) override;
  bool addNew() override;
  void activate() override;

 private:
  void refresh();
  void fillCases();
  void wrapRefusal();
  void showTimeline();
  void showComplaints();
  std::optional<int> year() const;
  std::pair<core::Date, core::Date> period() const;
  const services::InspectionCase* selectedCase() const;
  const services::DecisionCase* selectedDecision() const;
  void newCase();
  void editCase();
  void decideFromCase();
  void newDecision(services::DecisionInput preset);
  void fileComplaint();
  void settleComplaint();
  void newRemoval();
  void newPlan();

  services::Services* services_ = nullptr;
  wxChoice *year_, *kind_, *subject_, *state_;
  wxStaticText *counts_, *refusal_;
  wxString refusalText_;  ///< the refusal as one line, wrapped at the page's width
  wxNotebook* tabs_;
  wxListCtrl *cases_, *timeline_, *decisions_, *complaints_, *removals_, *plan_, *figures_;
  bool canRead_ = false;
  std::vector<services::InspectionCase> allCases_;
  std::vector<size_t> shownCases_;  // list row -> index in allCases_
  std::vector<services::DecisionCase> decisionList_;
  std::vector<size_t> shownDecisions_;  // list row -> index in decisionList_
  std::vector<services::PlanItem> planItems_;
};

}  // namespace dangbo::app
