import {
  DataBoard,
  DocumentAdd,
  Finished,
  Collection,
  Connection,
  Money,
  Coin,
  Promotion,
  Search,
  Stamp,
  User,
  EditPen,
  Tickets,
  Upload,
} from '@element-plus/icons-vue';
import type { Role } from '@kezhuan/shared';
import type { Component } from 'vue';
import type { MessageSchema } from '../../i18n/zh-CN';

export type HomeCardKey = keyof MessageSchema['home']['cards'];

/** One thing a signed-in user can do from the home page; without `to` it is not built yet. */
export interface HomeCard {
  key: HomeCardKey;
  icon: Component;
  to?: string;
}

const PROFILE: HomeCard = { key: 'profile', icon: User, to: '/profile' };

/** What each role sees on its home page, in order. Cards without a route show "coming soon". */
export const HOME_CARDS: Record<Role, readonly HomeCard[]> = {
  researcher: [
    { key: 'publishResult', icon: DocumentAdd, to: '/results/new' },
    { key: 'myResults', icon: Collection, to: '/me/listings?tab=result' },
    { key: 'findNeeds', icon: Tickets, to: '/search/needs' },
    PROFILE,
  ],
  enterprise: [
    { key: 'postNeed', icon: EditPen, to: '/needs/new' },
    { key: 'findTech', icon: Search, to: '/search/results' },
    { key: 'myNeeds', icon: Collection, to: '/me/listings?tab=need' },
    { key: 'financingFind', icon: Coin, to: '/financing' },
    PROFILE,
  ],
  commissioner: [
    { key: 'joinCommissioner', icon: Promotion, to: '/commissioners/applications' },
    { key: 'publishResult', icon: DocumentAdd, to: '/results/new' },
    { key: 'myResults', icon: Collection, to: '/me/listings?tab=result' },
    { key: 'findNeeds', icon: Tickets, to: '/search/needs' },
    PROFILE,
  ],
  intermediary: [
    { key: 'matchService', icon: Connection },
    { key: 'findTech', icon: Search, to: '/search/results' },
    { key: 'findNeeds', icon: Tickets, to: '/search/needs' },
    PROFILE,
  ],
  financier: [
    { key: 'financingProducts', icon: Money, to: '/financing/mine' },
    { key: 'financingInbox', icon: Tickets, to: '/financing/inbox' },
    { key: 'findNeeds', icon: Tickets, to: '/search/needs' },
    PROFILE,
  ],
  admin: [
    { key: 'orgVerify', icon: Stamp, to: '/admin/orgs' },
    { key: 'reviewQueue', icon: Finished, to: '/admin/review' },
    { key: 'bulkImport', icon: Upload, to: '/admin/imports' },
    { key: 'provinceDashboard', icon: DataBoard },
    PROFILE,
  ],
};
