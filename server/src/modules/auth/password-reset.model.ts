import { Schema, model } from 'mongoose';

/** A password-reset code sent to an account: only its hash is kept, it expires and allows few tries. */
const passwordResetSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    codeHash: { type: String, required: true },
    channel: { type: String, enum: ['email', 'sms'], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    failures: { type: Number, default: 0 },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const PasswordResetModel = model('PasswordReset', passwordResetSchema);
