#pragma once
// The window's side of core::Progress: long work runs under a progress dialog with a Cancel button.
#include <wx/string.h>

#include <functional>

#include "core/Progress.h"

class wxWindow;

namespace dangbo::app {

/// Runs `work` under a modal progress dialog titled `title`, passing it the progress to report to. When
/// the user presses Cancel the work stops (core::Cancelled, its transaction rolled back) and a message says
/// that nothing was changed; when the work throws anything else its message is shown. True when the work
/// finished.
bool attemptWithProgress(wxWindow* parent, const wxString& title,
                         const std::function<void(core::Progress&)>& work);

}  // namespace dangbo::app
