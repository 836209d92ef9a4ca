/**
 * The kinds of closeness a couple can each mark privately (step 6), from talking to touch to sex, in
 * our own plain, inclusive, non-graphic words. Ids are stable: marks are kept by id, so an item's
 * words may be reworded without changing what anyone marked. The order is the list's order on the
 * screen and in the matches.
 */
export const closenessGroups = ['talk', 'affection', 'touch', 'sex'] as const;
export type ClosenessGroup = (typeof closenessGroups)[number];

export interface ClosenessKind {
  readonly id: string;
  readonly group: ClosenessGroup;
  readonly label: string;
}

export const closenessKinds: readonly ClosenessKind[] = [
  { id: 'talk.worry', group: 'talk', label: 'Telling each other about something that worries us' },
  { id: 'talk.day', group: 'talk', label: 'Talking about our days and really listening' },
  { id: 'talk.love', group: 'talk', label: 'Saying “I love you”' },
  { id: 'talk.future', group: 'talk', label: 'Talking about hopes we share for later on' },
  { id: 'affection.evening', group: 'affection', label: 'An evening for just the two of us' },
  {
    id: 'affection.passing',
    group: 'affection',
    label: 'A light touch on the arm or back in passing',
  },
  { id: 'affection.sofa', group: 'affection', label: 'Sitting close together on the sofa' },
  { id: 'affection.hands', group: 'affection', label: 'Holding hands' },
  { id: 'affection.hug', group: 'affection', label: 'A long hug' },
  { id: 'affection.kiss_hello', group: 'affection', label: 'A kiss hello or goodbye' },
  { id: 'touch.cuddle', group: 'touch', label: 'Cuddling up while we rest or watch something' },
  { id: 'touch.sleep', group: 'touch', label: 'Falling asleep next to each other' },
  { id: 'touch.massage', group: 'touch', label: 'A back rub or a massage' },
  { id: 'touch.kissing', group: 'touch', label: 'Kissing for longer, for its own sake' },
  {
    id: 'sex.talk',
    group: 'sex',
    label: 'Talking openly about what each of us wants and does not want in our sex life',
  },
  {
    id: 'sex.unclothed',
    group: 'sex',
    label: 'Being undressed together, without it leading to sex',
  },
  { id: 'sex.touch', group: 'sex', label: 'Touching each other sexually' },
  { id: 'sex.sex', group: 'sex', label: 'Having sex' },
];

export const closenessKindIds: readonly string[] = closenessKinds.map((k) => k.id);
