import { createI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { FEATURE_CATALOGUES, type Feature } from './features';
import zhCN, { type MessageSchema } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'kz.locale';

declare module 'vue-i18n' {
  // Gives `t()` key completion from the Chinese catalogue.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can throw in private modes; the app then simply forgets the choice.
    return null;
  }
}

/** The locale this device chose before, if any. */
export function storedLocale(): Locale | null {
  const v = storage()?.getItem(STORAGE_KEY);
  return isLocale(v) ? v : null;
}

/**
 * Chinese, the first language, ships with the page; the English catalogue is a chunk of its own,
 * fetched when English is chosen (or was chosen before on this device: main.ts waits for it before
 * mounting), so a Chinese first visit does not carry it.
 */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale() ?? 'zh-CN',
  fallbackLocale: 'zh-CN',
  // Element Plus's table probes column slots with an empty row, so `t(\`x.${row.y}\`)` asks for 'x.undefined'
  // once per column: warn while developing (a real missing key shows there and in features.test), not in the
  // built app's console.
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
  // Copies: merging the feature catalogues adds to these objects, not to the modules' own.
  messages: { 'zh-CN': { ...zhCN } } as Record<Locale, MessageSchema>,
});

let english: Promise<void> | null = null;

/** Makes sure the locale's catalogue is loaded (English is fetched once). */
export function loadLocaleMessages(locale: Locale): Promise<void> {
  if (locale !== 'en') {
    return Promise.resolve();
  }
  english ??= import('./en').then(
    (m) => {
      // The English main catalogue lacks the feature catalogues until they are merged.
      i18n.global.setLocaleMessage('en', { ...m.default } as MessageSchema);
      merged.add('en');
    },
    (err: unknown) => {
      english = null;
      throw err;
    },
  );
  return english;
}

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

/** Per feature and locale: its catalogue, merged (or being merged) into vue-i18n. */
const features = new Map<`${Feature}:${Locale}`, Promise<void>>();
/** Those already merged, so that a switch with nothing to fetch happens at once. */
const merged = new Set<string>(['zh-CN']);

function loadFeature(feature: Feature, locale: Locale): Promise<void> {
  const id = `${feature}:${locale}` as const;
  let pending = features.get(id);
  if (!pending) {
    // English: its main catalogue first (setLocaleMessage replaces what was merged before it).
    pending = loadLocaleMessages(locale)
      .then((): Promise<object> => FEATURE_CATALOGUES[feature][locale]())
      .then((messages) => {
        i18n.global.mergeLocaleMessage(locale, messages as Partial<MessageSchema>);
        merged.add(id);
      });
    // On failure (offline), the next page that needs it asks again.
    pending.catch(() => features.delete(id));
    features.set(id, pending);
  }
  return pending;
}

/**
 * Merges the catalogues of these features (a route's `meta.i18n`) in the current locale, each once;
 * the router waits for them before showing the page.
 */
export function loadFeatureMessages(names: readonly Feature[], locale: Locale = currentLocale()): Promise<void> {
  return Promise.all(names.map((f) => loadFeature(f, locale))).then(() => undefined);
}

/**
 * Switches the UI language (vue-i18n, Element Plus via App.vue, <html lang>) and remembers it, once
 * its catalogues (the main one and those of the features loaded so far in any language) are in:
 * at once when they are, else the page stays in the language it shows until they arrive.
 */
export function setLocale(locale: Locale, remember = true): Promise<void> {
  const needed = [...new Set([...features.keys()].map((id) => id.split(':')[0] as Feature))];
  if (!merged.has(locale) || needed.some((f) => !merged.has(`${f}:${locale}`))) {
    return loadLocaleMessages(locale)
      .then(() => loadFeatureMessages(needed, locale))
      .then(() => setLocale(locale, remember));
  }
  i18n.global.locale.value = locale;
  if (remember) {
    storage()?.setItem(STORAGE_KEY, locale);
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
  }
  return Promise.resolve();
}

/** Picks the Chinese or English variant of a bilingual text for the current locale. */
export function pickLocalized(text: { zh: string; en: string }): string {
  return currentLocale() === 'en' ? text.en : text.zh;
}

/** A readable message for any error, in the current locale. */
export function errorText(err: unknown): string {
  const { t } = i18n.global;
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK_ERROR') {
      return t('errors.network');
    }
    if (err.code === 'BAD_RESPONSE') {
      return t('errors.badResponse');
    }
    return err.localized(currentLocale()) || t('errors.unknown');
  }
  return t('errors.unknown');
}

/** Date and time of an ISO timestamp in the current locale. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** The calendar date of an ISO timestamp in the current locale. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(d);
}
