import { CITIES } from './constants';
import { countyByCode } from './geo';
import { INDUSTRIES } from './vocab';

/** The groupings of the programme summary (双千 dashboard). */
export type SummaryGrouping = 'city' | 'county' | 'industry';

/**
 * The name of a summary row's key in a language: a city, a county (with its city) or an industry;
 * '-' (not known / whole cities) reads as such; an unknown code reads as itself.
 */
export function summaryKeyLabel(grouping: SummaryGrouping, key: string, locale: 'zh' | 'en'): string {
  if (key === '-') {
    return grouping === 'county' ? (locale === 'zh' ? '未限定区县' : 'No county') : locale === 'zh' ? '未填写' : 'Not given';
  }
  if (grouping === 'city') {
    return CITIES.find((c) => c.code === key)?.[locale] ?? key;
  }
  if (grouping === 'county') {
    const c = countyByCode(key);
    return c ? c[locale] : key;
  }
  return INDUSTRIES.find((i) => i.code === key)?.[locale] ?? key;
}
