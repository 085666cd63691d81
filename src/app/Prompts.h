#pragma once
// The small standard dialogs in the program's own words: "Đồng ý" / "Hủy" on every prompt (GTK's own
// labels would say "OK" beside "Thôi"), and a reason prompt that refuses an empty reason.
#include <wx/string.h>

#include <optional>

class wxDialog;
class wxWindow;

namespace dangbo::app::prompts {

/// Gives the OK and Cancel buttons of a standard dialog the program's labels.
void labelButtons(wxDialog* dialog);
/// Asks for a reason until one is typed; nullopt when cancelled.
std::optional<wxString> reason(wxWindow* parent, const wxString& message, const wxString& title);

}  // namespace dangbo::app::prompts
