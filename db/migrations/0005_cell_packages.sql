-- dangbo schema, step 5: cell packages for offline work (issue 9).
-- The office file's identity, the packages it exported and the change packages it applied; in a cell
-- file made from a package, where it came from and the values as opened (changes are computed against them).

-- A random id of the file (hex), made on the first export; packages carry it.
ALTER TABLE committee ADD COLUMN database_id TEXT NOT NULL DEFAULT '';

-- Cell packages exported by the office: a change package must come from the newest one of its cell.
CREATE TABLE package_exports (
  id           TEXT PRIMARY KEY,             -- random hex id written into the package
  cell_id      INTEGER NOT NULL REFERENCES organizations (id),
  revision     INTEGER NOT NULL,             -- committee.revision when exported
  exported_at  TEXT NOT NULL,
  exported_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX package_exports_cell ON package_exports (cell_id, exported_at);

-- Change packages applied at the office: the same package is never applied twice.
CREATE TABLE package_imports (
  id          TEXT PRIMARY KEY,              -- the change package's random id
  export_id   TEXT NOT NULL REFERENCES package_exports (id),
  secretary   TEXT NOT NULL DEFAULT '',
  applied_at  TEXT NOT NULL,
  applied_by  TEXT NOT NULL DEFAULT '',
  accepted    INTEGER NOT NULL DEFAULT 0,
  declined    INTEGER NOT NULL DEFAULT 0
);

-- In a cell file: the package it was opened from (one row; absent in an office file).
CREATE TABLE cell_origin (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  export_id        TEXT NOT NULL,
  office_id        TEXT NOT NULL,
  office_revision  INTEGER NOT NULL,
  committee        TEXT NOT NULL,
  cell_id          INTEGER NOT NULL,
  cell_code        TEXT NOT NULL,
  opened_at        TEXT NOT NULL
);

-- In a cell file: each editable field as opened (typed value, NULL kept as NULL).
CREATE TABLE cell_baseline (
  tbl     TEXT NOT NULL,
  row_id  INTEGER NOT NULL,
  col     TEXT NOT NULL,
  value,
  PRIMARY KEY (tbl, row_id, col)
);
