import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { MEMBERSHIP_STATUSES, ORG_ROLES, ROLES } from '@kezhuan/shared';

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
    org: { type: Schema.Types.ObjectId, ref: 'Org', default: null, index: true },
    /**
     * The account's place in `org`: a request to join is `pending` (no rights over the
     * organisation's listings, no contacts) until a manager or an administrator approves it.
     * Accounts stored before memberships existed lack these fields and count as active members.
     */
    orgRole: { type: String, enum: ORG_ROLES, default: 'member' },
    orgStatus: { type: String, enum: MEMBERSHIP_STATUSES, default: 'active' },
    orgRequestedAt: { type: Date, default: null },
    /** Set when the account proved it reads its email (the hook for joining by a declared email domain). */
    emailVerifiedAt: { type: Date, default: null },
    lastLoginAt: { type: Date, default: null },
    passwordChangedAt: { type: Date, default: null },
    /** Set by an administrator: the account cannot sign in and its sessions have ended. */
    disabledAt: { type: Date, default: null },
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
