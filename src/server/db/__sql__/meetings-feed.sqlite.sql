-- meetings-feed on SQLite (src/server/test-support/hot-queries.ts)
select "created_at" from "calendar_feeds" where "user_id" = ?;
-- parameters: ["alex"]

-- explain query plan
-- SEARCH calendar_feeds USING INDEX sqlite_autoindex_calendar_feeds_1 (user_id=?)
