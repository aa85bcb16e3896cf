import type { Role } from '@kezhuan/shared';

/** Password of every demo account (printed at start; demo data only). */
export const DEMO_PASSWORD = 'Kezhuan2026demo';

export interface DemoAccount {
  email: string;
  phone: string;
  displayName: string;
  role: Role;
  /** Index into DEMO_ORGS. */
  org: number;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.kezhuan.cn', phone: '13904310001', displayName: '省科技厅管理员', role: 'admin', org: 0 },
  { email: 'researcher@demo.kezhuan.cn', phone: '13904310002', displayName: '李明（吉林大学）', role: 'researcher', org: 1 },
  { email: 'enterprise@demo.kezhuan.cn', phone: '13904310003', displayName: '王强（宏远汽车零部件）', role: 'enterprise', org: 10 },
  { email: 'commissioner@demo.kezhuan.cn', phone: '13904310004', displayName: '张华（长春应化所）', role: 'commissioner', org: 3 },
  { email: 'intermediary@demo.kezhuan.cn', phone: '13904310005', displayName: '赵敏（成果转化服务中心）', role: 'intermediary', org: 9 },
];

/**
 * The 双千 demo accounts (same password, printed at start too), apart from the per-role accounts above,
 * whose blank state other flows start from: an approved science commissioner of the current term and an
 * enterprise manager with open service requests (seed/demo-pairing.ts). `org` indexes DEMO_ORGS.
 */
export const DEMO_PAIRING_ACCOUNTS = {
  commissioner: { email: 'expert@demo.kezhuan.cn', phone: '13904310006', displayName: '陈立新（长春应化所，科技特派员）', role: 'researcher', org: 3, label: '双千 commissioner' },
  enterprise: { email: 'factory@demo.kezhuan.cn', phone: '13904310007', displayName: '刘洋（江城碳纤维）', role: 'enterprise', org: 11, label: '双千 enterprise' },
} as const;

/**
 * The financing demo account (same password): a manager of the demo bank's technology branch, who
 * publishes its products and answers applications (seed/demo-financing.ts creates it with the
 * financial organisations, which are not in DEMO_ORGS).
 */
export const DEMO_FINANCIER_ACCOUNT = { email: 'finance@demo.kezhuan.cn', phone: '13904310008', displayName: '孙丽（吉林银行长春科技支行）', role: 'financier' } as const;
