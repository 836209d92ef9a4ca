-- commitments-list on PostgreSQL (src/server/test-support/hot-queries.ts)
select "id", "journey_id", "agreement_id", "agreement_version", "committed_by", "rhythm", "started_at", "ended_at", "reliability" from "commitments" where "journey_id" = $1 order by "started_at", "id";
-- parameters: ["journey"]
