import type { Kysely } from 'kysely';

/**
 * The practice side: therapists and their invitations, two-factor sign-in, the public directory and
 * groups, intake requests, links between clients and therapists with each client's consent per
 * category, alerts, suggestions, and the hash-chained audit log. Yes/no columns are integers (0/1)
 * so that both databases read them the same way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // TOTP (RFC 6238): the secret is sealed under the person's data key; `last_step` refuses a code
  // used twice. A factor without `confirmed_at` is being set up and does not guard sign-in yet.
  await db.schema
    .createTable('totp_factors')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('last_step', 'bigint')
    .execute();
  // Only a hash of each recovery code is kept.
  await db.schema
    .createTable('recovery_codes')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();

  // The administrator's single-use invitations for therapists (the partner-invite rules).
  await db.schema
    .createTable('therapist_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('used_by', 'text')
    .addColumn('revoked_at', 'bigint')
    .execute();

  // A therapist's public profile: public by nature, so plain text.
  await db.schema
    .createTable('therapist_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull())
    .addColumn('approaches', 'text', (c) => c.notNull())
    .addColumn('formats', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('betrayal_experience', 'integer', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('in_person', 'integer', (c) => c.notNull())
    .addColumn('accepting', 'integer', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('photo', 'text')
    .addColumn('photo_type', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Groups the practice runs: a first meeting in the practice's time zone and an RFC 5545 rule.
  await db.schema
    .createTable('practice_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('facilitator_id', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('places_taken', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('first_meeting', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Someone asking for help: everything they wrote is sealed under the master key.
  await db.schema
    .createTable('intake_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('looking_for', 'text', (c) => c.notNull())
    .addColumn('therapist_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('intake_requests_by_time')
    .on('intake_requests')
    .columns(['created_at', 'id'])
    .execute();

  // A code a therapist gives a client so the client can ask to link (single use, expires).
  await db.schema
    .createTable('therapist_link_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('therapist_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();

  // A client's link to a therapist: requested by the client, accepted by the therapist, ended by
  // either. `alert_crisis` is the client's own answer, asked when linking (no default).
  await db.schema
    .createTable('therapist_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('therapist_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('alert_crisis', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('accepted_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('ended_by', 'text')
    .execute();
  await db.schema
    .createIndex('therapist_links_by_therapist')
    .on('therapist_links')
    .columns(['therapist_id', 'status', 'client_id'])
    .execute();
  await db.schema
    .createIndex('therapist_links_by_client')
    .on('therapist_links')
    .columns(['client_id', 'status', 'therapist_id'])
    .execute();

  // Each consented category of a link: a row while consent is given, none otherwise.
  await db.schema
    .createTable('link_consents')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('link_consents_pk', ['link_id', 'category'])
    .execute();

  // A crisis answer or reliable worsening a therapist should see: a kind and a date, no content.
  await db.schema
    .createTable('therapist_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('therapist_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('seen_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('therapist_alerts_by_therapist')
    .on('therapist_alerts')
    .columns(['therapist_id', 'seen_at', 'at'])
    .execute();

  // A therapist's gentle suggestion to a client; the note is sealed under the therapist's key.
  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('therapist_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('note_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('set_aside_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('suggestions_by_client')
    .on('suggestions')
    .columns(['client_id', 'created_at'])
    .execute();

  // Append-only and hash-chained: each event's hash covers the one before (see features/audit/chain.ts).
  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('category', 'text')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_by_subject')
    .on('audit_events')
    .columns(['subject_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_events',
    'suggestions',
    'therapist_alerts',
    'link_consents',
    'therapist_links',
    'therapist_link_codes',
    'intake_requests',
    'practice_groups',
    'therapist_profiles',
    'therapist_invites',
    'recovery_codes',
    'totp_factors',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
