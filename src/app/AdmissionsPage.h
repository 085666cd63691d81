#pragma once
// The admissions page (issue 5): the year's admissions against the target and over the term, the pipeline
// board (a column per stage, a card per candidate or probationary member, coloured by its next deadline),
// the deadlines of the next 30 days and the year's admissions per cell, filtered by cell. Enter on a card
// or a deadline opens the candidate's file (CandidateDialog) or the member's recognition
// (AdmissionRecognitionDialog); on the deadline of a transfer out's papers it records their receipt by the
// receiving committee (askTransferReceipt); Ctrl+N lists a new candidate. After a change the window refreshes
// every page (a ceremony adds a member to the register, a recognition makes one official).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/Page.h"
#include "app/TransferReceipt.h"
#include "core/Records.h"

class wxChoice;
class wxGauge;
class wxListCtrl;
class wxStaticText;

namespace dangbo::app {

class AdmissionBoard;
struct BoardCard;

/// Admissions page.
class AdmissionsPage : public Page {
 public:
  /// Builds the page from forms/AdmissionsPage.xrc; `onChanged` is called after the register was changed here
  /// (the window then shows the register again on every page, this one included).
  AdmissionsPage(wxWindow* parent, std::function<void()> onChanged);
  void showRegister(services::Services& s) override;
  bool addNew() override;
  bool printPaper() override;
  void activate() override;

 private:
  void reload();
  void openCard(const BoardCard& card);
  void openDue(long row);
  void changed();
  std::string chosenCell() const;

  std::function<void()> onChanged_;

  services::Services* services_ = nullptr;
  AdmissionBoard* board_ = nullptr;
  wxChoice* cell_ = nullptr;
  wxListCtrl* due_ = nullptr;
  wxListCtrl* cells_ = nullptr;
  wxStaticText *yearText_ = nullptr, *termText_ = nullptr;
  wxGauge *yearGauge_ = nullptr, *termGauge_ = nullptr;
  std::vector<core::Organization> orgs_;  ///< the cells of the filter, in its order (after "all")
  std::vector<BoardCard> dueCards_;       ///< what each row of the due list opens
  std::vector<std::optional<OpenTransfer>> dueTransfers_;  ///< per row: a transfer out's papers due
};

}  // namespace dangbo::app
