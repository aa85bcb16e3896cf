import type { CarrierApplicationInput, CarrierType, CarrierView } from '@kezhuan/shared';

/** The apply form's state: every type's fields side by side; `toInput` keeps the chosen type's only. */
export interface CarrierForm {
  type: CarrierType;
  name: string;
  summary: string;
  industry: string;
  field: string;
  city: string;
  orgs: string[];
  areaSqm: number | null;
  discipline: string;
  level: 'national' | 'provincial';
  engineeringCentre: boolean;
  academicianName: string;
  academy: 'cas' | 'cae';
  academicianField: string;
  team: string;
  personName: string;
}

export function emptyForm(type: CarrierType = 'incubator'): CarrierForm {
  return { type, name: '', summary: '', industry: '', field: '', city: '', orgs: [], areaSqm: null, discipline: '', level: 'provincial', engineeringCentre: false, academicianName: '', academy: 'cae', academicianField: '', team: '', personName: '' };
}

/** "姓名 角色" per line → team members. */
function teamOf(text: string) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [name = '', ...role] = l.split(/\s+/);
    return { name, role: role.join(' ') };
  });
}

/** The API input for the form (what the server validates; the form validates it with the same schema). */
export function toInput(f: CarrierForm): CarrierApplicationInput {
  const base = { name: f.name, summary: f.summary };
  const industry = f.industry as never;
  switch (f.type) {
    case 'innovative_enterprise':
      return { ...base, details: { type: f.type, industry, field: f.field } };
    case 'alliance':
      return { ...base, details: { type: f.type, industry, members: f.orgs } };
    case 'industry_base':
      return { ...base, details: { type: f.type, city: f.city as never, industry, enterprises: f.orgs } };
    case 'innovation_centre':
      return { ...base, details: { type: f.type, industry, field: f.field, engineeringCentre: f.engineeringCentre } };
    case 'incubator':
      return { ...base, details: { type: f.type, areaSqm: f.areaSqm as number, tenants: f.orgs, ...(f.field ? { field: f.field } : {}) } };
    case 'key_lab':
      return { ...base, details: { type: f.type, discipline: f.discipline as never, level: f.level } };
    case 'academician_workstation':
      return { ...base, details: { type: f.type, industry, academician: { name: f.academicianName, academy: f.academy, field: f.academicianField }, team: teamOf(f.team) } };
    case 'talent':
      return { ...base, details: { type: f.type, user: null, personName: f.personName, field: f.field } };
  }
}

/** The form filled from a stored carrier (to resubmit a returned one). */
export function fromCarrier(c: CarrierView): CarrierForm {
  const d = c.details as Record<string, unknown>;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  const ac = d.academician as { name: string; academy: 'cas' | 'cae'; field: string } | undefined;
  return {
    ...emptyForm(c.type),
    name: c.name, summary: c.summary, industry: s('industry'), field: s('field'), city: s('city'), discipline: s('discipline'), personName: s('personName'),
    orgs: c.linkedOrgs.map((o) => o.id),
    areaSqm: typeof d.areaSqm === 'number' ? d.areaSqm : null,
    level: s('level') === 'national' ? 'national' : 'provincial',
    engineeringCentre: d.engineeringCentre === true,
    academicianName: ac?.name ?? '', academy: ac?.academy ?? 'cae', academicianField: ac?.field ?? '',
    team: Array.isArray(d.team) ? (d.team as { name: string; role: string }[]).map((m) => `${m.name} ${m.role}`.trim()).join('\n') : '',
  };
}
