import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { ROLES } from '@kezhuan/shared';

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    phone: { type: String, required: true, unique: true, trim: true },
    passwordHash: { type: String, required: true },
    displayName: { type: String, required: true, trim: true },
    title: { type: String, default: '' },
    bio: { type: String, default: '' },
    locale: { type: String, enum: ['zh-CN', 'en'], default: 'zh-CN' },
    role: { type: String, enum: ROLES, required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', default: null },
    lastLoginAt: { type: Date, default: null },
    passwordChangedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
// Queries: login by e-mail or mobile → {email}, {phone} (unique, declared on the fields); everything
// else reads a user by `_id` (sessions, presenters).

export type User = InferSchemaType<typeof userSchema>;
export type UserDoc = HydratedDocument<User>;
export const UserModel = model('User', userSchema);

declare global {
  // Passport's req.user is our user document.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends UserDoc {}
  }
}
