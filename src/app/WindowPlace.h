#pragma once
// Where windows open: the main window where it was last closed (size, position, maximized; wxPersistence in
// the program's configuration file), else as large as 1280x760 allows on the screen it opens on; a dialog
// never larger than the screen's working area.
class wxTopLevelWindow;

namespace dangbo::app {

/// Restores the main window's last size and position, or gives it a size that fits the screen.
void placeWindow(wxTopLevelWindow* frame);
/// Shrinks a dialog to the screen's working area (its sizers then scroll or wrap) and centres it.
void fitToScreen(wxTopLevelWindow* dialog);

}  // namespace dangbo::app
