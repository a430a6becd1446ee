-- A telephone field is checked as a telephone number (mainland mobile, landline with area code, or
-- + and country code), like the real-name record's phone, instead of as free text.
alter table catalogue_field drop constraint catalogue_field_kind_check;
alter table catalogue_field add constraint catalogue_field_kind_check
    check (kind in ('text', 'date', 'number', 'textarea', 'phone'));
update catalogue_field set kind = 'phone' where code = 'contact-phone';
