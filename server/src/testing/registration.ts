import type request from 'supertest';
import type { Client } from './harness';
import type { TestOutbox } from './outbox';

/**
 * Registers through both steps, as the web app does: the form (step 1), then the form with the code
 * the outbox received (step 2). Answers step 2's response; throws when step 1 did not send a code.
 * Tests that are not about registration create accounts directly (`buildUser`, `signedInAs`).
 */
export async function registerWithCode(c: Client, outbox: TestOutbox, body: { email: string } & Record<string, unknown>): Promise<request.Response> {
  const sent = await c.post('/api/auth/register', body);
  const code = sent.status === 202 ? outbox.codeFor(body.email) : undefined;
  if (!code) {
    throw new Error(`registration step 1 sent no code to ${body.email}: ${sent.status} ${JSON.stringify(sent.body)}`);
  }
  return c.post('/api/auth/register/confirm', { ...body, code });
}
