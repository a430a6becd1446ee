-- One person, one subject at the relying parties, whichever door they use (issue 9, item 5). When a
-- password session is stepped up by the account's own person (the face-verified ID number is the one
-- on record), the face door's pseudonymous subject is linked to the account's; from then on a face
-- login of that person continues as the account. Both columns are keyed pseudonyms, never ID numbers.
CREATE TABLE person_account_link (
    face_subject text PRIMARY KEY,
    account_subject text NOT NULL,
    linked_at timestamptz NOT NULL
);
