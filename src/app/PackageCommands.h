#pragma once
// The File menu's cell package items: at the office, export a cell package and import a change package
// (with its review); for a cell secretary, open a cell package and save the change package.
#include <functional>
#include <memory>

class wxFrame;
class wxInfoBar;
class wxMenu;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// Appends the package items to `file` and binds them on `frame`. `current` gives the open register (may be
/// null), `open` shows another register (the cell file made from a package), `refresh` redraws the pages.
void addPackageMenu(wxFrame* frame, wxMenu* file, std::function<services::Services*()> current,
                    std::function<void(std::unique_ptr<services::Services>)> open,
                    std::function<void()> refresh);

/// Shows on `bar` that the register is a cell file opened from a package (cell mode: which cell, when and
/// from which committee it was exported, that changes are saved as a change package), with a button that
/// saves the change package; hides it for an office file. The first call binds the button on `frame`.
void showCellMode(wxFrame* frame, wxInfoBar* bar, services::Services& s);

}  // namespace dangbo::app
