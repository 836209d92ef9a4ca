import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('asks for 8 to 128 characters, counting characters rather than bytes', () => {
    expect(passwordProblem('seven77')).toBe('too_short');
    expect(passwordProblem('😀😀😀😀😀😀😀😀')).toBeNull();
    expect(passwordProblem('x'.repeat(129))).toBe('too_long');
  });
  it('refuses the most common passwords whatever their case', () => {
    expect(passwordProblem('Password1')).toBe('too_common');
    expect(passwordProblem('QWERTYUIOP')).toBe('too_common');
    expect(passwordProblem('a long and quiet river')).toBeNull();
  });
});
