#include "app/RulesTab.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/CoreText.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/RuleValueDialog.h"
#include "app/Session.h"
#include "app/Ui.h"

namespace dangbo::app {

namespace {
// The stored value in force on `on`: the latest one valid from that day or earlier.
const core::RuleValue* inForce(const services::RuleView& r, const core::Date& on) {
  const core::RuleValue* best = nullptr;
  for (const auto& v : r.values)
    if (v.validFrom <= on && (!best || best->validFrom < v.validFrom)) best = &v;
  return best;
}
wxString unitOf(const services::RuleView& r) {
  return r.def->unit && *r.def->unit ? ui::wx(core::tr(r.def->unit)) : wxString();
}
// "60 tháng", "2/3": a value with the rule's unit.
wxString withUnit(const std::string& value, const services::RuleView& r) {
  wxString unit = unitOf(r);
  return unit.empty() ? ui::wx(value) : ui::wx(value) + " " + unit;
}
}  // namespace

RulesTab::RulesTab(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "RulesTab");
  rulesList_ = ctrl<wxListCtrl>(this, "rules");
  historyList_ = ctrl<wxListCtrl>(this, "history");
  for (wxListCtrl* l : {rulesList_, historyList_}) ui::sortable(l);
  historyTitle_ = ctrl<wxStaticText>(this, "historyTitle");
  for (const wxString& h : {_("Rule"), _("In force today"), _("Valid from"), _("Regulation")})
    rulesList_->AppendColumn(h);
  ui::stretchLastColumn(rulesList_);
  for (const wxString& h : {_("Valid from"), _("Status"), _("Value"), _("Regulation"), _("Note")})
    historyList_->AppendColumn(h);
  ui::stretchLastColumn(historyList_);
  rulesList_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showHistory(); });
  rulesList_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { addValue(); });
  ctrl<wxButton>(this, "addValue")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addValue(); });
  ctrl<wxButton>(this, "deleteValue")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { deleteValue(); });
}

void RulesTab::showRegister(services::Services& s) {
  services_ = &s;
  reload({});
}

void RulesTab::reload(const std::string& selectKey) {
  rules_ = services_->rules();
  book_ = services_->ruleBook();
  core::Date today = core::Date::today();
  rulesList_->Freeze();
  rulesList_->DeleteAllItems();
  long select = rules_.empty() ? -1 : 0;
  for (const auto& r : rules_) {
    long row = rulesList_->InsertItem(rulesList_->GetItemCount(), ui::wx(core::tr(r.def->label)));
    auto value = book_.valueOn(r.def->key, today);
    rulesList_->SetItem(row, 1, value ? withUnit(*value, r) : _("(none)"));
    if (const core::RuleValue* v = inForce(r, today)) {
      rulesList_->SetItem(row, 2, ui::wx(v->validFrom.vn()));
      rulesList_->SetItem(row, 3, ui::wx(v->regulation));
    }
    if (r.def->key == selectKey) select = row;
  }
  ui::fitColumns(rulesList_);
  if (rulesList_->GetColumnWidth(1) > 220)
    rulesList_->SetColumnWidth(1, 220);  // long lists show in full below
  rulesList_->Thaw();
  if (select >= 0) {
    rulesList_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    rulesList_->EnsureVisible(select);
  }
  showHistory();
}

const services::RuleView* RulesTab::selectedRule() const {
  long row = ui::selectedRow(rulesList_);
  return row >= 0 && row < long(rules_.size()) ? &rules_[size_t(row)] : nullptr;
}

void RulesTab::showHistory() {
  historyList_->Freeze();
  historyList_->DeleteAllItems();
  history_.clear();
  const services::RuleView* r = selectedRule();
  if (r) {
    historyTitle_->SetLabelText(ui::fmt(_("Values of \"{1}\""), {ui::wx(core::tr(r->def->label))}));
    history_ = r->values;
    std::sort(history_.begin(), history_.end(),
              [](const core::RuleValue& a, const core::RuleValue& b) { return b.validFrom < a.validFrom; });
    core::Date today = core::Date::today();
    const core::RuleValue* current = inForce(*r, today);
    for (const auto& v : history_) {
      long row = historyList_->InsertItem(historyList_->GetItemCount(), ui::wx(v.validFrom.vn()));
      if (current && current->validFrom == v.validFrom)
        historyList_->SetItem(row, 1, _("in force"));
      else if (today < v.validFrom)
        historyList_->SetItem(row, 1, _("not yet in force"));
      historyList_->SetItem(row, 2, withUnit(v.value, *r));
      historyList_->SetItem(row, 3, ui::wx(v.regulation));
      historyList_->SetItem(row, 4, ui::wx(v.note));
    }
  } else {
    historyTitle_->SetLabelText(_("Choose a rule to see its values."));
  }
  ui::fitColumns(historyList_, 640);
  historyList_->Thaw();
  Layout();
}

void RulesTab::addValue() {
  const services::RuleView* r = selectedRule();
  if (!services_ || !r) {
    ui::showInfo(this, _("Choose a rule first."));
    return;
  }
  std::string key(r->def->key);
  auto current = book_.valueOn(r->def->key, core::Date::today());
  RuleValueDialog dlg(this, *r->def, current ? ui::wx(*current) : _("(none)"));
  bool saved = dlg.run([&](const core::RuleValue& v) { services_->addRuleValue(currentActor(), v); });
  if (saved) reload(key);
}

void RulesTab::deleteValue() {
  const services::RuleView* r = selectedRule();
  long row = ui::selectedRow(historyList_);
  if (!services_ || !r || row < 0 || row >= long(history_.size())) {
    ui::showInfo(this, _("Choose a value in the lower list first."));
    return;
  }
  core::RuleValue v = history_[size_t(row)];
  std::string key(r->def->key);
  if (!ui::confirm(this,
                   ui::fmt(_("Delete the value {1} valid from {2} of the rule \"{3}\"?"),
                           {ui::wx(v.value), ui::wx(v.validFrom.vn()), ui::wx(core::tr(r->def->label))}),
                   _("Delete")))
    return;
  if (ui::attempt(this, [&] { services_->deleteRuleValue(currentActor(), key, v.validFrom); })) reload(key);
}

}  // namespace dangbo::app
