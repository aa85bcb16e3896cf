import { CITIES, INSTRUMENT_CATEGORIES, INSTRUMENT_PRICE_UNITS, type OpeningWindow } from '@kezhuan/shared';
import type { Locale } from '../../i18n';

type Labelled = readonly { code: string; zh: string; en: string }[];
const label = (list: Labelled, code: string, locale: Locale) => {
  const found = list.find((x) => x.code === code);
  return found ? (locale === 'en' ? found.en : found.zh) : code;
};

export const categoryLabel = (code: string, locale: Locale) => label(INSTRUMENT_CATEGORIES, code, locale);
export const categoryOptions = (locale: Locale) => INSTRUMENT_CATEGORIES.map((c) => ({ value: c.code, label: locale === 'en' ? c.en : c.zh }));
export const cityLabel = (code: string, locale: Locale) => label(CITIES, code, locale);
export const cityOptions = (locale: Locale) => CITIES.map((c) => ({ value: c.code, label: locale === 'en' ? c.en : c.zh }));
export const priceUnitLabel = (code: string, locale: Locale) => label(INSTRUMENT_PRICE_UNITS, code, locale);

/** "¥800 / 机时", "¥120 / 样" — whole yuan, grouped digits. */
export function priceText(price: { unit: 'hour' | 'sample'; amount: number }, locale: Locale): string {
  const amount = price.amount.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');
  if (locale === 'en') {
    return `¥${amount} / ${price.unit === 'hour' ? 'hour' : 'sample'}`;
  }
  return `¥${amount} / ${price.unit === 'hour' ? '机时' : '样'}`;
}

const WEEKDAYS: Record<Locale, readonly string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** The short name of an ISO weekday (1 = Monday). */
export const weekdayLabel = (weekday: number, locale: Locale) => WEEKDAYS[locale][weekday - 1] ?? String(weekday);

/**
 * Opening hours in one line for a result card: days with the same windows grouped, consecutive
 * days as a range: "周一至周五 08:30–11:30、13:30–17:00；周六 09:00–16:00". Empty: "".
 */
export function openingSummary(windows: readonly OpeningWindow[], locale: Locale): string {
  const byDay = new Map<number, string>();
  for (const w of [...windows].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))) {
    const text = `${w.from}–${w.to}`;
    byDay.set(w.weekday, byDay.has(w.weekday) ? `${byDay.get(w.weekday)!}${locale === 'en' ? ', ' : '、'}${text}` : text);
  }
  const groups: { from: number; to: number; hours: string }[] = [];
  for (const [day, hours] of [...byDay].sort((a, b) => a[0] - b[0])) {
    const last = groups.at(-1);
    if (last && last.hours === hours && last.to === day - 1) {
      last.to = day;
    } else {
      groups.push({ from: day, to: day, hours });
    }
  }
  const through = locale === 'en' ? '–' : '至';
  const days = (g: { from: number; to: number }) =>
    g.from === g.to ? weekdayLabel(g.from, locale) : `${weekdayLabel(g.from, locale)}${through}${weekdayLabel(g.to, locale)}`;
  const full = (g: { hours: string }) => g.hours === '00:00–24:00';
  return groups.map((g) => `${days(g)} ${full(g) ? (locale === 'en' ? 'all day' : '全天') : g.hours}`).join(locale === 'en' ? '; ' : '；');
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The weekly grid of the instrument page: one row per hour from the earliest opening to the latest
 * closing, one column per weekday; a cell is open when a window covers any of that hour.
 */
export function weeklyGrid(windows: readonly OpeningWindow[]): { hours: number[]; open: (weekday: number, hour: number) => boolean } {
  if (windows.length === 0) {
    return { hours: [], open: () => false };
  }
  const start = Math.floor(Math.min(...windows.map((w) => minutes(w.from))) / 60);
  const end = Math.ceil(Math.max(...windows.map((w) => minutes(w.to))) / 60);
  const hours = Array.from({ length: end - start }, (_, i) => start + i);
  const open = (weekday: number, hour: number) =>
    windows.some((w) => w.weekday === weekday && minutes(w.from) < (hour + 1) * 60 && minutes(w.to) > hour * 60);
  return { hours, open };
}

/** A query parameter that may repeat (`?city=a&city=b`) as a list of strings. */
export function listParam(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string' && x.length > 0);
}

/**
 * A facet's options: values with their counts, most first, plus any selected value the counts no
 * longer hold (shown with 0 so it can be unticked).
 */
export function facetOptions(counts: Record<string, number> | undefined, selected: readonly string[], labelOf: (value: string) => string): { value: string; label: string; count: number }[] {
  const entries = Object.entries(counts ?? {});
  for (const s of selected) {
    if (!entries.some(([v]) => v === s)) {
      entries.push([s, 0]);
    }
  }
  return entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, label: labelOf(value), count }));
}
