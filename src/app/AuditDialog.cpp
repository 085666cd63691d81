#include "app/AuditDialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/AuditText.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Administration.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
constexpr int kShown = 5000;
}  // namespace

AuditDialog::AuditDialog(wxWindow* parent, services::Services& s) : services_(s) {
  wxXmlResource::Get()->LoadDialog(this, parent, "AuditDialog");
  list_ = ctrl<wxListCtrl>(this, "list");
  ui::sortable(list_);
  list_->AppendColumn(_("No."));
  list_->AppendColumn(_("Time"));
  list_->AppendColumn(_("User"));
  list_->AppendColumn(_("Action"));
  list_->AppendColumn(_("Record"));
  list_->AppendColumn(_("Old value"));
  list_->AppendColumn(_("New value"));
  list_->AppendColumn(_("Reason"));
  ctrl<wxButton>(this, "apply")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reload(); });
  for (const char* name : {"user", "record", "from", "to"})
    ctrl<wxTextCtrl>(this, name)->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { reload(); });
  reload();
  GetSizer()->SetSizeHints(this);
  CentreOnParent();
}

void AuditDialog::reload() {
  services::AuditFilter f;
  f.username = ui::utf8(ctrl<wxTextCtrl>(this, "user")->GetValue().Strip(wxString::both));
  f.record = ui::utf8(ctrl<wxTextCtrl>(this, "record")->GetValue().Strip(wxString::both));
  for (auto [name, target, what] :
       {std::tuple{"from", &f.from, _("the first day")}, {"to", &f.to, _("the last day")}}) {
    auto* field = ctrl<wxTextCtrl>(this, name);
    if (field->GetValue().Strip(wxString::both).empty()) continue;
    auto d = ui::readDate(this, field, what);
    if (!d) return;
    *target = *d;
  }
  f.limit = kShown;
  std::vector<services::AuditRow> rows;
  if (!ui::attempt(this, [&] { rows = services::auditTrail(services_, currentActor(), f); })) return;
  list_->Freeze();
  list_->DeleteAllItems();
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    long row = list_->InsertItem(long(i), wxString::Format("%lld", r.id));
    list_->SetItem(row, 1, audit_text::localTime(r.at));
    list_->SetItem(row, 2, ui::wx(r.username));
    list_->SetItem(row, 3, audit_text::action(r.action));
    list_->SetItem(row, 4, audit_text::record(r.record));
    list_->SetItem(row, 5, audit_text::value(r.oldValue));
    list_->SetItem(row, 6, audit_text::value(r.newValue));
    list_->SetItem(row, 7, ui::wx(r.reason));
  }
  ui::fitColumns(list_, 260);
  list_->Thaw();
  ctrl<wxStaticText>(this, "count")
      ->SetLabel(rows.size() >= size_t(kShown)
                     ? ui::fmt(_("The newest {1} rows are shown: narrow the filters to see older ones."),
                               {ui::count(kShown)})
                     : ui::fmt(_("{1} rows."), {ui::count(static_cast<long long>(rows.size()))}));
}

}  // namespace dangbo::app
