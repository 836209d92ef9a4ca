-- program-members on PostgreSQL (src/server/test-support/hot-queries.ts)
select "user_id", "role" from "journey_members" where "journey_id" = $1 and "left_at" is null order by "joined_at", "user_id";
-- parameters: ["journey"]
