/**
 * Controlled terms of research results and technology needs, with Chinese and English labels.
 * Stored values are the English codes; screens show `zh` / `en`.
 */

/**
 * Maturity (成熟度) and the technology readiness levels (TRL 1–9, GB/T 22900-2022) each covers:
 * 实验室 is principle and proof of concept, 小试 bench-scale validation, 中试 pilot-scale
 * demonstration, 产业化 a finished, qualified product in use.
 */
export const MATURITY_LEVELS = [
  { code: 'lab', zh: '实验室', en: 'Laboratory', trl: [1, 3] },
  { code: 'pilot_small', zh: '小试', en: 'Bench-scale trial', trl: [4, 5] },
  { code: 'pilot', zh: '中试', en: 'Pilot-scale trial', trl: [6, 7] },
  { code: 'industrial', zh: '产业化', en: 'Industrialised', trl: [8, 9] },
] as const;
export type Maturity = (typeof MATURITY_LEVELS)[number]['code'];
export const MATURITY_CODES = MATURITY_LEVELS.map((m) => m.code) as unknown as readonly [Maturity, ...Maturity[]];

/** The maturity level a TRL (1–9) falls in. */
export function maturityForTrl(trl: number): Maturity {
  const level = MATURITY_LEVELS.find((m) => trl >= m.trl[0] && trl <= m.trl[1]);
  if (!level) {
    throw new RangeError(`TRL must be an integer from 1 to 9, got ${trl}`);
  }
  return level.code;
}

/** The TRL range `[min, max]` of a maturity level. */
export function trlRange(maturity: Maturity): readonly [number, number] {
  const level = MATURITY_LEVELS.find((m) => m.code === maturity);
  return level ? level.trl : [1, 9];
}

/** How a research result may be transferred (成果转化方式, 促进科技成果转化法 art. 16). */
export const TRANSFER_MODES = [
  { code: 'transfer', zh: '转让', en: 'Assignment' },
  { code: 'license', zh: '许可', en: 'Licence' },
  { code: 'equity', zh: '作价入股', en: 'Equity investment' },
  { code: 'co_development', zh: '合作开发', en: 'Joint development' },
  { code: 'service', zh: '技术服务', en: 'Technical service' },
] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number]['code'];
export const TRANSFER_MODE_CODES = TRANSFER_MODES.map((m) => m.code) as unknown as readonly [TransferMode, ...TransferMode[]];

/** How an enterprise is willing to cooperate on a technology need (合作方式). */
export const COOPERATION_MODES = [
  { code: 'transfer', zh: '技术转让', en: 'Buy the technology' },
  { code: 'license', zh: '技术许可', en: 'Licence the technology' },
  { code: 'equity', zh: '技术入股', en: 'Technology for equity' },
  { code: 'commissioned', zh: '委托开发', en: 'Commissioned development' },
  { code: 'co_development', zh: '合作开发', en: 'Joint development' },
  { code: 'joint_research', zh: '联合攻关', en: 'Joint research on a key problem' },
  { code: 'service', zh: '技术服务与咨询', en: 'Technical service and consulting' },
  { code: 'talent', zh: '人才引进与培养', en: 'Recruiting or training specialists' },
] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number]['code'];
export const COOPERATION_MODE_CODES = COOPERATION_MODES.map((m) => m.code) as unknown as readonly [CooperationMode, ...CooperationMode[]];

/** Kinds of intellectual property a result may rest on. */
export const IP_TYPES = [
  { code: 'invention', zh: '发明专利', en: 'Invention patent' },
  { code: 'utility', zh: '实用新型专利', en: 'Utility model patent' },
  { code: 'design', zh: '外观设计专利', en: 'Design patent' },
  { code: 'software', zh: '软件著作权', en: 'Software copyright' },
  { code: 'plant_variety', zh: '植物新品种权', en: 'Plant variety right' },
  { code: 'know_how', zh: '技术秘密', en: 'Know-how (trade secret)' },
] as const;
export type IpType = (typeof IP_TYPES)[number]['code'];
export const IP_TYPE_CODES = IP_TYPES.map((t) => t.code) as unknown as readonly [IpType, ...IpType[]];

export const IP_STATUSES = [
  { code: 'pending', zh: '申请中', en: 'Pending' },
  { code: 'granted', zh: '已授权', en: 'Granted' },
  { code: 'none', zh: '无', en: 'None' },
] as const;
export type IpStatus = (typeof IP_STATUSES)[number]['code'];
export const IP_STATUS_CODES = IP_STATUSES.map((s) => s.code) as unknown as readonly [IpStatus, ...IpStatus[]];

/** How much of a technology need outsiders may see. */
export const CONFIDENTIALITY_LEVELS = [
  { code: 'public', zh: '公开', en: 'Public' },
  { code: 'summary_only', zh: '仅摘要公开', en: 'Summary only' },
  { code: 'confidential', zh: '保密', en: 'Confidential' },
] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number]['code'];
export const CONFIDENTIALITY_CODES = CONFIDENTIALITY_LEVELS.map((c) => c.code) as unknown as readonly [Confidentiality, ...Confidentiality[]];
