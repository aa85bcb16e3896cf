import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { useAuthStore } from '../modules/auth/store';
import { useDealUnread } from '../modules/deals/useDealUnread';

export interface NavEntry {
  /** The route path, also the el-menu index. */
  path: string;
  labelKey: string;
  testid: string;
  /** A count shown beside the label (unread deal messages). */
  badge?: number;
}

/** The menu entry a page belongs to (detail pages light up the search they come from). */
const SECTIONS: [prefix: string, entry: string][] = [
  ['/search/needs', '/search/needs'],
  ['/needs/', '/search/needs'],
  ['/search', '/search/results'],
  ['/results/', '/search/results'],
  ['/commissioners', '/commissioners'],
  ['/intermediaries', '/intermediaries/services'],
  ['/instruments', '/instruments'],
  ['/me/instruments', '/instruments'],
  ['/carriers', '/carriers'],
  ['/admin/carriers', '/carriers'],
  ['/me/intermediary', '/me/intermediary'],
  ['/financing', '/financing'],
  ['/admin/commissioners', '/admin/commissioners'],
  ['/me/pairings', '/me/pairings'],
  ['/deals', '/deals'],
  ['/calls', '/calls'],
  ['/applications', '/calls'],
  ['/admin/calls', '/admin/orgs'],
  ['/admin/review', '/admin/review'],
  ['/admin/imports', '/admin/imports'],
  ['/admin/pairing', '/admin/pairing'],
  ['/admin', '/admin/orgs'],
];

/** The header's navigation for the current user, and which entry the current page belongs to. */
export function useNavEntries() {
  const auth = useAuthStore();
  const route = useRoute();
  const { unread } = useDealUnread();

  const entries = computed<NavEntry[]>(() => {
    const role = auth.user?.role;
    const list: NavEntry[] = [
      { path: '/', labelKey: 'nav.home', testid: 'nav-home' },
      { path: '/search/results', labelKey: 'nav.searchResults', testid: 'nav-search-results' },
      { path: '/search/needs', labelKey: 'nav.searchNeeds', testid: 'nav-search-needs' },
      { path: '/commissioners', labelKey: 'cm.nav', testid: 'nav-commissioners' },
      { path: '/market', labelKey: 'techMarket.nav', testid: 'nav-market' },
      { path: '/intermediaries/services', labelKey: 'im.nav', testid: 'nav-intermediaries' },
      { path: '/instruments', labelKey: 'ins.nav', testid: 'nav-instruments' },
      { path: '/financing', labelKey: 'fin.nav', testid: 'nav-financing' },
      { path: '/carriers', labelKey: 'cr.nav', testid: 'nav-carriers' },
    ];
    if (!auth.loaded) {
      return list;
    }
    if (role === 'researcher' || role === 'commissioner' || role === 'enterprise') {
      list.push({ path: '/me/listings', labelKey: 'nav.myListings', testid: 'nav-my-listings' });
    }
    if (role === 'enterprise' || role === 'commissioner') {
      list.push({ path: '/me/pairings', labelKey: 'pairings.title', testid: 'nav-my-pairings' });
    }
    if (role === 'intermediary') {
      list.push({ path: '/me/intermediary', labelKey: 'im.navHome', testid: 'nav-intermediary-home' });
    }
    if (role && role !== 'admin' && role !== 'financier') {
      list.push({ path: '/deals', labelKey: 'deals.nav', testid: 'nav-my-deals', ...(unread.value > 0 ? { badge: unread.value } : {}) });
      list.push({ path: '/calls', labelKey: 'prog.nav', testid: 'nav-calls' });
    }
    if (role === 'admin') {
      list.push({ path: '/admin/review', labelKey: 'nav.review', testid: 'nav-admin-review' });
      list.push({ path: '/admin/commissioners', labelKey: 'cm.navAdmin', testid: 'nav-admin-commissioners' });
      list.push({ path: '/admin/orgs', labelKey: 'nav.adminOrgs', testid: 'nav-admin-orgs' });
      list.push({ path: '/admin/imports', labelKey: 'nav.imports', testid: 'nav-admin-imports' });
      list.push({ path: '/admin/pairing', labelKey: 'pairingAdmin.nav', testid: 'nav-admin-pairing' });
    }
    if (!auth.user) {
      list.push({ path: '/login', labelKey: 'nav.login', testid: 'nav-login' });
      list.push({ path: '/register', labelKey: 'nav.register', testid: 'nav-register' });
    }
    return list;
  });

  const active = computed(() => {
    if (route.path.startsWith('/service-requests')) {
      return '/me/pairings';
    }
    if (route.path.endsWith('/new') || route.path.endsWith('/edit')) {
      return '/me/listings';
    }
    return SECTIONS.find(([prefix]) => route.path.startsWith(prefix))?.[1] ?? route.path;
  });

  return { entries, active };
}
