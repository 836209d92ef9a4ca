-- agreements-versions on PostgreSQL (src/server/test-support/hot-queries.ts)
select "agreement_id", "version", "journey_id", "category", "proposed_by", "at", "status", "sealed", "diff_sealed" from "agreement_versions" where "journey_id" = $1 order by "agreement_id", "version";
-- parameters: ["journey"]
