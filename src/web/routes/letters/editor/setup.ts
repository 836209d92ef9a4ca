import { letterKinds, type LetterKind } from '../../../../core/letters/letter.js';
import type { LetterList, LetterThread, LetterVersion } from '../../../../shared/api/letters.js';
import { findVersion, myDraft } from '../queries.js';
import { editorText, emptyParts, joinParts } from './content.js';

/** What the editor opens on: the kind, the draft or thread it belongs to, and its first text. */
export interface Setup {
  readonly kind: LetterKind;
  readonly draftId: string | null;
  readonly threadId: string | null;
  readonly respondsTo: string | null;
  readonly text: string;
  readonly thread: LetterThread | null;
}

/** My latest version of a kind in a thread: a new version starts from it. */
const myLatest = (thread: LetterThread | null, kind: LetterKind): LetterVersion | undefined =>
  thread?.versions.filter((v) => v.mine && v.kind === kind).at(-1);

/**
 * What the address asks for: an existing draft (`?draft=`), a new version of a letter
 * (`?kind=&thread=`), a reflection on a sent letter (`?kind=reflection&respondsTo=`), or a new
 * letter (`?kind=`). An open draft for the same thing is continued rather than doubled.
 */
export function setupFrom(params: URLSearchParams, list: LetterList): Setup | null {
  const draftParam = params.get('draft');
  if (draftParam) {
    const found = findVersion(list, draftParam);
    if (!found?.version.mine || found.version.state !== 'draft') return null;
    return {
      kind: found.version.kind,
      draftId: found.version.id,
      threadId: found.thread.id,
      respondsTo: found.version.respondsTo,
      text: editorText(found.version),
      thread: found.thread,
    };
  }
  const kind = letterKinds.find((k) => k === params.get('kind'));
  if (!kind) return null;
  const respondsTo = kind === 'reflection' ? params.get('respondsTo') : null;
  if (kind === 'reflection' && !respondsTo) return null;
  // A person has one statement: `?kind=statement` (the program's link) continues it, or begins its
  // next version, rather than starting a second one.
  const ownStatement =
    kind === 'statement' && !params.get('thread')
      ? list.threads.find((th) => th.kind === 'statement' && th.mine)
      : undefined;
  const thread = respondsTo
    ? (findVersion(list, respondsTo)?.thread ?? null)
    : (ownStatement ?? list.threads.find((th) => th.id === params.get('thread')) ?? null);
  if ((respondsTo || params.get('thread')) && !thread) return null;
  const draft = thread ? myDraft(thread) : undefined;
  // An open draft is continued; only an unsent letter begins a new version over it (the draft
  // before is then kept as it was).
  if (draft && draft.kind === kind && kind !== 'unsent') {
    return {
      kind,
      draftId: draft.id,
      threadId: thread?.id ?? null,
      respondsTo: draft.respondsTo,
      text: editorText(draft),
      thread,
    };
  }
  const earlier = myLatest(thread, kind);
  return {
    kind,
    draftId: null,
    threadId: kind === 'reflection' ? null : (thread?.id ?? null),
    respondsTo,
    text: earlier ? editorText(earlier) : kind === 'statement' ? joinParts(emptyParts) : '',
    thread,
  };
}
