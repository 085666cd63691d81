#pragma once
// The rows of the members page as a virtual wxDataView model: the list holds only the vector of rows
// from services::listMembers, and the control asks for the few cells it draws, so 100.000 rows stay instant.
#include <wx/dataview.h>

#include <vector>

#include "services/MemberList.h"

namespace dangbo::app {

/// A virtual list model over the rows of services::listMembers (in the service's order).
class MemberListModel : public wxDataViewVirtualListModel {
 public:
  /// The columns, in display order.
  enum Column { Code, Name, Cell, Gender, Birth, Ethnicity, Admitted, Official, Status, ColumnCount };

  MemberListModel() : wxDataViewVirtualListModel(0) {}
  /// Replaces the rows and tells the control.
  void setRows(std::vector<services::MemberRow> rows);
  /// The rows shown.
  const std::vector<services::MemberRow>& rows() const { return rows_; }
  /// The row at `index`, or nullptr.
  const services::MemberRow* row(unsigned index) const { return index < rows_.size() ? &rows_[index] : nullptr; }
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
  std::vector<services::MemberRow> rows_;
};

}  // namespace dangbo::app
