#include "app/OverviewPage.h"

#include <wx/stattext.h>

#include <string>

#include "app/Forms.h"
#include "app/Ui.h"
#include "core/Numbers.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
// "12,3%" of the members, or an empty text when there are none.
wxString shareOf(long long part, long long whole) {
  auto tenths = core::percentTenths(part, whole);
  return tenths ? ui::fmt(_("{1} of the members"), {ui::wx(core::formatPercentVn(*tenths))}) : wxString();
}
}  // namespace

OverviewPage::OverviewPage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "OverviewPage");
}

void OverviewPage::setCard(const char* name, long long value, const wxString& detail) {
  ctrl<wxStaticText>(this, (std::string("val_") + name).c_str())->SetLabel(ui::count(value));
  ctrl<wxStaticText>(this, (std::string("det_") + name).c_str())->SetLabelText(detail);
}

void OverviewPage::showRegister(services::Services& s) {
  showSummary(s.summary(core::Date::today()));
}

void OverviewPage::showSummary(const services::Summary& sum) {
  ctrl<wxStaticText>(this, "heading")->SetLabelText(ui::wx(sum.committee));
  ctrl<wxStaticText>(this, "asOf")
      ->SetLabel(ui::fmt(_("Figures of the register on {1}"), {ui::wx(sum.on.vn())}));

  setCard("orgs", sum.organizations,
          ui::fmt(_("{1} grassroots cells, {2} subordinate cells"),
                  {ui::count(sum.grassroots), ui::count(sum.subordinate)}) +
              "\n" +
              ui::fmt(_("subordinate: {1} village cells, {2} school cells"),
                      {ui::count(sum.villageCells), ui::count(sum.schoolCells)}));
  setCard(
      "members", sum.members,
      ui::fmt(_("{1} official, {2} probationary"), {ui::count(sum.official), ui::count(sum.probationary)}));
  setCard("probationary", sum.probationary, shareOf(sum.probationary, sum.members));
  setCard("exempt", sum.exempt, shareOf(sum.exempt, sum.members));
  setCard("women", sum.women, shareOf(sum.women, sum.members));
  setCard("candidates", sum.candidates, _("in the admission process now"));
  setCard("ratings", sum.ratings, _("ratings of cells and members, all years"));
  setCard("inspections", sum.inspections, _("inspection cases recorded, all years"));
  setCard("disciplines", sum.disciplines,
          ui::fmt(_("{1} removals from the list"), {ui::count(sum.removals)}));
  Layout();
}

}  // namespace dangbo::app
