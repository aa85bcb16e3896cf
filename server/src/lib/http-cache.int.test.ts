import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp, useTestDb } from '../testing/harness';

useTestDb();
const dist = mkdtempSync(join(tmpdir(), 'kz-dist-'));
mkdirSync(join(dist, 'assets'));
const script = `console.log(${JSON.stringify('科转'.repeat(4000))});`;
writeFileSync(join(dist, 'index.html'), `<!doctype html><html><head><script src="/assets/index-CKR29Pgh.js"></script></head><body>${'<!-- pad -->'.repeat(200)}</body></html>`);
writeFileSync(join(dist, 'assets', 'index-CKR29Pgh.js'), script);
writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
// A style the build precompressed (client/vite.config.ts): its .br is sent as it is.
const style = `.kz{content:${JSON.stringify('科转'.repeat(3000))}}`;
writeFileSync(join(dist, 'assets', 'index-B7xQ2mLa.css'), style);
writeFileSync(join(dist, 'assets', 'index-B7xQ2mLa.css.br'), brotliCompressSync(Buffer.from(style), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
const app = testApp({ clientDist: dist });

afterAll(() => rmSync(dist, { recursive: true, force: true }));

const server = app.listen(0, '127.0.0.1');
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** The bytes as they travel (supertest would decompress them). */
async function fetchRaw(path: string, acceptEncoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer; status: number }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: encodeURI(path), headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks), status: res.statusCode ?? 0 }));
    }).on('error', reject);
  });
}

describe('compression and caching', () => {
  it('sends hashed assets brotli-compressed and cacheable for a year as immutable', async () => {
    const res = await fetchRaw('/assets/index-CKR29Pgh.js', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const body = res.body;
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
  });

  it('sends the build\'s precompressed brotli file of an asset as it is, and the plain file to others', async () => {
    const br = await fetchRaw('/assets/index-B7xQ2mLa.css', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept-Encoding' });
    // Byte for byte the file the build wrote (quality 11), not compressed again per request.
    expect(Buffer.compare(br.body, brotliCompressSync(Buffer.from(style), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))).toBe(0);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(style);
    const plain = await fetchRaw('/assets/index-B7xQ2mLa.css', '');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(style);
    expect((await fetchRaw('/assets/..%2Findex.html.br', 'br')).headers['content-type']).not.toContain('text/css');
  });

  it('gzips for clients without brotli, and lets index.html and unhashed files be revalidated', async () => {
    const js = await fetchRaw('/assets/index-CKR29Pgh.js', 'gzip');
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(js.body).toString('utf8')).toBe(script);
    const page = await fetchRaw('/search?q=碳纤维', 'gzip');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('gzip');
    const icon = await fetchRaw('/favicon.svg', '');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('compresses JSON answers of the API', async () => {
    const res = await fetchRaw('/api/openapi.json', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect((JSON.parse(brotliDecompressSync(res.body).toString('utf8')) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('does not compress streamed downloads', async () => {
    const res = await fetchRaw('/api/search/results/export?format=csv', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toContain('成果名称');
  });
});
