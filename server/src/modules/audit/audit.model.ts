import { Schema, model } from 'mongoose';

/** Append-only record of sensitive actions (verification, role or password changes, admin creation). */
const auditSchema = new Schema(
  {
    action: { type: String, required: true },
    actor: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    target: {
      kind: { type: String, required: true },
      id: { type: String, required: true },
    },
    detail: { type: Schema.Types.Mixed, default: {} },
    ip: { type: String, default: '' },
    at: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
// Queries (audit.service.ts auditQuery): the log filtered by action, newest first → {action, at};
// the whole log, newest first → {at}.
auditSchema.index({ action: 1, at: -1 });
auditSchema.index({ at: -1 });

export const AuditModel = model('AuditEntry', auditSchema);
