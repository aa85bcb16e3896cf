import type { ListingContact, MeView, NeedFullView } from '@kezhuan/shared';
import { contactOf } from '../results/form';

/** The technology-need form, with the API's field names (amounts in yuan). */
export interface NeedFormModel {
  title: string;
  problem: string;
  desiredOutcome: string;
  keywords: string[];
  industry: string;
  discipline: string;
  budgetMin: number | null;
  budgetMax: number | null;
  negotiable: boolean;
  deadline: string;
  cooperationModes: string[];
  city: string;
  county: string;
  confidentiality: string;
  contact: ListingContact;
}

export function emptyNeedForm(user: MeView | null): NeedFormModel {
  return {
    title: '',
    problem: '',
    desiredOutcome: '',
    keywords: [],
    industry: '',
    discipline: '',
    budgetMin: null,
    budgetMax: null,
    negotiable: false,
    deadline: '',
    cooperationModes: [],
    city: user?.org?.city ?? '',
    county: '',
    confidentiality: 'public',
    contact: contactOf(user),
  };
}

export function needFormFromView(v: NeedFullView): NeedFormModel {
  return {
    title: v.title,
    problem: v.problem,
    desiredOutcome: v.desiredOutcome,
    keywords: [...v.keywords],
    industry: v.industry,
    discipline: v.discipline ?? '',
    budgetMin: v.budgetMin,
    budgetMax: v.budgetMax,
    negotiable: v.negotiable,
    deadline: v.deadline ?? '',
    cooperationModes: [...v.cooperationModes],
    city: v.city,
    county: v.county ?? '',
    confidentiality: v.confidentiality,
    contact: { ...v.contact },
  };
}

/**
 * The object `needCreateInput` / `needInput` validates and the API takes: empty optional fields are
 * null (which also clears them on an edit), a budget range or `negotiable: true`.
 */
export function needInputFromForm(m: NeedFormModel) {
  const budget = m.negotiable
    ? { negotiable: true as const }
    : { budgetMin: m.budgetMin, budgetMax: m.budgetMax };
  return {
    title: m.title,
    problem: m.problem,
    desiredOutcome: m.desiredOutcome,
    keywords: m.keywords,
    industry: m.industry,
    discipline: m.discipline || null,
    ...budget,
    deadline: m.deadline || null,
    cooperationModes: m.cooperationModes,
    city: m.city,
    county: m.county.trim() || null,
    confidentiality: m.confidentiality,
    contact: m.contact,
  };
}
