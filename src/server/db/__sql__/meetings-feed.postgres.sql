-- meetings-feed on PostgreSQL (src/server/test-support/hot-queries.ts)
select "created_at" from "calendar_feeds" where "user_id" = $1;
-- parameters: ["alex"]
