import { createI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import en from './en';
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

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale() ?? 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

/** Switches the UI language (vue-i18n, Element Plus via App.vue, <html lang>) and remembers it. */
export function setLocale(locale: Locale, remember = true): void {
  i18n.global.locale.value = locale;
  if (remember) {
    storage()?.setItem(STORAGE_KEY, locale);
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
  }
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
