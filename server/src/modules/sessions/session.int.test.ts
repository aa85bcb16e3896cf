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
});
