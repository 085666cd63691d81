#include "app/PackageReviewDialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/AuditText.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/ProgressDialog.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
wxString shown(const core::PackageValue& v) {
  return v.kind == core::PackageValue::Null ? _("(empty)") : ui::wx(v.display());
}
// "2026-11-29T14:23:24Z" in the local time zone (the text as it is when it is not such a time).
wxString madeAt(const std::string& utc) {
  return audit_text::localTime(utc);
}
}  // namespace

PackageReviewDialog::PackageReviewDialog(wxWindow* parent, services::Services& s, core::ChangePackage pkg,
                                         services::Review review)
    : s_(s), pkg_(std::move(pkg)), review_(std::move(review)), choices_(review_.items.size()) {
  wxXmlResource::Get()->LoadDialog(this, parent, "PackageReviewDialog");
  list_ = ctrl<wxListCtrl>(this, "changes");
  ui::sortable(list_);
  list_->AppendColumn("#", wxLIST_FORMAT_RIGHT);
  list_->AppendColumn(_("Record"));
  list_->AppendColumn(_("Field"));
  list_->AppendColumn(_("When exported"));
  list_->AppendColumn(_("Cell's value"));
  list_->AppendColumn(_("Office now"));
  list_->AppendColumn(_("Decision"));
  ctrl<wxStaticText>(this, "summary")
      ->SetLabel(
          ui::fmt(_("Change package of cell {1} by {2}, made on {3} against revision {4}: {5} changes, {6} "
                    "conflicts."),
                  {ui::wx(pkg_.cellCode), ui::wx(pkg_.secretary), madeAt(pkg_.createdAt),
                   ui::count(pkg_.baseRevision), ui::count(static_cast<long long>(review_.items.size())),
                   ui::count(review_.conflicts())}));
  ctrl<wxStaticText>(this, "hint")->Wrap(1000);
  ctrl<wxButton>(this, "acceptCell")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    choose(services::Choice::Cell);
  });
  ctrl<wxButton>(this, "acceptOffice")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    choose(services::Choice::Office);
  });
  FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onApply(); });
  // Keys that do not depend on the language of the labels: Ctrl+L takes the cell's value ("lấy"), Ctrl+G
  // keeps the office's ("giữ"), Ctrl+Enter applies.
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    const int key = e.GetKeyCode();
    if (e.GetModifiers() == wxMOD_CONTROL && key == 'L')
      choose(services::Choice::Cell);
    else if (e.GetModifiers() == wxMOD_CONTROL && key == 'G')
      choose(services::Choice::Office);
    else if (e.GetModifiers() == wxMOD_CONTROL && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) {
      if (FindWindow(wxID_OK)->IsEnabled()) onApply();
    } else
      e.Skip();
  });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
    long row = ui::selectedRow(list_);
    bool conflict = row >= 0 && review_.items[row].conflict;
    ctrl<wxButton>(this, "acceptCell")->Enable(conflict);
    ctrl<wxButton>(this, "acceptOffice")->Enable(conflict);
  });
  fill();
  ui::fitColumns(list_, 200);
  // The decision column as wide as its longest wording, whichever way the conflicts are resolved.
  int decisionWidth = list_->GetColumnWidth(6);
  for (const wxString& d :
       {_("Already so at the office"), _("Added from the cell"), _("Cell's value (no conflict)"),
        _("CONFLICT: choose"), _("Conflict: cell's value taken"), _("Conflict: office's value kept")})
    decisionWidth = std::max(decisionWidth, list_->GetTextExtent(d).GetWidth() + 24);
  list_->SetColumnWidth(6, decisionWidth);
  ui::stretchLastColumn(list_);
  GetSizer()->SetSizeHints(this);
  // The first conflict selected: resolving starts there.
  for (size_t i = 0; i < review_.items.size(); ++i)
    if (review_.items[i].conflict) {
      list_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      break;
    }
  CentreOnParent();
}

void PackageReviewDialog::fill() {
  long keep = ui::selectedRow(list_);
  list_->DeleteAllItems();
  int open = 0;
  for (size_t i = 0; i < review_.items.size(); ++i) {
    const auto& it = review_.items[i];
    long row = list_->InsertItem(static_cast<long>(i), wxString::Format("%zu", i + 1));
    list_->SetItem(row, 1, ui::wx(it.change.recordLabel));
    list_->SetItem(row, 2, ui::wx(it.fieldLabel));
    const bool added = it.change.kind == core::FieldChange::Insert;
    list_->SetItem(row, 3, added ? _("(new record)") : shown(it.change.oldValue));
    list_->SetItem(row, 4, shown(it.change.newValue));
    list_->SetItem(row, 5, it.newRecord ? _("(no such record)") : shown(it.officeValue));
    wxString decision;
    if (it.unchanged)
      decision = _("Already so at the office");
    else if (it.newRecord)
      decision = _("Added from the cell");
    else if (!it.conflict)
      decision = _("Cell's value (no conflict)");
    else if (!choices_[i]) {
      decision = _("CONFLICT: choose");
      ++open;
    } else
      decision = *choices_[i] == services::Choice::Cell ? _("Conflict: cell's value taken")
                                                        : _("Conflict: office's value kept");
    list_->SetItem(row, 6, decision);
    if (it.conflict)
      list_->SetItemBackgroundColour(row, choices_[i] ? wxColour(232, 244, 232) : wxColour(255, 228, 214));
  }
  if (keep >= 0 && keep < list_->GetItemCount())
    list_->SetItemState(keep, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  FindWindow(wxID_OK)->Enable(open == 0);
}

void PackageReviewDialog::choose(services::Choice c) {
  long row = ui::selectedRow(list_);
  if (row < 0 || !review_.items[row].conflict) return;
  choices_[row] = c;
  fill();
  // On to the next open conflict.
  for (size_t i = 0; i < review_.items.size(); ++i)
    if (review_.items[i].conflict && !choices_[i]) {
      list_->SetItemState(row, 0, wxLIST_STATE_SELECTED);
      list_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      list_->EnsureVisible(static_cast<long>(i));
      break;
    }
  list_->SetFocus();
}

void PackageReviewDialog::onApply() {
  std::vector<services::Choice> chosen;
  for (const auto& c : choices_) chosen.push_back(c.value_or(services::Choice::Cell));
  int applied = 0;
  if (!attemptWithProgress(this, _("Applying the change package"), [&](core::Progress& progress) {
        applied = services::Packages(s_).apply(currentActor(), pkg_, chosen, &progress);
      }))
    return;
  ui::showInfo(this, ui::fmt(_("{1} fields changed from the change package of {2}."),
                             {ui::count(applied), ui::wx(pkg_.secretary)}));
  EndModal(wxID_OK);
}

bool PackageReviewDialog::run() {
  return ShowModal() == wxID_OK;
}

}  // namespace dangbo::app
