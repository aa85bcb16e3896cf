import type { ApplicationInput, ApplicationView, BudgetRow, MilestoneKind } from '@kezhuan/shared';

/** The application form's state (the body the server takes). */
export interface ApplicationForm {
  title: string;
  description: string;
  results: string[];
  needs: string[];
  partners: string[];
  budget: BudgetRow[];
  milestones: { name: string; dueDate: string; kind: MilestoneKind; target: number }[];
}

export const emptyApplicationForm = (): ApplicationForm => ({
  title: '', description: '', results: [], needs: [], partners: [],
  budget: [{ item: '', ownFunds: 0, requestedFunds: 0 }],
  milestones: [{ name: '', dueDate: '', kind: 'pilot', target: 1 }],
});

export const formFromView = (v: ApplicationView): ApplicationForm => ({
  title: v.title, description: v.description,
  results: v.results.map((r) => r.id), needs: v.needs.map((n) => n.id), partners: v.partners.map((p) => p.id),
  budget: v.budget.map((b) => ({ ...b })), milestones: v.milestones.map((m) => ({ ...m })),
});

/** A 24-hex id, also from a pasted page address (…/results/<id>). */
export function idFrom(text: string): string | null {
  return /([0-9a-f]{24})/i.exec(text)?.[1]?.toLowerCase() ?? null;
}

export const inputFromForm = (f: ApplicationForm): ApplicationInput => ({
  title: f.title.trim(),
  description: f.description.trim(),
  results: f.results.map((r) => idFrom(r) ?? r),
  needs: f.needs.map((n) => idFrom(n) ?? n),
  partners: f.partners,
  budget: f.budget.filter((b) => b.item.trim()).map((b) => ({ item: b.item.trim(), ownFunds: b.ownFunds || 0, requestedFunds: b.requestedFunds || 0 })),
  milestones: f.milestones.filter((m) => m.name.trim()).map((m) => ({ ...m, name: m.name.trim() })),
});
