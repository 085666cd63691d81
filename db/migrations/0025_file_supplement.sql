-- dangbo schema, step 25: the yearly supplement to each member's file (phiếu bổ sung hồ sơ đảng viên, Mẫu
-- 3-HSĐV). A row says that the member's sheet of `year` came back to the committee's office on
-- `returned_on`, marked by `recorded_by` (the account). One row per member and year; written only through
-- services::recordSupplementReturns, with its audit row.
CREATE TABLE file_supplement_returns (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  year INTEGER NOT NULL CHECK (year >= 1930),
  returned_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL DEFAULT '',
  UNIQUE (member_id, year)
);
CREATE INDEX file_supplement_returns_year ON file_supplement_returns(year);
