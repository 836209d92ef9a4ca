-- program-events on PostgreSQL (src/server/test-support/hot-queries.ts)
select "member_id", "kind", "step_id", "exercise_id", "at" from "program_events" where "journey_id" = $1 order by "at", "id";
-- parameters: ["journey"]
