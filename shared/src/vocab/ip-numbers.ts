/**
 * Numbers of Chinese intellectual-property titles.
 *
 * Patent application numbers since 2003 (国家知识产权局): `YYYY T NNNNNNN . C` — year, type digit
 * (1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model), a 7-digit serial
 * and a check character: the 12 digits weighted 2,3,4,5,6,7,8,9,2,3,4,5, summed, modulo 11, with 10
 * written X. A granted patent's number is `ZL` + the application number. Spaces are ignored.
 */
import type { IpType } from './listing-terms';

const PATENT_RE = /^(ZL)?(\d{12})\.([\dX])$/;
const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const PATENT_TYPE_DIGITS: Partial<Record<IpType, readonly string[]>> = {
  invention: ['1', '8'],
  utility: ['2', '9'],
  design: ['3'],
};
/** Software copyright registration number, e.g. 2019SR0123456 (软著登字). */
const SOFTWARE_RE = /^\d{4}SR\d{6,7}$/;
/** Plant variety right or application number, e.g. CNA20151234.5 (loosely: the format changed over time). */
const PLANT_VARIETY_RE = /^(CNA)?\d{8,9}(\.[\dX])?$/;

/** Upper case without spaces: how IP numbers are stored. */
export function normaliseIpNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The check character of the 12 digits of a patent application number. */
export function patentCheckChar(digits12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    sum += Number(digits12.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** True for a well-formed application number (or `ZL` patent number) with a correct check character. */
export function isValidPatentNumber(raw: string): boolean {
  const m = PATENT_RE.exec(normaliseIpNumber(raw));
  return Boolean(m?.[2] && m[3] && patentCheckChar(m[2]) === m[3]);
}

/** Why a number does not fit its IP type, or null when it fits. Know-how has no number. */
export function ipNumberProblem(type: IpType, raw: string | undefined): 'required' | 'format' | 'type_mismatch' | 'not_allowed' | null {
  const number = raw === undefined ? '' : normaliseIpNumber(raw);
  if (type === 'know_how') {
    return number ? 'not_allowed' : null;
  }
  if (!number) {
    return 'required';
  }
  const typeDigits = PATENT_TYPE_DIGITS[type];
  if (typeDigits) {
    if (!isValidPatentNumber(number)) {
      return 'format';
    }
    const digit = number.replace(/^ZL/, '').charAt(4);
    return typeDigits.includes(digit) ? null : 'type_mismatch';
  }
  const re = type === 'software' ? SOFTWARE_RE : PLANT_VARIETY_RE;
  return re.test(number) ? null : 'format';
}
