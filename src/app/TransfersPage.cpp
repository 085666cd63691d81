#include "app/TransfersPage.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ListForm.h"
#include "app/ListSort.h"
#include "app/ReportSaving.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "reports/ReportFileName.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {

wxString letterKind(const std::string& direction) {
  return direction == "issued" ? _("Issued (out)") : _("Received (in)");
}

}  // namespace

TransfersPage::TransfersPage(wxWindow* parent) {
  Create(parent, wxID_ANY);
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  year_ = ui::addYearField(this, bar, core::Date::today().year());
  bar->AddStretchSpacer();
  auto* print = ui::named(new wxButton(this, wxID_ANY, _("&Print the letter...")), "printLetter");
  bar->Add(print, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  auto* save = ui::named(new wxButton(this, wxID_ANY, _("Save the &book...")), "saveBook");
  bar->Add(save, 0, wxALIGN_CENTER_VERTICAL);
  top->Add(bar, 0, wxEXPAND | wxALL, 8);

  top->Add(new wxStaticText(this, wxID_ANY, _("Transfers without a letter in the book:")), 0,
           wxLEFT | wxRIGHT, 8);
  awaitingList_ = ui::reportList(
      this, "awaiting",
      {_("Letter"), _("Transfer on"), _("Code"), _("Full name"), _("Going to or coming from"), _("Reason")});
  top->Add(awaitingList_, 1, wxEXPAND | wxALL, 8);

  ui::FieldGrid form(this, 2, {1}, 150);  // the reason and the dues grow; a day and a number need little room
  on_ = form.add(_("Date of the &letter:"), "letterOn");
  reason_ = form.add(_("&Reason:"), "reason");
  otherNumber_ = form.add(_("Number given by the issuing &committee:"), "otherNumber");
  duesTo_ = form.add(_("&Dues paid to (mm/yyyy):"), "duesPaidTo");
  top->Add(form.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
  auto* enterRow = new wxBoxSizer(wxHORIZONTAL);
  note_ = ui::named(new wxStaticText(this, wxID_ANY, " "), "note");
  enterRow->Add(note_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  auto* enter = ui::named(new wxButton(this, wxID_ANY, _("&Enter in the transfer book")), "enterLetter");
  enterRow->Add(enter, 0, wxALIGN_CENTER_VERTICAL);
  top->Add(enterRow, 0, wxEXPAND | wxALL, 8);

  top->Add(new wxStaticText(this, wxID_ANY, _("The transfer book of the year:")), 0, wxLEFT | wxRIGHT, 8);
  bookList_ = ui::reportList(this, "book",
                             {_("Letter"), _("No."), _("Date of the letter"), _("Code"), _("Full name"),
                              _("Where from"), _("Where to"), _("Dues paid to")});
  top->Add(bookList_, 1, wxEXPAND | wxALL, 8);
  SetSizer(top);

  year_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { refresh(); });
  awaitingList_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { awaitingSelected(); });
  awaitingList_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { on_->SetFocus(); });
  enter->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { enterLetter(); });
  print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { printLetter(); });
  bookList_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { printLetter(); });
  save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveBook(); });
}

void TransfersPage::showRegister(services::Services& s) {
  services_ = &s;
  shown_ = false;
  if (IsShownOnScreen()) refresh();
}

void TransfersPage::activate() {
  if (!shown_) refresh();
  awaitingList_->SetFocus();
}

void TransfersPage::refresh() {
  shown_ = true;
  awaitingList_->DeleteAllItems();
  bookList_->DeleteAllItems();
  awaiting_.clear();
  book_.clear();
  if (!services_) return;
  if (currentActor().role ==
      "secretary") {  // the book is the committee's: nothing to read, nothing to refuse
    note_->SetLabel(_("The transfer book is kept by the committee's office."));
    Layout();
    return;
  }
  const int year = year_->GetValue();
  ui::attempt(this, [&] {
    awaiting_ = services::transfersWithoutLetter(*services_, currentActor(), year);
    book_ = services::transferBook(*services_, currentActor(), year);
  });
  long row = 0;
  for (const auto& t : awaiting_) {
    awaitingList_->InsertItem(row, letterKind(t.direction));
    awaitingList_->SetItem(row, 1, ui::date(t.on));
    awaitingList_->SetItem(row, 2, ui::wx(t.memberCode));
    awaitingList_->SetItem(row, 3, ui::wx(t.memberName));
    awaitingList_->SetItem(row, 4, ui::wx(t.place));
    awaitingList_->SetItem(row, 5, ui::wx(t.reason));
    ++row;
  }
  ui::fitColumns(awaitingList_, 260);
  row = 0;
  for (const auto& l : book_) {
    bookList_->InsertItem(row, letterKind(l.direction));
    bookList_->SetItem(row, 1, wxString::Format("%d/%d", l.number, l.year));
    bookList_->SetItem(row, 2, ui::date(l.on));
    bookList_->SetItem(row, 3, ui::wx(l.memberCode));
    bookList_->SetItem(row, 4, ui::wx(l.memberName));
    bookList_->SetItem(row, 5, ui::wx(l.fromPlace));
    bookList_->SetItem(row, 6, ui::wx(l.toPlace));
    bookList_->SetItem(row, 7, l.duesPaidTo ? ui::wx(l.duesPaidTo->vn()) : wxString());
    ++row;
  }
  ui::fitColumns(bookList_, 260);
  for (auto* t : {on_, reason_, otherNumber_, duesTo_}) t->ChangeValue("");
}

// The letter's fields from the transfer selected: its day and reason; the issuing committee's number and the
// dues only for a letter received.
void TransfersPage::awaitingSelected() {
  const long i = ui::selectedRow(awaitingList_);
  if (i < 0 || size_t(i) >= awaiting_.size()) return;
  const auto& t = awaiting_[size_t(i)];
  on_->ChangeValue(ui::date(t.on));
  reason_->ChangeValue(ui::wx(t.reason));
  const bool received = t.direction == "received";
  otherNumber_->Enable(received);
  duesTo_->Enable(received);
  if (!received) {
    otherNumber_->ChangeValue("");
    duesTo_->ChangeValue("");
  }
}

void TransfersPage::enterLetter() {
  if (!services_) return;
  const long i = ui::selectedRow(awaitingList_);
  if (i < 0 || size_t(i) >= awaiting_.size()) {
    ui::showInfo(this, _("Choose a transfer in the list of transfers without a letter."));
    return;
  }
  const auto& t = awaiting_[size_t(i)];
  services::TransferLetterInput in;
  in.memberCode = t.memberCode;
  in.direction = t.direction;
  if (!on_->GetValue().Trim().IsEmpty()) {
    in.on = ui::readDate(this, on_, _("the date of the letter"));
    if (!in.on) return;
  }
  in.reason = ui::utf8(reason_->GetValue().Trim().Trim(false));
  if (t.direction == "received") {
    in.otherNumber = ui::utf8(otherNumber_->GetValue().Trim().Trim(false));
    const wxString dues = duesTo_->GetValue().Trim().Trim(false);
    if (!dues.IsEmpty()) {
      in.duesPaidTo = core::YearMonth::parse(ui::utf8(dues));
      if (!in.duesPaidTo) {
        ui::showError(this, _("Not a month"),
                      ui::fmt(_("\"{1}\" is not a month: type it as mm/yyyy, for example 09/2026."), {dues}));
        duesTo_->SetFocus();
        return;
      }
    }
  }
  services::TransferLetter entered;
  if (!ui::attempt(this, [&] { entered = services::enterTransferLetter(*services_, currentActor(), in); }))
    return;
  if (entered.year != year_->GetValue()) year_->SetValue(entered.year);
  refresh();
  // The new letter selected in the book, ready to print.
  for (size_t r = 0; r < book_.size(); ++r)
    if (book_[r].direction == entered.direction && book_[r].number == entered.number) {
      for (long row = 0; row < bookList_->GetItemCount(); ++row)
        if (ui::filledIndex(bookList_, row) == long(r)) {
          bookList_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                  wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
          bookList_->EnsureVisible(row);
        }
    }
  note_->SetLabel(ui::fmt(_("Entered as number {1}/{2}: {3} ({4})."),
                          {wxString::Format("%d", entered.number), wxString::Format("%d", entered.year),
                           ui::wx(entered.memberName), ui::wx(entered.memberCode)}));
  Layout();
  bookList_->SetFocus();
}

bool TransfersPage::printPaper() {
  const long i = ui::selectedRow(bookList_);
  if (i < 0 || size_t(i) >= book_.size() || book_[size_t(i)].direction != "issued") return false;
  printLetter();
  return true;
}

void TransfersPage::printLetter() {
  if (!services_) return;
  const long i = ui::selectedRow(bookList_);
  if (i < 0 || size_t(i) >= book_.size() || book_[size_t(i)].direction != "issued") {
    ui::showInfo(this, _("Choose a letter issued in the transfer book: the committee prints the letters it "
                         "issues."));
    return;
  }
  const core::Date today = core::Date::today();
  const std::string code = book_[size_t(i)].memberCode;
  if (const auto made = makePageReport(this, *services_, {"transfer-letter", today, today, today, "", code}))
    saveMadeReport(this, *services_, *made, reports::reportFileWord("transfer-letter") + "-" + code,
                   {"pdf", "docx"});
}

void TransfersPage::saveBook() {
  if (!services_) return;
  const int year = year_->GetValue();
  const core::Date last = *core::Date::make(year, 12, 31);
  savePageReport(this, *services_, {"transfer-book", *core::Date::make(year, 1, 1), last, last},
                 {"pdf", "docx"});
}

}  // namespace dangbo::app
