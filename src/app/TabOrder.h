#pragma once
// The keyboard's order in forms laid out as a grid of label/field pairs side by side (a wxFlexGridSizer of
// four columns): Tab goes down the first column of fields, then down the next, as the eye reads the form,
// instead of across the row (the order the controls were created in).
class wxWindow;

namespace dangbo::app::ui {

/// Puts the fields of every grid sizer of `top` (with two field columns or more) in the order down each
/// column, then the next; the grid's place among the other controls stays.
void tabDownColumns(wxWindow* top);

}  // namespace dangbo::app::ui
