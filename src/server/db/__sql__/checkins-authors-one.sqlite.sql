-- checkins-authors-one on SQLite (src/server/test-support/hot-queries.ts)
select "id", "display_name", "wrapped_key" from "users" where "id" in (?);
-- parameters: ["alex"]

-- explain query plan
-- SEARCH users USING INDEX sqlite_autoindex_users_1 (id=?)
