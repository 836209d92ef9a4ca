-- program-members on SQLite (src/server/test-support/hot-queries.ts)
select "user_id", "role" from "journey_members" where "journey_id" = ? and "left_at" is null order by "joined_at", "user_id";
-- parameters: ["journey"]

-- explain query plan
-- SEARCH journey_members USING INDEX sqlite_autoindex_journey_members_1 (journey_id=?)
-- USE TEMP B-TREE FOR ORDER BY
