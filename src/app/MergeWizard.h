#pragma once
// The merge wizard (spec/merger.md, the window's twin of `dangbo-cli merge`): the sources (one "NAME=PATH" a
// line: dangbo files, CSV folders, workbooks), the merge day and decision; the cell map with the new cells'
// names (as MAP.csv, the police and military cells of several sources proposed as one each); the proposed
// same-person pairs decided one by one; the plan (services::planMerge, nothing written); and the merge
// (services::applyMerge) under a progress dialog whose Cancel rolls everything back.
#include <wx/dialog.h>

#include <optional>
#include <vector>

#include "services/Merge.h"

class wxSimplebook;
class wxTextCtrl;
class wxStaticText;
class wxButton;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The merge dialog, step by step.
class MergeWizard : public wxDialog {
 public:
  MergeWizard(wxWindow* parent, services::Services& s);
  /// True when a merge was applied (the pages must be refreshed).
  bool applied() const { return applied_; }

 private:
  void go(int page);
  bool readSources();
  bool readCells();
  void showPair();
  void decide(bool same);
  void plan();
  void apply();
  void updateButtons();
  services::MergeRequest request() const;

  services::Services& services_;
  wxSimplebook* book_ = nullptr;
  wxTextCtrl *sources_ = nullptr, *on_ = nullptr, *decision_ = nullptr, *cells_ = nullptr, *plan_ = nullptr;
  wxStaticText *cellList_ = nullptr, *pairTitle_ = nullptr, *pairText_ = nullptr, *pairDecision_ = nullptr,
               *verdict_ = nullptr;
  wxButton *back_ = nullptr, *next_ = nullptr, *merge_ = nullptr, *same_ = nullptr, *different_ = nullptr;
  std::vector<services::MergeSource> read_;
  std::vector<services::MergeCellRow> cellRows_;
  std::vector<services::MergePair> pairs_;
  size_t pair_ = 0;
  std::optional<core::Date> day_;
  bool planOk_ = false;
  bool applied_ = false;
};

/// Runs the merge wizard; true when a merge was applied.
bool runMergeWizard(wxWindow* parent, services::Services& s);

}  // namespace dangbo::app
