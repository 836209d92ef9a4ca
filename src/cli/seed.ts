import type { CheckinContent, FeelingEntry } from '../core/checkins/checkin.js';
import type {
  BetrayalKind,
  CameToLight,
  JourneyPath,
  MemberRole,
} from '../core/journeys/journey.js';
import { createAccount } from '../server/auth/accounts.js';
import { keyRing } from '../server/auth/key-ring.js';
import { sealRole } from '../server/auth/person-facts.js';
import type { Db } from '../server/db/schema.js';
import type { DataKey } from '../server/crypto/sealing.js';
import {
  initialSafetyState,
  safetyQuestionIds,
  takeCheck,
  type SafetyAnswers,
} from '../core/safety/safety.js';
import type { Deps } from '../server/deps.js';
import { sealCameToLight, sealKinds } from '../server/features/journeys/journey-facts.js';
import { saveSafetyState } from '../server/features/safety/safety.service.js';

const allNoAnswers = Object.fromEntries(
  safetyQuestionIds.map((id) => [id, false]),
) as SafetyAnswers;

type SeedDeps = Pick<Deps, 'database' | 'sealer' | 'passwords' | 'clock' | 'newId' | 'config'>;

export interface SeedPerson {
  readonly email: string;
  readonly displayName: string;
  readonly role: MemberRole;
}

export interface SeededMember {
  readonly id: string;
  readonly email: string;
  readonly dataKey: DataKey;
}

/**
 * Creates the people and their journey the same way the app does, and returns their data keys.
 * Callers run it inside their transaction (deps.database.db is then the transaction).
 */
export async function seedJourney(
  deps: SeedDeps,
  input: {
    people: readonly SeedPerson[];
    path: JourneyPath;
    kinds: readonly BetrayalKind[];
    cameToLight: CameToLight;
    startedAt: number;
    passwordHash: string;
  },
): Promise<{ journeyId: string; members: SeededMember[] }> {
  const db = deps.database.db;
  const journeyId = deps.newId();
  const members: SeededMember[] = [];
  for (const person of input.people) {
    const account = await createAccount(
      deps,
      {
        email: person.email,
        password: 'unused: a precomputed hash is given',
        displayName: person.displayName,
        role: 'member',
      },
      input.passwordHash,
    );
    const user = await db
      .selectFrom('users')
      .select('wrapped_key')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    // Demo people have taken the safety check (all "no"), as everyone does before joint work.
    await saveSafetyState(
      deps,
      db,
      await keyRing(deps).people([account.id]),
      account.id,
      takeCheck(initialSafetyState, allNoAnswers, input.startedAt),
    );
    members.push({
      id: account.id,
      email: account.email,
      dataKey: deps.sealer.unwrap(account.id, user.wrapped_key),
    });
  }
  const first = members[0];
  if (!first) throw new Error('a journey needs at least one person');
  await db
    .insertInto('journeys')
    .values({
      id: journeyId,
      path: input.path,
      kinds: sealKinds(deps.sealer, journeyId, input.kinds),
      came_to_light: sealCameToLight(deps.sealer, journeyId, input.cameToLight),
      created_by: first.id,
      created_at: input.startedAt,
      updated_at: input.startedAt,
    })
    .execute();
  await db
    .insertInto('journey_members')
    .values(
      members.map((m, i) => ({
        journey_id: journeyId,
        user_id: m.id,
        role: sealRole(deps.sealer, journeyId, m.id, input.people[i]?.role ?? 'unsaid'),
        joined_at: input.startedAt,
        left_at: null,
      })),
    )
    .execute();
  return { journeyId, members };
}

export interface SeedCheckin {
  readonly author: SeededMember;
  readonly createdAt: number;
  readonly content: CheckinContent;
  readonly shared: boolean;
}

/** Seals and inserts check-ins in batches; callers run it inside their transaction. */
export async function insertCheckins(
  deps: SeedDeps,
  db: Db,
  journeyId: string,
  checkins: readonly SeedCheckin[],
): Promise<void> {
  const rows = checkins.map((c) => {
    const id = deps.newId();
    return {
      id,
      journey_id: journeyId,
      author_id: c.author.id,
      visibility: c.shared ? ('partner' as const) : ('private' as const),
      created_at: c.createdAt,
      sealed: deps.sealer.seal(c.author.dataKey, JSON.stringify(c.content), {
        table: 'checkins',
        id,
        field: 'content',
      }),
    };
  });
  // 6 columns × 100 rows stays well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('checkins')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

const NOTES = [
  'Hard morning. Talking it through at lunch helped a little.',
  'Kept thinking about the messages. Went for a long walk instead of checking.',
  'We managed a calm dinner. It felt almost ordinary.',
  'Angry again today, and tired of being angry.',
  'Slept badly. Everything felt heavier.',
  'A small kindness this evening. I noticed it.',
  'Our check-in meeting went better than I expected.',
  'I cried in the car, then felt lighter.',
  'Not much to say today. Steady.',
  'I could say what I needed without shouting.',
  'Talked to my sister. It helped to be heard.',
  '',
];

/**
 * A believable arc for a demo person: early weeks heavy with hurt and anger, later weeks with more
 * hope and relief, and ordinary ups and downs in between. Deterministic for a given seed.
 */
export function demoCheckins(
  author: SeededMember,
  opts: { start: number; days: number; seed: number; shareEvery?: number },
): SeedCheckin[] {
  let state = opts.seed >>> 0 || 1;
  const rand = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const out: SeedCheckin[] = [];
  const dayMs = 24 * 60 * 60 * 1000;
  for (let day = 0; day < opts.days; day++) {
    if (rand() < 0.35) continue; // no one checks in every day, and that is fine
    const progress = day / Math.max(1, opts.days - 1);
    const swing = (rand() - 0.5) * 3;
    const clamp = (n: number) => Math.max(0, Math.min(10, Math.round(n)));
    const feelings: FeelingEntry[] = [
      { feeling: 'hurt', intensity: clamp(8 - 5 * progress + swing) },
      { feeling: rand() < 0.5 ? 'anger' : 'anxiety', intensity: clamp(7 - 5 * progress + swing) },
    ];
    if (progress > 0.3)
      feelings.push({ feeling: 'hope', intensity: clamp(2 + 6 * progress - swing) });
    if (progress < 0.2 && rand() < 0.5)
      feelings.push({ feeling: 'shock', intensity: clamp(7 - swing) });
    out.push({
      author,
      createdAt:
        opts.start + day * dayMs + Math.floor(rand() * 14 * 60 * 60 * 1000) + 7 * 60 * 60 * 1000,
      content: { feelings, note: NOTES[Math.floor(rand() * NOTES.length)] ?? '' },
      shared: opts.shareEvery !== undefined && out.length % opts.shareEvery === 0,
    });
  }
  return out;
}
