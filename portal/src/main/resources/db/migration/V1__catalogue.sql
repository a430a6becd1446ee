-- The catalogue of the nine talent services of 人才服务“一件事” (Jieyang HRSS) as data.
-- Source: shared/seed/jieyang-talent-one-thing-guide.zh.txt (Chinese names verbatim) and
-- shared/seed/README.md (English names). Who may apply: see portal/README.md, "Catalogue".

create table catalogue_service (
    code              varchar(64)  primary key check (code ~ '^[a-z][a-z0-9-]*$'),
    sort_order        smallint     not null unique check (sort_order > 0),
    name_zh           text         not null check (name_zh <> ''),
    name_en           text         not null check (name_en <> ''),
    -- who may apply
    eligibility       varchar(16)  not null check (eligibility in ('individual', 'enterprise', 'both')),
    -- handled here, or handed off to a provincial system (its name and link)
    handling          varchar(16)  not null check (handling in ('local', 'handed_off')),
    handoff_system_zh text,
    handoff_system_en text,
    handoff_url       text         check (handoff_url ~ '^https?://'),
    -- time limit: per that year's call (以当年申报通知为准), or N working days from acceptance
    time_limit_kind   varchar(16)  not null check (time_limit_kind in ('per_year_call', 'working_days')),
    working_days      smallint     check (working_days > 0),
    -- whether this year's call is open; only meaningful for per-year-call services
    call_open         boolean,
    constraint catalogue_service_handling_complete check (
        (handling = 'local' and handoff_system_zh is null and handoff_system_en is null and handoff_url is null)
        or (handling = 'handed_off' and handoff_system_zh is not null and handoff_system_en is not null
            and handoff_url is not null)),
    constraint catalogue_service_time_limit_complete check (
        (time_limit_kind = 'per_year_call' and working_days is null and call_open is not null)
        or (time_limit_kind = 'working_days' and working_days is not null and call_open is null))
);

create table catalogue_material (
    code    varchar(64) primary key check (code ~ '^[a-z][a-z0-9-]*$'),
    name_zh text        not null check (name_zh <> ''),
    name_en text        not null check (name_en <> ''),
    -- common (共性材料): asked once per application however many chosen services need it
    kind    varchar(16) not null check (kind in ('common', 'specific'))
);

-- Which materials a service requires, in the order the applicant is asked for them.
create table catalogue_service_material (
    service_code  varchar(64) not null references catalogue_service (code),
    material_code varchar(64) not null references catalogue_material (code),
    position      smallint    not null check (position > 0),
    primary key (service_code, material_code),
    unique (service_code, position)
);

create index catalogue_service_material_material_idx on catalogue_service_material (material_code);

-- The nine services, in the guide's order. call_open = true for every per-year-call service is a
-- demonstration default: bureau staff switch it when a year's call opens or closes.
insert into catalogue_service
    (code, sort_order, name_zh, name_en, eligibility, handling, handoff_system_zh, handoff_system_en, handoff_url,
     time_limit_kind, working_days, call_open)
values
    ('talent-recognition', 1, '揭阳市高层次人才分类认定', 'High-level talent classification recognition',
     'individual', 'local', null, null, null, 'per_year_call', null, true),
    ('chief-technician', 2, '首席技师申报', 'Chief technician application',
     'individual', 'local', null, null, null, 'per_year_call', null, true),
    ('title-review', 3, '专业技术人才职称申报评审', 'Professional title application and review',
     'individual', 'handed_off', '广东省专业技术人才职称管理系统',
     'Guangdong provincial professional-title management system', 'http://www.gdhrss.gov.cn/gdweb/',
     'per_year_call', null, true),
    -- The guide names this system only "对接系统" (external system); the name below describes the
    -- provincial skill-appraisal system the link leads to.
    ('skill-appraisal', 4, '申报职业技能鉴定', 'Vocational skill appraisal',
     'individual', 'handed_off', '广东省职业技能鉴定系统',
     'Guangdong provincial skill-appraisal system', 'https://www.gdhrss.gov.cn/gdosta/#',
     'working_days', 8, null),
    ('first-title-recognition', 5, '专业技术人员初次职称考核认定申请', 'First professional title assessment and recognition',
     'individual', 'handed_off', '广东省专业技术人才职称管理系统',
     'Guangdong provincial professional-title management system', 'http://www.gdhrss.gov.cn/gdweb/',
     'per_year_call', null, true),
    ('title-re-review', 6, '跨区域跨单位专业技术人才职称重新评审和确认',
     'Title re-review and confirmation across regions or employers',
     'individual', 'handed_off', '广东省专业技术人才职称管理系统',
     'Guangdong provincial professional-title management system', 'http://www.gdhrss.gov.cn/gdweb/',
     'per_year_call', null, true),
    ('title-certificate-reissue', 7, '专业技术人才职称证书补换发', 'Title certificate reissue or replacement',
     'individual', 'handed_off', '广东省专业技术人才职称管理系统',
     'Guangdong provincial professional-title management system', 'http://www.gdhrss.gov.cn/gdweb/',
     'working_days', 10, null),
    ('research-station-funding', 8, '揭阳市“两站一基地”及博士博士后科研人员资助申请',
     '"Two stations, one base" and doctoral/postdoctoral researcher funding',
     'both', 'local', null, null, null, 'per_year_call', null, true),
    ('rent-subsidy', 9, '高层次人才租房补贴', 'High-level talent rent subsidy',
     'individual', 'local', null, null, null, 'per_year_call', null, true);

insert into catalogue_material (code, name_zh, name_en, kind)
values
    -- 共性材料: required by all nine services, given once per application.
    ('id-document', '本人身份证/社保卡（境外人员提供护照）',
     'ID card or social-security card (people from outside the mainland: passport)', 'common'),
    ('one-thing-application-form', '《人才服务“一件事”申请表》',
     'The "Talent Services One Thing" application form', 'common'),
    -- 1 揭阳市高层次人才分类认定
    ('talent-recognition-application-form', '高层次人才分类认定申报表',
     'High-level talent classification recognition application form', 'specific'),
    ('talent-recognition-review-summary', '高层次人才分类认定审核汇总表',
     'High-level talent classification recognition review summary form', 'specific'),
    ('talent-recognition-criteria-evidence', '符合认定条件的证明材料',
     'Proof of meeting the recognition criteria', 'specific'),
    -- 2 首席技师申报. The guide's first item begins with 申报人身份证 (the applicant's ID card): that
    -- is the common ID material, asked once, so it is not repeated here.
    ('chief-technician-credentials', '职业资格证书（技能等级证书）、主要技术成果、获奖情况和学历职称材料',
     'Vocational qualification (skill-level) certificate, main technical achievements, awards, education and title documents',
     'specific'),
    ('employer-recommendation-letter', '单位推荐函', 'Employer recommendation letter', 'specific'),
    ('chief-technician-work-summary', '工作综述材料', 'Work summary', 'specific'),
    ('chief-technician-recommendation-form', '《揭阳市“首席技师”推荐申报表》',
     'Jieyang "Chief Technician" recommendation and application form', 'specific'),
    -- 8 揭阳市“两站一基地”及博士博士后科研人员资助申请
    ('research-station-funding-application-form', '揭阳市“两站一基地”及博士博士后科研人员资助资金申请表',
     '"Two stations, one base" and doctoral/postdoctoral researcher funding application form', 'specific'),
    -- 9 高层次人才租房补贴
    ('rent-subsidy-application-form', '揭阳市高层次人才租房补贴申请表',
     'Jieyang high-level talent rent-subsidy application form', 'specific'),
    ('rent-subsidy-evidence-originals', '佐证材料原件', 'Originals of the supporting evidence', 'specific');

-- Both common materials, first, for every service.
insert into catalogue_service_material (service_code, material_code, position)
select s.code, m.code, case m.code when 'id-document' then 1 else 2 end
from catalogue_service s
cross join catalogue_material m
where m.kind = 'common';

-- Specific materials of the services handled here. Services 3-7 are handed off to provincial
-- systems (对接系统, 按系统提示提交): the applicant submits their materials there as that system asks,
-- so they have no local specific materials beyond the two common ones.
insert into catalogue_service_material (service_code, material_code, position)
values
    ('talent-recognition', 'talent-recognition-application-form', 3),
    ('talent-recognition', 'talent-recognition-review-summary', 4),
    ('talent-recognition', 'talent-recognition-criteria-evidence', 5),
    ('chief-technician', 'chief-technician-credentials', 3),
    ('chief-technician', 'employer-recommendation-letter', 4),
    ('chief-technician', 'chief-technician-work-summary', 5),
    ('chief-technician', 'chief-technician-recommendation-form', 6),
    ('research-station-funding', 'research-station-funding-application-form', 3),
    ('rent-subsidy', 'rent-subsidy-application-form', 3),
    ('rent-subsidy', 'rent-subsidy-evidence-originals', 4);
