import { describe, expect, it } from 'vitest';
import { mayTakeBack } from './appreciation.js';

describe('appreciation notes', () => {
  it('are taken back by their author only', () => {
    expect(mayTakeBack({ authorId: 'a' }, 'a')).toBe(true);
    expect(mayTakeBack({ authorId: 'a' }, 'b')).toBe(false);
  });
});
