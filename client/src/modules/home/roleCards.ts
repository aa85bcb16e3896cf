import {
  DataBoard,
  DocumentAdd,
  Finished,
  Collection,
  Connection,
  Promotion,
  Search,
  Stamp,
  User,
  EditPen,
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
    { key: 'publishResult', icon: DocumentAdd },
    { key: 'myResults', icon: Collection },
    PROFILE,
  ],
  enterprise: [
    { key: 'postNeed', icon: EditPen },
    { key: 'findTech', icon: Search },
    PROFILE,
  ],
  commissioner: [{ key: 'joinCommissioner', icon: Promotion }, PROFILE],
  intermediary: [{ key: 'matchService', icon: Connection }, PROFILE],
  admin: [
    { key: 'orgVerify', icon: Stamp, to: '/admin/orgs' },
    { key: 'reviewQueue', icon: Finished },
    { key: 'provinceDashboard', icon: DataBoard },
    PROFILE,
  ],
};
