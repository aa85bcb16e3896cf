/** Pure helpers of the contract panel: amounts in yuan, vocabulary labels, the comparable-deals hint. */
import { CONTRACT_TYPES, PAYMENT_KINDS, type ComparableView } from '@kezhuan/shared';

type Locale = 'zh' | 'en';

/** ¥1,250,000.50 — at most two decimals, none when whole. */
export function formatYuan(n: number): string {
  return `¥${n.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

export const contractTypeOptions = (locale: Locale) => CONTRACT_TYPES.map((x) => ({ value: x.code, label: x[locale] }));
export const paymentKindOptions = (locale: Locale) => PAYMENT_KINDS.map((x) => ({ value: x.code, label: x[locale] }));

/**
 * The hint beside the amount, as message keys with parameters: the figures when there are 3 or more
 * comparable contracts, else the count only (the server sends no amounts then).
 */
export function comparableHint(c: ComparableView): { key: string; params: Record<string, string | number> }[] {
  if (c.count === 0) {
    return [{ key: 'dealContract.comparable.none', params: {} }];
  }
  if (!c.amounts) {
    return [{ key: 'dealContract.comparable.tooFew', params: { count: c.count } }];
  }
  const a = c.amounts;
  return [
    { key: 'dealContract.comparable.figures', params: { count: c.count, median: formatYuan(a.median), q1: formatYuan(a.q1), q3: formatYuan(a.q3) } },
    { key: 'dealContract.comparable.range', params: { min: formatYuan(a.min), max: formatYuan(a.max) } },
  ];
}

/** Today as YYYY-MM-DD in the browser's time zone (the default signed date). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
