/** Roles a user can hold. `admin` is the provincial / city administrator (省科技厅 / 市科技局). */
export const ROLES = ['researcher', 'enterprise', 'commissioner', 'intermediary', 'financier', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person may choose when registering; administrators are created by the CLI or env. */
export const SELF_SERVICE_ROLES = ['researcher', 'enterprise', 'commissioner', 'intermediary', 'financier'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

/** `financial`: banks, guarantors, insurers, leasing companies and investors (金融机构, issue 16's financing). */
export const ORG_TYPES = ['university', 'institute', 'enterprise', 'intermediary', 'financial', 'government'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
/** Each org type's name (client vocabularies, import cells): a Record, so a new type needs one. */
export const ORG_TYPE_LABELS: Record<OrgType, { zh: string; en: string }> = {
  university: { zh: '高等院校', en: 'University' },
  institute: { zh: '科研院所', en: 'Research institute' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  intermediary: { zh: '科技中介机构', en: 'Technology intermediary' },
  financial: { zh: '金融机构', en: 'Financial institution' },
  government: { zh: '政府部门', en: 'Government' },
};

/** Which organisation types a role may belong to. */
export const ROLE_ORG_TYPES: Record<Role, readonly OrgType[]> = {
  researcher: ['university', 'institute'],
  commissioner: ['university', 'institute'],
  enterprise: ['enterprise'],
  intermediary: ['intermediary'],
  financier: ['financial'],
  admin: ['government'],
};

/** Jilin's 9 prefecture-level divisions, keyed by their administrative division code. */
export const CITIES = [
  { code: '220100', zh: '长春市', en: 'Changchun' },
  { code: '220200', zh: '吉林市', en: 'Jilin City' },
  { code: '220300', zh: '四平市', en: 'Siping' },
  { code: '220400', zh: '辽源市', en: 'Liaoyuan' },
  { code: '220500', zh: '通化市', en: 'Tonghua' },
  { code: '220600', zh: '白山市', en: 'Baishan' },
  { code: '220700', zh: '松原市', en: 'Songyuan' },
  { code: '220800', zh: '白城市', en: 'Baicheng' },
  { code: '222400', zh: '延边朝鲜族自治州', en: 'Yanbian Korean Autonomous Prefecture' },
] as const;
export type CityCode = (typeof CITIES)[number]['code'];
export const CITY_CODES = CITIES.map((c) => c.code) as unknown as readonly [CityCode, ...CityCode[]];

export const LIMITS = {
  passwordMin: 10,
  passwordMax: 128,
  nameMax: 80,
  orgNameMax: 100,
  bioMax: 2000,
  pageSizeMax: 100,
  /** Failed logins allowed per account, and per IP address, in a sliding hour. */
  loginFailuresPerHour: 100,
} as const;

/** Organisations that may be registered from one network address in a day (against squatting). */
export const ORG_CREATION_LIMITS = { perIpPerDay: 10 } as const;

/** Mainland China mobile number: 11 digits starting with 1[3-9]. */
export const MOBILE_RE = /^1[3-9]\d{9}$/;

/** Every action the audit log records (the server's `audit()` takes only these; the admin page labels each). */
export const AUDIT_ACTIONS = [
  'org.verify',
  'org.unverify',
  'user.password_change',
  'user.login_locked',
  'user.unlock',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.email_verify',
  'admin.create',
  'result.approve',
  'result.return',
  'need.approve',
  'need.return',
  'import.cancel',
  'attachment.approve',
  'attachment.reject',
  'org.create',
  'org.join_request',
  'org.member_approve',
  'org.member_reject',
  'org.join_withdraw',
  'org.member_leave',
  'org.member_role',
  'org.listings_transfer',
  'org.settings',
  'org.evidence_upload',
  'org.evidence_view',
  'org.verification_request',
  'org.verification_reject',
  'org.uscc_released',
  // Pairing (双千): commissioner applications and enterprise service requests.
  'commissioner.apply',
  'commissioner.resubmit',
  'commissioner.endorse',
  'commissioner.endorsement_decline',
  'commissioner.approve',
  'commissioner.return',
  /** An administrator's import of the province's list (approved at once when published). */
  'commissioner.import',
  'service_request.create',
  'service_request.import',
  'service_request.open',
  'service_request.withdraw',
  'service_request.close',
  // Pairing runs (双千): started, edited by hand, confirmed.
  'pairing.run_start',
  'pairing.pair_set',
  'pairing.pair_remove',
  'pairing.run_confirm',
  // Service of accepted pairings (双千): agreement, log, review, rating.
  'service.agreement_draft',
  'service.agreement_confirm',
  'service.entry_log',
  'service.entry_attach',
  'service.entry_confirm',
  'service.entry_dispute',
  'service.rate',
  // Deal rooms: opened (from interest or an intermediary's introduction), stage changes, administrators' reads.
  'deal.open',
  'deal.introduce',
  'deal.stage',
  'deal.admin_view',
  // Deal-room files and the NDA: uploads, removals, every opening of a confidential file, NDA set and accepted.
  'deal.file_upload',
  'deal.file_remove',
  'deal.file_view',
  'deal.nda_set',
  'deal.nda_accept',
  // Technology contracts of deal rooms: recorded, changed, registered (技术合同认定登记).
  'deal.contract_record',
  'deal.contract_update',
  'deal.contract_register',
  // Intermediaries in deals: services published, invitations, orders, deliveries, ratings.
  'intermediary.service_create',
  'intermediary.service_update',
  'intermediary.service_withdraw',
  'intermediary.invite',
  'intermediary.invite_answer',
  'intermediary.order',
  'intermediary.order_answer',
  'intermediary.order_cancel',
  'intermediary.deliver',
  'intermediary.delivery_accept',
  // The institutions' transformation index: a new version of the weights.
  'transfer_index.weights',
  // Instrument bookings: requests, the owner's answer, cancellations, usage and ratings.
  'booking.request',
  'booking.confirm',
  'booking.decline',
  'booking.cancel',
  'booking.usage',
  'booking.rate',
  // Roadshows and expos: creation, edits, publication and state changes, cancellation, schedule runs and publication.
  'event.create',
  'event.update',
  'event.transition',
  'event.cancel',
  'event.schedule_run',
  'event.schedule_publish',
  // Plan targets (规划目标): plans added, manual entries recorded, corrected, removed.
  'plan.create',
  'plan.entry_create',
  'plan.entry_update',
  'plan.entry_delete',
  // Large-instrument sharing: the catalogue written by the institutions' members.
  'instrument.create',
  'instrument.update',
  'instrument.withdraw',
  'instrument.photo_upload',
  // Financing (科技金融): products published, the provider's kind, applications and their answers, administrators' reads.
  'financing.product_create',
  'financing.product_update',
  'financing.product_withdraw',
  'financing.profile',
  'financing.apply',
  'financing.answer',
  'financing.reply',
  'financing.withdraw',
  'financing.admin_view',
  // Innovation carriers (创新载体): application, review, yearly reports, re-evaluation, imports.
  'carrier.apply',
  'carrier.resubmit',
  'carrier.recognise',
  'carrier.return',
  'carrier.reject',
  'carrier.report',
  'carrier.report_accept',
  'carrier.report_return',
  'carrier.evaluate',
  'carrier.revoke',
  'carrier.import',
  'carrier.admin_view',
  // Programmes (issue 15): calls and applications, every state change.
  'programme.call_create',
  'programme.call_update',
  'programme.call_publish',
  'programme.application_create',
  'programme.application_submit',
  'programme.application_return',
  'programme.application_accept',
  'programme.application_view',
  // Funding decisions and funded projects (issue 15).
  'programme.funding_fund',
  'programme.funding_reject',
  'programme.project_view',
  'programme.project_links',
  'programme.milestone_report',
  'programme.milestone_accept',
  'programme.milestone_return',
  'programme.yearly_report',
  'programme.yearly_accept',
  'programme.yearly_return',
  // Expert review (issue 15): the pool, assignments, scores.
  'programme.expert_create',
  'programme.expert_invite',
  'programme.expert_update',
  'programme.review_assign',
  'programme.review_withdraw',
  'programme.review_submit',
  'programme.review_reopen',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
