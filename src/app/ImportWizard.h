#pragma once
// The import wizard (forms/ImportWizard.xrc): choose a folder of CSV files or an .xlsx workbook, read it
// (exchange::readImport) and plan it (services::planImport) without writing anything, show per file and row
// what would happen, the problems and the likely duplicates, and apply (services::applyImport) only when
// nothing stops it.
#include <wx/dialog.h>

#include <optional>

#include "services/Import.h"

class wxListCtrl;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

class ImportRowList;

/// The import dialog, step by step.
class ImportWizard : public wxDialog {
 public:
  /// Builds the wizard from forms/ImportWizard.xrc; with `source`, reads and plans it at once.
  ImportWizard(wxWindow* parent, services::Services& s, const wxString& source = {});
  /// True when an import was applied (the pages must be refreshed).
  bool applied() const { return applied_; }

 private:
  void choose(bool folder);
  void check();
  void showPlan();
  void fillRows();
  void apply();
  services::Services& services_;
  std::optional<services::ImportBatch> batch_;
  services::ImportPlan plan_;
  ImportRowList* rows_ = nullptr;
  bool applied_ = false;
};

}  // namespace dangbo::app
