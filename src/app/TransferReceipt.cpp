#include "app/TransferReceipt.h"

#include <wx/textdlg.h>

#include <optional>

#include "app/Prompts.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Deadlines.h"

namespace dangbo::app {

bool askTransferReceipt(wxWindow* parent, services::Services& s, const OpenTransfer& t) {
  wxTextEntryDialog ask(parent,
                        ui::fmt(_("{1} ({2}) was transferred to {3} on {4}.\n\nThe day the receiving party "
                                  "committee confirmed the transfer (dd/mm/yyyy):"),
                                {ui::wx(t.name), ui::wx(t.code), ui::wx(t.place), ui::wx(t.on.vn())}),
                        _("Record the receipt of the transfer"), ui::wx(core::Date::today().vn()));
  prompts::labelButtons(&ask);
  for (;;) {
    if (ask.ShowModal() != wxID_OK) return false;
    const std::optional<core::Date> day = core::Date::parse(ui::utf8(ask.GetValue()));
    if (!day) {
      ui::showError(parent, _("Invalid date"),
                    ui::fmt(_("{1}: \"{2}\" is not a date. Type it as dd/mm/yyyy, e.g. 01/07/2025."),
                            {_("Date"), ask.GetValue()}));
      continue;
    }
    if (ui::attempt(parent, [&] { services::recordTransferReceipt(s, currentActor(), t.code, *day); }))
      return true;
  }
}

}  // namespace dangbo::app
