import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import { routes } from '../router';
import { FEATURE_CATALOGUES, type Feature } from './features';
import zhCore from './zh-CN';

/**
 * The feature catalogues arrive with the routes that name them in `meta.i18n`. This follows the
 * imports of every route's page (and of the app shell) through the source and checks that each
 * message namespace they use is in the main catalogue or in a feature their route loads.
 */
const SRC = fileURLToPath(new URL('..', import.meta.url));

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return candidate;
    }
  }
  return null;
}

/** The source files reachable from `entry` through relative static and dynamic imports (not through i18n/). */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || file.includes('/i18n/') || file.endsWith('/router.ts') || /\/routes\.[\w-]+\.ts$/.test(file)) {
      continue;
    }
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\(\s*)'(\.{1,2}\/[^']+)'/g)) {
      const target = resolveImport(file, m[1]!);
      if (target) {
        queue.push(target);
      }
    }
  }
  return [...seen];
}

/** Top-level message namespaces a file uses: t('ns.…'), t(`ns.…`), te(…), titleKey/labelKey: 'ns.…'. */
function namespaces(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(?:t|te|tm)\(\s*['`]([a-zA-Z]\w*)\./g)) {
    found.add(m[1]!);
  }
  for (const m of text.matchAll(/\b(?:titleKey|labelKey):\s*['`]([a-zA-Z]\w*)\./g)) {
    found.add(m[1]!);
  }
  return [...found];
}

async function owners(): Promise<Map<string, Feature>> {
  const map = new Map<string, Feature>();
  for (const [feature, loaders] of Object.entries(FEATURE_CATALOGUES) as [Feature, (typeof FEATURE_CATALOGUES)[Feature]][]) {
    for (const ns of Object.keys(await loaders['zh-CN']())) {
      map.set(ns, feature);
    }
  }
  return map;
}

function pageFile(route: RouteRecordRaw): string | null {
  const component = 'component' in route ? route.component : undefined;
  const m = typeof component === 'function' ? /(modules\/[\w/-]+\.vue)/.exec(String(component)) : null;
  return m ? join(SRC, m[1]!) : null;
}

describe('feature catalogues loaded with their routes', () => {
  it('gives every page the catalogues of the messages it uses', async () => {
    const owner = await owners();
    const missing: string[] = [];
    let pages = 0;
    for (const route of routes) {
      const page = pageFile(route);
      if (!page) {
        continue;
      }
      pages += 1;
      const loaded = new Set(route.meta?.i18n ?? []);
      const used = new Set(reachable(page).flatMap(namespaces));
      if (route.meta?.titleKey) {
        used.add(route.meta.titleKey.split('.')[0]!);
      }
      const needed = [...new Set([...used].flatMap((ns) => (owner.has(ns) ? [owner.get(ns)!] : [])))].sort();
      const absent = needed.filter((f) => !loaded.has(f));
      if (absent.length) {
        missing.push(`${route.path}: i18n: [${needed.map((f) => `'${f}'`).join(', ')}] (missing ${absent.join(', ')})`);
      }
    }
    expect(pages).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('gives each namespace one catalogue (merging them must not mix two)', async () => {
    const seen = new Map<string, string>(Object.keys(zhCore).map((ns) => [ns, 'main']));
    const clashes: string[] = [];
    for (const [feature, loaders] of Object.entries(FEATURE_CATALOGUES)) {
      for (const ns of Object.keys(await loaders['zh-CN']())) {
        if (seen.has(ns)) {
          clashes.push(`${ns}: ${seen.get(ns)} and ${feature}`);
        }
        seen.set(ns, feature);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps the app shell (header, footer, notifications) and the home page on the main catalogue', async () => {
    const owner = await owners();
    const shell = [join(SRC, 'App.vue'), join(SRC, 'modules/home/pages/HomePage.vue'), join(SRC, 'components/useNavEntries.ts')];
    const used = [...new Set(shell.flatMap(reachable).flatMap(namespaces))];
    expect(used.filter((ns) => owner.has(ns))).toEqual([]);
    expect(used.length).toBeGreaterThan(5);
  });
});
