#pragma once
// The transfer letters page (spec/member-file.md, the transfer letter and the numbered transfer book): the
// year's transfers out and in whose letter is not in the book yet, entered from there through
// services::enterTransferLetter (the door of `dangbo-cli transfer-letter`: the committee's office or an
// administrator, the same checks and audit row); the book of the year, the letter of a member transferred out
// printed from it, and the book saved as PDF or Word.
#include <vector>

#include "app/Page.h"
#include "services/TransferBook.h"

class wxButton;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dangbo::app {

class TransfersPage : public Page {
 public:
  explicit TransfersPage(wxWindow* parent);
  void showRegister(services::Services& s) override;
  void activate() override;
  /// Ctrl+P: the letter issued selected in the book, printed; false when none is selected.
  bool printPaper() override;

 private:
  void refresh();
  void awaitingSelected();
  void enterLetter();
  void printLetter();
  void saveBook();

  services::Services* services_ = nullptr;
  std::vector<services::TransferWithoutLetter> awaiting_;
  std::vector<services::TransferLetter> book_;
  bool shown_ = false;
  wxSpinCtrl* year_ = nullptr;
  wxListCtrl* awaitingList_ = nullptr;
  wxTextCtrl* on_ = nullptr;
  wxTextCtrl* reason_ = nullptr;
  wxTextCtrl* otherNumber_ = nullptr;
  wxTextCtrl* duesTo_ = nullptr;
  wxStaticText* note_ = nullptr;
  wxListCtrl* bookList_ = nullptr;
};

}  // namespace dangbo::app
