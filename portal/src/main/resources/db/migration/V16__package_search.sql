-- The auditor's search of stored packages pages newest first by (signed_at, id): keyset pages over
-- this index cost the same on the hundredth page as on the first.
create index submission_package_signed_idx on submission_package (signed_at desc, id desc);
