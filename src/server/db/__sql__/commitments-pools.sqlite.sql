-- commitments-pools on SQLite (src/server/test-support/hot-queries.ts)
select "user_id", "snapshot" from "reliability_pools" where "journey_id" = ?;
-- parameters: ["journey"]

-- explain query plan
-- SEARCH reliability_pools USING INDEX sqlite_autoindex_reliability_pools_1 (journey_id=?)
