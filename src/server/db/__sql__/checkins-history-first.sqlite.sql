-- checkins-history-first on SQLite (src/server/test-support/hot-queries.ts)
select "checkins"."id", "checkins"."journey_id", "checkins"."author_id", "checkins"."visibility", "checkins"."created_at", "checkins"."sealed" from "checkins" where "checkins"."journey_id" = ? and ("checkins"."author_id" = ? or "checkins"."visibility" = ?) order by "checkins"."created_at" desc, "checkins"."id" desc limit ?;
-- parameters: ["journey","alex","partner",21]

-- explain query plan
-- SEARCH checkins USING INDEX checkins_journey_time (journey_id=?)
