import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toFieldErrors } from '../i18n/issues';
import { DEFAULT_PAIRING_WEIGHTS, pairingAnswerInput, pairingRunInput } from './pairing';

const errors = (r: z.ZodSafeParseResult<unknown>) => (r.success ? [] : toFieldErrors(r.error.issues));

describe('pairing run options', () => {
  it('fill what is left out with the defaults, and keep the weights given', () => {
    expect(pairingRunInput.parse({ term: 2027 })).toEqual({ term: 2027, weights: DEFAULT_PAIRING_WEIGHTS, regionRule: 'nearby', minScore: 20, algorithm: 'optimal' });
    expect(pairingRunInput.parse({ term: 2027, weights: { text: 70, capacity: 0 } }).weights).toEqual({ ...DEFAULT_PAIRING_WEIGHTS, text: 70, capacity: 0 });
  });

  it('refuse weights outside 0–100, all weights 0, unknown parts and rules, in zh and en', () => {
    expect(errors(pairingRunInput.safeParse({ term: 2027, weights: { text: 101 } }))[0]).toMatchObject({ path: 'weights.text', message: '权重须为 0–100 的整数', messageEn: 'A weight is a whole number from 0 to 100' });
    const zero = Object.fromEntries(Object.keys(DEFAULT_PAIRING_WEIGHTS).map((k) => [k, 0]));
    expect(errors(pairingRunInput.safeParse({ term: 2027, weights: zero }))[0]).toMatchObject({ path: 'weights', messageEn: 'At least one weight must be above 0' });
    expect(pairingRunInput.safeParse({ term: 2027, weights: { luck: 5 } }).success).toBe(false);
    expect(pairingRunInput.safeParse({ term: 2027, regionRule: 'everywhere' }).success).toBe(false);
    expect(pairingRunInput.safeParse({ term: 2027, minScore: 101 }).success).toBe(false);
  });
});

describe('pairing answer', () => {
  it('needs a reason to decline, not to accept', () => {
    expect(pairingAnswerInput.safeParse({ accept: true }).success).toBe(true);
    expect(errors(pairingAnswerInput.safeParse({ accept: false, reason: ' ' }))[0]).toMatchObject({ path: 'reason', message: '谢绝时请说明理由', messageEn: 'Give a reason when declining' });
    expect(pairingAnswerInput.safeParse({ accept: false, reason: '时间冲突' }).success).toBe(true);
  });
});
