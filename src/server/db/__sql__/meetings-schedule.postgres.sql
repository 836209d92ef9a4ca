-- meetings-schedule on PostgreSQL (src/server/test-support/hot-queries.ts)
select * from "meeting_schedules" where "journey_id" = $1;
-- parameters: ["journey"]
