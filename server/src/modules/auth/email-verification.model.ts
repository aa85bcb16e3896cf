import { Schema, model } from 'mongoose';

/** A code sent to an account's email to prove it reads that mailbox: only its hash is kept. */
const emailVerificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    /** The address the code was sent to: a code proves only that address. */
    email: { type: String, required: true },
    codeHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    failures: { type: Number, default: 0 },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const EmailVerificationModel = model('EmailVerification', emailVerificationSchema);
