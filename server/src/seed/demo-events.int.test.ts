import { describe, expect, it } from 'vitest';
import { EventMeetingModel } from '../modules/events/event.model';
import { buildOrg, buildUser } from '../testing/factories';
import { testApp, useTestDb } from '../testing/harness';
import { buildResult, signedInAs } from '../testing/listing-factories';
import { seedDemoEvents } from './demo-events';

useTestDb();
const app = testApp();

describe('the events demo data', () => {
  it('has a held expo with meetings and deals, an upcoming roadshow the demo enterprise registered for, and an online launch', { timeout: 120_000 }, async () => {
    await buildUser({ role: 'admin', email: 'admin@demo.kezhuan.cn', org: (await buildOrg({ type: 'government', verified: true }))._id });
    await buildUser({ role: 'intermediary', email: 'intermediary@demo.kezhuan.cn', org: (await buildOrg({ type: 'intermediary', verified: true }))._id });
    const firm = await buildUser({ role: 'enterprise', email: 'enterprise@demo.kezhuan.cn', org: (await buildOrg({ type: 'enterprise', verified: true }))._id });
    for (let i = 0; i < 8; i += 1) {
      await buildUser({ role: 'enterprise', org: (await buildOrg({ type: 'enterprise', verified: true }))._id });
      const r = await buildUser({ role: 'researcher', org: (await buildOrg({ type: i % 2 ? 'institute' : 'university', verified: true }))._id });
      await buildResult(r, { status: 'published' });
    }
    const out = await seedDemoEvents(new Date());
    expect(out.events).toBe(3);
    expect(out.meetings).toBeGreaterThan(4);
    expect(out.deals).toBeGreaterThan(0);
    const meetings = await EventMeetingModel.find({}).lean();
    const keys = meetings.flatMap((m) => [`${m.slot}:t${m.table}`, `${m.slot}:o${String(m.enterpriseOrg)}`, `${m.slot}:o${String(m.presenterOrg)}`]);
    expect(new Set(keys).size).toBe(keys.length);

    const c = await signedInAs(app, firm);
    const upcoming = (await c.get('/api/events?scope=upcoming')).body.items as { id: string; kind: string; state: string }[];
    expect(upcoming.map((e) => e.kind).sort()).toEqual(['online', 'roadshow']);
    const roadshow = upcoming.find((e) => e.kind === 'roadshow')!;
    expect((await c.get(`/api/events/${roadshow.id}`)).body).toMatchObject({ state: 'published', myRegistration: { picks: expect.any(Array) } });
    const past = (await c.get('/api/events?scope=past')).body.items as { state: string; schedulePublished: boolean }[];
    expect(past).toMatchObject([{ state: 'held', schedulePublished: true }]);
  });
});
