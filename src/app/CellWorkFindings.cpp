#include "app/CellWorkFindings.h"

#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "app/Session.h"
#include "app/Ui.h"
#include "services/CellWork.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
// The rules of the cells' work in the order they are listed, with their names for people.
wxString ruleName(const std::string& rule) {
  if (rule == "meeting_missing") return _("No regular meeting");
  if (rule == "thematic_missing") return _("No thematic meeting");
  if (rule == "meeting_short") return _("Meeting below a good one");
  if (rule == "absence_removal_ground") return _("Absences: ground for removal");
  if (rule == "dues_removal_ground") return _("Dues unpaid: ground for removal");
  if (rule == "dues_arrears") return _("Dues owed");
  if (rule == "dues_basis_missing") return _("No dues basis");
  return ui::wx(rule);
}
const char* const kOrder[] = {"absence_removal_ground", "dues_removal_ground", "meeting_missing",
                              "thematic_missing",       "meeting_short",       "dues_arrears",
                              "dues_basis_missing"};

// The findings as a virtual list: a province's register has hundreds of thousands of them (every member
// without a dues basis, each year), and only the rows on screen are ever turned into text.
class FindingsList : public wxListCtrl {
 public:
  explicit FindingsList(wxWindow* parent)
      : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, parent->FromDIP(180)),
                   wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_VIRTUAL | wxBORDER_SIMPLE) {
    red_.SetTextColour(*wxRED);
  }
  /// Shows `rows` (in the order given), or the one line `empty` when there are none.
  void setRows(std::vector<services::CheckFinding> rows, const wxString& empty) {
    rows_ = std::move(rows);
    empty_ = empty;
    SetItemCount(rows_.empty() ? 1 : long(rows_.size()));
    Refresh();
  }
  const std::vector<services::CheckFinding>& rows() const { return rows_; }
  const wxString& emptyText() const { return empty_; }

 protected:
  wxString OnGetItemText(long item, long column) const override {
    if (rows_.empty()) return column == 0 ? empty_ : wxString();
    if (item < 0 || size_t(item) >= rows_.size()) return wxString();
    const auto& f = rows_[size_t(item)];
    switch (column) {
      case 0:
        return ruleName(f.rule);
      case 1:
        return ui::wx(f.subject);
      case 2:
        return f.year ? wxString::Format("%d", *f.year) : wxString();
      default:
        return ui::wx(f.message);
    }
  }
  wxItemAttr* OnGetItemAttr(long item) const override {
    if (item < 0 || size_t(item) >= rows_.size()) return nullptr;
    return rows_[size_t(item)].rule.find("removal_ground") != std::string::npos ? &red_ : nullptr;
  }

 private:
  std::vector<services::CheckFinding> rows_;
  wxString empty_;
  mutable wxItemAttr red_;
};

// The columns' widths from their texts: each rule's name, and the codes, years and details of the first rows
// (the same kinds of text all the way down); the detail then takes the room left (stretchLastColumn).
void fitFindingColumns(FindingsList* list) {
  std::vector<int> widths;
  for (int c = 0; c < 4; ++c) {
    wxListItem column;
    column.SetMask(wxLIST_MASK_TEXT);
    list->GetColumn(c, column);
    widths.push_back(list->GetTextExtent(column.GetText()).x + 24);
  }
  std::set<std::string> rules;
  const auto& rows = list->rows();
  if (rows.empty()) widths[0] = std::max(widths[0], list->GetTextExtent(list->emptyText()).x + 24);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& f = rows[i];
    if (rules.insert(f.rule).second)
      widths[0] = std::max(widths[0], list->GetTextExtent(ruleName(f.rule)).x + 24);
    if (i < 500) {
      widths[1] = std::max(widths[1], list->GetTextExtent(ui::wx(f.subject)).x + 24);
      if (f.year)
        widths[2] = std::max(widths[2], list->GetTextExtent(wxString::Format("%d", *f.year)).x + 24);
      widths[3] = std::max(widths[3], list->GetTextExtent(ui::wx(f.message)).x + 24);
    }
  }
  for (int c = 0; c < 4; ++c) list->SetColumnWidth(c, std::min(widths[size_t(c)], list->FromDIP(360)));
}
}  // namespace

CellWorkFindings::CellWorkFindings(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("cellWorkFindings");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  heading_ = new wxStaticText(this, wxID_ANY, " ");
  heading_->SetForegroundColour(wxColour(0xA3, 0x15, 0x1B));
  heading_->SetFont(heading_->GetFont().Bold().Larger());
  // Neither the heading nor the list widens the page: their width is the page's (the heading wraps).
  heading_->SetMinSize(wxSize(FromDIP(100), -1));
  sizer->Add(heading_, 0, wxBOTTOM | wxEXPAND, 6);
  list_ = new FindingsList(this);
  list_->SetName("cellWorkList");
  list_->SetMinSize(wxSize(FromDIP(100), FromDIP(180)));
  for (const wxString& h : {_("Finding"), _("Code"), _("Year"), _("Detail")}) list_->AppendColumn(h);
  ui::stretchLastColumn(list_);  // the detail takes the room left
  sizer->Add(list_, 0, wxEXPAND);
  SetSizer(sizer);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    CallAfter([this] { wrap(); });
  });
}

void CellWorkFindings::wrap() {
  const int width = GetClientSize().x;
  if (width < FromDIP(100)) return;
  const wxString before = heading_->GetLabel();
  heading_->SetLabelText(label_);
  heading_->Wrap(width);
  if (heading_->GetLabel() != before) {
    Layout();
    GetParent()->Layout();
    if (auto* scroll = dynamic_cast<wxScrolledWindow*>(GetParent())) scroll->FitInside();
  }
}

void CellWorkFindings::show(std::vector<services::CheckFinding> found, const std::string& problem) {
  auto* list = static_cast<FindingsList*>(list_);
  if (!problem.empty()) {
    label_ = ui::wx(problem);
    heading_->SetLabelText(label_);
    list->setRows({}, wxString());
    return;
  }
  std::map<std::string, int> counts;
  for (const auto& f : found) ++counts[f.rule];
  wxString heading = ui::fmt(_("The cells' monthly work: {1} findings"), {ui::count(long(found.size()))});
  wxString parts;
  for (const char* rule : kOrder) {
    auto it = counts.find(rule);
    if (it == counts.end()) continue;
    parts += (parts.empty() ? "" : ", ") + ruleName(rule) + " " + ui::count(it->second);
  }
  label_ = parts.empty() ? heading : heading + " (" + parts + ")";
  heading_->SetLabelText(label_);
  // The rules in their order, each rule's findings in the order found.
  std::map<std::string, int> rank;
  for (const char* rule : kOrder) rank.emplace(rule, int(rank.size()));
  std::vector<services::CheckFinding> rows;
  rows.reserve(found.size());
  for (auto& f : found)
    if (rank.count(f.rule)) rows.push_back(std::move(f));
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const auto& a, const auto& b) { return rank[a.rule] < rank[b.rule]; });
  list->setRows(std::move(rows), _("Nothing to note in the cells' work."));
  fitFindingColumns(list);
  wrap();
}

}  // namespace dangbo::app
