-- dangbo schema, step 12 (issue 16): the former commune a cell came from, targets per former commune, and the
-- closing block of every document.
--
-- organizations.origin: the former commune (or other origin unit) the cell came from, by name ("Chiềng
-- Lương"); '' when none is recorded (spec/import.md version 2, to_chuc.csv "Đơn vị cũ"). A name is the unit:
-- a unit exists as soon as a cell names it.
ALTER TABLE organizations ADD COLUMN origin TEXT NOT NULL DEFAULT '';

-- targets: a target may belong to a former commune's congress resolution (chi_tieu.csv "Đơn vị cũ"), so the
-- key gains the origin ('' for the committee's own); and the code bi_thu_tap_huan (% of village cell secretaries
-- trained each year). SQLite cannot change a key or a CHECK in place: the table is copied, every row kept.
CREATE TABLE targets_v2 (
  key        TEXT NOT NULL CHECK (key IN ('ket_nap_nhiem_ky', 'ket_nap_nam', 'to_chuc_tot', 'dang_vien_tot',
                                          'chi_bo_ban_co_chi_uy', 'bi_thu_tap_huan')),
  from_year  INTEGER NOT NULL,
  to_year    INTEGER NOT NULL CHECK (to_year >= from_year),
  value      REAL NOT NULL,
  origin     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (key, from_year, to_year, origin)
);
INSERT INTO targets_v2 (key, from_year, to_year, value, origin) SELECT key, from_year, to_year, value, '' FROM targets;
DROP TABLE targets;
ALTER TABLE targets_v2 RENAME TO targets;

-- The closing block of every document: recipients ("Nơi nhận:", one per line) on the left, the signature on the
-- right ("T/M BAN CHẤP HÀNH" or "T/M ĐẢNG ỦY", the signer's title, the name).
ALTER TABLE committee ADD COLUMN signer_on_behalf TEXT NOT NULL DEFAULT 'T/M BAN CHẤP HÀNH';
ALTER TABLE committee ADD COLUMN signer_title TEXT NOT NULL DEFAULT 'BÍ THƯ';
ALTER TABLE committee ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE committee ADD COLUMN recipients TEXT NOT NULL DEFAULT '';
