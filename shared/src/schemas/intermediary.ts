/**
 * Intermediaries inside the deal (issue 14): the services intermediary organisations publish, their
 * invitation into a deal room, service orders delivered into the room, and the public scorecard
 * computed from the platform's own records. Stored values are codes; labels are zh and en.
 */
import { z } from 'zod';
import { DISCIPLINE_CODES } from '../vocab/disciplines';
import { INDUSTRY_CODES } from '../vocab/industries';
import { inputString, objectId, pagination, paginated, text } from './common';

/** The kinds of service an intermediary offers (the plan's 技术转移 services). */
export const INTERMEDIARY_SERVICE_KINDS = [
  { code: 'evaluation', zh: '技术评估', en: 'Technology evaluation' },
  { code: 'consulting', zh: '咨询', en: 'Consulting' },
  { code: 'agency', zh: '代理', en: 'Agency' },
  { code: 'brokering', zh: '经纪', en: 'Brokering' },
  { code: 'outsourcing', zh: '外包', en: 'Outsourcing' },
  { code: 'training', zh: '培训', en: 'Training' },
] as const;
export type IntermediaryServiceKind = (typeof INTERMEDIARY_SERVICE_KINDS)[number]['code'];
export const INTERMEDIARY_SERVICE_KIND_CODES = INTERMEDIARY_SERVICE_KINDS.map((k) => k.code) as unknown as readonly [IntermediaryServiceKind, ...IntermediaryServiceKind[]];

/** How a service is priced: a fixed amount, a range, or 面议 (by agreement). Amounts in yuan. */
export const SERVICE_PRICE_MODES = [
  { code: 'fixed', zh: '固定价格', en: 'Fixed price' },
  { code: 'range', zh: '价格区间', en: 'Price range' },
  { code: 'negotiable', zh: '面议', en: 'By agreement' },
] as const;
export type ServicePriceMode = (typeof SERVICE_PRICE_MODES)[number]['code'];

export const INTERMEDIARY_LIMITS = { titleMax: 80, descriptionMax: 4000, termsMax: 1000, noteMax: 1000, summaryMax: 8000, priceMax: 1_000_000_000, turnaroundMax: 365 } as const;

const amount = z.number().int().min(0).max(INTERMEDIARY_LIMITS.priceMax);

export const servicePriceInput = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('fixed'), amount }),
  z.strictObject({ mode: z.literal('range'), min: amount, max: amount }).refine((p) => p.min <= p.max, { message: 'kz.price_range', path: ['max'] }),
  z.strictObject({ mode: z.literal('negotiable') }),
]);
export type ServicePriceInput = z.infer<typeof servicePriceInput>;

/** A service as its organisation's members write it. */
export const intermediaryServiceInput = z.strictObject({
  kind: z.enum(INTERMEDIARY_SERVICE_KIND_CODES),
  title: inputString().trim().min(2).max(INTERMEDIARY_LIMITS.titleMax),
  description: inputString().trim().min(10).max(INTERMEDIARY_LIMITS.descriptionMax),
  price: servicePriceInput,
  terms: inputString().trim().max(INTERMEDIARY_LIMITS.termsMax).optional(),
  turnaroundDays: z.number().int().min(1).max(INTERMEDIARY_LIMITS.turnaroundMax),
  disciplines: z.array(z.enum(DISCIPLINE_CODES)).max(10).default([]),
  industries: z.array(z.enum(INDUSTRY_CODES)).max(10).default([]),
});
export type IntermediaryServiceInput = z.infer<typeof intermediaryServiceInput>;

export const intermediaryServiceQuery = z.strictObject({
  kind: z.enum(INTERMEDIARY_SERVICE_KIND_CODES).optional(),
  q: inputString().trim().max(50).optional(),
  org: objectId.optional(),
  /** `mine=1`: the caller's organisation's services, withdrawn ones included. */
  mine: z.enum(['1']).optional(),
  ...pagination,
});
export type IntermediaryServiceQuery = z.infer<typeof intermediaryServiceQuery>;

const orgRef = z.object({ id: objectId, name: z.string() });
const person = z.object({ id: objectId, name: z.string() });

export const intermediaryServiceView = z.object({
  id: objectId,
  org: orgRef,
  kind: z.enum(INTERMEDIARY_SERVICE_KIND_CODES),
  title: z.string(),
  description: z.string(),
  price: z.object({ mode: z.enum(['fixed', 'range', 'negotiable']), amount: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() }),
  terms: z.string().nullable(),
  turnaroundDays: z.number().int(),
  disciplines: z.array(z.string()),
  industries: z.array(z.string()),
  status: z.enum(['active', 'withdrawn']),
  /** The caller may edit and withdraw it (a member of its organisation). */
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IntermediaryServiceView = z.infer<typeof intermediaryServiceView>;
export const intermediaryServiceListView = paginated(intermediaryServiceView);
export type IntermediaryServiceListView = z.infer<typeof intermediaryServiceListView>;

/** A party invites an intermediary organisation into the room. */
export const dealInvitationInput = z.strictObject({ org: objectId, note: inputString().trim().max(INTERMEDIARY_LIMITS.noteMax).optional() });
export type DealInvitationInput = z.infer<typeof dealInvitationInput>;
/** The intermediary's answer to an invitation or an order. */
export const intermediaryAnswerInput = z.strictObject({ accept: z.boolean(), note: inputString().trim().max(INTERMEDIARY_LIMITS.noteMax).optional() });
export type IntermediaryAnswerInput = z.infer<typeof intermediaryAnswerInput>;

/** A party orders a catalogue service into the room. */
export const serviceOrderInput = z.strictObject({
  service: objectId,
  note: inputString().trim().max(INTERMEDIARY_LIMITS.noteMax).optional(),
  /** The price the parties agreed, in yuan; absent when still open. */
  agreedPrice: amount.optional(),
});
export type ServiceOrderInput = z.infer<typeof serviceOrderInput>;

/** The delivery: a text summary; the report file is uploaded before it (raw body, `delivery-file` route). */
export const orderDeliveryInput = z.strictObject({ summary: text(INTERMEDIARY_LIMITS.summaryMax) });
export type OrderDeliveryInput = z.infer<typeof orderDeliveryInput>;
/** Ends an order before delivery: the ordering party (while requested or in progress) or the intermediary (in progress); a reason is required once it is in progress. */
export const orderCancelInput = z.strictObject({ reason: inputString().trim().max(INTERMEDIARY_LIMITS.noteMax).optional() });
export type OrderCancelInput = z.infer<typeof orderCancelInput>;
export const orderRatingInput = z.strictObject({ score: z.number().int().min(1).max(5), comment: inputString().trim().max(INTERMEDIARY_LIMITS.noteMax).optional() });
export type OrderRatingInput = z.infer<typeof orderRatingInput>;

export const dealOrderParams = z.strictObject({ id: objectId, orderId: objectId });
export const dealInvitationParams = z.strictObject({ id: objectId, invitationId: objectId });

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const SERVICE_ORDER_STATUSES = [
  { code: 'requested', zh: '待接单', en: 'Awaiting the intermediary' },
  { code: 'accepted', zh: '服务中', en: 'In progress' },
  { code: 'declined', zh: '已谢绝', en: 'Declined' },
  { code: 'delivered', zh: '已交付待验收', en: 'Delivered, awaiting acceptance' },
  { code: 'completed', zh: '已验收', en: 'Accepted' },
  { code: 'cancelled', zh: '已撤回', en: 'Withdrawn' },
] as const;
export type ServiceOrderStatus = (typeof SERVICE_ORDER_STATUSES)[number]['code'];
export const SERVICE_ORDER_STATUS_CODES = SERVICE_ORDER_STATUSES.map((s) => s.code) as unknown as readonly [ServiceOrderStatus, ...ServiceOrderStatus[]];

const step = z.object({ kind: z.string(), by: person, at: z.string(), note: z.string().nullable() });

export const dealInvitationView = z.object({
  id: objectId,
  org: orgRef,
  status: z.enum(INVITATION_STATUSES),
  invitedBy: person,
  party: z.enum(['supply', 'demand']),
  note: z.string().nullable(),
  at: z.string(),
  answeredAt: z.string().nullable(),
  /** The invitation came with a service order (answered together with it). */
  withOrder: z.boolean(),
});
export type DealInvitationView = z.infer<typeof dealInvitationView>;

export const serviceOrderView = z.object({
  id: objectId,
  deal: objectId,
  service: z.object({ id: objectId, kind: z.enum(INTERMEDIARY_SERVICE_KIND_CODES), title: z.string() }),
  org: orgRef,
  party: z.enum(['supply', 'demand']),
  status: z.enum(SERVICE_ORDER_STATUS_CODES),
  note: z.string().nullable(),
  agreedPrice: z.number().nullable(),
  delivery: z.object({ summary: z.string(), at: z.string() }).nullable(),
  /** The report file uploaded for the delivery (before it is delivered, only the intermediary sees it). */
  file: z.object({ name: z.string(), size: z.number(), mime: z.string() }).nullable(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable(), at: z.string() }).nullable(),
  steps: z.array(step),
  createdAt: z.string(),
});
export type ServiceOrderView = z.infer<typeof serviceOrderView>;

/** The intermediary part of a room: who is in, pending invitations, orders, and what the caller may do. */
export const dealIntermediaryView = z.object({
  intermediary: orgRef.nullable(),
  invitations: z.array(dealInvitationView),
  orders: z.array(serviceOrderView),
  myParty: z.enum(['supply', 'demand', 'intermediary']).nullable(),
});
export type DealIntermediaryView = z.infer<typeof dealIntermediaryView>;

/** The public scorecard of an intermediary organisation (no clients' names, no per-deal amounts). */
export const intermediaryScorecardView = z.object({
  org: z.object({ id: objectId, name: z.string(), city: z.string().nullable(), verified: z.boolean() }),
  services: z.number().int(),
  deals: z.number().int(),
  reachedSigning: z.number().int(),
  done: z.number().int(),
  /** Median hours from an invitation, introduction or order to the intermediary's first message or action; null without any. */
  medianFirstResponseHours: z.number().nullable(),
  responsesMeasured: z.number().int(),
  /** Sum of the contracts' amounts in its deals (yuan), or null when contracts are not recorded. */
  contractValue: z.number().nullable(),
  contractValueNote: z.string().nullable(),
  rating: z.object({ mean: z.number().nullable(), count: z.number().int() }),
  ordersDelivered: z.number().int(),
});
export type IntermediaryScorecardView = z.infer<typeof intermediaryScorecardView>;

/** An intermediary member's home: the rooms it introduced, its open orders and invitations, its deals. */
export const intermediaryHomeView = z.object({
  org: orgRef,
  invitations: z.array(dealInvitationView.extend({ deal: z.object({ id: objectId, title: z.string() }) })),
  openOrders: z.array(serviceOrderView.extend({ dealTitle: z.string() })),
  deals: z.array(z.object({ id: objectId, title: z.string(), stage: z.string(), origin: z.string(), introduced: z.boolean(), updatedAt: z.string() })),
});
export type IntermediaryHomeView = z.infer<typeof intermediaryHomeView>;

/** The verified intermediary organisations a party can invite, with their count of active services. */
export const intermediaryOrgListView = z.array(z.object({ id: objectId, name: z.string(), city: z.string().nullable(), services: z.number().int() }));
export type IntermediaryOrgListView = z.infer<typeof intermediaryOrgListView>;
