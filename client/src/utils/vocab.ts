import {
  CITIES,
  CONFIDENTIALITY_LEVELS,
  COOPERATION_MODES,
  DISCIPLINES,
  INDUSTRIES,
  IP_STATUSES,
  IP_TYPES,
  LISTING_STATUS_LABELS,
  MATURITY_LEVELS,
  ORG_TYPE_LABELS,
  PRICE_BANDS,
  TRANSFER_MODES,
} from '@kezhuan/shared';
import { currentLocale, type Locale } from '../i18n';

interface Term {
  code: string;
  zh: string;
  en: string;
}

const asTerms = (labels: Record<string, { zh: string; en: string }>): Term[] =>
  Object.entries(labels).map(([code, l]) => ({ code, ...l }));

/** The controlled vocabularies of `@kezhuan/shared`, by name, as code + zh + en. */
export const VOCABS = {
  discipline: DISCIPLINES as readonly Term[],
  industry: INDUSTRIES as readonly Term[],
  maturity: MATURITY_LEVELS as readonly Term[],
  transferMode: TRANSFER_MODES as readonly Term[],
  cooperationMode: COOPERATION_MODES as readonly Term[],
  ipType: IP_TYPES as readonly Term[],
  ipStatus: IP_STATUSES as readonly Term[],
  band: PRICE_BANDS as readonly Term[],
  confidentiality: CONFIDENTIALITY_LEVELS as readonly Term[],
  city: CITIES as readonly Term[],
  orgType: asTerms(ORG_TYPE_LABELS),
  status: asTerms(LISTING_STATUS_LABELS),
} satisfies Record<string, readonly Term[]>;
export type VocabName = keyof typeof VOCABS;

const INDEX = new Map<VocabName, Map<string, Term>>(
  (Object.keys(VOCABS) as VocabName[]).map((name) => [name, new Map(VOCABS[name].map((t) => [t.code, t]))]),
);

/** The label of a code in the UI language; an unknown code is shown as it is. */
export function termLabel(vocab: VocabName, code: string | null | undefined, locale: Locale = currentLocale()): string {
  if (!code) {
    return '';
  }
  const term = INDEX.get(vocab)?.get(code);
  if (!term) {
    return code;
  }
  return locale === 'en' ? term.en : term.zh;
}

/** True when `code` belongs to the vocabulary (used to drop stray values from URLs). */
export function isTerm(vocab: VocabName, code: string): boolean {
  return INDEX.get(vocab)?.has(code) ?? false;
}

/** Options for a select or a checkbox group, in vocabulary order. */
export function termOptions(vocab: VocabName, locale: Locale = currentLocale()): { value: string; label: string }[] {
  return VOCABS[vocab].map((t) => ({ value: t.code, label: locale === 'en' ? t.en : t.zh }));
}
