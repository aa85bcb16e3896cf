import type { CommissionerApplicationView } from '@kezhuan/shared';

/** The calendar year in China (UTC+8), as the server counts terms. */
export function currentTerm(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** The terms one may apply for: this year and next. */
export function openTerms(now = new Date()): number[] {
  const t = currentTerm(now);
  return [t, t + 1];
}

/** The form's model: what the server takes, with `daysPerMonth` null while empty. */
export interface ApplicationDraft {
  term: number;
  expertise: string;
  keywords: string[];
  disciplines: string[];
  industries: string[];
  cities: string[];
  counties: string[];
  capacity: number;
  availability: { daysPerMonth: number | null; note: string };
  stakes: string[];
}

/** A blank application for a term (next year's once this one is taken), or the one sent back, to edit. */
export function draftFrom(existing: CommissionerApplicationView | null, term: number): ApplicationDraft {
  if (!existing) {
    return { term, expertise: '', keywords: [], disciplines: [], industries: [], cities: [], counties: [], capacity: 2, availability: { daysPerMonth: null, note: '' }, stakes: [] };
  }
  return {
    term: existing.term,
    expertise: existing.expertise,
    keywords: [...existing.keywords],
    disciplines: [...existing.disciplines],
    industries: [...existing.industries],
    cities: [...existing.cities],
    counties: [...existing.counties],
    capacity: existing.capacity,
    availability: { daysPerMonth: existing.availability.daysPerMonth, note: existing.availability.note },
    stakes: existing.stakes.map((s) => s.id),
  };
}
