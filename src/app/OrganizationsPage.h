#pragma once
// The party organizations page: the committee's cells, and their changes through services/Register.h:
// add and change a cell, merge, split, dissolve, cell committee elected or ended, secretary and deputy;
// the leaders of the chosen cell below the list.
#include <functional>
#include <vector>

#include "app/Page.h"
#include "core/Records.h"

class wxListCtrl;
class wxCheckBox;

namespace dangbo::app {

enum class OrgAction;

/// The list of party organizations and their changes.
class OrganizationsPage : public Page {
 public:
  /// Builds the page from forms/OrganizationsPage.xrc; `onChanged` is called after a change.
  OrganizationsPage(wxWindow* parent, std::function<void()> onChanged);
  /// Reads the organizations of `s` and lists them.
  void showRegister(services::Services& s) override;
  /// Ctrl+N: adds an organization.
  bool addNew() override;
  /// Focuses the list (the first cell chosen when none is).
  void activate() override;

 private:
  void fill();
  const core::Organization* selected() const;
  void showLeaders();
  void add();
  void edit();
  void act(OrgAction action);
  void changed();
  std::function<void()> onChanged_;
  services::Services* services_ = nullptr;
  std::vector<core::Organization> orgs_;
  std::vector<size_t> shown_;  // list row -> index in orgs_
  wxListCtrl* list_;
  wxCheckBox* showCeased_;
};

}  // namespace dangbo::app
