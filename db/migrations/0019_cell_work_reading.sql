-- Reading one cell's work without the whole register (spec/cell-work.md, the dues book of a cell): the
-- members who ever joined or left a cell are found through these indexes instead of a pass over every event.
CREATE INDEX member_events_to_cell ON member_events (to_cell) WHERE to_cell IS NOT NULL;
CREATE INDEX member_events_from_cell ON member_events (from_cell) WHERE from_cell IS NOT NULL;

-- Where a meeting was held (the minutes sheet's "Địa điểm"); empty when not recorded.
ALTER TABLE meetings ADD COLUMN place TEXT NOT NULL DEFAULT '';
