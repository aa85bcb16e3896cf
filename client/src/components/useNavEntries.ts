import type { Role } from '@kezhuan/shared';
import { computed } from 'vue';
import { useRoute, type Router } from 'vue-router';
import { useAuthStore } from '../modules/auth/store';
import { useDealUnread } from '../modules/deals/useDealUnread';

export interface NavLink {
  /** The route path. */
  path: string;
  labelKey: string;
  testid: string;
  /** A count shown beside the label (unread deal messages). */
  badge?: number;
}

/** A top-level entry that opens a short list of links (a dropdown on the bar, a section in the phone menu). */
export interface NavGroup {
  id: 'resources' | 'data' | 'mine' | 'admin';
  labelKey: string;
  testid: string;
  items: NavLink[];
  /** The sum of its items' counts, so that a closed group does not hide them. */
  badge?: number;
}

export type NavEntry = NavLink | NavGroup;

export function isNavGroup(e: NavEntry): e is NavGroup {
  return 'items' in e;
}

/** The menu entry a page belongs to (detail pages light up the search or directory they come from). */
const SECTIONS: [prefix: string, entry: string][] = [
  ['/search/needs', '/search/needs'],
  ['/needs/', '/search/needs'],
  ['/search', '/search/results'],
  ['/results/', '/search/results'],
  ['/commissioners', '/commissioners'],
  ['/intermediaries', '/intermediaries/services'],
  ['/instruments', '/instruments'],
  ['/me/instruments', '/me/instruments'],
  ['/me/bookings', '/me/bookings'],
  ['/carriers/mine', '/carriers/mine'],
  ['/carriers', '/carriers'],
  ['/admin/carriers', '/admin/carriers'],
  ['/me/intermediary', '/me/intermediary'],
  ['/financing/applications', '/financing/applications'],
  ['/financing/inbox', '/financing/inbox'],
  ['/financing/mine', '/financing/mine'],
  ['/financing', '/financing'],
  ['/events', '/events'],
  ['/market', '/market'],
  ['/plan', '/plan'],
  ['/projects', '/projects'],
  ['/transfer-index', '/transfer-index'],
  ['/shuangqian', '/shuangqian'],
  ['/admin/commissioners', '/admin/commissioners'],
  ['/me/pairings', '/me/pairings'],
  ['/service-requests', '/me/pairings'],
  ['/deals', '/deals'],
  ['/calls', '/calls'],
  ['/applications', '/applications'],
  ['/admin/calls', '/admin/calls'],
  ['/admin/review', '/admin/review'],
  ['/admin/imports', '/admin/imports'],
  ['/admin/pairing', '/admin/pairing'],
  ['/admin', '/admin/orgs'],
];

/** Whether the router has a page at `path` (the nav test checks every entry with it). */
export function routeExists(router: Router, path: string): boolean {
  const r = router.resolve(path);
  return r.matched.length > 0 && r.name !== 'not-found';
}

const link = (path: string, labelKey: string, testid: string, badge?: number): NavLink => ({ path, labelKey, testid, ...(badge ? { badge } : {}) });

function group(id: NavGroup['id'], items: NavLink[]): NavGroup {
  const badge = items.reduce((sum, i) => sum + (i.badge ?? 0), 0);
  return { id, labelKey: `hdr.${id}`, testid: `nav-group-${id}`, items, ...(badge ? { badge } : {}) };
}

/** 我的: the signed-in member's own pages, by role. */
function mine(role: Role, unread: number): NavLink[] {
  const items: NavLink[] = [];
  if (role === 'researcher' || role === 'commissioner' || role === 'enterprise') {
    items.push(link('/me/listings', 'nav.myListings', 'nav-my-listings'));
  }
  if (role === 'enterprise' || role === 'commissioner') {
    items.push(link('/me/pairings', 'hdr.myPairings', 'nav-my-pairings'));
  }
  if (role === 'intermediary') {
    items.push(link('/me/intermediary', 'hdr.intermediaryHome', 'nav-intermediary-home'));
  }
  if (role !== 'financier') {
    items.push(link('/deals', 'hdr.deals', 'nav-my-deals', unread > 0 ? unread : undefined));
    items.push(link('/applications', 'hdr.applications', 'nav-my-applications'));
  }
  if (role === 'enterprise') {
    items.push(link('/financing/applications', 'hdr.financingApps', 'nav-my-financing'));
  }
  if (role === 'financier') {
    items.push(link('/financing/inbox', 'hdr.financingInbox', 'nav-financing-inbox'));
    items.push(link('/financing/mine', 'hdr.financingProducts', 'nav-financing-products'));
  }
  items.push(link('/me/bookings', 'hdr.bookings', 'nav-my-bookings'));
  if (role === 'researcher' || role === 'commissioner') {
    items.push(link('/me/instruments', 'hdr.myInstruments', 'nav-my-instruments'));
  }
  items.push(link('/carriers/mine', 'hdr.myCarriers', 'nav-my-carriers'));
  return items;
}

const ADMIN: NavLink[] = [
  link('/admin/review', 'nav.review', 'nav-admin-review'),
  link('/admin/orgs', 'nav.adminOrgs', 'nav-admin-orgs'),
  link('/admin/commissioners', 'hdr.adminCommissioners', 'nav-admin-commissioners'),
  link('/admin/pairing', 'hdr.adminPairing', 'nav-admin-pairing'),
  link('/admin/calls', 'hdr.adminCalls', 'nav-admin-calls'),
  link('/admin/carriers', 'hdr.adminCarriers', 'nav-admin-carriers'),
  link('/admin/imports', 'nav.imports', 'nav-admin-imports'),
];

/**
 * The header's navigation for the current user: search first, then the groups 资源服务 and 数据, 我的
 * for members (管理 for administrators), and which entry the current page belongs to.
 */
export function useNavEntries() {
  const auth = useAuthStore();
  const route = useRoute();
  const { unread } = useDealUnread();

  const entries = computed<NavEntry[]>(() => {
    const role = auth.loaded ? auth.user?.role : undefined;
    const resources = [
      link('/intermediaries/services', 'hdr.intermediaries', 'nav-intermediaries'),
      link('/commissioners', 'hdr.commissioners', 'nav-commissioners'),
      link('/instruments', 'hdr.instruments', 'nav-instruments'),
      link('/financing', 'hdr.financing', 'nav-financing'),
      link('/carriers', 'hdr.carriers', 'nav-carriers'),
      link('/calls', 'hdr.calls', 'nav-calls'),
      link('/events', 'hdr.events', 'nav-events'),
    ];
    const list: NavEntry[] = [
      link('/', 'nav.home', 'nav-home'),
      link('/search/results', 'nav.searchResults', 'nav-search-results'),
      link('/search/needs', 'nav.searchNeeds', 'nav-search-needs'),
      group('resources', resources),
      group('data', [
        link('/market', 'hdr.market', 'nav-market'),
        link('/plan', 'hdr.plan', 'nav-plan'),
        link('/projects', 'hdr.projects', 'nav-projects'),
        link('/transfer-index', 'hdr.transferIndex', 'nav-transfer-index'),
        link('/shuangqian', 'hdr.shuangqian', 'nav-shuangqian'),
      ]),
    ];
    if (!auth.loaded) {
      return list;
    }
    if (role === 'admin') {
      list.push(group('admin', ADMIN));
    } else if (role) {
      list.push(group('mine', mine(role, unread.value)));
    } else {
      list.push(link('/login', 'nav.login', 'nav-login'), link('/register', 'nav.register', 'nav-register'));
    }
    return list;
  });

  const active = computed(() => {
    if (/^\/(results|needs)\/(new|[^/]+\/edit)$/.test(route.path)) {
      return '/me/listings';
    }
    return SECTIONS.find(([prefix]) => route.path.startsWith(prefix))?.[1] ?? route.path;
  });

  /** The group holding the current page's entry, lit up on the bar. */
  const activeGroup = computed(() => entries.value.find((e) => isNavGroup(e) && e.items.some((i) => i.path === active.value))?.testid ?? null);

  return { entries, active, activeGroup };
}
