#pragma once
// The members page: the cell tree with member counts, the filter bar (as-you-type search, date, status,
// standing, gender, ethnicity, age group, theory) and the virtual member list; opens the member form.
#include <wx/dataview.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/Page.h"
#include "core/Date.h"
#include "core/Records.h"
#include "services/MemberPager.h"

class wxChoice;
class wxSearchCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dangbo::app {

class CellTree;
class MemberListModel;

/// The list of party members on a day.
class MembersPage : public Page {
 public:
  /// Builds the page from forms/MembersPage.xrc; `onChanged` is called after the register was changed here.
  MembersPage(wxWindow* parent, std::function<void()> onChanged);
  ~MembersPage() override;
  /// Reads the organizations and members of `s` (keeping the filters) and lists them.
  void showRegister(services::Services& s) override;
  /// Ctrl+N: opens the form of a new member.
  bool addNew() override;
  bool printPaper() override;
  /// Focuses the search box.
  void activate() override;

 private:
  void buildList();
  void sortBy(unsigned column);
  /// The arrow on the heading of the column the list is sorted by (sort_), none on the others.
  void markSortedColumn();
  void bindKeys();
  void reload();
  void refilter();
  void openSelected();
  void addMember();
  void onDateEntered();
  void onIdle(wxIdleEvent& e);
  void showFound();
  std::optional<core::Id> selectedId() const;
  std::string selectedCode() const;
  void selectRow(int row);
  int selectedIndex() const;

  std::function<void()> onChanged_;
  services::Services* services_ = nullptr;
  std::vector<core::Organization> orgs_;
  std::vector<std::string> origins_;  // the former communes of the cells, in the origin choice's order
  std::vector<std::pair<std::string, std::string>> ethnicities_;     // code, name; as found in the register
  std::vector<std::pair<std::string, std::string>> allEthnicities_;  // the 54 groups, for the member form
  core::Date asOf_;
  CellTree* tree_ = nullptr;
  wxDataViewCtrl* list_ = nullptr;
  wxObjectDataPtr<MemberListModel> model_;
  wxSearchCtrl* search_ = nullptr;
  wxTextCtrl* date_ = nullptr;
  wxChoice *status_ = nullptr, *standing_ = nullptr, *gender_ = nullptr, *ethnicity_ = nullptr,
           *ageGroup_ = nullptr, *theory_ = nullptr, *origin_ = nullptr;
  wxStaticText* count_ = nullptr;
  std::optional<core::Id> keep_;  // the member to select again once the list is found
  services::MemberSort sort_;     // the column clicked last, and which way
};

}  // namespace dangbo::app
