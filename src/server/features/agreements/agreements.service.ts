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
import type {
  AgreementList,
  AgreementVersionView,
  AgreementView,
  agreementsApi,
} from '../../../shared/api/agreements.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type { JourneyCaller } from '../../auth/caller.js';
import type { People } from '../../auth/key-ring.js';
import type { Deps } from '../../deps.js';
import { exerciseRecorder } from '../program/exercise-work.js';
import {
  encodeDiff,
  openAgreement,
  openAgreements,
  type OpenedAgreement,
} from './agreements.read.js';
import { journeyKinds, listVersions, writeTransition } from './agreements.store.js';

/** Step 2, agreements: proposed, answered, revised and revisited by the partners of a journey. */

type Api = typeof agreementsApi;

function viewOf(c: JourneyCaller, { agreement, names, diffs }: OpenedAgreement): AgreementView {
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

/**
 * The added version's text and its change from the version before, sealed under its proposer's
 * key (`who` must have read them). The diff is computed once here rather than on every read.
 */
export function sealAdded(
  who: People,
  transition: AgreementTransition,
): { sealed?: string; diffSealed?: string } {
  const added = transition.added;
  if (!added) return {};
  const { agreementId, version, proposedBy } = added;
  const before = transition.agreement.versions.find((v) => v.version === version - 1);
  return {
    sealed: who.seal('agreementText', proposedBy, added.text, agreementId, version),
    ...(before
      ? {
          diffSealed: who.seal(
            'agreementDiff',
            proposedBy,
            encodeDiff(diffWords(before.text, added.text)),
            agreementId,
            version,
          ),
        }
      : {}),
  };
}

/** Writes the transition and the caller's work on the agreements exercise in one transaction. */
async function write(
  deps: Deps,
  c: JourneyCaller,
  transition: AgreementTransition,
  work: ExerciseWork,
): Promise<void> {
  const proposer = transition.added ? [transition.added.proposedBy] : [];
  const sealed = sealAdded(await c.keys.people(proposer), transition);
  await deps.database.db.transaction().execute(async (trx) => {
    await writeTransition(trx, { journeyId: c.journeyId, transition, ...sealed });
    await exerciseRecorder(deps)(trx, { journeyId: c.journeyId, memberId: c.userId, work });
  });
}

const reread = async (deps: Deps, c: JourneyCaller, id: string): Promise<AgreementView> =>
  viewOf(c, await openAgreement(deps, c, id));

export async function listAgreements(deps: Deps, c: JourneyCaller): Promise<AgreementList> {
  const db = deps.database.db;
  const opened = await openAgreements(deps, c, await listVersions(db, c.journeyId));
  const kinds = (await journeyKinds(db, deps.sealer, c.journeyId)) as BetrayalKind[];
  return {
    agreements: opened
      .map((o) => viewOf(c, o))
      .sort(
        (a, b) =>
          (b.versions.at(-1)?.at ?? 0) - (a.versions.at(-1)?.at ?? 0) || a.id.localeCompare(b.id),
      ),
    suggestions: suggestionsFor(kinds).map((s) => ({
      id: s.id,
      category: s.category,
      text: s.text,
    })),
  };
}

export async function proposeAgreement(
  deps: Deps,
  c: JourneyCaller,
  { body }: Pick<Input<Api['propose']>, 'body'>,
): Promise<AgreementView> {
  const transition = propose({
    id: deps.newId(),
    text: body.text,
    category: body.category,
    by: c.userId,
    at: deps.clock(),
  });
  await write(deps, c, transition, 'agreement_proposed');
  return reread(deps, c, transition.agreement.id);
}

export async function answerAgreement(
  deps: Deps,
  c: JourneyCaller,
  { params, body }: Pick<Input<Api['answer']>, 'params' | 'body'>,
): Promise<AgreementView> {
  const { agreement } = await openAgreement(deps, c, params.id);
  const { answer, expected, text, category } = body;
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
  await write(deps, c, transition, 'agreement_answered');
  return reread(deps, c, agreement.id);
}
