import { Schema, model } from 'mongoose';
import { oneTimeCodeFields } from './one-time-code';

/** A password-reset code sent to an account: only its hash is kept, it expires and allows few tries. */
const passwordResetSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    channel: { type: String, enum: ['email', 'sms'], required: true },
    ...oneTimeCodeFields,
  },
  { versionKey: false },
);

export const PasswordResetModel = model('PasswordReset', passwordResetSchema);
