import { EVENT_KIND_CODES, EVENT_STATES, type EventKind, type EventState } from '@kezhuan/shared';
import { Schema, model, type Types } from 'mongoose';

/** A roadshow, expo booth or online launch with its programme of results (each result's org presents). */
const eventSchema = new Schema(
  {
    kind: { type: String, enum: EVENT_KIND_CODES, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    place: { type: String, default: '' },
    streamUrl: { type: String, default: '' },
    sessions: { type: [new Schema({ start: Date, end: Date }, { _id: false })], default: [] },
    /** First session's start and last session's end: the list sorts and splits on them. */
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    slotMinutes: { type: Number, required: true },
    tables: { type: Number, required: true },
    programme: { type: [new Schema({ result: Schema.Types.ObjectId, title: String, org: Schema.Types.ObjectId, orgName: String }, { _id: false })], default: [] },
    /** Null when an administrator organises it in the platform's name: then only administrators manage it. */
    organiserOrg: { type: Schema.Types.ObjectId, ref: 'Org', default: null },
    organiserName: { type: String, default: '' },
    state: { type: String, enum: EVENT_STATES, required: true },
    schedulePublishedAt: { type: Date, default: null },
    /** Told to the registrants and presenters when the organiser cancels it. */
    cancelReason: { type: String, default: '' },
    cancelledAt: { type: Date, default: null },
    /**
     * A readers–writer lock between scheduler runs and edits of the layout (sessions, slot length,
     * tables), each side taken by one conditional update: runs in progress (`activeRuns`, with the latest
     * one's lease `schedulingUntil`, so a crashed run is ignored once it ran out) and an edit in progress
     * (`editingUntil`). A run reads the layout only while no edit holds it; an edit checks the meetings
     * only while no run is placing any. Meetings are never placed on a layout that changed meanwhile.
     */
    activeRuns: { type: Number, default: 0 },
    schedulingUntil: { type: Date, default: null },
    editingUntil: { type: Date, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true, collection: 'events' },
);
/** A scheduler run or a layout edit holds the layout this long at most (longer only if its process died). */
export const LAYOUT_LEASE_MS = 120_000;

// Public lists: upcoming / past by state and date.
eventSchema.index({ state: 1, start: 1 });
// The organiser's own events, drafts included.
eventSchema.index({ organiserOrg: 1, start: -1 });
// The administrator's list of every event, latest first.
eventSchema.index({ start: -1 });

export interface EventRecord {
  _id: Types.ObjectId;
  kind: EventKind;
  title: string;
  description: string;
  place: string;
  streamUrl: string;
  sessions: { start: Date; end: Date }[];
  start: Date;
  end: Date;
  slotMinutes: number;
  tables: number;
  programme: { result: Types.ObjectId; title: string; org: Types.ObjectId; orgName: string }[];
  organiserOrg: Types.ObjectId | null;
  organiserName: string;
  state: EventState;
  schedulePublishedAt: Date | null;
  cancelReason?: string;
  cancelledAt?: Date | null;
  activeRuns?: number;
  schedulingUntil?: Date | null;
  editingUntil?: Date | null;
  createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}
export const EventModel = model<EventRecord>('Event', eventSchema);

/** One organisation's registration for an event, with the programme's results it wants to meet. */
const registrationSchema = new Schema(
  {
    event: { type: Schema.Types.ObjectId, required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    orgName: { type: String, required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    picks: { type: [Schema.Types.ObjectId], default: [] },
    note: { type: String, default: '' },
  },
  { timestamps: true, collection: 'event_registrations' },
);
// One registration per organisation per event; also the organiser's list of an event's registrations.
registrationSchema.index({ event: 1, org: 1 }, { unique: true });

export interface RegistrationRecord {
  _id: Types.ObjectId;
  event: Types.ObjectId;
  org: Types.ObjectId;
  orgName: string;
  user: Types.ObjectId;
  picks: Types.ObjectId[];
  note: string;
  createdAt: Date;
}
export const EventRegistrationModel = model<RegistrationRecord>('EventRegistration', registrationSchema);

/** A one-to-one meeting: an enterprise and a result's organisation at one slot and table. */
const meetingSchema = new Schema(
  {
    event: { type: Schema.Types.ObjectId, required: true },
    slot: { type: Number, required: true },
    table: { type: Number, required: true },
    enterpriseOrg: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    presenterOrg: { type: Schema.Types.ObjectId, required: true },
    presenterName: { type: String, required: true },
    result: { type: Schema.Types.ObjectId, required: true },
    resultTitle: { type: String, required: true },
    status: { type: String, enum: ['scheduled', 'cancelled'], required: true },
    interest: { enterprise: { type: Boolean, default: null }, presenter: { type: Boolean, default: null } },
    deal: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, collection: 'event_meetings' },
);
// The schedule of an event in slot order.
meetingSchema.index({ event: 1, slot: 1 });
// An organisation's own meetings (either side).
meetingSchema.index({ enterpriseOrg: 1, event: 1 });
meetingSchema.index({ presenterOrg: 1, event: 1 });

export interface MeetingRecord {
  _id: Types.ObjectId;
  event: Types.ObjectId;
  slot: number;
  table: number;
  enterpriseOrg: Types.ObjectId;
  enterpriseName: string;
  presenterOrg: Types.ObjectId;
  presenterName: string;
  result: Types.ObjectId;
  resultTitle: string;
  status: 'scheduled' | 'cancelled';
  interest: { enterprise: boolean | null; presenter: boolean | null };
  deal: Types.ObjectId | null;
}
export const EventMeetingModel = model<MeetingRecord>('EventMeeting', meetingSchema);

/**
 * What a scheduled meeting holds, one document each, `_id` naming it: "<event>:<slot>:t:<table>",
 * "<event>:<slot>:o:<org>" for both organisations, and "<event>:r:<enterprise>:<result>" for the
 * request itself. The unique `_id` index forbids a second holder of a table, of an organisation's
 * representative at one slot, and a second meeting for one request — on MongoDB and FerretDB
 * alike, without transactions (event.cells.ts), as the instrument booking does.
 */
const cellSchema = new Schema(
  { _id: { type: String, required: true }, event: { type: Schema.Types.ObjectId, required: true }, meeting: { type: Schema.Types.ObjectId, required: true } },
  { collection: 'event_meeting_cells', versionKey: false },
);
cellSchema.index({ meeting: 1 });
export interface MeetingCellRecord { _id: string; event: Types.ObjectId; meeting: Types.ObjectId }
export const EventMeetingCellModel = model<MeetingCellRecord>('EventMeetingCell', cellSchema);
