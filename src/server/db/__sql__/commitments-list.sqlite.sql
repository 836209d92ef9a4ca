-- commitments-list on SQLite (src/server/test-support/hot-queries.ts)
select "id", "journey_id", "agreement_id", "agreement_version", "committed_by", "rhythm", "started_at", "ended_at", "reliability" from "commitments" where "journey_id" = ? order by "started_at", "id";
-- parameters: ["journey"]

-- explain query plan
-- SEARCH commitments USING INDEX commitments_journey (journey_id=?)
-- USE TEMP B-TREE FOR ORDER BY
