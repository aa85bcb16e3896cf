import type { SearchHitView } from '@kezhuan/shared';
import { i18n } from '../i18n';
import { formatRange, formatYuan } from './money';
import { termLabel } from './vocab';

/**
 * The price of a result hit or the budget of a need hit. Without amounts (面议, or a confidential
 * need whose amounts are hidden) the band says what is known.
 */
export function hitAmount(hit: SearchHitView): string {
  const text = hit.kind === 'needs' ? formatRange(hit.amountMin, hit.amount) : hit.amount === null ? null : formatYuan(hit.amount);
  if (text) {
    return text;
  }
  return hit.band && hit.band !== 'negotiable' ? termLabel('band', hit.band) : i18n.global.t('listing.negotiable');
}
