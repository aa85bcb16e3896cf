/**
 * Price bands (价格区间) for facets: amounts in yuan, 1 w (万) = 10,000 yuan. Each band includes
 * its lower bound: 100,000 yuan is `10w_50w`.
 */
export const PRICE_BANDS = [
  { code: 'lt10w', zh: '10万元以下', en: 'Under ¥100k', min: 0, max: 100_000 },
  { code: '10w_50w', zh: '10万–50万元', en: '¥100k–500k', min: 100_000, max: 500_000 },
  { code: '50w_100w', zh: '50万–100万元', en: '¥500k–1M', min: 500_000, max: 1_000_000 },
  { code: '100w_500w', zh: '100万–500万元', en: '¥1M–5M', min: 1_000_000, max: 5_000_000 },
  { code: 'gt500w', zh: '500万元以上', en: '¥5M and over', min: 5_000_000, max: Number.POSITIVE_INFINITY },
  { code: 'negotiable', zh: '面议', en: 'Negotiable', min: null, max: null },
] as const;
export type PriceBand = (typeof PRICE_BANDS)[number]['code'];
export const PRICE_BAND_CODES = PRICE_BANDS.map((b) => b.code) as unknown as readonly [PriceBand, ...PriceBand[]];

/** The band of a price in yuan; `null` (面议, negotiable) is `negotiable`. */
export function priceBand(price: number | null): PriceBand {
  if (price === null) {
    return 'negotiable';
  }
  if (!Number.isFinite(price) || price < 0) {
    throw new RangeError(`price must be a finite amount ≥ 0, got ${price}`);
  }
  for (const band of PRICE_BANDS) {
    if (band.min !== null && price >= band.min && price < band.max) {
      return band.code;
    }
  }
  return 'gt500w';
}

/**
 * The band of a need's budget: by its upper bound (what the enterprise can spend), or its lower
 * bound when only that is given; no amount at all is `negotiable`.
 */
export function budgetBand(budgetMin: number | null, budgetMax: number | null): PriceBand {
  return priceBand(budgetMax ?? budgetMin);
}
