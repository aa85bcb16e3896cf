import { currentLocale, type Locale } from '../i18n';

const WAN = 10_000;

function trimNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 }).format(n);
}

/** An amount for reading: 120 万元 / 8,000 元 in Chinese, ¥1.2M / ¥8,000 in English. */
export function formatYuan(yuan: number, locale: Locale = currentLocale()): string {
  if (locale === 'en') {
    if (yuan >= 1_000_000) {
      return `¥${trimNumber(yuan / 1_000_000, locale)}M`;
    }
    return yuan >= 10_000 ? `¥${trimNumber(yuan / 1000, locale)}k` : `¥${trimNumber(yuan, locale)}`;
  }
  return yuan >= WAN ? `${trimNumber(yuan / WAN, locale)} 万元` : `${trimNumber(yuan, locale)} 元`;
}

/** A budget range; an open end reads "up to" / "from"; nothing at all is null (show 面议). */
export function formatRange(min: number | null, max: number | null, locale: Locale = currentLocale()): string | null {
  const en = locale === 'en';
  if (min !== null && max !== null) {
    return min === max ? formatYuan(max, locale) : `${formatYuan(min, locale)} – ${formatYuan(max, locale)}`;
  }
  if (max !== null) {
    return en ? `up to ${formatYuan(max, locale)}` : `${formatYuan(max, locale)}以内`;
  }
  if (min !== null) {
    return en ? `from ${formatYuan(min, locale)}` : `${formatYuan(min, locale)}起`;
  }
  return null;
}
