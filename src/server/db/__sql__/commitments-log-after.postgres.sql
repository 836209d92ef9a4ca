-- commitments-log-after on PostgreSQL (src/server/test-support/hot-queries.ts)
select "id", "commitment_id", "logged_by", "at", "status", "answered_by", "sealed" from "commitment_logs" where "commitment_id" = $1 and ("at", "id") < ($2, $3) order by "at" desc, "id" desc limit $4;
-- parameters: ["commitment",1,"entry",11]
