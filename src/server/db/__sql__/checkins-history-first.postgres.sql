-- checkins-history-first on PostgreSQL (src/server/test-support/hot-queries.ts)
select "checkins"."id", "checkins"."journey_id", "checkins"."author_id", "checkins"."visibility", "checkins"."created_at", "checkins"."sealed" from "checkins" where "checkins"."journey_id" = $1 and ("checkins"."author_id" = $2 or "checkins"."visibility" = $3) order by "checkins"."created_at" desc, "checkins"."id" desc limit $4;
-- parameters: ["journey","alex","partner",21]
