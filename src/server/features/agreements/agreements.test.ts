import { describe, expect, it } from 'vitest';
import { accept, revisit, type Agreement } from '../../../core/agreements/agreement.js';
import { newText, oldText } from '../../../core/agreements/diff.js';
import type { AgreementView } from '../../../shared/api/agreements.js';
import { answer, list, propose } from '../../test-support/agreements.js';
import {
  codeOf,
  makeCouple,
  makeJourney,
  makeMember,
  useTestApp,
} from '../../test-support/harness.js';
import { migrateToLatest, migratorFor } from '../../db/migrate.js';
import { agreementVersions, writeTransition } from './agreements.store.js';
import { sealContext } from '../../crypto/contexts.js';

// Step 2: agreements, their versions and answers, and the suggestions.
const t = useTestApp();
const LATER = 10 * 60_000;

describe('agreements', () => {
  it('propose → revise → revise → accept keeps every version, with readable changes between them', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const first = await propose(alex, 'We tell each other when plans change.');
    expect(first.waitingOn).toBe('partner');
    expect(first.nextSteps).toMatchObject({ answers: 1, canAccept: false, canRevise: false });
    const seen = (await list(sam)).agreements[0]!;
    expect(seen.waitingOn).toBe('me');
    expect(seen.nextSteps).toMatchObject({ answers: 1, canAccept: true, canDecline: true });
    expect(seen.versions[0]).toMatchObject({ mine: false, proposerName: 'Alex', diff: null });

    t.clock.advance(LATER);
    const revised = await answer(sam, first.id, {
      answer: 'revise',
      expected: 1,
      text: 'We tell each other before plans change.',
    });
    expect(revised.versions.map((v) => v.status)).toEqual(['superseded', 'proposed']);
    expect(revised.waitingOn).toBe('partner');
    const diff = revised.versions[1]!.diff!;
    expect(diff).toContainEqual({ kind: 'removed', text: 'when ' });
    expect(diff).toContainEqual({ kind: 'added', text: 'before ' });
    expect(oldText(diff)).toBe('We tell each other when plans change.');
    expect(newText(diff)).toBe('We tell each other before plans change.');

    const again = await answer(alex, first.id, {
      answer: 'revise',
      expected: 2,
      text: 'We tell each other before plans change, or as soon as we can.',
      category: 'routines',
    });
    expect(again.category).toBe('routines');
    const done = await answer(sam, first.id, { answer: 'accept', expected: 3 });
    expect(done.versions.map((v) => [v.version, v.status, v.proposerName])).toEqual([
      [1, 'superseded', 'Alex'],
      [2, 'superseded', 'Sam'],
      [3, 'accepted', 'Alex'],
    ]);
    expect(done).toMatchObject({ inForce: 3, waitingOn: null });
    expect(done.nextSteps).toMatchObject({ canAccept: false, canRevisit: true });

    // Revisiting keeps the accepted version in force until the new one is accepted.
    const reopened = await answer(sam, first.id, {
      answer: 'revisit',
      expected: 3,
      text: 'We tell each other before plans change.',
    });
    expect(reopened).toMatchObject({ inForce: 3, waitingOn: 'partner' });
    const final = await answer(alex, first.id, { answer: 'accept', expected: 4 });
    expect(final.inForce).toBe(4);
    expect(final.versions.map((v) => v.status)).toEqual([
      'superseded',
      'superseded',
      'superseded',
      'accepted',
    ]);
    // Both partners read the same history.
    expect((await list(alex)).agreements[0]!.versions.map((v) => v.text)).toEqual(
      (await list(sam)).agreements[0]!.versions.map((v) => v.text),
    );
  });

  it('decline: nothing is in force, and the proposal cannot be answered again or by its proposer', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const { id } = await propose(alex, 'No contact with them at all.', 'contact_rules');
    expect(
      await codeOf(
        alex.client.post(`/api/agreements/${id}/answers`, { answer: 'accept', expected: 1 }),
      ),
    ).toBe('409 agreement.own_proposal');
    const declined = await answer(sam, id, { answer: 'decline', expected: 1 });
    expect(declined).toMatchObject({ inForce: null, waitingOn: null });
    expect(declined.versions[0]!.status).toBe('declined');
    expect(
      await codeOf(
        sam.client.post(`/api/agreements/${id}/answers`, { answer: 'accept', expected: 1 }),
      ),
    ).toBe('409 agreement.changed');
    expect(
      await codeOf(sam.client.post(`/api/agreements/${id}/commitments`, { rhythm: 'daily' })),
    ).toBe('409 commitment.not_accepted');
    // Either of them may bring it back with new words.
    const back = await answer(alex, id, {
      answer: 'revisit',
      expected: 1,
      text: 'Contact only about work.',
    });
    expect(back.versions.map((v) => v.status)).toEqual(['declined', 'proposed']);
  });

  it('two answers racing to the same version: exactly one wins', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const { id } = await propose(alex, 'We check in every Sunday evening.', 'routines');
    const results = await Promise.all([
      sam.client.post(`/api/agreements/${id}/answers`, { answer: 'accept', expected: 1 }),
      sam.client.post(`/api/agreements/${id}/answers`, {
        answer: 'revise',
        expected: 1,
        text: 'We check in every Sunday morning.',
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json<{ code: string }>().code).toBe(
      'agreement.changed',
    );
    const winner = results.find((r) => r.statusCode === 200)!.json<AgreementView>();
    expect((await list(alex)).agreements[0]!.versions).toEqual(
      winner.versions.map((v) => ({ ...v, mine: !v.mine })),
    );

    // Two revisits of the accepted version race for the same new version number.
    // Whichever won, bring the agreement to an accepted version: a winning revision is Sam's, so
    // Alex answers it.
    const accepted =
      winner.inForce === null
        ? await answer(alex, id, { answer: 'accept', expected: winner.versions.length })
        : winner;
    expect(accepted.inForce).toBe(accepted.versions.length);
    const at = accepted.versions.length;
    const revisits = await Promise.all(
      [alex, sam].map((m) =>
        m.client.post(`/api/agreements/${id}/answers`, {
          answer: 'revisit',
          expected: at,
          text: `A new version by ${m.displayName}.`,
        }),
      ),
    );
    expect(revisits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(revisits.find((r) => r.statusCode === 409)!.json<{ code: string }>().code).toBe(
      'agreement.changed',
    );
    const after = (await list(alex)).agreements[0]!;
    expect(after.versions).toHaveLength(at + 1);
  });

  it('the store itself refuses a second write of the same answer to the same version', async () => {
    const { a: alex, b: sam, journeyId } = await makeCouple(t.app);
    const { id } = await propose(alex, 'We share our calendars.');
    const db = t.deps.database.db;
    const read = async (): Promise<Agreement> => ({
      id,
      versions: (await agreementVersions(db, journeyId, id)).map((v) => ({
        agreementId: id,
        version: v.version,
        text: 'unused',
        category: v.category,
        proposedBy: v.proposedBy,
        at: v.at,
        status: v.status,
      })),
    });
    // Both computed from the same read, as two racing requests would.
    const stale = await read();
    const transition = accept(stale, sam.id, 1);
    await writeTransition(db, { journeyId, transition });
    await expect(writeTransition(db, { journeyId, transition })).rejects.toMatchObject({
      code: 'agreement.changed',
    });
    // A revisit changes no status, so only the unique (agreement_id, version) key stands between two.
    const accepted = await read();
    const again = revisit(accepted, { by: alex.id, expected: 1, text: 'x', at: 1 });
    await writeTransition(db, { journeyId, transition: again, sealed: 'sealed-a' });
    await expect(
      writeTransition(db, { journeyId, transition: again, sealed: 'sealed-b' }),
    ).rejects.toMatchObject({ code: 'agreement.changed' });
    const rows = await agreementVersions(db, journeyId, id);
    expect(
      rows.map((r) => [r.version, r.status, r.sealed === 'sealed-a' || r.version === 1]),
    ).toEqual([
      [1, 'accepted', true],
      [2, 'proposed', true],
    ]);
  });

  it('another journey sees nothing and gets 404', async () => {
    const { a: alex } = await makeCouple(t.app);
    const chris = await makeMember(t.app, 'Chris');
    await makeJourney(chris);
    const { id } = await propose(alex, 'We keep our phones unlocked.');
    expect((await list(chris)).agreements).toEqual([]);
    expect(
      await codeOf(
        chris.client.post(`/api/agreements/${id}/answers`, { answer: 'accept', expected: 1 }),
      ),
    ).toBe('404 agreement.not_found');
    expect(
      await codeOf(chris.client.post(`/api/agreements/${id}/commitments`, { rhythm: 'daily' })),
    ).toBe('404 agreement.not_found');
  });

  it('waits for the private safety check before anything joint', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    await makeJourney(alex);
    expect(
      await codeOf(alex.client.post('/api/agreements', { text: 'We talk.', category: 'other' })),
    ).toBe('409 safety.check_needed');
    expect((await list(alex)).agreements).toEqual([]);
  });

  it('offers suggestions that fit the journey first', async () => {
    const { a: alex } = await makeCouple(t.app);
    const { suggestions } = await list(alex);
    expect(suggestions.length).toBeGreaterThan(3);
    // The couple named secrets: transparency leads.
    expect(suggestions[0]!.category).toBe('transparency');
  });
});

describe('agreement diffs kept with their versions', () => {
  const before = 'We tell each other when plans change.';
  const after = 'We tell each other before plans change.';
  const revised = async () => {
    const { a: alex, b: sam, journeyId } = await makeCouple(t.app);
    const { id } = await propose(alex, before);
    await answer(sam, id, { answer: 'revise', expected: 1, text: after });
    return { alex, sam, journeyId, id };
  };
  const keyOf = async (userId: string) => {
    const { wrapped_key } = await t.deps.database.db
      .selectFrom('users')
      .select('wrapped_key')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return t.deps.sealer.unwrap(userId, wrapped_key);
  };

  it('a revision stores its diff sealed when saved, and reads show the kept diff', async () => {
    const { alex, sam, journeyId, id } = await revised();
    const rows = await agreementVersions(t.deps.database.db, journeyId, id);
    expect(rows.map((r) => r.diffSealed === null)).toEqual([true, false]);
    const kept = t.deps.sealer.open(
      await keyOf(sam.id),
      rows[1]!.diffSealed!,
      sealContext('agreementDiff', id, 2),
    );
    expect(JSON.parse(kept)).toContainEqual({ kind: 'added', text: 'before ' });
    expect(rows[1]!.diffSealed).not.toContain('before');

    // Reads open what was kept rather than diffing the texts again: a kept diff is what they show.
    const stand = [{ kind: 'same', text: 'kept' }];
    await t.deps.database.db
      .updateTable('agreement_versions')
      .set({
        diff_sealed: t.deps.sealer.seal(
          await keyOf(sam.id),
          JSON.stringify(stand),
          sealContext('agreementDiff', id, 2),
        ),
      })
      .where('agreement_id', '=', id)
      .where('version', '=', 2)
      .execute();
    expect((await list(alex)).agreements[0]!.versions[1]!.diff).toEqual(stand);
  });

  it('versions saved before diffs were kept get theirs on the first read, kept from then on', async () => {
    const { alex, journeyId, id } = await revised();
    const db = t.deps.database.db;
    // Back to the schema before kept diffs, then forward again: the column comes back empty.
    const down = await (await migratorFor(t.deps.database)).migrateTo('0009-dashboard-indexes');
    expect(down.error).toBeUndefined();
    await migrateToLatest(t.deps.database);
    expect((await agreementVersions(db, journeyId, id)).map((r) => r.diffSealed)).toEqual([
      null,
      null,
    ]);

    const diff = (await list(alex)).agreements[0]!.versions[1]!.diff!;
    expect(oldText(diff)).toBe(before);
    expect(newText(diff)).toBe(after);
    const rows = await agreementVersions(db, journeyId, id);
    expect(rows[1]!.diffSealed).not.toBeNull();
    // A second read opens the same kept diff rather than writing another.
    await list(alex);
    expect((await agreementVersions(db, journeyId, id))[1]!.diffSealed).toBe(rows[1]!.diffSealed);
  });
});
