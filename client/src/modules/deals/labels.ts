import {
  DEAL_ORIGINS,
  DEAL_PARTIES,
  DEAL_STAGES,
  DEAL_TERMINATION_REASONS,
  type DealOrigin,
  type DealParty,
  type DealStage,
  type DealTerminationReason,
} from '@kezhuan/shared';
import { pickLocalized } from '../../i18n';

/** Labels of the deal vocabularies (shared, bilingual) in the current locale. */
const find = <T extends { code: string; zh: string; en: string }>(list: readonly T[], code: string) => {
  const hit = list.find((x) => x.code === code);
  return hit ? pickLocalized(hit) : code;
};

export const stageLabel = (s: DealStage) => find(DEAL_STAGES, s);
export const partyLabel = (p: DealParty) => find(DEAL_PARTIES, p);
export const originLabel = (o: DealOrigin) => find(DEAL_ORIGINS, o);
export const reasonLabel = (r: DealTerminationReason) => find(DEAL_TERMINATION_REASONS, r);

/** The element-plus tag type of a stage: closed stages stand apart (done green, terminated red). */
export function stageTagType(s: DealStage): 'primary' | 'success' | 'danger' | 'warning' | 'info' {
  switch (s) {
    case 'done':
      return 'success';
    case 'terminated':
      return 'danger';
    case 'signing':
    case 'implementation':
      return 'warning';
    case 'interest':
      return 'info';
    case 'negotiation':
      return 'primary';
  }
}

/** Where a listing's page is. */
export const listingPath = (l: { kind: 'result' | 'need'; id: string }) => `/${l.kind === 'result' ? 'results' : 'needs'}/${l.id}`;
