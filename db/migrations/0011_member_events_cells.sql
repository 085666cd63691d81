-- Indexes for what the program asks, and no more (every index is written again on each insert: a
-- province's first import writes about 100.000 members and 240.000 events).
-- The index of a member's events also carries the cells an event moves the member from and to, so that
-- finding the cell of the members a search found, on a given day, reads the index alone and never the
-- events' rows.
DROP INDEX IF EXISTS member_events_member;
CREATE INDEX member_events_member ON member_events (member_id, date, from_cell, to_cell);
-- No query looks events up by date first, nor members by status alone (the statuses of most members
-- are the same two): these two indexes only cost writing.
DROP INDEX IF EXISTS member_events_date;
DROP INDEX IF EXISTS members_status;
