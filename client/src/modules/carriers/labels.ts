import { ACADEMY_LABELS, CARRIER_FIGURES, CARRIER_TYPE_INFO, type CarrierFigure, type CarrierType } from '@kezhuan/shared';
import { pickLocalized } from '../../i18n';

export const typeLabel = (type: CarrierType): string => pickLocalized(CARRIER_TYPE_INFO[type]);
export const figureLabel = (key: string): string => (key in CARRIER_FIGURES ? pickLocalized(CARRIER_FIGURES[key as CarrierFigure]) : key);
export const academyLabel = (a: string): string => (a === 'cas' || a === 'cae' ? pickLocalized(ACADEMY_LABELS[a]) : a);
