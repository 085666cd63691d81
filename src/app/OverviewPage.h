#pragma once
// The overview page: the committee's figures on today's date (Services::summary), one card each.
#include "app/Page.h"
#include "services/Services.h"

namespace dangbo::app {

/// The figures of the register at a glance.
class OverviewPage : public Page {
 public:
  /// Builds the page from forms/OverviewPage.xrc.
  explicit OverviewPage(wxWindow* parent);
  /// Shows the summary of today.
  void showRegister(services::Services& s) override;
  /// Shows figures already read.
  void showSummary(const services::Summary& sum);

 private:
  void setCard(const char* name, long long value, const wxString& detail);
};

}  // namespace dangbo::app
