-- checkins-history-after on SQLite (src/server/test-support/hot-queries.ts)
select "checkins"."id", "checkins"."journey_id", "checkins"."author_id", "checkins"."visibility", "checkins"."created_at", "checkins"."sealed" from "checkins" where "checkins"."journey_id" = ? and ("checkins"."author_id" = ? or "checkins"."visibility" = ?) and ("checkins"."created_at", "checkins"."id") < (?, ?) order by "checkins"."created_at" desc, "checkins"."id" desc limit ?;
-- parameters: ["journey","alex","partner",1,"checkin",21]

-- explain query plan
-- SEARCH checkins USING INDEX checkins_journey_time (journey_id=? AND (created_at,id)<(?,?))
