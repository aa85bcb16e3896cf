import { INTERMEDIARY_SERVICE_KIND_CODES, INVITATION_STATUSES, SERVICE_ORDER_STATUS_CODES, type IntermediaryServiceKind, type ServiceOrderStatus } from '@kezhuan/shared';
import { Schema, model, type Types } from 'mongoose';

/** A service an intermediary organisation publishes in the catalogue; withdrawn ones stay for past orders. */
const serviceSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    kind: { type: String, enum: INTERMEDIARY_SERVICE_KIND_CODES, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    price: {
      type: new Schema({ mode: { type: String, enum: ['fixed', 'range', 'negotiable'], required: true }, amount: Number, min: Number, max: Number }, { _id: false }),
      required: true,
    },
    terms: { type: String, default: null },
    turnaroundDays: { type: Number, required: true },
    disciplines: { type: [String], default: [] },
    industries: { type: [String], default: [] },
    status: { type: String, enum: ['active', 'withdrawn'], default: 'active' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true, collection: 'intermediary_services' },
);
// The catalogue, newest first, all or of one kind (catalogueQuery) → {status, kind, updatedAt}; an organisation's → {org, status, updatedAt}.
serviceSchema.index({ status: 1, kind: 1, updatedAt: -1 });
serviceSchema.index({ org: 1, status: 1, updatedAt: -1 });

export interface IntermediaryServiceRecord {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  kind: IntermediaryServiceKind;
  title: string;
  description: string;
  price: { mode: 'fixed' | 'range' | 'negotiable'; amount?: number | null; min?: number | null; max?: number | null };
  terms: string | null;
  turnaroundDays: number;
  disciplines: string[];
  industries: string[];
  status: 'active' | 'withdrawn';
  createdBy: Types.ObjectId;
  updatedBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}
export const IntermediaryServiceModel = model<IntermediaryServiceRecord>('IntermediaryService', serviceSchema);

/**
 * A party's invitation of an intermediary organisation into a room; the organisation's members
 * accept (it becomes the room's intermediary) or decline. `order` when it came with a service order.
 */
const invitationSchema = new Schema(
  {
    room: { type: Schema.Types.ObjectId, ref: 'DealRoom', required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    party: { type: String, enum: ['supply', 'demand'], required: true },
    invitedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    note: { type: String, default: null },
    order: { type: Schema.Types.ObjectId, ref: 'ServiceOrder', default: null },
    status: { type: String, enum: INVITATION_STATUSES, default: 'pending' },
    answeredBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    answeredAt: { type: Date, default: null },
    answerNote: { type: String, default: null },
  },
  { timestamps: true, collection: 'deal_invitations' },
);
// A room's invitations (roomInvitations) → {room, createdAt}; an organisation's pending ones and scorecard → {org, status}.
invitationSchema.index({ room: 1, createdAt: 1 });
invitationSchema.index({ org: 1, status: 1 });

export interface DealInvitationRecord {
  _id: Types.ObjectId;
  room: Types.ObjectId;
  org: Types.ObjectId;
  party: 'supply' | 'demand';
  invitedBy: Types.ObjectId;
  note: string | null;
  order: Types.ObjectId | null;
  status: (typeof INVITATION_STATUSES)[number];
  answeredBy: Types.ObjectId | null;
  answeredAt: Date | null;
  answerNote: string | null;
  createdAt: Date;
}
export const DealInvitationModel = model<DealInvitationRecord>('DealInvitation', invitationSchema);

const fileSchema = new Schema({ key: String, name: String, size: Number, mime: String, uploadedBy: Schema.Types.ObjectId, uploadedAt: Date }, { _id: false });
const stepSchema = new Schema(
  { kind: { type: String, required: true }, by: { type: Schema.Types.ObjectId, ref: 'User', required: true }, at: { type: Date, required: true }, note: { type: String, default: null } },
  { _id: false },
);

/**
 * A catalogue service ordered into a room by one of its parties: requested → accepted or declined
 * by the intermediary → delivered (summary and report file) → completed when the ordering party
 * accepts and rates it. `steps` records every step with who and when.
 */
const orderSchema = new Schema(
  {
    room: { type: Schema.Types.ObjectId, ref: 'DealRoom', required: true },
    service: { type: Schema.Types.ObjectId, ref: 'IntermediaryService', required: true },
    serviceKind: { type: String, enum: INTERMEDIARY_SERVICE_KIND_CODES, required: true },
    serviceTitle: { type: String, required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    party: { type: String, enum: ['supply', 'demand'], required: true },
    orderedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    note: { type: String, default: null },
    agreedPrice: { type: Number, default: null },
    status: { type: String, enum: SERVICE_ORDER_STATUS_CODES, default: 'requested' },
    file: { type: fileSchema, default: null },
    delivery: { type: new Schema({ summary: String, at: Date, by: Schema.Types.ObjectId }, { _id: false }), default: null },
    rating: { type: new Schema({ score: Number, comment: String, at: Date, by: Schema.Types.ObjectId }, { _id: false }), default: null },
    steps: { type: [stepSchema], default: [] },
  },
  { timestamps: true, collection: 'service_orders' },
);
// A room's orders (roomOrders) → {room, createdAt}; an organisation's open orders, ratings and deliveries → {org, status}.
orderSchema.index({ room: 1, createdAt: 1 });
orderSchema.index({ org: 1, status: 1 });

export interface ServiceOrderRecord {
  _id: Types.ObjectId;
  room: Types.ObjectId;
  service: Types.ObjectId;
  serviceKind: IntermediaryServiceKind;
  serviceTitle: string;
  org: Types.ObjectId;
  party: 'supply' | 'demand';
  orderedBy: Types.ObjectId;
  note: string | null;
  agreedPrice: number | null;
  status: ServiceOrderStatus;
  file: { key: string; name: string; size: number; mime: string; uploadedBy: Types.ObjectId; uploadedAt: Date } | null;
  delivery: { summary: string; at: Date; by: Types.ObjectId } | null;
  rating: { score: number; comment: string | null; at: Date; by: Types.ObjectId } | null;
  steps: { kind: string; by: Types.ObjectId; at: Date; note: string | null }[];
  createdAt: Date;
}
export const ServiceOrderModel = model<ServiceOrderRecord>('ServiceOrder', orderSchema);
