#include "app/CellTree.h"

#include "app/Ui.h"

namespace dangbo::app {

namespace {
bool existsOn(const core::Organization& o, const core::Date& d) {
  return (!o.founded || *o.founded <= d) && (!o.ceased || *o.ceased > d);
}
wxString withCount(const wxString& label, int n) {
  return ui::fmt(_("{1} ({2})"), {label, ui::count(n)});
}
}  // namespace

CellTree::CellTree(wxWindow* parent, std::function<void()> onChoose)
    : wxTreeCtrl(
          parent, wxID_ANY, wxDefaultPosition, wxSize(265, -1),
          wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_FULL_ROW_HIGHLIGHT | wxTR_NO_LINES | wxBORDER_THEME),
      onChoose_(std::move(onChoose)) {
  Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent&) {
    if (!filling_ && onChoose_) onChoose_();
  });
}

void CellTree::show(const std::string& committee, const std::vector<core::Organization>& orgs,
                    const core::Date& on, const std::map<std::string, int>& counts) {
  std::string keep = chosenCell();
  bool keepGroup = !keep.empty() ? false : GetSelection().IsOk();
  wxString keepLabel = keepGroup ? GetItemText(GetSelection()).BeforeLast('(') : wxString();
  filling_ = true;
  Freeze();
  DeleteAllItems();
  wxTreeItemId hidden = AddRoot("");
  auto countOf = [&](const std::set<std::string>& cells) {
    int n = 0;
    for (const auto& c : cells)
      if (auto it = counts.find(c); it != counts.end()) n += it->second;
    return n;
  };
  // The groups, in the order of the congress report.
  struct Group {
    wxString label;
    std::vector<const core::Organization*> cells;
  };
  Group grassroots{_("Grassroots cells"), {}}, villages{_("Village cells"), {}},
      schools{_("School cells"), {}}, others{_("Other subordinate cells"), {}};
  std::set<std::string> all;
  for (const auto& o : orgs) {
    if (!existsOn(o, on)) continue;
    all.insert(o.code);
    if (o.kind == "co_so")
      grassroots.cells.push_back(&o);
    else if (o.category == "ban")
      villages.cells.push_back(&o);
    else if (o.category == "truong")
      schools.cells.push_back(&o);
    else
      others.cells.push_back(&o);
  }
  auto* rootData = new Node;
  rootData->cells = {};
  wxTreeItemId root = AppendItem(hidden, withCount(ui::wx(committee), countOf(all)), -1, -1, rootData);
  SetItemBold(root);
  wxTreeItemId select = root;
  for (Group* g : {&grassroots, &villages, &schools, &others}) {
    if (g->cells.empty()) continue;
    auto* data = new Node;
    for (const auto* o : g->cells) data->cells.insert(o->code);
    wxTreeItemId group = AppendItem(root, withCount(g->label, countOf(data->cells)), -1, -1, data);
    if (keepGroup && withCount(g->label, 0).BeforeLast('(') == keepLabel) select = group;
    for (const auto* o : g->cells) {
      auto* cell = new Node;
      cell->cells = {o->code};
      cell->cell = o->code;
      auto it = counts.find(o->code);
      wxTreeItemId item =
          AppendItem(group, withCount(ui::wx(o->name), it == counts.end() ? 0 : it->second), -1, -1, cell);
      if (o->code == keep) select = item;
    }
    Expand(group);
  }
  Expand(root);
  SelectItem(select);
  EnsureVisible(select);
  Thaw();
  filling_ = false;
}

const std::set<std::string>& CellTree::chosenCells() const {
  wxTreeItemId id = GetSelection();
  if (!id.IsOk()) return none_;
  auto* n = dynamic_cast<Node*>(GetItemData(id));
  return n ? n->cells : none_;
}

std::string CellTree::chosenCell() const {
  wxTreeItemId id = GetSelection();
  if (!id.IsOk()) return {};
  auto* n = dynamic_cast<Node*>(GetItemData(id));
  return n ? n->cell : std::string();
}

}  // namespace dangbo::app
