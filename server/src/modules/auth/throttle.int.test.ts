import { LIMITS } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../testing/factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';
import { LoginAttemptModel } from './login-attempt.model';
import { sweepAttempts } from './throttle';

useTestDb();

const LIMIT = LIMITS.loginFailuresPerHour;
// Requests appear to come from different addresses through a trusted proxy.
const app = testApp({ trustProxy: 1 });

function loginFrom(c: Client, ip: string, identifier: string, password: string) {
  return c.agent.post('/api/auth/login').set('X-CSRF-Token', c.csrf).set('X-Forwarded-For', ip).send({ identifier, password });
}

// Each case checks 100+ real argon2 hashes: on a loaded shared machine that can exceed the 30 s default.
describe('login limits', { timeout: 120_000 }, () => {
  it(`locks an account after ${LIMIT} failures in an hour, even for the right password and from new addresses`, async () => {
    const u = await buildUser();
    const c = await client(app);
    for (let i = 0; i < LIMIT; i++) {
      const r = await loginFrom(c, `10.1.${Math.floor(i / 250)}.${i % 250}`, u.email, `Wrong-${i}-password`);
      expect(r.status).toBe(401);
    }
    const locked = await loginFrom(c, '10.9.9.9', u.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('3600');
    // The phone number reaches the same account and the same lock.
    expect((await loginFrom(c, '10.9.9.10', u.phone, TEST_PASSWORD)).status).toBe(429);

    // Unknown accounts lock identically, so the lock does not reveal whether an account exists.
    for (let i = 0; i < LIMIT; i++) {
      await loginFrom(c, `10.2.${Math.floor(i / 250)}.${i % 250}`, 'ghost@nowhere.cn', `Wrong-${i}-password`);
    }
    const ghost = await loginFrom(c, '10.9.9.11', 'ghost@nowhere.cn', TEST_PASSWORD);
    expect(ghost.status).toBe(429);
    expect(ghost.body).toEqual(locked.body);

    // An hour later the window has passed: old attempts are swept and the account opens again.
    await LoginAttemptModel.updateMany({}, { $set: { at: new Date(Date.now() - 61 * 60_000) } });
    expect(await sweepAttempts()).toBeGreaterThan(0);
    expect((await loginFrom(c, '10.9.9.12', u.email, TEST_PASSWORD)).status).toBe(200);
  });

  it(`limits one address to ${LIMIT} failures an hour across accounts`, async () => {
    const victim = await buildUser();
    const c = await client(app);
    for (let i = 0; i < LIMIT; i++) {
      expect((await loginFrom(c, '10.3.3.3', `someone${i}@nowhere.cn`, 'Wrong-password-1')).status).toBe(401);
    }
    expect((await loginFrom(c, '10.3.3.3', victim.email, TEST_PASSWORD)).status).toBe(429);
    const other = await client(app);
    expect((await loginFrom(other, '10.3.3.4', victim.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('checks at most the limit of passwords when attempts arrive all at once', async () => {
    const u = await buildUser();
    const c = await client(app);
    const burst = await Promise.all(
      Array.from({ length: LIMIT + 30 }, (_, i) => loginFrom(c, `10.4.${Math.floor(i / 250)}.${i % 250}`, u.email, `Wrong-${i}-password`)),
    );
    const checked = burst.filter((r) => r.status === 401).length;
    const refused = burst.filter((r) => r.status === 429).length;
    expect(checked).toBeLessThanOrEqual(LIMIT);
    expect(checked + refused).toBe(LIMIT + 30);
    expect(refused).toBeGreaterThanOrEqual(30);
  });
});
