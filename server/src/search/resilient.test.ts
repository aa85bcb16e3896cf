import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runEngineContract } from './contract';
import { RESULT_DOCS } from './contract-fixtures';
import { EmbeddedSearchEngine } from './embedded/engine';
import { MeiliSearchEngine } from './meili/engine';
import { ResilientSearchEngine } from './resilient';

const host = inject('meiliHost');
const apiKey = inject('meiliKey');
const prefix = `kz_test_resilient_${randomBytes(4).toString('hex')}_`;
const q = (text: string) => ({ q: text, page: 1, pageSize: 10 });

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP relay to Meilisearch that the test can cut and restore, to play an outage. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const up = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  };
  const down = async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => server?.close(resolve));
  };
  return { up, down, url: () => `http://127.0.0.1:${port}` };
}

describe('resilient engine with Meilisearch down', () => {
  it('answers from the embedded engine and remembers that the primary is down', async () => {
    const errors: string[] = [];
    const primary = new MeiliSearchEngine({ host: `http://127.0.0.1:${await closedPort()}`, indexPrefix: prefix, timeoutMs: 500 });
    const engine = new ResilientSearchEngine(primary, new EmbeddedSearchEngine({ file: ':memory:' }), {
      onPrimaryError: (_, op) => errors.push(op),
    });
    await engine.ensureIndex('results');
    await engine.upsert('results', RESULT_DOCS);
    const r = await engine.query('results', q('碳纤维'));
    expect(r.engine).toBe('embedded');
    expect(r.hits.map((h) => h.id)).toEqual(['r1']);
    expect(engine.primaryAvailable()).toBe(false);
    expect(await engine.suggest('results', '碳纤', 3)).toContain('碳纤维');
    expect(await engine.count('results')).toBe(RESULT_DOCS.length);
    expect(await engine.healthy()).toBe(true);
    expect(errors).toEqual(['ensureIndex']);
    // Every id is marked for re-sending: the primary's copy is unknown.
    expect([...(await engine.versions('results')).values()].every((v) => v === -1)).toBe(true);
    await engine.close();
  });
});

describe.skipIf(!host)('resilient engine with Meilisearch up', () => {
  runEngineContract('resilient', () =>
    Promise.resolve(
      new ResilientSearchEngine(new MeiliSearchEngine({ host, apiKey, indexPrefix: `${prefix}c_` }), new EmbeddedSearchEngine({ file: ':memory:' }), {
        onPrimaryError: (error) => {
          throw error;
        },
      }),
    ),
  );

  const cleanup: MeiliSearchEngine[] = [new MeiliSearchEngine({ host, apiKey, indexPrefix: `${prefix}c_` })];
  afterAll(async () => {
    for (const m of cleanup) {
      for (const index of ['results', 'needs'] as const) {
        // A missing index (never created) fails the task harmlessly.
        await m.client.deleteIndex(m.uid(index)).waitTask();
      }
      await m.close();
    }
  });

  it('answers from Meilisearch, falls back during an outage and replays the writes it missed', async () => {
    const link = relay(new URL(host));
    await link.up();
    const primary = new MeiliSearchEngine({ host: link.url(), apiKey, indexPrefix: `${prefix}o_`, timeoutMs: 1_000 });
    cleanup.push(new MeiliSearchEngine({ host, apiKey, indexPrefix: `${prefix}o_` }));
    const fallback = new EmbeddedSearchEngine({ file: ':memory:' });
    const engine = new ResilientSearchEngine(primary, fallback, { retryAfterMs: 200 });
    await engine.ensureIndex('results');
    await engine.upsert('results', RESULT_DOCS);
    expect((await engine.query('results', q('碳纤维'))).engine).toBe('meilisearch');
    expect(await fallback.count('results')).toBe(RESULT_DOCS.length);

    await link.down();
    const during = await engine.query('results', q('皂苷'));
    expect(during.engine).toBe('embedded');
    await engine.remove('results', ['r6']);
    expect((await engine.query('results', q('皂苷'))).total).toBe(0);

    await link.up();
    await new Promise((resolve) => setTimeout(resolve, 250));
    await engine.query('results', q('皂苷')); // starts the replay
    await expect.poll(async () => (await engine.query('results', q('碳纤维'))).engine, { timeout: 10_000 }).toBe('meilisearch');
    expect((await engine.query('results', q('皂苷'))).total).toBe(0);
    expect(await primary.count('results')).toBe(RESULT_DOCS.length - 1);
    await engine.close();
    await link.down();
  });
});
