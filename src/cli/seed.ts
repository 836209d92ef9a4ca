import type { CheckinContent, FeelingEntry } from '../core/checkins/checkin.js';
import type {
  BetrayalKind,
  CameToLight,
  JourneyPath,
  MemberRole,
} from '../core/journeys/journey.js';
import {
  initialSafetyState,
  safetyQuestionIds,
  takeCheck,
  type SafetyAnswers,
} from '../core/safety/safety.js';
import { createAccount } from '../server/auth/accounts.js';
import { journeyCallerFor } from '../server/auth/caller.js';
import { keyRing } from '../server/auth/key-ring.js';
import type { Deps } from '../server/deps.js';
import { writePastCheckins } from '../server/features/checkins/checkins.service.js';
import { insertJourney, insertMember } from '../server/features/journeys/journeys.store.js';
import { saveSafetyState } from '../server/features/safety/safety.service.js';
import { sealRole } from '../server/auth/person-facts.js';
import { sealCameToLight, sealKinds } from '../server/features/journeys/journey-facts.js';

const allNoAnswers = Object.fromEntries(
  safetyQuestionIds.map((id) => [id, false]),
) as SafetyAnswers;

export interface SeedPerson {
  readonly email: string;
  readonly displayName: string;
  readonly role: MemberRole;
}

export interface SeededMember {
  readonly id: string;
  readonly email: string;
}

/**
 * Creates the people and their journey through the app's own account and journey writers. Callers
 * run it inside their transaction (deps.database.db is then the transaction).
 */
export async function seedJourney(
  deps: Deps,
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
  const accounts = [];
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
    // Demo people have taken the safety check (all "no"), as everyone does before joint work.
    await saveSafetyState(
      deps,
      db,
      await keyRing(deps).people([account.id]),
      account.id,
      takeCheck(initialSafetyState, allNoAnswers, input.startedAt),
    );
    accounts.push({ id: account.id, email: account.email, memberRole: person.role });
  }
  const [first] = accounts;
  if (!first) throw new Error('a journey needs at least one person');
  const now = input.startedAt;
  const { sealer } = deps;
  await insertJourney(db, {
    id: journeyId,
    path: input.path,
    kindsSealed: sealKinds(sealer, journeyId, input.kinds),
    cameToLightSealed: sealCameToLight(sealer, journeyId, input.cameToLight),
    createdBy: first.id,
    now,
  });
  for (const p of accounts) {
    await insertMember(db, {
      journeyId,
      userId: p.id,
      roleSealed: sealRole(sealer, journeyId, p.id, p.memberRole),
      now,
    });
  }
  return { journeyId, members: accounts.map((a) => ({ id: a.id, email: a.email })) };
}

export interface SeedCheckin {
  readonly author: SeededMember;
  readonly createdAt: number;
  readonly content: CheckinContent;
  readonly shared: boolean;
}

/**
 * Writes check-ins through the check-ins service, each person's as themself in their journey;
 * callers run it inside their transaction.
 */
export async function seedCheckins(deps: Deps, checkins: readonly SeedCheckin[]): Promise<void> {
  const byAuthor = new Map<string, SeedCheckin[]>();
  for (const c of checkins) byAuthor.set(c.author.id, [...(byAuthor.get(c.author.id) ?? []), c]);
  for (const [authorId, theirs] of byAuthor) {
    await writePastCheckins(
      deps,
      await journeyCallerFor(deps, authorId),
      theirs.map((c) => ({
        createdAt: c.createdAt,
        content: c.content,
        visibility: c.shared ? 'partner' : 'private',
      })),
    );
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
