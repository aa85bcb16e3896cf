import { Schema, model } from 'mongoose';
import { oneTimeCodeFields } from './one-time-code';

/**
 * A registration code sent to an email address that no account holds yet: only its hash is kept.
 * The account is created when the code comes back with the form (registration.service.ts).
 */
const registrationCodeSchema = new Schema(
  {
    email: { type: String, required: true, index: true },
    ...oneTimeCodeFields,
  },
  { versionKey: false },
);

export const RegistrationCodeModel = model('RegistrationCode', registrationCodeSchema);
