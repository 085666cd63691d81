-- dangbo schema, step 24: the committee's numbered transfer book (sổ giới thiệu sinh hoạt đảng). Every
-- transfer letter the committee issues for a member transferring out permanently, and every letter a member
-- transferring in brought, gets the next number of its year and direction (issued and received are numbered
-- apart, from 1 each year). Written only through services::enterTransferLetter.
CREATE TABLE transfer_letters (
  id INTEGER PRIMARY KEY,
  direction TEXT NOT NULL CHECK (direction IN ('issued', 'received')),
  year INTEGER NOT NULL,
  number INTEGER NOT NULL CHECK (number > 0),
  member_id INTEGER NOT NULL REFERENCES members(id),
  event_id INTEGER NOT NULL REFERENCES member_events(id),  -- the transfer_out or transfer_in it belongs to
  date TEXT NOT NULL,                                     -- the letter's date; its year is `year`
  from_place TEXT NOT NULL DEFAULT '',
  to_place TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  dues_paid_to TEXT,                                      -- 'YYYY-MM': party dues paid up to that month
  other_number TEXT NOT NULL DEFAULT '',                  -- received: the issuing committee's number
  UNIQUE (direction, year, number),
  UNIQUE (direction, event_id)
);
CREATE INDEX transfer_letters_member ON transfer_letters(member_id);
