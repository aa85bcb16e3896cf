import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../testing/harness';
import { SessionModel } from './session.model';
import { MongooseSessionStore } from './session.store';

useTestDb();

const get = (s: MongooseSessionStore, sid: string) =>
  new Promise<unknown>((res, rej) => s.get(sid, (err, sess) => (err ? rej(err) : res(sess))));
const set = (s: MongooseSessionStore, sid: string, sess: object) =>
  new Promise<void>((res, rej) => s.set(sid, sess as never, (err) => (err ? rej(err) : res())));

describe('session store without TTL indexes', () => {
  it('ignores expired sessions on read and the sweep deletes them', async () => {
    const store = new MongooseSessionStore(60_000, 0);
    await set(store, 'live', { cookie: { expires: new Date(Date.now() + 60_000) }, passport: { user: 'u1' } });
    await set(store, 'dead', { cookie: { expires: new Date(Date.now() - 1000) }, passport: { user: 'u1' } });
    expect(await get(store, 'live')).toMatchObject({ passport: { user: 'u1' } });
    expect(await get(store, 'dead')).toBeNull();
    expect(await store.sweep()).toBe(1);
    expect(await SessionModel.countDocuments()).toBe(1);
    expect(await store.destroyUserSessions('u1')).toBe(1);
    expect(await get(store, 'live')).toBeNull();
  });

  it('moves a rolling session\'s expiry on only when it gains a step, not at every request', async () => {
    const hour = 3_600_000;
    const store = new MongooseSessionStore(hour, 0); // step: 1 % of an hour = 36 s
    const at = Date.now();
    const sess = (plus: number) => ({ cookie: { expires: new Date(at + hour + plus) }, passport: { user: 'u2' } });
    const touch = (plus: number) => new Promise<void>((res, rej) => store.touch('rolling', sess(plus) as never, (err) => (err ? rej(err) : res())));
    const stored = async () => (await SessionModel.findById('rolling').lean())!.expiresAt.getTime();
    await set(store, 'rolling', sess(0));
    await touch(1000);
    await touch(20_000);
    expect(await stored()).toBe(at + hour);
    await touch(40_000);
    expect(await stored()).toBe(at + hour + 40_000);
    // Another process (no expiry known yet) writes at its first touch.
    const other = new MongooseSessionStore(hour, 0);
    await new Promise<void>((res, rej) => other.touch('rolling', sess(41_000) as never, (err) => (err ? rej(err) : res())));
    expect(await stored()).toBe(at + hour + 41_000);
  });
});
