import type { AnswerMark } from '../src/core/questions/questions.js';
import type { SeededMember } from '../src/cli/seed.js';
import { keyRing } from '../src/server/auth/key-ring.js';
import type { Deps } from '../src/server/deps.js';
import {
  insertAnswer,
  insertQuestion,
  saveOpenness,
  setMark,
} from '../src/server/features/questions/questions.store.js';

const DAY_MS = 86_400_000;

/** What the seeder needs; `database.db` is the caller's transaction. */
type SeedDeps = Pick<Deps, 'sealer' | 'newId' | 'database'>;

const questions = [
  'What did it mean to you at the time?',
  'Why did you not tell me sooner?',
  'What is different now, and how will I know?',
  'When did you first think about stopping?',
  'What do you want me to understand about that night?',
  'Are you still in touch in any way?',
  'What were you afraid would happen if you told me?',
  'What do you need from me when I ask again?',
];
const answers = [
  'I want to answer this properly. It meant less than it should have, and I let it go on.',
  'I was afraid of losing you, and I told myself silence was kinder. It was not.',
  'I tell you where I am without being asked, and my phone is open to you.',
  'Earlier than I acted on. I am sorry it took me so long.',
  'No. Not in any way, and if that changes I will tell you the same day.',
];

/**
 * The questions thread with a year of history for one couple, written through the questions store
 * as the server writes it: the asker's set times (two evenings a week, Europe/Berlin), about three
 * questions a week (every fifth coming back to an earlier one), each answered once or twice by the
 * partner, most answers marked "That helps" or "I need more". Texts and marks are sealed under
 * their writers' keys. `members` is [asker, answerer].
 */
export async function seedQuestions(
  deps: SeedDeps,
  journeyId: string,
  members: readonly [SeededMember, SeededMember],
  now: number,
  seedNo: number,
): Promise<{ questions: number; answers: number }> {
  const db = deps.database.db;
  const [asker, answerer] = members;
  const who = await keyRing(deps).people([asker.id, answerer.id]);
  // mulberry32: the same thread for the same journey on every run.
  let x = seedNo >>> 0;
  const random = () => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  await saveOpenness(
    db,
    journeyId,
    asker.id,
    {
      mode: 'slots',
      until: null,
      timeZone: 'Europe/Berlin',
      slots: [
        { weekday: 2, start: '19:30', minutes: 60 },
        { weekday: 6, start: '10:00', minutes: 90 },
      ],
      paused: false,
    },
    now,
  );
  const asked: string[] = [];
  let answerCount = 0;
  for (
    let at = now - 365 * DAY_MS;
    at < now - DAY_MS;
    at += Math.floor((1 + random() * 3) * DAY_MS)
  ) {
    const id = deps.newId();
    const follows = asked.length > 3 && asked.length % 5 === 0 ? pick(asked) : null;
    await insertQuestion(db, {
      id,
      journeyId,
      askerId: asker.id,
      askedAt: at,
      follows,
      sealed: who.seal('questionText', asker.id, pick(questions), id),
    });
    asked.push(id);
    const replies = random() < 0.1 ? 0 : random() < 0.7 ? 1 : 2;
    for (let r = 0; r < replies; r++) {
      const answerId = deps.newId();
      await insertAnswer(db, {
        id: answerId,
        questionId: id,
        journeyId,
        authorId: answerer.id,
        at: Math.min(at + (r + 1) * (2 + Math.floor(random() * 20)) * 3_600_000, now - 60_000),
        sealed: who.seal('questionAnswer', answerer.id, pick(answers), answerId),
        markSealed: null,
        markedBy: null,
      });
      answerCount++;
      const mark: AnswerMark | null =
        random() < 0.25 ? null : r + 1 < replies ? 'need_more' : pick(['helps', 'need_more']);
      if (mark) {
        await setMark(
          db,
          answerId,
          { sealed: who.seal('questionMark', asker.id, mark, answerId), by: asker.id },
          Math.min(at + (r + 2) * DAY_MS, now - 1000),
        );
      }
    }
  }
  return { questions: asked.length, answers: answerCount };
}
