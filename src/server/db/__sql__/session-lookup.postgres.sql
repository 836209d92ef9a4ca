-- session-lookup on PostgreSQL (src/server/test-support/hot-queries.ts)
select "sessions"."user_id", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."idle_sealed", "users"."role", "journey_members"."journey_id", "journey_members"."role" as "journey_role" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" left join "journey_members" on "journey_members"."user_id" = "sessions"."user_id" and "journey_members"."left_at" is null where "sessions"."token_hash" = $1;
-- parameters: ["token-hash"]
