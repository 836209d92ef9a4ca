-- meetings-items-two-days on SQLite (src/server/test-support/hot-queries.ts)
select "i"."id", "i"."meeting_id", "i"."author_id", "i"."part", "i"."bring", "i"."updated_at", "i"."sealed" from "meeting_items" as "i" inner join "meetings" as "m" on "m"."id" = "i"."meeting_id" where "m"."journey_id" = ? and "m"."date" in (?, ?) order by "i"."created_at", "i"."id";
-- parameters: ["journey","2026-11-05","2026-10-29"]

-- explain query plan
-- SEARCH m USING INDEX meetings_journey_date (journey_id=? AND date=?)
-- SEARCH i USING INDEX meeting_items_meeting (meeting_id=?)
-- USE TEMP B-TREE FOR ORDER BY
