#pragma once
// The party organizations page: a read-only list of the committee's cells (Services::organizations).
#include <vector>

#include "app/Page.h"
#include "core/Records.h"

class wxListCtrl;
class wxCheckBox;

namespace dangbo::app {

/// The list of party organizations.
class OrganizationsPage : public Page {
 public:
  /// Builds the page from forms/OrganizationsPage.xrc.
  explicit OrganizationsPage(wxWindow* parent);
  /// Reads the organizations of `s` and lists them.
  void showRegister(services::Services& s) override;

 private:
  void fill();
  std::vector<core::Organization> orgs_;
  wxListCtrl* list_;
  wxCheckBox* showCeased_;
};

}  // namespace dangbo::app
