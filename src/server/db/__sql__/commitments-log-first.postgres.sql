-- commitments-log-first on PostgreSQL (src/server/test-support/hot-queries.ts)
select "id", "commitment_id", "logged_by", "at", "status", "answered_by", "sealed" from "commitment_logs" where "commitment_id" = $1 order by "at" desc, "id" desc limit $2;
-- parameters: ["commitment",11]
