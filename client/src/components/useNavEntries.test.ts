// @vitest-environment happy-dom
import { ROLES } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { useAuthStore } from '../modules/auth/store';
import { useDealUnread } from '../modules/deals/useDealUnread';
import { buildUser } from '../testing/fixtures';
import { withSetup } from '../testing/withSetup';
import { isNavGroup, routeExists, useNavEntries, type NavGroup } from './useNavEntries';

function nav() {
  const s = withSetup(() => useNavEntries());
  const auth = useAuthStore();
  auth.loaded = true;
  /** The bar: top-level paths, and each group as `id: [paths]`. */
  const bar = () => s.result.entries.value.map((e) => (isNavGroup(e) ? `${e.id}: ${e.items.map((i) => i.path).join(' ')}` : e.path));
  return { ...s, auth, bar };
}

const PUBLIC = [
  '/',
  '/search/results',
  '/search/needs',
  'resources: /intermediaries/services /commissioners /instruments /financing /carriers /calls /events',
  'data: /market /plan /projects /transfer-index /shuangqian',
];

describe('header navigation', () => {
  it('offers search, 资源服务 and 数据 to everyone, and sign-in to visitors', () => {
    const { bar } = nav();
    expect(bar()).toEqual([...PUBLIC, '/login', '/register']);
  });

  it('gathers a member\'s own pages under 我的 by role, and the administrator\'s under 管理', () => {
    const { auth, bar } = nav();
    auth.user = buildUser('enterprise');
    expect(bar()).toEqual([...PUBLIC, 'mine: /me/listings /me/pairings /deals /applications /financing/applications /me/bookings /carriers/mine']);
    auth.user = buildUser('commissioner');
    expect(bar()).toEqual([...PUBLIC, 'mine: /me/listings /me/pairings /deals /applications /me/bookings /me/instruments /carriers/mine']);
    auth.user = buildUser('researcher');
    expect(bar()).toEqual([...PUBLIC, 'mine: /me/listings /deals /applications /me/bookings /me/instruments /carriers/mine']);
    auth.user = buildUser('intermediary');
    expect(bar()).toEqual([...PUBLIC, 'mine: /me/intermediary /deals /applications /me/bookings /carriers/mine']);
    auth.user = buildUser('financier');
    expect(bar()).toEqual([...PUBLIC, 'mine: /financing/inbox /financing/mine /me/bookings /carriers/mine']);
    auth.user = buildUser('admin');
    expect(bar()).toEqual([...PUBLIC, 'admin: /admin/review /admin/orgs /admin/commissioners /admin/pairing /admin/calls /admin/carriers /admin/imports']);
  });

  it('keeps every page that had a header entry reachable from it', () => {
    const { auth, result, router } = nav();
    const reachable = new Set<string>();
    for (const role of [undefined, ...ROLES] as const) {
      auth.user = role ? buildUser(role) : null;
      for (const e of result.entries.value) {
        for (const l of isNavGroup(e) ? e.items : [e]) {
          reachable.add(l.path);
        }
      }
    }
    const before = ['/', '/search/results', '/search/needs', '/commissioners', '/market', '/intermediaries/services', '/instruments', '/financing', '/carriers', '/login', '/register',
      '/me/listings', '/me/pairings', '/me/intermediary', '/deals', '/calls', '/admin/review', '/admin/commissioners', '/admin/orgs', '/admin/imports', '/admin/pairing'];
    expect(before.filter((p) => !reachable.has(p))).toEqual([]);
    // Every entry leads to a page of the app (none to the not-found page).
    expect([...reachable].filter((p) => !routeExists(router, p))).toEqual([]);
  });

  it('shows the unread deal messages beside 我的洽谈 and on 我的, nothing when there are none', () => {
    const { auth, result } = nav();
    auth.user = buildUser('enterprise');
    const mine = () => result.entries.value.find((e) => isNavGroup(e) && e.id === 'mine') as NavGroup;
    const deals = () => mine().items.find((e) => e.path === '/deals');
    const { unread } = useDealUnread();
    unread.value = 0;
    expect(deals()?.badge).toBeUndefined();
    expect(mine().badge).toBeUndefined();
    unread.value = 7;
    expect(deals()?.badge).toBe(7);
    expect(mine().badge).toBe(7);
    unread.value = 0;
  });

  it('lights up the section a page belongs to', async () => {
    const { result, router } = nav();
    const at = async (path: string) => {
      await router.push(path);
      return result.active.value;
    };
    expect(await at('/needs/cccccccccccccccccccccccc')).toBe('/search/needs');
    expect(await at('/results/bbbbbbbbbbbbbbbbbbbbbbbb')).toBe('/search/results');
    expect(await at('/results/new')).toBe('/me/listings');
    expect(await at('/needs/cccccccccccccccccccccccc/edit')).toBe('/me/listings');
    expect(await at('/admin/review?kind=need')).toBe('/admin/review');
    expect(await at('/admin/orgs')).toBe('/admin/orgs');
    expect(await at('/admin/imports')).toBe('/admin/imports');
    expect(await at('/applications/dddddddddddddddddddddddd')).toBe('/applications');
    expect(await at('/calls/dddddddddddddddddddddddd/apply')).toBe('/calls');
    expect(await at('/transfer-index/orgs/dddddddddddddddddddddddd')).toBe('/transfer-index');
    expect(result.activeGroup.value).toBe('nav-group-data');
    expect(await at('/commissioners/dddddddddddddddddddddddd')).toBe('/commissioners');
    expect(await at('/admin/commissioners')).toBe('/admin/commissioners');
    expect(await at('/commissioners/dddddddddddddddddddddddd')).toBe('/commissioners');
    expect(await at('/about')).toBe('/about');
    expect(await at('/intermediaries/dddddddddddddddddddddddd')).toBe('/intermediaries/services');
    expect(await at('/instruments/dddddddddddddddddddddddd')).toBe('/instruments');
    expect(await at('/me/instruments')).toBe('/me/instruments');
    expect(await at('/me/intermediary/services')).toBe('/me/intermediary');
    expect(await at('/service-requests/new')).toBe('/me/pairings');
    expect(await at('/deals/dddddddddddddddddddddddd')).toBe('/deals');
    expect(await at('/financing/products/dddddddddddddddddddddddd')).toBe('/financing');
    expect(await at('/carriers/dddddddddddddddddddddddd')).toBe('/carriers');
    expect(await at('/me/pairings/dddddddddddddddddddddddd/service')).toBe('/me/pairings');
    // Each push loads its page's chunk for the first time: slow on a loaded machine.
  }, 60_000);
});
