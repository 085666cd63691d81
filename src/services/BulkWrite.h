#pragma once
// A bulk caller of the records' service doors (an import): the doors check, write and audit each record as
// they do for the dialog, but the file's revision is bumped once by the caller, and while `quietAdds` is set
// the ".add" rows of new records are left to the caller (a first load names them in one row). The statements
// the doors prepare are kept and reused while it lives (store/Prepared.h), so a bulk prepares each SQL once.
namespace dangbo::services {

class Services;

/// While alive, the service calls on `s` write as one bulk (see above). Nests.
class BulkWrite {
 public:
  explicit BulkWrite(Services& s);
  ~BulkWrite();
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;
  /// The ".add" audit rows of the doors are left out (the caller writes one row for them) while `quiet`.
  void quietAdds(bool quiet);

 private:
  Services& s_;
};

}  // namespace dangbo::services
