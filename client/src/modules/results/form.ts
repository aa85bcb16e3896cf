import type { ListingContact, MeView, ResultFullView } from '@kezhuan/shared';

/** One IP title row as the form edits it (empty number = none). */
export interface IpRow {
  type: string;
  number: string;
  status: string;
}

export interface AdvantageRow {
  metric: string;
  value: string;
  unit: string;
  baseline: string;
}

export interface TeamRow {
  name: string;
  role: string;
}

/** The research-result form, with the API's field names (amounts in yuan). */
export interface ResultFormModel {
  title: string;
  summary: string;
  keywords: string[];
  discipline: string;
  industry: string;
  maturity: string;
  trl: number | null;
  ip: { items: IpRow[] };
  transferModes: string[];
  price: number | null;
  negotiable: boolean;
  city: string;
  team: TeamRow[];
  contact: ListingContact;
  applications: string;
  advantages: AdvantageRow[];
}

/** A contact prefilled from the signed-in user. */
export function contactOf(user: MeView | null): ListingContact {
  return { name: user?.displayName ?? '', phone: user?.phone ?? '', email: user?.email ?? '' };
}

export function emptyResultForm(user: MeView | null): ResultFormModel {
  return {
    title: '',
    summary: '',
    keywords: [],
    discipline: '',
    industry: '',
    maturity: '',
    trl: null,
    ip: { items: [] },
    transferModes: [],
    price: null,
    negotiable: false,
    city: user?.org?.city ?? '',
    team: [],
    contact: contactOf(user),
    applications: '',
    advantages: [],
  };
}

export function resultFormFromView(v: ResultFullView): ResultFormModel {
  return {
    title: v.title,
    summary: v.summary,
    keywords: [...v.keywords],
    discipline: v.discipline,
    industry: v.industry,
    maturity: v.maturity,
    trl: v.trl,
    ip: { items: v.ip.items.map((i) => ({ type: i.type, number: i.number ?? '', status: i.status })) },
    transferModes: [...v.transferModes],
    price: v.negotiable ? null : v.price,
    negotiable: v.negotiable,
    city: v.city,
    team: v.team.map((m) => ({ name: m.name, role: m.role })),
    contact: { ...v.contact },
    applications: v.applications,
    advantages: v.advantages.map((a) => ({ metric: a.metric, value: a.value, unit: a.unit, baseline: a.baseline ?? '' })),
  };
}

const opt = (s: string): string | undefined => (s.trim() ? s : undefined);

/**
 * The object `resultInput` validates and the API takes: empty optional texts left out, the price
 * in yuan or `negotiable: true` (exactly one; an empty price with 面议 off is left to the schema).
 */
export function resultInputFromForm(m: ResultFormModel) {
  return {
    title: m.title,
    summary: m.summary,
    keywords: m.keywords,
    discipline: m.discipline,
    industry: m.industry,
    maturity: m.maturity,
    trl: m.trl,
    ip: { items: m.ip.items.map((i) => ({ type: i.type, number: opt(i.number), status: i.status })) },
    transferModes: m.transferModes,
    ...(m.negotiable ? { negotiable: true as const } : { price: m.price ?? undefined }),
    city: m.city,
    team: m.team.map((r) => ({ name: r.name, role: opt(r.role) })),
    contact: m.contact,
    applications: m.applications,
    advantages: m.advantages.map((a) => ({ metric: a.metric, value: a.value, unit: opt(a.unit), baseline: opt(a.baseline) })),
  };
}
