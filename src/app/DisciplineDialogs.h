#pragma once
// The forms of the discipline page (forms/DisciplineDialogs.xrc): an inspection case, a disciplinary
// decision, a complaint, the outcome of a complaint, a removal and an item of the annual plan. Each dialog
// reads its fields, hands them to `submit` (a service call) and closes only when it succeeded; a refusal is
// shown in Vietnamese and the form stays open.
#include <wx/dialog.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "services/Discipline.h"

namespace dangbo::app {

/// A dialog of forms/DisciplineDialogs.xrc.
class DisciplineDialog : public wxDialog {
 public:
  /// Loads the XRC dialog `name`.
  DisciplineDialog(wxWindow* parent, const char* name);

 protected:
  /// Runs modally; `save` reads the fields and calls the service (true when done).
  bool runWith(const std::function<bool()>& save);
  /// The text of a field, trimmed, as UTF-8.
  std::string text(const char* name);
  /// Sets the text of a field.
  void setText(const char* name, const std::string& value);
  /// The optional date typed in a field; false (message shown) when it is not a date.
  bool optionalDate(const char* name, const wxString& what, std::optional<core::Date>& out);
  /// The required date typed in a field; false (message shown) when missing or not a date.
  bool requiredDate(const char* name, const wxString& what, core::Date& out);
  /// Fills a choice with the labels of `codes` and selects `selected` (or the first).
  void fillChoice(const char* name, const std::vector<std::pair<std::string, wxString>>& items,
                  const std::string& selected);
  /// The code of the selected item of a choice filled by fillChoice.
  std::string chosen(const char* name);

 private:
  std::map<std::string, std::vector<std::string>> codes_;
};

/// The form of an inspection case (new or changed).
class CaseDialog : public DisciplineDialog {
 public:
  /// `plans`: the plan items that the case may carry out.
  CaseDialog(wxWindow* parent, const std::vector<services::PlanItem>& plans);
  /// Shows `in` (a new case when `existing` is false: kind, subject, number and date may be typed).
  bool run(services::InspectionInput& in, bool existing,
           const std::function<void(const services::InspectionInput&)>& submit);
};

/// The form of a disciplinary decision.
class DecisionDialog : public DisciplineDialog {
 public:
  explicit DecisionDialog(wxWindow* parent);
  /// Shows `in` (the subject preset from a case) and submits it.
  bool run(services::DecisionInput in, const std::function<void(const services::DecisionInput&)>& submit);
};

/// The form of a complaint against a decision.
class ComplaintDialog : public DisciplineDialog {
 public:
  explicit ComplaintDialog(wxWindow* parent);
  /// Submits the complaint against `decisionId`.
  bool run(core::Id decisionId, const std::function<void(const services::ComplaintInput&)>& submit);
};

/// The form of the outcome of a complaint.
class OutcomeDialog : public DisciplineDialog {
 public:
  explicit OutcomeDialog(wxWindow* parent);
  /// Submits (outcome code, date).
  bool run(const std::function<void(const std::string&, const core::Date&)>& submit);
};

/// The form of a removal from the list.
class RemovalDialog : public DisciplineDialog {
 public:
  explicit RemovalDialog(wxWindow* parent);
  /// Fills the form from a ground found in the register (the member, the ground, the proposal's day).
  void prefill(const std::string& memberCode, const std::string& ground, const core::Date& proposedOn);
  /// Submits the removal.
  bool run(const std::function<void(const services::RemovalInput&)>& submit);
};

/// The form of an item of the annual plan.
class PlanDialog : public DisciplineDialog {
 public:
  explicit PlanDialog(wxWindow* parent);
  /// Submits the item of `year`.
  bool run(int year, const std::function<void(const services::PlanItem&)>& submit);
};

}  // namespace dangbo::app
