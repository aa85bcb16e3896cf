import { Connection, Medal, Money, OfficeBuilding, Promotion, Reading } from '@element-plus/icons-vue';
import type { Role } from '@kezhuan/shared';
import type { Component } from 'vue';

/** One icon per role, shared by the role chooser and the home page. */
export const ROLE_ICONS: Record<Role, Component> = {
  researcher: Reading,
  enterprise: OfficeBuilding,
  commissioner: Promotion,
  intermediary: Connection,
  financier: Money,
  admin: Medal,
};
