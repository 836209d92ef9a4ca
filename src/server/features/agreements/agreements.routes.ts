import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accept,
  decline,
  latestVersion,
  nextSteps,
  propose,
  proposeRevision,
  revisit,
  versionInForce,
  type AgreementTransition,
} from '../../../core/agreements/agreement.js';
import { diffWords } from '../../../core/agreements/diff.js';
import { suggestionsFor } from '../../../core/agreements/suggestions.js';
import type { BetrayalKind } from '../../../core/journeys/journey.js';
import type { ExerciseWork } from '../../../core/program/exercise-work.js';
import {
  AgreementAnswerBody,
  AgreementCreateBody,
  AgreementList,
  AgreementView,
  type AgreementVersionView,
} from '../../../shared/api/agreements.js';
import { IdParams } from '../../../shared/api/common.js';
import { Problem } from '../../../shared/api/problem.js';
import type { Deps } from '../../deps.js';
import { access, memberId } from '../../http/access.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import { journeyKinds, listVersions, writeTransition } from './agreements.store.js';
import {
  agreementReaders,
  callerOf,
  diffContext,
  encodeDiff,
  versionContext,
  type Caller,
  type OpenedAgreement,
} from './readers.js';

/** Agreements: proposed, answered, revised and revisited by the partners of a journey. */
export function registerAgreementRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const recordWork = exerciseRecorder(deps);

  const { openAgreements, openAgreement, people } = agreementReaders(deps);

  function viewOf(c: Caller, { agreement, names, diffs }: OpenedAgreement): AgreementView {
    const versions = agreement.versions.toSorted((a, b) => a.version - b.version);
    const changes = diffs();
    const latest = latestVersion(agreement);
    return {
      id: agreement.id,
      category: latest.category,
      versions: versions.map((v, i): AgreementVersionView => ({
        version: v.version,
        text: v.text,
        category: v.category,
        mine: v.proposedBy === c.userId,
        proposerName: names.get(v.proposedBy) ?? '',
        at: v.at,
        status: v.status,
        diff: i === 0 ? null : [...(changes.get(v.version) ?? [])],
      })),
      inForce: versionInForce(agreement)?.version ?? null,
      waitingOn:
        latest.status !== 'proposed' ? null : latest.proposedBy === c.userId ? 'partner' : 'me',
      nextSteps: nextSteps(agreement, c.userId),
    };
  }

  r.get(
    '/api/agreements',
    {
      config: access('member'),
      schema: {
        tags: ['agreements'],
        summary:
          'The agreements in my journey with every version and the changes between them, and suggestions to start from',
        response: { 200: AgreementList, 409: Problem },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const opened = await openAgreements(await listVersions(db, c.journeyId));
      const kinds = (await journeyKinds(db, deps.sealer, c.journeyId)) as BetrayalKind[];
      reply.header('cache-control', 'no-store');
      return {
        agreements: opened
          .map((o) => viewOf(c, o))
          .sort(
            (a, b) =>
              (b.versions.at(-1)?.at ?? 0) - (a.versions.at(-1)?.at ?? 0) ||
              a.id.localeCompare(b.id),
          ),
        suggestions: suggestionsFor(kinds).map((s) => ({
          id: s.id,
          category: s.category,
          text: s.text,
        })),
      };
    },
  );

  r.post(
    '/api/agreements',
    {
      config: access('member'),
      schema: {
        tags: ['agreements'],
        summary: 'Propose an agreement to my partner',
        body: AgreementCreateBody,
        response: { 201: AgreementView, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assertSafetyChecked(deps, memberId(request));
      const c = callerOf(request);
      const transition = propose({
        id: deps.newId(),
        text: request.body.text,
        category: request.body.category,
        by: c.userId,
        at: deps.clock(),
      });
      await write(c, transition, 'agreement_proposed');
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(viewOf(c, await openAgreement(c, transition.agreement.id)));
    },
  );

  /**
   * Seals the added version's text under its proposer's key, and writes the transition and the
   * caller's work on the agreements exercise in one transaction.
   */
  async function write(c: Caller, transition: AgreementTransition, work: ExerciseWork) {
    const added = transition.added;
    const key = added ? (await people([added.proposedBy])).key(added.proposedBy) : undefined;
    const sealed =
      added && key
        ? deps.sealer.seal(key, added.text, versionContext(added.agreementId, added.version))
        : undefined;
    // The change from the version before, computed once here rather than on every read.
    const before = added
      ? transition.agreement.versions.find((v) => v.version === added.version - 1)
      : undefined;
    const diffSealed =
      added && key && before
        ? deps.sealer.seal(
            key,
            encodeDiff(diffWords(before.text, added.text)),
            diffContext(added.agreementId, added.version),
          )
        : undefined;
    await db.transaction().execute(async (trx) => {
      await writeTransition(trx, {
        journeyId: c.journeyId,
        transition,
        ...(sealed === undefined ? {} : { sealed }),
        ...(diffSealed === undefined ? {} : { diffSealed }),
      });
      await recordWork(trx, { journeyId: c.journeyId, memberId: c.userId, work });
    });
  }

  r.post(
    '/api/agreements/:id/answers',
    {
      config: access('member'),
      schema: {
        tags: ['agreements'],
        summary:
          'Answer the newest version (accept, decline, suggest a change) or revisit an agreement, naming the version answered',
        params: IdParams,
        body: AgreementAnswerBody,
        response: { 200: AgreementView, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await assertSafetyChecked(deps, memberId(request));
      const c = callerOf(request);
      const { agreement } = await openAgreement(c, request.params.id);
      const { answer, expected, text, category } = request.body;
      const change = {
        by: c.userId,
        expected,
        text: text ?? '',
        at: deps.clock(),
        ...(category ? { category } : {}),
      };
      const transition =
        answer === 'accept'
          ? accept(agreement, c.userId, expected)
          : answer === 'decline'
            ? decline(agreement, c.userId, expected)
            : answer === 'revise'
              ? proposeRevision(agreement, change)
              : revisit(agreement, change);
      await write(c, transition, 'agreement_answered');
      reply.header('cache-control', 'no-store');
      return viewOf(c, await openAgreement(c, agreement.id));
    },
  );
}
