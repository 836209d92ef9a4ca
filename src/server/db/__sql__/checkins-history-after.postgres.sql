-- checkins-history-after on PostgreSQL (src/server/test-support/hot-queries.ts)
select "checkins"."id", "checkins"."journey_id", "checkins"."author_id", "checkins"."visibility", "checkins"."created_at", "checkins"."sealed" from "checkins" where "checkins"."journey_id" = $1 and ("checkins"."author_id" = $2 or "checkins"."visibility" = $3) and ("checkins"."created_at", "checkins"."id") < ($4, $5) order by "checkins"."created_at" desc, "checkins"."id" desc limit $6;
-- parameters: ["journey","alex","partner",1,"checkin",21]
