-- The index of a member's events in the order every rule reads them: by day, then by id (the cell a member
-- was in on a day, store::rule::cellOnDayOf, and the settled cell of the counts, member_count_keys). Without
-- the id among its columns each lookup sorted the member's events again (a temporary B-tree per member: a
-- fifth of the time of counting a province's members afresh, and of every figure of the cell on a day). It
-- still carries the cells an event moves the member from and to, so that those lookups read it alone.
DROP INDEX IF EXISTS member_events_member;
CREATE INDEX member_events_member ON member_events (member_id, date, id, from_cell, to_cell);
