import { DEAL_PARTIES, DEAL_STAGES, INTERMEDIARY_SERVICE_KINDS, SERVICE_ORDER_STATUSES, type IntermediaryServiceView } from '@kezhuan/shared';
import type { Locale } from '../../i18n';

type Labelled = readonly { code: string; zh: string; en: string }[];
const label = (list: Labelled, code: string, locale: Locale) => {
  const found = list.find((x) => x.code === code);
  return found ? (locale === 'en' ? found.en : found.zh) : code;
};

export const kindLabel = (code: string, locale: Locale) => label(INTERMEDIARY_SERVICE_KINDS, code, locale);
export const kindOptions = (locale: Locale) => INTERMEDIARY_SERVICE_KINDS.map((k) => ({ value: k.code, label: locale === 'en' ? k.en : k.zh }));
export const orderStatusLabel = (code: string, locale: Locale) => label(SERVICE_ORDER_STATUSES, code, locale);
export const partyLabel = (code: string, locale: Locale) => label(DEAL_PARTIES, code, locale);
export const stageLabel = (code: string, locale: Locale) => label(DEAL_STAGES, code, locale);

const yuan = (n: number, locale: Locale) => n.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');

/** A service's price as words: 面议, a fixed amount or a range. */
export function priceText(price: IntermediaryServiceView['price'], t: (key: string, args?: Record<string, unknown>) => string, locale: Locale): string {
  switch (price.mode) {
    case 'fixed':
      return t('im.price.fixed', { amount: yuan(price.amount ?? 0, locale) });
    case 'range':
      return t('im.price.range', { min: yuan(price.min ?? 0, locale), max: yuan(price.max ?? 0, locale) });
    case 'negotiable':
      return t('im.price.negotiable');
  }
}
