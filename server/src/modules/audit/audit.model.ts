import { Schema, model } from 'mongoose';

/** Append-only record of sensitive actions (verification, role or password changes, admin creation). */
const auditSchema = new Schema(
  {
    action: { type: String, required: true, index: true },
    actor: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    target: {
      kind: { type: String, required: true },
      id: { type: String, required: true },
    },
    detail: { type: Schema.Types.Mixed, default: {} },
    ip: { type: String, default: '' },
    at: { type: Date, default: () => new Date(), index: true },
  },
  { versionKey: false },
);

export const AuditModel = model('AuditEntry', auditSchema);
