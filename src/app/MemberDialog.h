#pragma once
// The member form (forms/MemberDialog.xrc): the file of a member (Hồ sơ), the dated history with the
// actions that change status or cell, with the receipt of a transfer out (Lịch sử), and the trainings
// (Bồi dưỡng). Saving goes through services::addMember / updateMember; a refused save shows every problem and
// keeps the form open.
#include <wx/dialog.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/TransferReceipt.h"
#include "core/Records.h"
#include "services/Register.h"

class wxTextCtrl;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// The form of one member, new or existing.
class MemberDialog : public wxDialog {
 public:
  /// The form of the member `code`, or of a new member (empty code) placed by default in `defaultCell`.
  /// `orgs` are every organization; `ethnicities` the (code, name) of the ethnic groups to offer.
  MemberDialog(wxWindow* parent, services::Services& s, const std::vector<core::Organization>& orgs,
               const std::vector<std::pair<std::string, std::string>>& ethnicities, const std::string& code,
               const std::string& defaultCell);
  /// True when anything was written to the register (the member, an action or a training).
  bool changed() const { return changed_; }
  /// The member's code (after saving a new member: the new code).
  const std::string& memberCode() const { return code_; }

 private:
  void fillChoices(const std::string& defaultCell);
  void buildLists();
  void bindEvents();
  void load();
  void showProfile(const core::Member& m);
  void showHistory();
  void showTrainings();
  /// The party age line of the header (core/PartyAge): years, first admission, interruptions, badges.
  wxString partyAgeLine();
  void showHeader();
  void addPartyAgeTab();
  std::optional<core::Member> readProfile();
  void save();
  void close();
  void recordAction();
  void recordReceipt();
  void findOpenTransfer();
  void updateReceiptButton();
  void addTraining();
  wxTextCtrl* text(const char* name);
  std::string cellName(const std::optional<core::Id>& id) const;

  services::Services& services_;
  std::vector<core::Organization> orgs_;
  std::vector<const core::Organization*> cells_;  // the cell choice: cells existing today
  std::vector<std::pair<std::string, std::string>> ethnicities_;
  std::string code_;
  services::MemberFile file_;
  std::optional<OpenTransfer> openTransfer_;  // the transfer out waiting for its receipt
  long openTransferRow_ = -1;                 // its row in the history list
  bool dirty_ = false, changed_ = false, loading_ = false;
};

}  // namespace dangbo::app
