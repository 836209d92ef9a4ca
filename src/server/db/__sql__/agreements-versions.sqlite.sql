-- agreements-versions on SQLite (src/server/test-support/hot-queries.ts)
select "agreement_id", "version", "journey_id", "category", "proposed_by", "at", "status", "sealed", "diff_sealed" from "agreement_versions" where "journey_id" = ? order by "agreement_id", "version";
-- parameters: ["journey"]

-- explain query plan
-- SEARCH agreement_versions USING INDEX agreement_versions_journey (journey_id=?)
-- USE TEMP B-TREE FOR LAST TERM OF ORDER BY
