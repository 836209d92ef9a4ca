import { describe, expect, it } from 'vitest';
import type { CommitmentView } from '../../../shared/api/commitments.js';
import {
  commitmentReliability,
  overallReliability,
} from '../../../core/commitments/reliability.js';
import { migrateToLatest, migratorFor } from '../../db/migrate.js';
import {
  answer,
  commitments,
  propose,
  signInAgain,
  trends,
} from '../../test-support/agreements.js';
import {
  codeOf,
  makeCouple,
  makeJourney,
  makeMember,
  ok,
  useTestApp,
} from '../../test-support/harness.js';
import { LOGS_SHOWN } from './commitments.service.js';
import { TREND_SAMPLING } from './commitments.store.js';
import { reliabilityView, trendView } from './reliability-view.js';

// Step 3: commitments to accepted agreements, their entries and answers, and their reliability.
const t = useTestApp();
const LATER = 10 * 60_000;

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
