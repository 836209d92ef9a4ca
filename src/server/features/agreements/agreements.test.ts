import { describe, expect, it } from 'vitest';
import { accept, revisit, type Agreement } from '../../../core/agreements/agreement.js';
import { newText, oldText } from '../../../core/agreements/diff.js';
import type {
  AgreementList,
  AgreementView,
  CommitmentList,
  CommitmentTrends,
  CommitmentView,
} from '../../../shared/api/agreements.js';
import {
  makeCouple,
  makeJourney,
  makeMember,
  PASSWORD,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';
import {
  commitmentReliability,
  overallReliability,
} from '../../../core/commitments/reliability.js';
import { migrateToLatest, migratorFor } from '../../db/migrate.js';
import { LOGS_SHOWN } from './commitments.routes.js';
import { reliabilityView, trendView } from './reliability-view.js';
import { agreementVersions, writeTransition } from './agreements.store.js';
import { TREND_SAMPLING } from './commitments.store.js';

const t = useTestApp();
const LATER = 10 * 60_000;

async function ok<T>(
  res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
  status = 200,
) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}
const codeOf = async (res: Promise<{ statusCode: number; json: () => unknown }>) => {
  const r = await res;
  return `${r.statusCode} ${(r.json() as { code?: string }).code ?? ''}`;
};

const list = (m: Member) => ok<AgreementList>(m.client.get('/api/agreements'));
const propose = (m: Member, text: string, category = 'transparency') =>
  ok<AgreementView>(m.client.post('/api/agreements', { text, category }), 201);
const answer = (m: Member, id: string, body: Record<string, unknown>) =>
  ok<AgreementView>(m.client.post(`/api/agreements/${id}/answers`, body));
const signInAgain = (m: Member) =>
  ok(m.client.post('/api/auth/signin', { email: m.email, password: PASSWORD }));
const commitments = (m: Member) => ok<CommitmentList>(m.client.get('/api/commitments'));
const trends = (m: Member) => ok<CommitmentTrends>(m.client.get('/api/commitments/trends'));

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

describe('commitments', () => {
  async function accepted() {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const { id } = await propose(alex, 'I tell you when I have been in touch with them.');
    await answer(sam, id, { answer: 'accept', expected: 1 });
    return { alex, sam, agreementId: id };
  }

  it('log → confirm raises reliability, dispute lowers it, resolve raises it again', async () => {
    const { alex, sam, agreementId } = await accepted();
    const made = await ok<CommitmentView>(
      alex.client.post(`/api/agreements/${agreementId}/commitments`, { rhythm: 'daily' }),
      201,
    );
    expect(made).toMatchObject({ mine: true, agreementVersion: 1, endedAt: null });
    expect(made.agreementText).toBe('I tell you when I have been in touch with them.');
    expect(made.reliability.mean).toBeCloseTo(0.5);
    expect(
      await codeOf(
        alex.client.post(`/api/agreements/${agreementId}/commitments`, { rhythm: 'weekly' }),
      ),
    ).toBe('409 commitment.exists');

    const logged = await ok<CommitmentView>(
      alex.client.post(`/api/commitments/${made.id}/logs`),
      201,
    );
    const entry = logged.logs[0]!;
    expect(entry.status).toBe('pending');
    // Logging alone moves nothing.
    expect(logged.reliability).toMatchObject({ mean: 0.5, pending: 1 });
    expect(await codeOf(sam.client.post(`/api/commitments/${made.id}/logs`))).toBe(
      '409 commitment.not_yours_to_log',
    );
    expect(
      await codeOf(
        alex.client.post(`/api/commitment-logs/${entry.id}/answers`, { answer: 'confirm' }),
      ),
    ).toBe('409 commitment.not_yours_to_confirm');

    const confirmed = await ok<CommitmentView>(
      sam.client.post(`/api/commitment-logs/${entry.id}/answers`, { answer: 'confirm' }),
    );
    const afterConfirm = confirmed.reliability.mean;
    expect(afterConfirm).toBeGreaterThan(0.5);
    expect(confirmed.reliability.lower).toBeLessThanOrEqual(afterConfirm);
    expect(confirmed.reliability.upper).toBeGreaterThanOrEqual(afterConfirm);

    t.clock.advance(LATER);
    const second = (
      await ok<CommitmentView>(alex.client.post(`/api/commitments/${made.id}/logs`), 201)
    ).logs[0]!;
    const disputed = await ok<CommitmentView>(
      sam.client.post(`/api/commitment-logs/${second.id}/answers`, {
        answer: 'dispute',
        note: 'I did not hear about Tuesday.',
      }),
    );
    expect(disputed.reliability.mean).toBeLessThan(afterConfirm);
    expect(disputed.logs[0]).toMatchObject({
      status: 'disputed',
      note: 'I did not hear about Tuesday.',
    });
    // The one who committed reads the note too.
    const alexView = (await commitments(alex)).mine[0]!;
    expect(alexView.logs[0]!.note).toBe('I did not hear about Tuesday.');
    expect(
      await codeOf(
        sam.client.post(`/api/commitment-logs/${second.id}/answers`, { answer: 'confirm' }),
      ),
    ).toBe('409 commitment.log_changed');

    const resolved = await ok<CommitmentView>(
      sam.client.post(`/api/commitment-logs/${second.id}/answers`, { answer: 'resolve' }),
    );
    expect(resolved.reliability.mean).toBeGreaterThan(disputed.reliability.mean);
    expect(resolved.logs[0]).toMatchObject({
      status: 'resolved',
      note: 'I did not hear about Tuesday.',
    });
    // The trend, its own read, keeps one point a week (both entries fall in this one), ending at
    // the estimate; both partners read the same.
    const trend = (await trends(alex)).commitments.find((x) => x.id === resolved.id)?.trend;
    expect(trend).toHaveLength(1);
    expect(trend?.[0]?.mean).toBe(resolved.reliability.mean);
    expect((await trends(sam)).commitments).toEqual((await trends(alex)).commitments);

    // Sam sees it as the partner's, with the same numbers; the overall pools it.
    const samList = await commitments(sam);
    expect(samList.mine).toEqual([]);
    expect(samList.partner[0]!.reliability).toEqual(resolved.reliability);
    expect(samList.overallReliability.partner.mean).toBeCloseTo(resolved.reliability.mean);
    expect((await commitments(alex)).overallReliability.mine.mean).toBeCloseTo(
      resolved.reliability.mean,
    );

    // Ending keeps the entries and stops new ones.
    const ended = await ok<CommitmentView>(alex.client.post(`/api/commitments/${made.id}/end`));
    expect(ended.endedAt).not.toBeNull();
    expect(ended.logs).toHaveLength(2);
    expect(await codeOf(alex.client.post(`/api/commitments/${made.id}/logs`))).toBe(
      '409 commitment.ended',
    );
  });

  it('two answers racing to one entry: exactly one wins', async () => {
    const { alex, sam, agreementId } = await accepted();
    const made = await ok<CommitmentView>(
      alex.client.post(`/api/agreements/${agreementId}/commitments`, { rhythm: 'weekly' }),
      201,
    );
    const entry = (
      await ok<CommitmentView>(alex.client.post(`/api/commitments/${made.id}/logs`), 201)
    ).logs[0]!;
    const results = await Promise.all([
      sam.client.post(`/api/commitment-logs/${entry.id}/answers`, { answer: 'confirm' }),
      sam.client.post(`/api/commitment-logs/${entry.id}/answers`, { answer: 'dispute' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json<CommitmentView>();
    expect((await commitments(sam)).partner[0]!.logs[0]!.status).toBe(winner.logs[0]!.status);
  });

  it('another journey cannot see, log or answer', async () => {
    const { alex, agreementId } = await accepted();
    const made = await ok<CommitmentView>(
      alex.client.post(`/api/agreements/${agreementId}/commitments`, { rhythm: 'as_it_happens' }),
      201,
    );
    const entry = (
      await ok<CommitmentView>(alex.client.post(`/api/commitments/${made.id}/logs`), 201)
    ).logs[0]!;
    const chris = await makeMember(t.app, 'Chris');
    await makeJourney(chris);
    expect(await commitments(chris)).toMatchObject({ mine: [], partner: [] });
    expect(await codeOf(chris.client.post(`/api/commitments/${made.id}/logs`))).toBe(
      '404 commitment.not_found',
    );
    expect(await codeOf(chris.client.post(`/api/commitments/${made.id}/end`))).toBe(
      '404 commitment.not_found',
    );
    expect(
      await codeOf(
        chris.client.post(`/api/commitment-logs/${entry.id}/answers`, { answer: 'confirm' }),
      ),
    ).toBe('404 commitment.not_found');
  });

  it('the kept reliability is always what every entry gives, even when two answers for one person race', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const agreementIds = [];
    for (const text of ['I tell you where I am.', 'We talk on Sundays.']) {
      const { id } = await propose(alex, text);
      await answer(sam, id, { answer: 'accept', expected: 1 });
      agreementIds.push(id);
    }
    const made = [];
    for (const [i, id] of agreementIds.entries()) {
      made.push(
        await ok<CommitmentView>(
          alex.client.post(`/api/agreements/${id}/commitments`, {
            rhythm: i === 0 ? 'daily' : 'weekly',
          }),
          201,
        ),
      );
    }
    const [daily, weekly] = made as [CommitmentView, CommitmentView];
    // More entries than a read shows, over several weeks, answered in a mix.
    const answers = ['confirm', 'confirm', 'dispute', 'confirm', null] as const;
    for (let day = 0; day < LOGS_SHOWN + 5; day++) {
      t.clock.advance(24 * 60 * 60_000);
      // A day later both sessions have ended: sign in again, as people would.
      await Promise.all([signInAgain(alex), signInAgain(sam)]);
      const entry = (
        await ok<CommitmentView>(alex.client.post(`/api/commitments/${daily.id}/logs`), 201)
      ).logs[0]!;
      const a = answers[day % answers.length];
      if (a) await ok(sam.client.post(`/api/commitment-logs/${entry.id}/answers`, { answer: a }));
    }
    // Two entries of two different commitments by the same person, answered at the same moment.
    const pair = [
      (await ok<CommitmentView>(alex.client.post(`/api/commitments/${daily.id}/logs`), 201))
        .logs[0]!,
      (await ok<CommitmentView>(alex.client.post(`/api/commitments/${weekly.id}/logs`), 201))
        .logs[0]!,
    ];
    const raced = await Promise.all(
      pair.map((e) =>
        sam.client.post(`/api/commitment-logs/${e.id}/answers`, { answer: 'confirm' }),
      ),
    );
    expect(raced.map((r) => r.statusCode)).toEqual([200, 200]);
    t.clock.advance(3 * 24 * 60 * 60_000);
    await Promise.all([signInAgain(alex), signInAgain(sam)]);

    const db = t.deps.database.db;
    const logsOf = async (commitmentId: string) =>
      (
        await db
          .selectFrom('commitment_logs')
          .select(['at', 'status'])
          .where('commitment_id', '=', commitmentId)
          .execute()
      ).map((l) => ({ at: Number(l.at), status: l.status }));
    const everyEntry = [
      { id: daily.id, rhythm: 'daily' as const, logs: await logsOf(daily.id) },
      { id: weekly.id, rhythm: 'weekly' as const, logs: await logsOf(weekly.id) },
    ];
    expect(everyEntry[0]!.logs).toHaveLength(LOGS_SHOWN + 6);
    const now = t.clock();
    for (const reader of [alex, sam]) {
      const read = await commitments(reader);
      const views = (reader === alex ? read.mine : read.partner).toSorted(
        (x, y) => Number(x.id !== daily.id) - Number(y.id !== daily.id),
      );
      // Computed from every entry, the estimates and their trends are what the kept snapshots
      // serve (to the four decimals that leave the server).
      const full = everyEntry.map((c) =>
        commitmentReliability(c.rhythm, c.logs, now, TREND_SAMPLING),
      );
      const fullPooled = overallReliability(everyEntry, now, TREND_SAMPLING);
      expect(views.map((v) => v.reliability)).toEqual(full.map(reliabilityView));
      const pooled =
        reader === alex ? read.overallReliability.mine : read.overallReliability.partner;
      expect(pooled).toEqual(reliabilityView(fullPooled));
      const charts = await trends(reader);
      expect(views.map((v) => charts.commitments.find((x) => x.id === v.id)?.trend)).toEqual(
        full.map((r) => trendView(r.trend)),
      );
      expect(reader === alex ? charts.overall.mine : charts.overall.partner).toEqual(
        trendView(fullPooled.trend),
      );
      expect(full[0]!.trend.length).toBeGreaterThan(1);
      // The read lists the newest entries only, newest first; the estimate counts them all.
      expect(views[0]!.logs).toHaveLength(LOGS_SHOWN);
      expect(views[0]!.logs[0]!.id).toBe(pair[0]!.id);
      const { kept, missed, pending } = views[0]!.reliability;
      expect(kept + missed + pending).toBe(LOGS_SHOWN + 6);
    }
  });

  it('commitments made before reliability was kept get it from their entries when migrated', async () => {
    const { alex, sam, agreementId } = await accepted();
    const made = await ok<CommitmentView>(
      alex.client.post(`/api/agreements/${agreementId}/commitments`, { rhythm: 'daily' }),
      201,
    );
    for (const a of ['confirm', 'dispute', 'confirm']) {
      t.clock.advance(10 * 60_000);
      const entry = (
        await ok<CommitmentView>(alex.client.post(`/api/commitments/${made.id}/logs`), 201)
      ).logs[0]!;
      await ok(sam.client.post(`/api/commitment-logs/${entry.id}/answers`, { answer: a }));
    }
    const before = await commitments(sam);
    expect(before.partner[0]!.reliability).toMatchObject({ kept: 2, missed: 1 });

    // Back to the schema before the snapshots, then forward again.
    const down = await (await migratorFor(t.deps.database)).migrateTo('0006-agreements');
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => r.migrationName)).toContain('0007-reliability-snapshots');
    await migrateToLatest(t.deps.database);

    expect(await commitments(sam)).toEqual(before);
  });
});
