-- program-from-partner on SQLite (src/server/test-support/hot-queries.ts)
select exists (select "author_id" from "letters" where "journey_id" = ? and "author_id" != ? and "kind" = 'statement' and "state" = 'shared') as "statement", exists (select "proposed_by" from "agreement_versions" where "journey_id" = ? and "proposed_by" != ? and "status" = 'proposed') as "agreement", exists (select "user_id" from "reliability_pools" where "journey_id" = ? and "user_id" != ? and "pending" > 0) as "entries", exists (select "author_id" from "checkins" where "journey_id" = ? and "author_id" != ? and "visibility" = 'partner') as "checkins";
-- parameters: ["journey","alex","journey","alex","journey","alex","journey","alex"]

-- explain query plan
-- SCAN CONSTANT ROW
-- SCALAR SUBQUERY 1
--   SEARCH letters USING COVERING INDEX letters_statement_shared (journey_id=?)
-- SCALAR SUBQUERY 2
--   SEARCH agreement_versions USING COVERING INDEX agreement_versions_proposed (journey_id=?)
-- SCALAR SUBQUERY 3
--   SEARCH reliability_pools USING COVERING INDEX reliability_pools_pending (journey_id=?)
-- SCALAR SUBQUERY 4
--   SEARCH checkins USING COVERING INDEX checkins_shared (journey_id=?)
