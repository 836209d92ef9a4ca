import { expect } from 'vitest';
import type { ProgramStepView, ProgramView } from '../../shared/api/program.js';
import type { Member, TestApp } from './harness.js';

/** Reads of the program for tests: a member's dashboard and step texts, and a journey's events. */
export function programReads(t: TestApp) {
  const view = async (m: Member, query = '') => {
    const res = await m.client.get(`/api/program${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ProgramView>();
  };

  const stepTexts = async (m: Member, stepId: string) => {
    const res = await m.client.get(`/api/program/steps/${stepId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ProgramStepView>();
  };

  /** How many events a journey has on its steps: what a refused or repeated mark must not add. */
  const eventCount = async (journeyId: string) =>
    (
      await t.deps.database.db
        .selectFrom('program_events')
        .select('id')
        .where('journey_id', '=', journeyId)
        .execute()
    ).length;

  return { view, stepTexts, eventCount };
}
