import type { LetterThread } from '../../../../shared/api/letters.js';
import { t } from '../../../../shared/i18n/messages.js';
import { latestSentLetter } from '../queries.js';

/**
 * For a reflection: the letter it is about, above the editor, and a way over to the newest version
 * when the partner has sent one since.
 */
export function ReflectingOn({
  thread,
  respondsTo,
  busy,
  onMove,
}: {
  thread: LetterThread | null;
  respondsTo: string | null;
  busy: boolean;
  onMove: (newestId: string) => void;
}) {
  const letter = respondsTo ? thread?.versions.find((v) => v.id === respondsTo) : undefined;
  const newest = thread ? latestSentLetter(thread) : undefined;
  return (
    <>
      {letter ? (
        <section className="panel" aria-labelledby="reflect-on">
          <h2 id="reflect-on">
            {t('letters.title.letter', { name: letter.authorName, version: letter.version })}
          </h2>
          <p className="note-text" dir="auto">
            {letter.text}
          </p>
        </section>
      ) : null}
      {newest && respondsTo !== newest.id ? (
        <div className="panel" role="status">
          <p>{t('letters.editor.newerVersion', { name: newest.authorName })}</p>
          <p className="actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => onMove(newest.id)}
            >
              {t('letters.editor.moveToNewest')}
            </button>
          </p>
        </div>
      ) : null}
    </>
  );
}
