-- meetings-schedule on SQLite (src/server/test-support/hot-queries.ts)
select * from "meeting_schedules" where "journey_id" = ?;
-- parameters: ["journey"]

-- explain query plan
-- SEARCH meeting_schedules USING INDEX sqlite_autoindex_meeting_schedules_1 (journey_id=?)
