import { CITIES, countyByCode, type ServiceRequestInput, type ServiceRequestUrgency, type ServiceRequestView } from '@kezhuan/shared';

/** A commissioner chosen in the picker: his directory id and the name shown on the tag. */
export interface NamedCommissioner {
  id: string;
  name: string;
}

/** The service request form as the page edits it (selects hold '' until chosen). */
export interface ServiceRequestFormModel {
  title: string;
  problem: string;
  industry: string;
  city: string;
  county: string;
  keywords: string[];
  urgency: ServiceRequestUrgency;
  preferred: NamedCommissioner[];
  excluded: NamedCommissioner[];
}

export function emptyServiceRequestForm(): ServiceRequestFormModel {
  return { title: '', problem: '', industry: '', city: '', county: '', keywords: [], urgency: 'normal', preferred: [], excluded: [] };
}

export function serviceRequestFormFromView(v: ServiceRequestView): ServiceRequestFormModel {
  return {
    title: v.title, problem: v.problem, industry: v.industry, city: v.city, county: v.county ?? '', keywords: [...v.keywords], urgency: v.urgency,
    preferred: v.preferred.map((c) => ({ ...c })), excluded: v.excluded.map((c) => ({ ...c })),
  };
}

/**
 * The body the API takes: ids only, no county when none is chosen (left for the schema to reject
 * when a select is still empty, so its message lands on that field).
 */
export function serviceRequestInputFromForm(m: ServiceRequestFormModel): Record<keyof ServiceRequestInput, unknown> {
  return {
    title: m.title, problem: m.problem, industry: m.industry || undefined, city: m.city || undefined, county: m.county || null,
    keywords: m.keywords, urgency: m.urgency, preferred: m.preferred.map((c) => c.id), excluded: m.excluded.map((c) => c.id),
  };
}

/** "长春市 · 绿园区" (or in English), for lists and cards. */
export function regionLabel(city: string, county: string | null, locale: string): string {
  const en = locale === 'en';
  const c = CITIES.find((x) => x.code === city);
  const k = county ? countyByCode(county) : undefined;
  return [c ? (en ? c.en : c.zh) : city, k ? (en ? k.en : k.zh) : null].filter(Boolean).join(' · ');
}
