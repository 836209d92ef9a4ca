import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { exerciseTypes } from '../../../core/program/program.js';
import { appRoutes } from '../../app/App.js';
import { exerciseLink, readOnItsStep } from './queries.js';

/** The address a screen answers at, or null when only the "not found" screen would. */
const routed = (path: string): string | null => {
  const leaf = matchRoutes(appRoutes, path)?.at(-1)?.route;
  return leaf && leaf.path !== '*' ? path : null;
};

describe('every kind of exercise has a screen', () => {
  it.each(exerciseTypes.filter((type) => !readOnItsStep.has(type)))(
    '%s links to a screen the app routes',
    (type) => {
      const to = exerciseLink({ id: `x.${type}`, type, title: type, selfMarked: false });
      expect(to, `no screen for ${type}`).not.toBeNull();
      expect(routed(to ?? ''), `${to} is not routed`).toBe(to);
    },
  );

  it('leaves only a conversation and a reading to the step page that carries them', () => {
    expect([...readOnItsStep].sort()).toEqual(['conversation', 'reading']);
    expect(routed('/app/program/forgiveness')).toBe('/app/program/forgiveness');
  });
});
