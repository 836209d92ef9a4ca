-- meetings-notes-one-day on SQLite (src/server/test-support/hot-queries.ts)
select "n"."id", "n"."meeting_id", "n"."author_id", "n"."shared", "n"."updated_at", "n"."sealed" from "meeting_notes" as "n" inner join "meetings" as "m" on "m"."id" = "n"."meeting_id" where "m"."journey_id" = ? and "m"."date" in (?);
-- parameters: ["journey","2026-11-05"]

-- explain query plan
-- SEARCH m USING INDEX meetings_journey_date (journey_id=? AND date=?)
-- SEARCH n USING INDEX meeting_notes_one (meeting_id=?)
