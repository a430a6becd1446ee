-- Phishing-resistant desktop QR login (issue 9, item 3). A desktop ("cross_device") transaction shows a
-- two-digit number; the phone that scans the QR code must pick it on the bridge's phone page before it
-- is sent to 粤信签, and only a matched transaction accepts a callback. The phone that matched gets its
-- own binding cookie (stored as a hash) so its return page can tell the truth about the login.
-- A return in a browser that holds neither binding stops the transaction (a forwarded 粤信签 link) and
-- ends the session it already made (session_id).
ALTER TABLE face_login_transaction DROP CONSTRAINT face_login_transaction_status_check;
ALTER TABLE face_login_transaction ADD CONSTRAINT face_login_transaction_status_check
    CHECK (status IN ('open', 'matched', 'verified', 'failed', 'cancelled', 'mismatched', 'stopped', 'completed'));
ALTER TABLE face_login_transaction
    ADD COLUMN channel text NOT NULL DEFAULT 'same_device' CHECK (channel IN ('same_device', 'cross_device')),
    ADD COLUMN match_number smallint CHECK (match_number BETWEEN 10 AND 99),
    ADD COLUMN phone_binding_hash bytea,
    ADD COLUMN requested_by text,
    ADD COLUMN device text,
    ADD COLUMN session_id text;
