import { FINANCIAL_ORG_KINDS, FINANCING_APPLICATION_STATUSES, FINANCING_PRODUCT_KINDS, type FinancingConditionsView } from '@kezhuan/shared';
import type { Locale } from '../../i18n';

const pick = (list: readonly { code: string; zh: string; en: string }[], code: string | null | undefined, locale: Locale) => {
  const term = list.find((x) => x.code === code);
  return term ? (locale === 'en' ? term.en : term.zh) : (code ?? '');
};

export const productKindLabel = (code: string, locale: Locale) => pick(FINANCING_PRODUCT_KINDS, code, locale);
export const orgKindLabel = (code: string | null, locale: Locale) => pick(FINANCIAL_ORG_KINDS, code, locale);
export const statusLabel = (code: string, locale: Locale) => pick(FINANCING_APPLICATION_STATUSES, code, locale);
export const productKindOptions = (locale: Locale) => FINANCING_PRODUCT_KINDS.map((k) => ({ value: k.code, label: locale === 'en' ? k.en : k.zh }));
export const orgKindOptions = (locale: Locale) => FINANCIAL_ORG_KINDS.map((k) => ({ value: k.code, label: locale === 'en' ? k.en : k.zh }));

/** Yuan as people say it: 万元 in Chinese, ¥ with separators in English. */
export function moneyText(yuan: number, locale: Locale): string {
  if (locale === 'en') {
    return `¥${yuan.toLocaleString('en-US')}`;
  }
  const wan = yuan / 10_000;
  return `${Number.isInteger(wan) ? wan : wan.toFixed(1)}万元`;
}

/** A product's amount range, or "" when it states none. */
export function amountRange(c: Pick<FinancingConditionsView, 'amountMin' | 'amountMax'>, locale: Locale): string {
  const { amountMin: lo, amountMax: hi } = c;
  if (lo !== null && hi !== null) {
    return `${moneyText(lo, locale)} – ${moneyText(hi, locale)}`;
  }
  if (lo !== null) {
    return locale === 'en' ? `from ${moneyText(lo, locale)}` : `${moneyText(lo, locale)}起`;
  }
  if (hi !== null) {
    return locale === 'en' ? `up to ${moneyText(hi, locale)}` : `最高${moneyText(hi, locale)}`;
  }
  return '';
}

/** A term range in months, or "". */
export function termRange(c: Pick<FinancingConditionsView, 'termMonthsMin' | 'termMonthsMax'>, locale: Locale): string {
  const { termMonthsMin: lo, termMonthsMax: hi } = c;
  const unit = locale === 'en' ? ' months' : '个月';
  if (lo !== null && hi !== null) {
    return `${lo}–${hi}${unit}`;
  }
  if (lo !== null || hi !== null) {
    return `${String(lo ?? hi)}${unit}`;
  }
  return '';
}
