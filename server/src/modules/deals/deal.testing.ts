/** Test set-up for deal rooms: two organisations with published listings, and a room opened through the interest flow. */
import type { KezhuanApp } from '../../app';
import { buildUser } from '../../testing/factories';
import type { Client } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../../testing/listing-factories';

/**
 * An enterprise (demand) shows interest in a researcher's (supply) published result through its
 * published need; the room opens with the enterprise as opener.
 */
export async function openedDeal(app: KezhuanApp): Promise<{
  dealId: string;
  enterprise: Awaited<ReturnType<typeof buildUser>>;
  researcher: Awaited<ReturnType<typeof buildUser>>;
  ent: Client;
  res: Client;
  need: Awaited<ReturnType<typeof buildNeed>>;
  result: Awaited<ReturnType<typeof buildResult>>;
}> {
  const enterprise = await buildUser({ role: 'enterprise' });
  const researcher = await buildUser({ role: 'researcher' });
  const need = await buildNeed(enterprise, { status: 'published' });
  const result = await buildResult(researcher, { status: 'published' });
  const ent = await signedInAs(app, enterprise);
  const answer = await ent.post('/api/match-feedback', { needId: String(need._id), resultId: String(result._id), verdict: 'interested' });
  if (answer.status !== 200 || typeof answer.body.deal !== 'string') {
    throw new Error(`interest did not open a deal: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { dealId: answer.body.deal as string, enterprise, researcher, ent, res: await signedInAs(app, researcher), need, result };
}

export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
export const PDF_TYPE = 'application/pdf';

/** Uploads `bytes` into a room's files as the raw body, the fields in the query (as the web app does). */
export function uploadTo(c: Client, dealId: string, q: Record<string, string>, type: string, bytes: Buffer) {
  return c.agent.post(`/api/deals/${dealId}/files?${new URLSearchParams(q).toString()}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);
}
