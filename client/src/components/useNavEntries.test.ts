// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { useAuthStore } from '../modules/auth/store';
import { useDealUnread } from '../modules/deals/useDealUnread';
import { buildUser } from '../testing/fixtures';
import { withSetup } from '../testing/withSetup';
import { useNavEntries } from './useNavEntries';

function nav() {
  const s = withSetup(() => useNavEntries());
  const auth = useAuthStore();
  auth.loaded = true;
  return { ...s, auth, paths: () => s.result.entries.value.map((e) => e.path) };
}

describe('header navigation', () => {
  it('offers search to everyone and sign-in to visitors', () => {
    const { paths } = nav();
    expect(paths()).toEqual(['/', '/search/results', '/search/needs', '/commissioners', '/market', '/intermediaries/services', '/instruments', '/financing', '/carriers', '/login', '/register']);
  });

  it('adds 我的发布 for publishing roles and the review queue for administrators', () => {
    const { auth, paths } = nav();
    auth.user = buildUser('enterprise');
    expect(paths()).toEqual(['/', '/search/results', '/search/needs', '/commissioners', '/market', '/intermediaries/services', '/instruments', '/financing', '/carriers', '/me/listings', '/me/pairings', '/deals', '/calls']);
    auth.user = buildUser('commissioner');
    expect(paths()).toEqual(['/', '/search/results', '/search/needs', '/commissioners', '/market', '/intermediaries/services', '/instruments', '/financing', '/carriers', '/me/listings', '/me/pairings', '/deals', '/calls']);
    auth.user = buildUser('intermediary');
    expect(paths()).toEqual(['/', '/search/results', '/search/needs', '/commissioners', '/market', '/intermediaries/services', '/instruments', '/financing', '/carriers', '/me/intermediary', '/deals', '/calls']);
    // A financier has no entry of his own: 科技金融 leads to his products and inbox.
    auth.user = buildUser('financier');
    expect(paths()).toEqual(['/', '/search/results', '/search/needs', '/commissioners', '/market', '/intermediaries/services', '/instruments', '/financing', '/carriers']);
    auth.user = buildUser('admin');
    expect(paths()).toEqual(['/', '/search/results', '/search/needs', '/commissioners', '/market', '/intermediaries/services', '/instruments', '/financing', '/carriers', '/admin/review', '/admin/commissioners', '/admin/orgs', '/admin/imports', '/admin/pairing']);
  });

  it('shows the unread deal messages beside 我的洽谈, nothing when there are none', () => {
    const { auth, result } = nav();
    auth.user = buildUser('enterprise');
    const deals = () => result.entries.value.find((e) => e.path === '/deals');
    const { unread } = useDealUnread();
    unread.value = 0;
    expect(deals()?.badge).toBeUndefined();
    unread.value = 7;
    expect(deals()?.badge).toBe(7);
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
    expect(await at('/admin/review?kind=need')).toBe('/admin/review');
    expect(await at('/admin/orgs')).toBe('/admin/orgs');
    expect(await at('/admin/imports')).toBe('/admin/imports');
    expect(await at('/applications/dddddddddddddddddddddddd')).toBe('/calls');
    expect(await at('/commissioners/dddddddddddddddddddddddd')).toBe('/commissioners');
    expect(await at('/admin/commissioners')).toBe('/admin/commissioners');
    expect(await at('/commissioners/dddddddddddddddddddddddd')).toBe('/commissioners');
    expect(await at('/about')).toBe('/about');
    expect(await at('/intermediaries/dddddddddddddddddddddddd')).toBe('/intermediaries/services');
    expect(await at('/instruments/dddddddddddddddddddddddd')).toBe('/instruments');
    expect(await at('/me/instruments')).toBe('/instruments');
    expect(await at('/me/intermediary/services')).toBe('/me/intermediary');
    expect(await at('/service-requests/new')).toBe('/me/pairings');
    expect(await at('/deals/dddddddddddddddddddddddd')).toBe('/deals');
    expect(await at('/financing/products/dddddddddddddddddddddddd')).toBe('/financing');
    expect(await at('/carriers/dddddddddddddddddddddddd')).toBe('/carriers');
    expect(await at('/me/pairings/dddddddddddddddddddddddd/service')).toBe('/me/pairings');
    // Each push loads its page's chunk for the first time: slow on a loaded machine.
  }, 60_000);
});
