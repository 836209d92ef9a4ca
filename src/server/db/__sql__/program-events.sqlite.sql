-- program-events on SQLite (src/server/test-support/hot-queries.ts)
select "member_id", "kind", "step_id", "exercise_id", "at" from "program_events" where "journey_id" = ? order by "at", "id";
-- parameters: ["journey"]

-- explain query plan
-- SEARCH program_events USING INDEX program_events_journey_time (journey_id=?)
