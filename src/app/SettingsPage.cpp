#include "app/SettingsPage.h"

#include <wx/notebook.h>

#include "app/CommitteeTab.h"
#include "app/Forms.h"
#include "app/HolidaysTab.h"
#include "app/RulesTab.h"
#include "app/TargetsTab.h"

namespace dangbo::app {

SettingsPage::SettingsPage(wxWindow* parent, std::function<void()> onCommitteeSaved) {
  wxXmlResource::Get()->LoadPanel(this, parent, "SettingsPage");
  auto* book = ctrl<wxNotebook>(this, "notebook");
  auto add = [&](Page* tab, const wxString& label) {
    book->AddPage(tab, label);
    tabs_.push_back(tab);
  };
  add(new CommitteeTab(book, std::move(onCommitteeSaved)), _("Committee"));
  add(new RulesTab(book), _("Dated rules"));
  add(new TargetsTab(book), _("Targets of the term"));
  add(new HolidaysTab(book), _("Holiday calendar"));
}

void SettingsPage::showRegister(services::Services& s) {
  for (Page* tab : tabs_) tab->showRegister(s);
}

}  // namespace dangbo::app
