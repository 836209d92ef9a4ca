-- session-lookup on SQLite (src/server/test-support/hot-queries.ts)
select "sessions"."user_id", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."idle_sealed", "users"."role", "journey_members"."journey_id", "journey_members"."role" as "journey_role", "totp_factors"."confirmed_at" as "totp_confirmed_at" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" left join "journey_members" on "journey_members"."user_id" = "sessions"."user_id" and "journey_members"."left_at" is null left join "totp_factors" on "totp_factors"."user_id" = "sessions"."user_id" where "sessions"."token_hash" = ?;
-- parameters: ["token-hash"]

-- explain query plan
-- SEARCH sessions USING INDEX sqlite_autoindex_sessions_1 (token_hash=?)
-- SEARCH users USING INDEX sqlite_autoindex_users_1 (id=?)
-- SEARCH journey_members USING INDEX journey_members_one_active (user_id=?) LEFT-JOIN
-- SEARCH totp_factors USING INDEX sqlite_autoindex_totp_factors_1 (user_id=?) LEFT-JOIN
