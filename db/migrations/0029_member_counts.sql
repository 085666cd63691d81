-- Issue 21 at a million members. First: the members counted by cell and ethnic group without a pass over the
-- register (the window's cell tree counted a million members in 2,4 s). member_counts holds, for each (cell, ethnic group, present),
-- the number of members whose state is settled for good: `present` is 1 for a member who joined (admitted
-- or transferred in) and whose status does not end membership; `cell_id` is the cell they belong to once
-- every dated change is past (the to_cell of their last cell-changing event, else their current cell), the
-- cell rule::kCellOnDay gives on any day after all their dates. `latest` bounds the dates that can make a
-- member of the row count otherwise on an earlier day (joining, the day an ending status began, a
-- cell-changing event): on a day on or after a cell's every `latest`, the present members of that cell on
-- that day are the row's count; a cell with a later `latest` is counted member by member
-- (store::presentCountsKept). `latest` only grows with the triggers; a rebuild makes it exact again.
-- The triggers below keep it right in the same transaction whichever door writes (the window, an import
-- row by row, a package, a merge, the CLI); a bulk import drops them and rebuilds the table at its end
-- (store/MemberCounts.h).
CREATE VIEW member_count_keys AS
SELECT m.id AS id,
       coalesce((SELECT e.to_cell FROM member_events e WHERE e.member_id = m.id AND e.to_cell IS NOT NULL
                 ORDER BY e.date DESC, e.id DESC LIMIT 1), m.cell_id) AS cell_id,
       coalesce(m.ethnicity, '') AS ethnicity,
       (coalesce(m.transferred_in_on, m.admitted_on) IS NOT NULL AND
        m.status NOT IN ('transferred_out', 'deceased', 'removed', 'expelled', 'left')) AS present,
       max(coalesce(m.transferred_in_on, m.admitted_on, ''),
           CASE WHEN m.status IN ('transferred_out', 'deceased', 'removed', 'expelled', 'left')
                THEN coalesce(m.status_since, '') ELSE '' END,
           coalesce((SELECT max(e.date) FROM member_events e WHERE e.member_id = m.id AND
                     (e.from_cell IS NOT NULL OR e.to_cell IS NOT NULL)), '')) AS latest
FROM members m;

CREATE TABLE member_counts (
  cell_id    INTEGER NOT NULL,
  ethnicity  TEXT NOT NULL,
  present    INTEGER NOT NULL,
  members    INTEGER NOT NULL,
  latest     TEXT NOT NULL,
  PRIMARY KEY (cell_id, ethnicity, present)
) WITHOUT ROWID;

INSERT INTO member_counts (cell_id, ethnicity, present, members, latest)
SELECT cell_id, ethnicity, present, count(*), max(latest) FROM member_count_keys
GROUP BY cell_id, ethnicity, present;

-- A member leaves their row before a change (BEFORE triggers: the row still as it was) and joins the row of
-- their new state after it.
CREATE TRIGGER member_counts_member_insert AFTER INSERT ON members BEGIN
  INSERT INTO member_counts (cell_id, ethnicity, present, members, latest)
  SELECT cell_id, ethnicity, present, 1, latest FROM member_count_keys WHERE id = new.id
  ON CONFLICT (cell_id, ethnicity, present) DO UPDATE SET members = members + 1,
    latest = max(latest, excluded.latest);
END;
CREATE TRIGGER member_counts_member_delete BEFORE DELETE ON members BEGIN
  UPDATE member_counts SET members = members - 1
  WHERE (cell_id, ethnicity, present) = (SELECT cell_id, ethnicity, present FROM member_count_keys
                                         WHERE id = old.id);
END;
CREATE TRIGGER member_counts_member_leave BEFORE UPDATE OF id, cell_id, ethnicity, status, status_since,
  admitted_on, transferred_in_on ON members BEGIN
  UPDATE member_counts SET members = members - 1
  WHERE (cell_id, ethnicity, present) = (SELECT cell_id, ethnicity, present FROM member_count_keys
                                         WHERE id = old.id);
END;
CREATE TRIGGER member_counts_member_join AFTER UPDATE OF id, cell_id, ethnicity, status, status_since,
  admitted_on, transferred_in_on ON members BEGIN
  INSERT INTO member_counts (cell_id, ethnicity, present, members, latest)
  SELECT cell_id, ethnicity, present, 1, latest FROM member_count_keys WHERE id = new.id
  ON CONFLICT (cell_id, ethnicity, present) DO UPDATE SET members = members + 1,
    latest = max(latest, excluded.latest);
END;
-- An event that changes cells moves its member's row: out before it is written, back in after.
CREATE TRIGGER member_counts_event_insert_leave BEFORE INSERT ON member_events
  WHEN new.from_cell IS NOT NULL OR new.to_cell IS NOT NULL BEGIN
  UPDATE member_counts SET members = members - 1
  WHERE (cell_id, ethnicity, present) = (SELECT cell_id, ethnicity, present FROM member_count_keys
                                         WHERE id = new.member_id);
END;
CREATE TRIGGER member_counts_event_insert_join AFTER INSERT ON member_events
  WHEN new.from_cell IS NOT NULL OR new.to_cell IS NOT NULL BEGIN
  INSERT INTO member_counts (cell_id, ethnicity, present, members, latest)
  SELECT cell_id, ethnicity, present, 1, latest FROM member_count_keys WHERE id = new.member_id
  ON CONFLICT (cell_id, ethnicity, present) DO UPDATE SET members = members + 1,
    latest = max(latest, excluded.latest);
END;
CREATE TRIGGER member_counts_event_delete_leave BEFORE DELETE ON member_events
  WHEN old.from_cell IS NOT NULL OR old.to_cell IS NOT NULL BEGIN
  UPDATE member_counts SET members = members - 1
  WHERE (cell_id, ethnicity, present) = (SELECT cell_id, ethnicity, present FROM member_count_keys
                                         WHERE id = old.member_id);
END;
CREATE TRIGGER member_counts_event_delete_join AFTER DELETE ON member_events
  WHEN old.from_cell IS NOT NULL OR old.to_cell IS NOT NULL BEGIN
  INSERT INTO member_counts (cell_id, ethnicity, present, members, latest)
  SELECT cell_id, ethnicity, present, 1, latest FROM member_count_keys WHERE id = old.member_id
  ON CONFLICT (cell_id, ethnicity, present) DO UPDATE SET members = members + 1,
    latest = max(latest, excluded.latest);
END;
-- An event changed: its member (both, when it moves from one member to another) out before, in after.
CREATE TRIGGER member_counts_event_update_leave BEFORE UPDATE OF id, member_id, date, from_cell, to_cell
  ON member_events BEGIN
  UPDATE member_counts SET members = members - 1
  WHERE (cell_id, ethnicity, present) = (SELECT cell_id, ethnicity, present FROM member_count_keys
                                         WHERE id = old.member_id);
  UPDATE member_counts SET members = members - 1
  WHERE new.member_id <> old.member_id AND
        (cell_id, ethnicity, present) = (SELECT cell_id, ethnicity, present FROM member_count_keys
                                         WHERE id = new.member_id);
END;
CREATE TRIGGER member_counts_event_update_join AFTER UPDATE OF id, member_id, date, from_cell, to_cell
  ON member_events BEGIN
  INSERT INTO member_counts (cell_id, ethnicity, present, members, latest)
  SELECT cell_id, ethnicity, present, 1, latest FROM member_count_keys WHERE id IN (old.member_id,
                                                                                    new.member_id)
  ON CONFLICT (cell_id, ethnicity, present) DO UPDATE SET members = members + 1,
    latest = max(latest, excluded.latest);
END;

-- The candidates of a name search put in the list order by key (id -> sort_key, code) without reading the
-- members' rows: the first page of a search whose hits lie far down the list order (every "Pằn" under P)
-- comes from its candidates sorted, not from a walk through most of the list.
CREATE INDEX members_id_order ON members (id, sort_key, code);
