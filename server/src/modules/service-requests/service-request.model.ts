import { Schema, model, type Types } from 'mongoose';
import {
  CITY_CODES,
  INDUSTRY_CODES,
  SERVICE_REQUEST_STATUSES,
  SERVICE_REQUEST_URGENCIES,
  type CityCode,
  type IndustryCode,
  type ServiceRequestStatus,
  type ServiceRequestUrgency,
} from '@kezhuan/shared';

/** An enterprise's request for a science commissioner (双千); the pairing run reads the open ones. */
const serviceRequestSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    status: { type: String, enum: SERVICE_REQUEST_STATUSES, required: true, default: 'draft' },
    title: { type: String, required: true },
    problem: { type: String, required: true },
    industry: { type: String, enum: INDUSTRY_CODES, required: true },
    city: { type: String, enum: CITY_CODES, required: true },
    county: { type: String, default: null },
    keywords: { type: [String], default: [] },
    urgency: { type: String, enum: SERVICE_REQUEST_URGENCIES, required: true },
    /** Commissioner (application) ids the enterprise prefers, and ones it must never get. */
    preferred: { type: [{ type: Schema.Types.ObjectId, ref: 'Commissioner' }], default: [] },
    excluded: { type: [{ type: Schema.Types.ObjectId, ref: 'Commissioner' }], default: [] },
    /** The technology need it was made from, if any. */
    need: { type: Schema.Types.ObjectId, ref: 'TechNeed', default: null },
    openedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    /** The import job that created it, if any. */
    importJob: { type: Schema.Types.ObjectId, ref: 'ImportJob', default: null },
  },
  { timestamps: true, collection: 'service_requests' },
);
// Queries (service-request.queries.ts): an organisation's requests, newest edit first
// (orgRequestsQuery) → {org, updatedAt}, with a status → {org, status, updatedAt}; the pool of a
// pairing run and the administrator's list (requestsInStatusQuery) → {status, openedAt}; "is there
// already a live request from this need" (liveFromNeedQuery) → {need, status}.
serviceRequestSchema.index({ org: 1, updatedAt: -1 });
serviceRequestSchema.index({ org: 1, status: 1, updatedAt: -1 });
serviceRequestSchema.index({ status: 1, openedAt: 1 });
serviceRequestSchema.index({ need: 1, status: 1 });

/** A stored service request (lean). */
export interface ServiceRequestRecord {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  owner: Types.ObjectId;
  status: ServiceRequestStatus;
  title: string;
  problem: string;
  industry: IndustryCode;
  city: CityCode;
  county: string | null;
  keywords: string[];
  urgency: ServiceRequestUrgency;
  preferred: Types.ObjectId[];
  excluded: Types.ObjectId[];
  need: Types.ObjectId | null;
  openedAt: Date | null;
  closedAt: Date | null;
  importJob?: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ServiceRequestModel = model<ServiceRequestRecord>('ServiceRequest', serviceRequestSchema);
