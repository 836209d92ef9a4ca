import type { Kysely } from 'kysely';

/** Row shapes as stored (snake_case). Times are milliseconds since the epoch. */
export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: 'member' | 'admin';
  wrapped_key: string;
  created_at: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface JourneysTable {
  id: string;
  path: string;
  kinds: string;
  came_to_light: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface JourneyMembersTable {
  journey_id: string;
  user_id: string;
  role: string;
  joined_at: number;
  left_at: number | null;
}

export interface InvitesTable {
  id: string;
  journey_id: string;
  token_hash: string;
  created_by: string;
  email: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
}

export interface CheckinsTable {
  id: string;
  journey_id: string;
  author_id: string;
  visibility: 'private' | 'partner';
  created_at: number;
  sealed: string;
}

export interface MailOutboxTable {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  journeys: JourneysTable;
  journey_members: JourneyMembersTable;
  invites: InvitesTable;
  checkins: CheckinsTable;
  mail_outbox: MailOutboxTable;
  settings: SettingsTable;
}

export type Db = Kysely<DB>;
