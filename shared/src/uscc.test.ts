import { describe, expect, it } from 'vitest';
import { isValidUscc, makeUscc, usccCheckChar } from './uscc';

describe('unified social credit code', () => {
  it('accepts published real codes', () => {
    // 91350100M000100Y43 is the GB 32100-2015 worked example.
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('rejects a wrong check character, bad letters and wrong length', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100I000100Y43')).toBe(false); // I is not in the alphabet
    expect(isValidUscc('91350100m000100y43')).toBe(false); // lower case is not accepted
  });

  it('makes codes that validate, and any single-character change breaks them', () => {
    const code = makeUscc('12', '220100', '412345678');
    expect(isValidUscc(code)).toBe(true);
    const tampered = code.slice(0, 10) + (code[10] === '9' ? '8' : '9') + code.slice(11);
    expect(isValidUscc(tampered)).toBe(false);
  });
});
