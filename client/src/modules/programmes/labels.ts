import { CITIES, MATURITY_LEVELS, type CityCode, type Maturity } from '@kezhuan/shared';

/** 万元 from yuan, for headings ("50 – 200 万元"). */
export const wan = (yuan: number): string => String(Math.round(yuan / 1000) / 10);

export const cityLabel = (code: CityCode, locale: string): string => CITIES.find((c) => c.code === code)?.[locale === 'en' ? 'en' : 'zh'] ?? code;

export const maturityLabel = (code: Maturity, locale: string): string => MATURITY_LEVELS.find((m) => m.code === code)?.[locale === 'en' ? 'en' : 'zh'] ?? code;
