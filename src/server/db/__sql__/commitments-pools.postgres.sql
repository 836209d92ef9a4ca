-- commitments-pools on PostgreSQL (src/server/test-support/hot-queries.ts)
select "user_id", "snapshot" from "reliability_pools" where "journey_id" = $1;
-- parameters: ["journey"]
