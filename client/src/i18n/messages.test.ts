import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS, CONFIDENTIALITY_CODES, FEEDBACK_REASONS, NEED_SORTS, RESULT_SORTS } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { FACETS } from '../modules/search/facets';
import enCore from './en';
import { FEATURE_CATALOGUES } from './features';
import zhCore from './zh-CN';

/** A whole locale: the main catalogue and every feature catalogue (the app loads those with their routes). */
async function whole(locale: 'zh-CN' | 'en'): Promise<Record<string, unknown>> {
  const parts = await Promise.all(Object.values(FEATURE_CATALOGUES).map((loaders) => loaders[locale]()));
  return Object.assign({}, locale === 'en' ? enCore : zhCore, ...parts) as Record<string, unknown>;
}
const zhCN = await whole('zh-CN');
const en = await whole('en');

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) {
      return sourceFiles(path);
    }
    return /\.(vue|ts)$/.test(d.name) && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** Keys written literally: t('a.b'), te('a.b'), titleKey: 'a.b', labelKey: 'a.b'. */
function literalKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|te)\(\s*'([a-zA-Z][\w.]*)'/g)) {
      keys.add(m[1]!);
    }
    for (const m of text.matchAll(/\b(?:titleKey|labelKey):\s*'([a-zA-Z][\w.]*)'/g)) {
      keys.add(m[1]!);
    }
  }
  return [...keys];
}

/** Keys the code builds from vocabularies and kinds. */
function builtKeys(): string[] {
  const kinds = ['result', 'need'];
  const searchKinds = ['results', 'needs'];
  return [
    ...['submit', 'withdraw', 'confirm'].flatMap((a) => [`listing.actions.${a}`, `listing.actions.${a}Done`]),
    ...FEEDBACK_REASONS.map((r) => `match.reasons.${r}`),
    ...[...FACETS.results, ...FACETS.needs].map((f) => `search.facets.${f}`),
    ...[...RESULT_SORTS, ...NEED_SORTS].map((s) => `search.sorts.${s}`),
    ...searchKinds.flatMap((k) => [`search.placeholder_${k}`, `search.empty_${k}`, `search.emptyFiltered_${k}`, `search.defaultName_${k}`, `saved.kind_${k}`]),
    ...kinds.flatMap((k) => [`listing.kinds.${k}`, `listing.new_${k}`, `listing.mine.tab_${k}`, `listing.mine.empty_${k}`, `listing.form.create_${k}`, `listing.form.edit_${k}`]),
    ...CONFIDENTIALITY_CODES.map((c) => `listing.confidentialityHint.${c}`),
    ...['restricted', 'summary'].map((d) => `listing.disclosure.${d}`),
    ...['metric', 'value', 'unit', 'baseline'].map((f) => `listing.fields.adv_${f}`),
    ...['meilisearch', 'embedded'].map((e) => `search.engines.${e}`),
    ...['create', 'submit', 'approve', 'return', 'withdraw', 'confirm', 'edit', 'expire'].map((a) => `listing.history.${a}`),
  ];
}

describe('UI messages', () => {
  it('has every key the code uses, as text, in Chinese and in English', () => {
    const keys = [...literalKeys(), ...builtKeys()];
    expect(keys.length).toBeGreaterThan(200);
    const missing = keys.flatMap((k) => [
      ...(typeof lookup(zhCN, k) === 'string' ? [] : [`zh-CN: ${k}`]),
      ...(typeof lookup(en, k) === 'string' ? [] : [`en: ${k}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('labels every audit action in both languages (the audit page shows no raw codes such as need.return)', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = `admin.actions.${action.replace(/\./g, '_')}`;
      expect(lookup(zhCN, key), key).toEqual(expect.any(String));
      expect(lookup(en, key), key).toEqual(expect.any(String));
    }
  });
});
