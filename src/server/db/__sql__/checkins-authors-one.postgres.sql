-- checkins-authors-one on PostgreSQL (src/server/test-support/hot-queries.ts)
select "id", "display_name", "wrapped_key" from "users" where "id" in ($1);
-- parameters: ["alex"]
