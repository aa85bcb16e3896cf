import { Schema, model } from 'mongoose';

/**
 * A registration code sent to an email address that no account holds yet: only its hash is kept.
 * The account is created when the code comes back with the form (registration.service.ts).
 */
const registrationCodeSchema = new Schema(
  {
    email: { type: String, required: true, index: true },
    codeHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    failures: { type: Number, default: 0 },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export const RegistrationCodeModel = model('RegistrationCode', registrationCodeSchema);
