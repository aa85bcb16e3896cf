import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Model, Types } from 'mongoose';

/** The stored form of a code sent to an account: its hash, when it ends, how often it was guessed. */
export interface CodeRecord {
  _id: Types.ObjectId;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
  failures: number;
  usedAt?: Date | null;
}

export interface CodeRules {
  minutes: number;
  /** Wrong codes one code allows before it is spent. */
  maxFailures: number;
  /** Codes an account can be sent an hour (each allows maxFailures guesses of 10^6). */
  maxPerHour: number;
  resendAfterMs: number;
}

/** The schema fields every stored code has (the models add who it is for). */
export const oneTimeCodeFields = {
  codeHash: { type: String, required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
  failures: { type: Number, default: 0 },
  usedAt: { type: Date, default: null },
} as const;

/** Who a code is for: an account's id, or an address not yet registered (registration). */
type Subject = Types.ObjectId | string;

const hashCode = (userId: string, code: string) => createHash('sha256').update(`${userId}:${code}`).digest('hex');

/**
 * Short numeric codes sent to an account (password reset, email verification): only the hash is
 * stored, a code expires, allows few guesses, a new one ends the older ones, and sending is limited.
 */
export function oneTimeCodes<Extra extends object>(model: Model<CodeRecord & Extra> | object, rules: CodeRules, subjectPath = 'userId') {
  // `model` is a Mongoose model whose documents have CodeRecord's fields (and `Extra`); the models'
  // generated types differ in ways Mongoose's typings cannot relate, and this reads only CodeRecord's.
  const m = model as Model<CodeRecord>;
  type T = CodeRecord & Extra;
  const of = (subject: Subject) => ({ [subjectPath]: subject });
  return {
    rules,
    /** A new code for the account, or null when it was sent one too recently or too often. */
    async issue(userId: Subject, extra: Extra): Promise<string | null> {
      const now = Date.now();
      const recent = await m.find({ ...of(userId), createdAt: { $gt: new Date(now - 3600_000) } }).sort({ createdAt: -1 }).lean();
      const last = recent[0];
      if (recent.length >= rules.maxPerHour || (last && now - last.createdAt.getTime() < rules.resendAfterMs)) {
        return null;
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      // Earlier codes stop working once a new one is sent.
      await m.updateMany({ ...of(userId), usedAt: null }, { $set: { usedAt: new Date(now) } });
      await m.create({ ...extra, ...of(userId), codeHash: hashCode(String(userId), code), createdAt: new Date(now), expiresAt: new Date(now + rules.minutes * 60_000) });
      return code;
    },
    /**
     * The account's live code record when `code` matches it, else null. Each guess takes one of the
     * code's tries before it is compared, so concurrent guesses cannot exceed them.
     */
    async check(userId: Subject, code: string): Promise<T | null> {
      const rec = await m.findOne({ ...of(userId), usedAt: null }).sort({ createdAt: -1 }).lean();
      if (!rec || rec.expiresAt.getTime() <= Date.now()) {
        return null;
      }
      const tried = await m.updateOne({ _id: rec._id, usedAt: null, failures: { $lt: rules.maxFailures } }, { $inc: { failures: 1 } });
      const matches = timingSafeEqual(Buffer.from(rec.codeHash, 'hex'), Buffer.from(hashCode(String(userId), code), 'hex'));
      return tried.modifiedCount === 1 && matches ? (rec as unknown as T) : null;
    },
    /** Marks the code used; false when another request claimed it first. */
    async claim(rec: CodeRecord): Promise<boolean> {
      const claimed = await m.updateOne({ _id: rec._id, usedAt: null }, { $set: { usedAt: new Date() } });
      return claimed.modifiedCount === 1;
    },
    /** Gives a claimed code back (what it was claimed for was refused for another reason). */
    async unclaim(rec: CodeRecord): Promise<void> {
      await m.updateOne({ _id: rec._id }, { $set: { usedAt: null } });
    },
    /** Deletes codes older than a day (the hourly limit looks back one hour). */
    async sweep(now = new Date()): Promise<number> {
      const r = await m.deleteMany({ createdAt: { $lte: new Date(now.getTime() - 24 * 3600_000) } });
      return r.deletedCount;
    },
  };
}
