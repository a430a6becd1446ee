-- The one form's fields as catalogue data: each chosen service names the fields it needs, and an
-- application asks each field once however many chosen services need it (the same "one thing" rule
-- as for materials). Chosen from the guide's materials (employer, post, education, title, skill level,
-- contact, and for the rent subsidy the bank account it is paid into). Changing a field is a migration.

create table catalogue_field (
    code       varchar(64)  primary key check (code ~ '^[a-z][a-z0-9-]*$'),
    label_zh   text         not null check (label_zh <> ''),
    label_en   text         not null check (label_en <> ''),
    kind       varchar(16)  not null check (kind in ('text', 'date', 'number', 'textarea')),
    max_length smallint     not null check (max_length between 1 and 4000),
    required   boolean      not null
);

-- Which fields a service needs, in the order they are asked.
create table catalogue_service_field (
    service_code varchar(64) not null references catalogue_service (code),
    field_code   varchar(64) not null references catalogue_field (code),
    position     smallint    not null check (position > 0),
    primary key (service_code, field_code),
    unique (service_code, position)
);

insert into catalogue_field (code, label_zh, label_en, kind, max_length, required)
values
    ('contact-phone', '联系电话', 'Contact phone', 'text', 20, true),
    ('contact-address', '联系地址', 'Contact address', 'text', 200, true),
    ('current-employer', '现工作单位', 'Current employer', 'text', 100, true),
    ('job-title', '现任职务（岗位）', 'Job title or post', 'text', 100, true),
    ('highest-education', '最高学历（学位）', 'Highest education (degree)', 'text', 50, true),
    ('professional-title', '专业技术职称', 'Professional title', 'text', 100, false),
    ('skill-level', '职业资格（技能等级）', 'Vocational qualification (skill level)', 'text', 50, true),
    ('talent-category', '申报人才类别', 'Talent category applied for', 'text', 100, true),
    ('main-achievements', '主要技术成果及获奖情况', 'Main technical achievements and awards', 'textarea', 2000, true),
    ('station-name', '工作站（基地）名称', 'Name of the station or base', 'text', 200, true),
    ('funding-amount', '申请资助金额（元）', 'Funding applied for (yuan)', 'number', 12, true),
    ('rent-start-date', '租房起始日期', 'Tenancy start date', 'date', 10, true),
    ('monthly-rent', '月租金（元）', 'Monthly rent (yuan)', 'number', 10, true),
    ('bank-name', '补贴收款开户银行', 'Bank for the subsidy', 'text', 100, true),
    ('bank-account', '补贴收款银行账号', 'Bank account number for the subsidy', 'text', 34, true);

-- Every service asks how to reach the applicant.
insert into catalogue_service_field (service_code, field_code, position)
select s.code, f.code, case f.code when 'contact-phone' then 1 else 2 end
from catalogue_service s
cross join catalogue_field f
where f.code in ('contact-phone', 'contact-address');

insert into catalogue_service_field (service_code, field_code, position)
values
    ('talent-recognition', 'current-employer', 3),
    ('talent-recognition', 'job-title', 4),
    ('talent-recognition', 'highest-education', 5),
    ('talent-recognition', 'professional-title', 6),
    ('talent-recognition', 'talent-category', 7),
    ('chief-technician', 'current-employer', 3),
    ('chief-technician', 'job-title', 4),
    ('chief-technician', 'skill-level', 5),
    ('chief-technician', 'main-achievements', 6),
    -- handed-off services: the provincial systems ask the rest; the title is useful to route the case
    ('title-review', 'current-employer', 3),
    ('title-review', 'professional-title', 4),
    ('skill-appraisal', 'skill-level', 3),
    ('first-title-recognition', 'current-employer', 3),
    ('title-re-review', 'professional-title', 3),
    ('title-certificate-reissue', 'professional-title', 3),
    ('research-station-funding', 'current-employer', 3),
    ('research-station-funding', 'station-name', 4),
    ('research-station-funding', 'highest-education', 5),
    ('research-station-funding', 'funding-amount', 6),
    ('rent-subsidy', 'current-employer', 3),
    ('rent-subsidy', 'talent-category', 4),
    ('rent-subsidy', 'rent-start-date', 5),
    ('rent-subsidy', 'monthly-rent', 6),
    ('rent-subsidy', 'bank-name', 7),
    ('rent-subsidy', 'bank-account', 8);
