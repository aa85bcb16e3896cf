import { CITIES, countiesOfCity, countyByCode, type CityCode } from '@kezhuan/shared';
import type { Locale } from '../../i18n';

export interface RegionGroup {
  city: CityCode;
  label: string;
  counties: { code: string; label: string }[];
}

const name = (t: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? t.en : t.zh);

/** Jilin's nine prefecture-level divisions, each with its counties, for the grouped picker. */
export function regionGroups(locale: Locale): RegionGroup[] {
  return CITIES.map((c) => ({
    city: c.code,
    label: name(c, locale),
    counties: countiesOfCity(c.code).map((k) => ({ code: k.code, label: name(k, locale) })),
  }));
}

export interface RegionSelection {
  cities: string[];
  counties: string[];
}

/**
 * Serving a whole city makes naming its counties redundant: checking the city drops them, and
 * unchecking it leaves nothing of that city chosen.
 */
export function setWholeCity(sel: RegionSelection, city: CityCode, on: boolean): RegionSelection {
  const counties = sel.counties.filter((k) => countyByCode(k)?.city !== city);
  const cities = sel.cities.filter((c) => c !== city);
  return on ? { cities: [...cities, city], counties } : { cities, counties };
}

/** Sets the chosen counties of one city, leaving the others alone. */
export function setCityCounties(sel: RegionSelection, city: CityCode, chosen: string[]): RegionSelection {
  const others = sel.counties.filter((k) => countyByCode(k)?.city !== city);
  return { cities: sel.cities, counties: [...others, ...chosen] };
}

/** How many places of one city are chosen: 'all' when the whole city, else the number of its counties. */
export function chosenIn(sel: RegionSelection, city: CityCode): number | 'all' {
  if (sel.cities.includes(city)) {
    return 'all';
  }
  return sel.counties.filter((k) => countyByCode(k)?.city === city).length;
}

/**
 * The areas served as one line, in the vocabulary's order: "长春市（全市）、农安县、延吉市".
 * `whole` is the localized "(whole city)" suffix.
 */
export function regionSummary(sel: RegionSelection, locale: Locale, whole: string): string[] {
  const out: string[] = [];
  for (const g of regionGroups(locale)) {
    if (sel.cities.includes(g.city)) {
      out.push(`${g.label}${whole}`);
    } else {
      out.push(...g.counties.filter((k) => sel.counties.includes(k.code)).map((k) => k.label));
    }
  }
  return out;
}
