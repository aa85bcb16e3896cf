import { Schema, model, type Types } from 'mongoose';

/**
 * The call's budget ledger: one document per call holding the sum funded so far. A decision
 * reserves its amount with one conditional `$inc` (`funded ≤ total − amount`), so two concurrent
 * decisions cannot together overspend the call's total budget.
 */
const callBudgetSchema = new Schema(
  {
    call: { type: Schema.Types.ObjectId, ref: 'ProgrammeCall', required: true },
    funded: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: 'programme_call_budgets' },
);
callBudgetSchema.index({ call: 1 }, { unique: true });
export const CallBudgetModel = model<{ _id: Types.ObjectId; call: Types.ObjectId; funded: number }>('ProgrammeCallBudget', callBudgetSchema);

/** The decision on one application (fund with an amount, or reject with a reason). */
const fundingDecisionSchema = new Schema(
  {
    call: { type: Schema.Types.ObjectId, ref: 'ProgrammeCall', required: true },
    application: { type: Schema.Types.ObjectId, ref: 'ProgrammeApplication', required: true },
    decision: { type: String, enum: ['fund', 'reject'], required: true },
    amount: { type: Number, default: null },
    reason: { type: String, default: null },
    project: { type: Schema.Types.ObjectId, ref: 'FundedProject', default: null },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    decidedAt: { type: Date, required: true },
  },
  { collection: 'programme_funding_decisions' },
);
fundingDecisionSchema.index({ application: 1 }, { unique: true });
// The call's funding page → {call}.
fundingDecisionSchema.index({ call: 1 });
export interface FundingDecisionRecord {
  _id: Types.ObjectId;
  call: Types.ObjectId;
  application: Types.ObjectId;
  decision: 'fund' | 'reject';
  amount: number | null;
  reason: string | null;
  project: Types.ObjectId | null;
  decidedBy: Types.ObjectId;
  decidedAt: Date;
}
export const FundingDecisionModel = model<FundingDecisionRecord>('ProgrammeFundingDecision', fundingDecisionSchema);
