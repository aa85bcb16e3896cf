/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
 * alphabet (no I, O, S, V, Z); the last one is a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) {
      throw new Error(`invalid USCC character: ${first17.charAt(i)}`);
    }
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(c);
}

/** True when `code` is a well-formed unified social credit code with a correct check character. */
export function isValidUscc(code: string): boolean {
  if (!SHAPE.test(code)) {
    return false;
  }
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/** Builds a valid code from a registration-type prefix (2 chars), division code (6 digits) and 9-char body. */
export function makeUscc(prefix: string, division: string, body: string): string {
  const first17 = `${prefix}${division}${body}`;
  return first17 + usccCheckChar(first17);
}
