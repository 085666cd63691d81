#pragma once
// The rows of the members page as a virtual wxDataView model over a services::MemberPager: the pager holds
// the ids of the members found and reads the rows the control draws a page at a time, so the register is
// never held in memory.
#include <wx/dataview.h>

#include <memory>
#include <vector>

#include "services/MemberList.h"
#include "services/MemberPager.h"

namespace dangbo::app {

/// A virtual list model over the rows of services::listMembers (in the service's order).
class MemberListModel : public wxDataViewVirtualListModel {
 public:
  /// The columns, in display order.
  enum Column { Code, Name, Cell, Gender, Birth, Ethnicity, Admitted, Official, Status, ColumnCount };

  MemberListModel() : wxDataViewVirtualListModel(0) {}
  /// Shows the members of `pager` (those found so far) and tells the control.
  void setPager(std::unique_ptr<services::MemberPager> pager);
  /// Shows `rows` (a list read whole: the former members) and tells the control.
  void setRows(std::vector<services::MemberRow> rows);
  /// Tells the control the number of members the pager has found by now.
  void grow();
  /// The pager shown (null before the first list).
  services::MemberPager* pager() const { return pager_.get(); }
  /// The number of rows shown.
  unsigned size() const { return shown_; }
  /// The row at `index`, or nullptr.
  const services::MemberRow* row(unsigned index) const;
  /// The column headings, in display order.
  static wxString heading(Column c);
  /// The text of one cell.
  static wxString text(const services::MemberRow& r, unsigned column);

  /// wxDataViewVirtualListModel: the number of columns.
  unsigned GetColumnCount() const override { return ColumnCount; }
  /// wxDataViewVirtualListModel: every column holds text.
  wxString GetColumnType(unsigned) const override { return "string"; }
  /// wxDataViewVirtualListModel: the text of a cell.
  void GetValueByRow(wxVariant& variant, unsigned row, unsigned col) const override;
  /// wxDataViewVirtualListModel: read-only.
  bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }
  /// wxDataViewVirtualListModel: probationary members in italics.
  bool GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const override;

 private:
  std::unique_ptr<services::MemberPager> pager_;
  std::vector<services::MemberRow> rows_;  // without a pager
  unsigned shown_ = 0;
};

}  // namespace dangbo::app
