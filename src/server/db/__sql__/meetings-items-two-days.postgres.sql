-- meetings-items-two-days on PostgreSQL (src/server/test-support/hot-queries.ts)
select "i"."id", "i"."meeting_id", "i"."author_id", "i"."part", "i"."bring", "i"."updated_at", "i"."sealed" from "meeting_items" as "i" inner join "meetings" as "m" on "m"."id" = "i"."meeting_id" where "m"."journey_id" = $1 and "m"."date" in ($2, $3) order by "i"."created_at", "i"."id";
-- parameters: ["journey","2026-11-05","2026-10-29"]
