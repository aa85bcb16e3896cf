import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { buildUser } from '../../testing/factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { InstrumentModel } from './instrument.model';
import { instrumentLab, validInstrumentInput } from './instrument.testing';

useTestDb();
const app = testApp();

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const upload = (c: Client, name: string, type: string, bytes: Buffer) =>
  c.agent.post(`/api/instrument-photos?name=${encodeURIComponent(name)}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);

describe('the instrument catalogue', () => {
  it('lets approved members of a verified university list, edit and withdraw their own instruments only', async () => {
    const lab = await instrumentLab(app);
    const other = await instrumentLab(app, { type: 'institute' });
    const made = await lab.c.post('/api/instruments', validInstrumentInput());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '场发射透射电子显微镜', mine: true, status: 'active', org: { id: String(lab.org._id) }, price: { unit: 'hour', amount: 800 } });
    // The presenter whitelists: no author ids, no search bookkeeping.
    expect(made.body).not.toHaveProperty('createdBy');
    expect(made.body).not.toHaveProperty('searchV');
    const path = `/api/instruments/${String(made.body.id)}`;

    // Another institution cannot edit or withdraw; an enterprise, an unverified university, a pending member and an administrator cannot list.
    expect((await other.c.put(path, validInstrumentInput({ name: '改掉的名字' }))).status).toBe(403);
    expect((await other.c.post(`${path}/withdraw`)).status).toBe(403);
    expect((await (await instrumentLab(app, { type: 'enterprise' })).c.post('/api/instruments', validInstrumentInput())).status).toBe(403);
    expect((await (await instrumentLab(app, { verified: false })).c.post('/api/instruments', validInstrumentInput())).status).toBe(403);
    const pending = await signedInAs(app, await buildUser({ role: 'researcher', org: lab.org._id, orgStatus: 'pending' }));
    expect((await pending.put(path, validInstrumentInput())).status).toBe(403);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    expect((await admin.post('/api/instruments', validInstrumentInput())).status).toBe(403);
    // Anonymous writes are refused before anything is read.
    expect((await (await client(app)).post('/api/instruments', validInstrumentInput())).status).toBe(401);

    // A colleague (plain member) edits it.
    const colleague = await signedInAs(app, await buildUser({ role: 'researcher', org: lab.org._id }));
    const edited = await colleague.put(path, validInstrumentInput({ name: '球差校正透射电子显微镜', price: { unit: 'sample', amount: 1200 } }));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: '球差校正透射电子显微镜', price: { unit: 'sample', amount: 1200 } });

    // Withdrawn: strangers (signed in or not) get 404, the institution still sees it in its own list.
    expect((await lab.c.post(`${path}/withdraw`)).body.status).toBe('withdrawn');
    expect((await other.c.get(path)).status).toBe(404);
    expect((await (await client(app)).get(path)).status).toBe(404);
    expect((await other.c.put(path, validInstrumentInput())).status).toBe(404);
    expect((await lab.c.get(path)).body).toMatchObject({ status: 'withdrawn', mine: true });
    const mine = await lab.c.get('/api/me/instruments').expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([made.body.id]);
    expect((await other.c.get('/api/me/instruments').expect(200)).body.total).toBe(0);
    // Editing lists it again.
    expect((await lab.c.put(path, validInstrumentInput())).body.status).toBe('active');
    expect((await other.c.get(path)).body.mine).toBe(false);

    const actions = await AuditModel.find({ action: /^instrument\./ }).lean();
    expect(actions.map((a) => a.action).sort()).toEqual(['instrument.create', 'instrument.update', 'instrument.update', 'instrument.withdraw']);
  });

  it('answers hostile input with 400 and field messages in both languages, never 500', async () => {
    const lab = await instrumentLab(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: { $gt: '' } }, 'body.name'],
      [{ category: 'weapons' }, 'body.category'],
      [{ city: '110000' }, 'body.city'],
      [{ price: { unit: 'hour', amount: -1 } }, 'body.price.amount'],
      [{ price: { unit: 'day', amount: 1 } }, 'body.price.unit'],
      [{ openingHours: [{ weekday: 8, from: '08:00', to: '09:00' }] }, 'body.openingHours.0.weekday'],
      [{ openingHours: [{ weekday: 1, from: '10:00', to: '09:00' }] }, 'body.openingHours.0.to'],
      [{ openingHours: [{ weekday: 1, from: '08:15', to: '09:00' }] }, 'body.openingHours.0.from'],
      [{ openingHours: [{ weekday: 1, from: '08:00', to: '12:00' }, { weekday: 1, from: '11:00', to: '13:00' }] }, 'body.openingHours'],
      [{ photos: ['../../etc/passwd'] }, 'body.photos.0'],
      [{ params: [{ name: 'x', value: 'y', $where: '1' }] }, 'body.params.0'],
      [{ owner: 'me' }, 'body'],
    ];
    for (const [override, path] of cases) {
      const res = await lab.c.post('/api/instruments', validInstrumentInput(override));
      expect(res.status, JSON.stringify(override)).toBe(400);
      const field = (res.body.error.fields as { path: string; message: string; messageEn: string }[]).find((f) => f.path.startsWith(path));
      expect(field, `${JSON.stringify(override)} → ${JSON.stringify(res.body.error.fields)}`).toBeTruthy();
      expect(field?.message).toBeTruthy();
      expect(field?.messageEn).toBeTruthy();
    }
    // Ids in the path and the query are validated too.
    expect((await lab.c.get('/api/instruments/not-an-id')).status).toBe(400);
    expect((await lab.c.get('/api/instruments?category=nope')).status).toBe(400);
    expect((await lab.c.get('/api/instruments?org[$ne]=1')).status).toBe(400);
    expect((await lab.c.get('/api/instruments?pageSize=100000')).status).toBe(400);
    expect(await InstrumentModel.countDocuments({ org: lab.org._id })).toBe(0);
  });

  it('takes photos checked by content, of the same institution only, and shows them with the instrument', async () => {
    const lab = await instrumentLab(app);
    const other = await instrumentLab(app);
    // A script renamed .png, a PNG declared as JPEG, a PDF: refused.
    expect((await upload(lab.c, 'evil.png', 'image/png', Buffer.from('#!/bin/sh\nrm -rf /\n'))).status).toBe(415);
    expect((await upload(lab.c, 'a.jpg', 'image/jpeg', PNG)).status).toBe(415);
    // A type the route does not read at all is a 400 (no body), never stored.
    expect((await upload(lab.c, 'a.pdf', 'application/pdf', Buffer.from('%PDF-1.7 x'))).status).toBe(400);
    const ent = await instrumentLab(app, { type: 'enterprise' });
    expect((await upload(ent.c, 'a.png', 'image/png', PNG)).status).toBe(403);

    const photo = await upload(lab.c, '电镜.png', 'image/png', PNG);
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ mime: 'image/png', size: PNG.byteLength });
    expect(photo.body).not.toHaveProperty('key');
    // Another institution cannot use it.
    const stolen = await other.c.post('/api/instruments', validInstrumentInput({ photos: [photo.body.id] }));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.fields[0].path).toBe('body.photos');

    const made = await lab.c.post('/api/instruments', validInstrumentInput({ photos: [photo.body.id] }));
    expect(made.body.photos).toEqual([photo.body.id]);
    const anon = await client(app);
    const img = await anon.get(`/api/instruments/${String(made.body.id)}/photos/${String(photo.body.id)}`).buffer(true);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(img.body as Buffer, PNG)).toBe(0);
    // A photo the instrument does not show, or of a withdrawn instrument: 404.
    const loose = await upload(lab.c, 'b.png', 'image/png', PNG);
    expect((await anon.get(`/api/instruments/${String(made.body.id)}/photos/${String(loose.body.id)}`)).status).toBe(404);
    await lab.c.post(`/api/instruments/${String(made.body.id)}/withdraw`);
    expect((await anon.get(`/api/instruments/${String(made.body.id)}/photos/${String(photo.body.id)}`)).status).toBe(404);
    expect(await AuditModel.countDocuments({ action: 'instrument.photo_upload', 'target.id': String(lab.org._id) })).toBe(2);
  });
});
