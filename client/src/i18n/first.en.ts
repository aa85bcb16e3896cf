import type { firstZh } from './first.zh-CN';

/** English messages of the home page's search, counts and latest listings, and of labels for codes. */
export const firstEn: typeof firstZh = {
  homeFeed: {
    searchTitle: 'Find research results and technology needs',
    searchHint: 'Try ginseng, carbon fibre, corn processing, automotive electronics, optoelectronics',
    stats: { results: 'Research results', needs: 'Technology needs', orgs: 'Verified organisations' },
    latestResults: 'Latest results',
    latestNeeds: 'Latest needs',
    more: 'See all',
    empty: 'None yet',
    cityCount: '{n} listings',
    citiesTitle: 'Browse by city',
  },
  navExtra: { more: 'More', langShort: '中' },
  auditTargets: { org: 'Organisation', user: 'User', result: 'Research result', need: 'Technology need', gone: 'deleted' },
  auditDetail: { title: 'Title', name: 'Name', note: 'Note', verified: 'Verified', uscc: 'Credit code', reason: 'Reason', email: 'Email', decision: 'Decision' },
  auditValues: { yes: 'yes', no: 'no' },
  titles: {
    search: 'Search: “{q}”',
  },
};
