-- meetings-on-two-days on PostgreSQL (src/server/test-support/hot-queries.ts)
select "id", "date", "starts_at", "ends_at" from "meetings" where "journey_id" = $1 and "date" in ($2, $3);
-- parameters: ["journey","2026-11-05","2026-10-29"]
