#include "app/TabOrder.h"

#include <wx/sizer.h>
#include <wx/window.h>

#include <vector>

namespace dangbo::app::ui {

namespace {

// The windows of `item` that take the keyboard (a window, or those of a sizer, in their order).
void focusable(wxSizerItem* item, std::vector<wxWindow*>& out) {
  if (wxWindow* w = item->GetWindow()) {
    if (w->AcceptsFocus()) out.push_back(w);
  } else if (wxSizer* s = item->GetSizer()) {
    for (wxSizerItem* child : s->GetChildren()) focusable(child, out);
  }
}

void visit(wxSizer* sizer) {
  if (!sizer) return;
  auto* grid = dynamic_cast<wxFlexGridSizer*>(sizer);
  const int cols = grid ? grid->GetEffectiveColsCount() : 0;
  if (grid && cols >= 4) {
    const wxSizerItemList& items = grid->GetChildren();
    std::vector<std::vector<wxWindow*>> byColumn(static_cast<size_t>(cols));
    int i = 0;
    for (wxSizerItem* item : items) focusable(item, byColumn[size_t(i++ % cols)]);
    std::vector<wxWindow*> order;
    for (const auto& column : byColumn) order.insert(order.end(), column.begin(), column.end());
    for (size_t k = 1; k < order.size(); ++k)
      if (order[k]->GetParent() == order[k - 1]->GetParent()) order[k]->MoveAfterInTabOrder(order[k - 1]);
  }
  for (wxSizerItem* item : sizer->GetChildren())
    if (item->GetSizer()) visit(item->GetSizer());
}

void walk(wxWindow* w) {
  visit(w->GetSizer());
  for (wxWindow* child : w->GetChildren())
    if (!child->IsTopLevel()) walk(child);
}

}  // namespace

void tabDownColumns(wxWindow* top) {
  if (top) walk(top);
}

}  // namespace dangbo::app::ui
