-- dangbo schema, step 10: the day the receiving party committee confirmed that a member transferred out
-- permanently presented the transfer papers (the receipt slip came back). A transfer out without it is open:
-- the papers are due within transfer.permanent_working_days working days of the transfer (report deadlines,
-- kind transfer_due).
ALTER TABLE member_events ADD COLUMN received_on TEXT;
-- Transfers recorded before this step, more than 120 days ago, are taken as settled on their own day: the
-- program did not follow the receipt then. Recent ones stay open until the receipt is recorded.
UPDATE member_events SET received_on = date WHERE kind = 'transfer_out' AND date < date('now', '-120 days');
