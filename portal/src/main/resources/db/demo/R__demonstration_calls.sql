-- Development and tests only: this folder is a Flyway location in the dev profile alone
-- (application-dev.yml), never in production. The guide gives no year's notice for the services it says
-- are "以当年申报通知为准", so production's calls carry no handling limit until the bureau records the
-- notice's (V11). For a demonstration, and so that deadlines are computed with the seeded catalogue
-- in ./run and the tests, the calls of the services handled here get a made-up notice that sets
-- 20 working days from acceptance. Re-run by Flyway whenever this file changes.
update catalogue_call c
   set notice_title = '（演示数据，非正式通知）本年度申报通知：自受理之日起20个工作日内办结',
       working_days = 20
  from catalogue_service s
 where s.code = c.service_code and s.handling = 'local' and c.notice_title is null and c.working_days is null;
