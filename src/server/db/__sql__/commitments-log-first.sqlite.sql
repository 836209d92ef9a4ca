-- commitments-log-first on SQLite (src/server/test-support/hot-queries.ts)
select "id", "commitment_id", "logged_by", "at", "status", "answered_by", "sealed" from "commitment_logs" where "commitment_id" = ? order by "at" desc, "id" desc limit ?;
-- parameters: ["commitment",11]

-- explain query plan
-- SEARCH commitment_logs USING INDEX commitment_logs_commitment_at_id (commitment_id=?)
