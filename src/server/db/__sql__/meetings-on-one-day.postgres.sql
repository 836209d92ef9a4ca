-- meetings-on-one-day on PostgreSQL (src/server/test-support/hot-queries.ts)
select "id", "date", "starts_at", "ends_at" from "meetings" where "journey_id" = $1 and "date" in ($2);
-- parameters: ["journey","2026-11-05"]
