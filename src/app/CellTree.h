#pragma once
// The cell tree of the members page: the committee, then its grassroots cells and its subordinate cells
// grouped by category (village cells, school cells, others), each with its member count on a day.
#include <wx/treectrl.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/Date.h"
#include "core/Records.h"

namespace dangbo::app {

/// A tree of the cells existing on a day, with member counts; choosing a node selects a set of cells.
class CellTree : public wxTreeCtrl {
 public:
  /// An empty tree; `onChoose` is called with the chosen node's cells (empty set: the whole committee).
  CellTree(wxWindow* parent, std::function<void()> onChoose);
  /// Fills the tree with the organizations existing on `on` and the counts of members per cell code;
  /// keeps the chosen cell when it still exists.
  void show(const std::string& committee, const std::vector<core::Organization>& orgs, const core::Date& on,
            const std::map<std::string, int>& counts);
  /// The cell codes of the chosen node; empty for the committee (every member).
  const std::set<std::string>& chosenCells() const;
  /// The code of the chosen cell when a single cell is chosen, else "".
  std::string chosenCell() const;

 private:
  struct Node : wxTreeItemData {
    std::set<std::string> cells;
    std::string cell;  // a single cell's code
  };
  std::function<void()> onChoose_;
  std::set<std::string> none_;
  bool filling_ = false;
};

}  // namespace dangbo::app
