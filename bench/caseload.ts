import { generateSecret } from 'otplib';
import { consentCategories } from '../src/core/access/consent.js';
import { scoreAnswers } from '../src/core/measures/scoring.js';
import { demoCheckins, seedCheckins, seedJourney, type SeededMember } from '../src/cli/seed.js';
import { createAccount } from '../src/server/auth/accounts.js';
import { keyRing } from '../src/server/auth/key-ring.js';
import { confirmFactor, putPendingFactor } from '../src/server/auth/two-factor.store.js';
import { atomically } from '../src/server/db/schema.js';
import type { Deps } from '../src/server/deps.js';
import { insertScreenResult } from '../src/server/features/screens/screens.store.js';
import { seedDashboard } from './dashboard.js';

/**
 * The caseload scenarios' data: a therapist with `clients` linked clients (couples, both partners
 * linked, sharing every category), each with a year of check-ins, a PHQ-9 and a GAD-7 every two
 * weeks, and the dashboard's agreements, commitments with a year of entries and program marks;
 * a few unseen alerts. Written through the stores as the server writes them, each couple in its
 * own transaction. Sign the therapist in with `createSession` as the bench does for members; the
 * scenarios are `GET /api/therapist/caseload` and `GET /api/therapist/clients/:id/summary` (its
 * default 14 days, or `?since=` a month back) for a client from `clientIds`.
 */

const DAY_MS = 86_400_000;

export interface SeededCaseload {
  readonly therapistId: string;
  readonly therapistEmail: string;
  readonly clientIds: string[];
}

/** Answers that score `total` on an instrument whose items each score 0–3. */
function answersFor(itemIds: readonly string[], total: number): Record<string, number> {
  let left = total;
  return Object.fromEntries(
    itemIds.map((id, i) => {
      // Item 9 of the PHQ-9 stays at 0: these are not crisis answers.
      const score = i === 8 ? 0 : Math.min(3, left);
      left -= score;
      return [id, score];
    }),
  );
}

export async function seedCaseload(
  deps: Deps,
  options: { clients: number; now?: number; passwordHash?: string; seed?: number },
): Promise<SeededCaseload> {
  const now = options.now ?? Date.now();
  const yearAgo = now - 366 * DAY_MS;
  const passwordHash = options.passwordHash ?? (await deps.passwords.hash('bench password 1'));
  const seed = options.seed ?? 1;
  const therapistEmail = `therapist-${seed}@bench.invalid`;
  const therapist = await createAccount(
    deps,
    {
      email: therapistEmail,
      password: 'unused: a precomputed hash is given',
      displayName: 'Dr Bench',
      role: 'therapist',
    },
    passwordHash,
  );
  const clientIds: string[] = [];
  const couples = Math.ceil(options.clients / 2);
  for (let j = 0; j < couples; j++) {
    await deps.database.db.transaction().execute(async (trx) => {
      const tx: Deps = { ...deps, database: { ...deps.database, db: trx } };
      const seeded = await seedJourney(tx, {
        people: [
          { email: `c${seed}-${j}a@bench.invalid`, displayName: `Client ${j}A`, role: 'hurt' },
          {
            email: `c${seed}-${j}b@bench.invalid`,
            displayName: `Client ${j}B`,
            role: 'broke_trust',
          },
        ],
        path: 'together',
        kinds: ['secrets'],
        cameToLight: 'months_1_6',
        startedAt: yearAgo - 40 * DAY_MS,
        passwordHash,
      });
      const [a, b] = seeded.members;
      if (!a || !b) throw new Error('seed failed');
      const pair: [SeededMember, SeededMember] = [a, b];
      await seedCheckins(tx, [
        ...demoCheckins(a, { start: yearAgo, days: 365, seed: j * 2 + 1, shareEvery: 3 }),
        ...demoCheckins(b, { start: yearAgo, days: 365, seed: j * 2 + 2, shareEvery: 3 }),
      ]);
      await seedDashboard(tx, seeded.journeyId, pair, now, j + 1);

      // A PHQ-9 and a GAD-7 every two weeks, each sealed under its person's key.
      const who = await keyRing(tx).people([a.id, b.id]);
      for (const [p, person] of pair.entries()) {
        for (const instrument of deps.content.instruments.values()) {
          const items = instrument.items.map((i) => i.id);
          for (let at = yearAgo, n = 0; at < now; at += 14 * DAY_MS, n++) {
            const total = Math.max(2, 16 - Math.floor(n / 3) + ((n + p + j) % 4));
            const answers = answersFor(items, Math.min(total, instrument.scoring.max));
            const score = scoreAnswers(instrument, answers);
            const id = deps.newId();
            await insertScreenResult(trx, {
              id,
              userId: person.id,
              instrumentId: instrument.id,
              instrumentVersion: instrument.version,
              createdAt: at + 3_600_000,
              sealed: who.seal(
                'screenResult',
                person.id,
                JSON.stringify({
                  answers,
                  followUp: null,
                  total: score.total,
                  band: score.band,
                  aboveGuidance: score.aboveGuidance,
                  crisis: score.crisis,
                }),
                id,
              ),
            });
          }
        }
      }

      // Both linked with the therapist, sharing everything; every fifth couple has an alert.
      for (const person of pair) {
        const linkId = deps.newId();
        await trx
          .insertInto('therapist_links')
          .values({
            id: linkId,
            client_id: person.id,
            therapist_id: therapist.id,
            status: 'active',
            alert_crisis: 1,
            created_at: yearAgo - 30 * DAY_MS,
            accepted_at: yearAgo - 29 * DAY_MS,
            ended_at: null,
            ended_by: null,
          })
          .execute();
        await trx
          .insertInto('link_consents')
          .values(
            consentCategories.map((category) => ({
              link_id: linkId,
              category,
              granted_at: yearAgo - 29 * DAY_MS,
            })),
          )
          .execute();
        if (j % 5 === 0 && person === a)
          await trx
            .insertInto('therapist_alerts')
            .values({
              id: deps.newId(),
              link_id: linkId,
              therapist_id: therapist.id,
              client_id: person.id,
              kind: 'deterioration',
              source_id: null,
              at: now - 3 * DAY_MS,
              seen_at: null,
            })
            .execute();
        clientIds.push(person.id);
      }
    });
  }
  return {
    therapistId: therapist.id,
    therapistEmail,
    clientIds: clientIds.slice(0, options.clients),
  };
}

/**
 * Turns two-factor sign-in on for a staff account as the settings screen leaves it: a secret
 * sealed under the person's key, then confirmed (therapists and administrators get
 * `auth.two_factor_setup_needed` on every other route until theirs is). Nobody signs in with it:
 * the bench makes the session directly.
 */
export async function confirmTwoFactor(deps: Deps, userId: string, now: number): Promise<void> {
  const who = await keyRing(deps).people([userId]);
  const sealed = who.seal('totpSecret', userId, generateSecret(), userId);
  const db = deps.database.db;
  await atomically(db, async (trx) => {
    await putPendingFactor(trx, userId, sealed, now);
    if (!(await confirmFactor(trx, userId, Math.floor(now / 30_000), now)))
      throw new Error('two-factor confirm failed');
  });
}
