-- dangbo schema, step 9: a cell file remembers which cell package it was opened from in words a person reads
-- (the cell's name, when and by whom the office exported it), for the cell-mode banner of the window.
ALTER TABLE cell_origin ADD COLUMN cell_name TEXT NOT NULL DEFAULT '';
ALTER TABLE cell_origin ADD COLUMN exported_at TEXT NOT NULL DEFAULT '';
ALTER TABLE cell_origin ADD COLUMN exported_by TEXT NOT NULL DEFAULT '';
