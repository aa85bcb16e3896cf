import { pairingRunInput, type PairingRunView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { useTestDb } from '../../testing/harness';
import { listenWithRealtime } from '../../testing/realtime-server';
import { openSocket, sessionCookie } from '../../testing/socket-client';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { currentTerm } from '../commissioners/commissioner.queries';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { confirmRun } from './confirm.service';
import { runSettled, startRun } from './run.service';

useTestDb();

const live = listenWithRealtime();

describe('pairing run over Socket.io', () => {
  it('pushes the run progress to the administrator who started it, and the confirmed pairing to the commissioner', async () => {
    const univ = await buildOrg({ type: 'university', verified: true });
    const researcher = await buildUser({ role: 'researcher', org: univ._id });
    const now = new Date();
    const term = currentTerm();
    await CommissionerModel.create({
      user: researcher._id, org: univ._id, term, status: 'approved', expertise: '汽车内饰材料VOC控制', keywords: ['VOC'], industries: ['C36'],
      cities: ['220100'], serveCities: ['220100'], capacity: 1, submittedAt: now, approvedAt: now,
    });
    const ent = await buildOrg({ type: 'enterprise', verified: true });
    const owner = await buildUser({ role: 'enterprise', org: ent._id });
    await ServiceRequestModel.create({ org: ent._id, owner: owner._id, status: 'open', title: '内饰VOC超标', problem: '内饰件VOC超标需要治理。', keywords: ['VOC'], industry: 'C36', city: '220100', urgency: 'normal', openedAt: now });
    const admin = await buildUser({ role: 'admin' });
    const other = await buildUser({ role: 'admin' });

    // Connected once the server has sent the unread count (listened for before it can arrive).
    const connected = async (email: string) => {
      const s = openSocket(live.url, { cookie: await sessionCookie(live.url, email) });
      await new Promise((r) => s.once('notification:unread', r));
      return s;
    };
    const [a, o, c] = [await connected(admin.email), await connected(other.email), await connected(researcher.email)];
    try {
      const seen: PairingRunView[] = [];
      let otherGot = 0;
      o.on('pairing:progress', () => (otherGot += 1));
      const finished = new Promise<void>((resolve) => {
        a.on('pairing:progress', (run) => {
          seen.push(run);
          if (run.status !== 'running') {
            resolve();
          }
        });
      });
      const run = await startRun(admin, pairingRunInput.parse({ term }), '127.0.0.1');
      await runSettled(String(run._id));
      await finished;
      expect(seen.map((r) => r.progress.stage)).toEqual(expect.arrayContaining(['read', 'matrix', 'solve', 'store', 'done']));
      expect(seen.at(-1)).toMatchObject({ id: String(run._id), status: 'proposed', totals: { pairs: 1 } });
      expect(otherGot).toBe(0);

      const arriving = new Promise<{ kind: string; link: string }>((resolve) => c.once('notification:new', resolve));
      await confirmRun(admin, String(run._id), '127.0.0.1');
      expect(await arriving).toMatchObject({ kind: 'pairing.match', link: '/me/pairings' });
    } finally {
      a.close();
      o.close();
      c.close();
    }
  });
});
