#pragma once
// A hidden debug hook for the GUI tests: with the environment variable DANGBO_LAYOUT_CHECK=1 the window
// looks at every shown label, button, check box and choice of every open window every 0.3 s and writes
// one line to stderr ("layout-check: ...") for each control shown smaller than its best size (a clipped
// text). A flow then fails when the log has such a line. Each time the shown windows, the page or the focus
// change, the check writes 'state: TITLES | PAGE | focus NAME "LABEL"' to stdout once it has looked at them,
// for a flow to wait on (a focused list's LABEL: the first two texts of its selected row; an HTML view shown
// adds ' | preview "TITLE"', a shown text named "refusal...", "hint..." or "summary" adds ' | note "TEXT"').
#include <wx/string.h>

namespace dangbo::app {

/// Starts the periodic check when DANGBO_LAYOUT_CHECK is "1"; does nothing otherwise.
void startLayoutCheck();
/// Ends what startLayoutCheck() installed (at exit).
void stopLayoutCheck();
/// The page the main window shows (for the "state:" lines).
void noteShownPage(const wxString& page);
/// The splash shows `step`, `done` of its `steps` done: a 'state: splash "STEP" DONE/STEPS' line when the
/// check is on (the splash comes before the main loop, which the periodic check needs).
void noteSplash(const wxString& step, int done, int steps);
/// Something the window did in the background (the backup on opening ended, the overview's figures came):
/// a 'state: background WHAT' line when the check is on.
void noteBackground(const wxString& what);
/// With the check on, the milliseconds that each progress step of a report being saved is held for, from
/// DANGBO_HOLD_SAVE_MS (0 otherwise): a flow can then press Stop while the report is still being written,
/// however fast the machine writes the demo's register.
int heldSaveStepMs();

}  // namespace dangbo::app
