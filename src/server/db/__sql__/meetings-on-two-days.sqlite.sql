-- meetings-on-two-days on SQLite (src/server/test-support/hot-queries.ts)
select "id", "date", "starts_at", "ends_at" from "meetings" where "journey_id" = ? and "date" in (?, ?);
-- parameters: ["journey","2026-11-05","2026-10-29"]

-- explain query plan
-- SEARCH meetings USING INDEX meetings_journey_date (journey_id=? AND date=?)
