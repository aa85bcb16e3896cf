/** Test helpers for the import routes: upload a file, wait for its job. */
import type { ImportJobDetailView } from '@kezhuan/shared';
import type { Client } from '../../testing/harness';

/** Uploads a file as the raw body of POST /api/admin/imports. */
export function upload(c: Client, query: string, body: string | Buffer, type = 'text/csv') {
  return c.agent.post(`/api/admin/imports?${query}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(Buffer.isBuffer(body) ? body : Buffer.from(body));
}

/** Polls the job until it is done, failed or cancelled. */
export async function finished(c: Client, id: string, timeoutMs = 60_000): Promise<ImportJobDetailView> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await c.get(`/api/admin/imports/${id}`);
    if (res.status !== 200) {
      throw new Error(`GET import ${id}: ${res.status}`);
    }
    if (res.body.status === 'done' || res.body.status === 'failed' || res.body.status === 'cancelled') {
      return res.body as ImportJobDetailView;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}
