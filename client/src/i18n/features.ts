/**
 * The feature catalogues that arrive with their pages instead of with the first page: each is a chunk
 * of its own per language, merged into vue-i18n by `loadFeatureMessages` (see index.ts) when a route
 * that names it in `meta.i18n` is opened. The home page, the header and the sign-in pages need none.
 */
import type { bookingZh } from './booking.zh-CN';
import type { carriersZh } from './carriers.zh-CN';
import type { commissionersZh } from './commissioners.zh-CN';
import type { contractsZh } from './contracts.zh-CN';
import type { dealFilesZh } from './dealfiles.zh-CN';
import type { dealsZh } from './deals.zh-CN';
import type { eventsZh } from './events.zh-CN';
import type { financingZh } from './financing.zh-CN';
import type { fundedZh } from './funded.zh-CN';
import type { importsZh } from './imports.zh-CN';
import type { instrumentsZh } from './instruments.zh-CN';
import type { intermediariesZh } from './intermediaries.zh-CN';
import type { pairingAdminZh } from './pairing-admin.zh-CN';
import type { pairingServiceZh } from './pairing-service.zh-CN';
import type { planZh } from './plan.zh-CN';
import type { programmeReviewZh } from './programme-review.zh-CN';
import type { programmesZh } from './programmes.zh-CN';
import type { transferIndexZh } from './transfer-index.zh-CN';

export const FEATURE_CATALOGUES = {
  booking: {
    'zh-CN': () => import('./booking.zh-CN').then((m) => m.bookingZh),
    en: () => import('./booking.en').then((m): typeof bookingZh => m.bookingEn),
  },
  carriers: {
    'zh-CN': () => import('./carriers.zh-CN').then((m) => m.carriersZh),
    en: () => import('./carriers.en').then((m): typeof carriersZh => m.carriersEn),
  },
  commissioners: {
    'zh-CN': () => import('./commissioners.zh-CN').then((m) => m.commissionersZh),
    en: () => import('./commissioners.en').then((m): typeof commissionersZh => m.commissionersEn),
  },
  contracts: {
    'zh-CN': () => import('./contracts.zh-CN').then((m) => m.contractsZh),
    en: () => import('./contracts.en').then((m): typeof contractsZh => m.contractsEn),
  },
  dealfiles: {
    'zh-CN': () => import('./dealfiles.zh-CN').then((m) => m.dealFilesZh),
    en: () => import('./dealfiles.en').then((m): typeof dealFilesZh => m.dealFilesEn),
  },
  deals: {
    'zh-CN': () => import('./deals.zh-CN').then((m) => m.dealsZh),
    en: () => import('./deals.en').then((m): typeof dealsZh => m.dealsEn),
  },
  events: {
    'zh-CN': () => import('./events.zh-CN').then((m) => m.eventsZh),
    en: () => import('./events.en').then((m): typeof eventsZh => m.eventsEn),
  },
  funded: {
    'zh-CN': () => import('./funded.zh-CN').then((m) => m.fundedZh),
    en: () => import('./funded.en').then((m): typeof fundedZh => m.fundedEn),
  },
  financing: {
    'zh-CN': () => import('./financing.zh-CN').then((m) => m.financingZh),
    en: () => import('./financing.en').then((m): typeof financingZh => m.financingEn),
  },
  imports: {
    'zh-CN': () => import('./imports.zh-CN').then((m) => m.importsZh),
    en: () => import('./imports.en').then((m): typeof importsZh => m.importsEn),
  },
  instruments: {
    'zh-CN': () => import('./instruments.zh-CN').then((m) => m.instrumentsZh),
    en: () => import('./instruments.en').then((m): typeof instrumentsZh => m.instrumentsEn),
  },
  intermediaries: {
    'zh-CN': () => import('./intermediaries.zh-CN').then((m) => m.intermediariesZh),
    en: () => import('./intermediaries.en').then((m): typeof intermediariesZh => m.intermediariesEn),
  },
  'pairing-admin': {
    'zh-CN': () => import('./pairing-admin.zh-CN').then((m) => m.pairingAdminZh),
    en: () => import('./pairing-admin.en').then((m): typeof pairingAdminZh => m.pairingAdminEn),
  },
  'pairing-service': {
    'zh-CN': () => import('./pairing-service.zh-CN').then((m) => m.pairingServiceZh),
    en: () => import('./pairing-service.en').then((m): typeof pairingServiceZh => m.pairingServiceEn),
  },
  plan: {
    'zh-CN': () => import('./plan.zh-CN').then((m) => m.planZh),
    en: () => import('./plan.en').then((m): typeof planZh => m.planEn),
  },
  'programme-review': {
    'zh-CN': () => import('./programme-review.zh-CN').then((m) => m.programmeReviewZh),
    en: () => import('./programme-review.en').then((m): typeof programmeReviewZh => m.programmeReviewEn),
  },
  programmes: {
    'zh-CN': () => import('./programmes.zh-CN').then((m) => m.programmesZh),
    en: () => import('./programmes.en').then((m): typeof programmesZh => m.programmesEn),
  },
  'transfer-index': {
    'zh-CN': () => import('./transfer-index.zh-CN').then((m) => m.transferIndexZh),
    en: () => import('./transfer-index.en').then((m): typeof transferIndexZh => m.transferIndexEn),
  },
};

export type Feature = keyof typeof FEATURE_CATALOGUES;

/** Every feature catalogue's messages, for key completion and for typing the English ones. */
export type FeatureMessages = typeof bookingZh &
  typeof carriersZh &
  typeof commissionersZh &
  typeof contractsZh &
  typeof dealFilesZh &
  typeof dealsZh &
  typeof eventsZh &
  typeof financingZh &
  typeof fundedZh &
  typeof importsZh &
  typeof instrumentsZh &
  typeof intermediariesZh &
  typeof pairingAdminZh &
  typeof pairingServiceZh &
  typeof planZh &
  typeof programmeReviewZh &
  typeof programmesZh &
  typeof transferIndexZh;
