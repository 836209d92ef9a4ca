-- checkins-authors-two on PostgreSQL (src/server/test-support/hot-queries.ts)
select "id", "display_name", "wrapped_key" from "users" where "id" in ($1, $2);
-- parameters: ["alex","sam"]
