import { Schema, model } from 'mongoose';
import { oneTimeCodeFields } from './one-time-code';

/** A code sent to an account's email to prove it reads that mailbox: only its hash is kept. */
const emailVerificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    /** The address the code was sent to: a code proves only that address. */
    email: { type: String, required: true },
    ...oneTimeCodeFields,
  },
  { versionKey: false },
);

export const EmailVerificationModel = model('EmailVerification', emailVerificationSchema);
