-- meetings-notes-two-days on PostgreSQL (src/server/test-support/hot-queries.ts)
select "n"."id", "n"."meeting_id", "n"."author_id", "n"."shared", "n"."updated_at", "n"."sealed" from "meeting_notes" as "n" inner join "meetings" as "m" on "m"."id" = "n"."meeting_id" where "m"."journey_id" = $1 and "m"."date" in ($2, $3);
-- parameters: ["journey","2026-11-05","2026-10-29"]
